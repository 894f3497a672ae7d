import { z } from 'zod';

export const REMINDER_KINDS = [
  'promise-due',
  'promise-overdue',
  'silence',
  'awaiting-reply',
  'renewal',
  'feedback',
  /** A promise due within 24 hours, not kept, no slip notice sent: tell the client now if it will slip. */
  'promise-at-risk',
  /** A client's mail with risk language (a tender, budget cuts, a complaint, ...) we have not answered. */
  'client-risk',
  /** The quarterly review of a client (a SWOT and the risks) is due: the last is older than its interval, or there has been none. */
  'review',
] as const;
export const reminderKindSchema = z.enum(REMINDER_KINDS);
export type ReminderKind = z.infer<typeof reminderKindSchema>;

export const listRemindersQuerySchema = z.object({
  /** Include promises due up to this instant (default: 24 hours from now). */
  until: z.iso.datetime({ offset: true }).optional(),
  /** The most urgent this many (by kind, then due date); `counts` says how many there are of each kind. */
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const reminderSchema = z.object({
  /** Stable across calls, so the extension can de-duplicate notifications. */
  id: z.string(),
  kind: reminderKindSchema,
  counterpart: z.string(),
  /** The client's name as the user set it, when they did. */
  name: z.string().nullable(),
  threadId: z.string().nullable(),
  messageId: z.string().nullable(),
  /** When the thing is or was due (promise due date, cadence lapse, renewal date). */
  dueAt: z.string().nullable(),
  /** Since when it has been waiting (client mail, last contact, last feedback). */
  since: z.string().nullable(),
  title: z.string(),
  /**
   * Opens the exact thread in Gmail or Outlook on the web (the provider's thread id, or the message's own
   * id); null when the reminder has no thread (renewal, feedback, a silence after a logged call): the
   * extension then opens the client's page.
   */
  link: z.string().nullable(),
});
export type Reminder = z.infer<typeof reminderSchema>;

/** How long a reminder can be put away for, from the popup or a notification. */
export const SNOOZE_CHOICES = ['1d', '1w', 'date'] as const;

/**
 * `PUT /v1/reminders/snooze`: hides one reminder until `until` (null: show it again). A promise's snooze is
 * kept on the promise (it survives a change of its due date); others are kept by reminder id, so a renewal
 * snoozed for one date comes back for the next one.
 */
export const snoozeReminderRequestSchema = z
  .object({
    id: z.string().min(3).max(1200),
    until: z.iso.datetime({ offset: true }).nullable(),
  })
  .strict();
export const snoozeReminderResponseSchema = z.object({ id: z.string(), until: z.string().nullable() });

export const listRemindersResponseSchema = z.object({
  now: z.string(),
  reminders: z.array(reminderSchema),
  /** How many reminders of each kind there are in all (the list holds the most urgent of them). */
  counts: z.record(reminderKindSchema, z.number().int()),
});
