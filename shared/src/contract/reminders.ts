import { z } from 'zod';

export const REMINDER_KINDS = [
  'promise-due',
  'promise-overdue',
  'silence',
  'awaiting-reply',
  'renewal',
  'feedback',
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
  threadId: z.string().nullable(),
  messageId: z.string().nullable(),
  /** When the thing is or was due (promise due date, cadence lapse, renewal date). */
  dueAt: z.string().nullable(),
  /** Since when it has been waiting (client mail, last contact, last feedback). */
  since: z.string().nullable(),
  title: z.string(),
  /** Opens the thread in Gmail or Outlook on the web; null when there is no thread (renewal, feedback). */
  link: z.string().nullable(),
});
export type Reminder = z.infer<typeof reminderSchema>;

export const listRemindersResponseSchema = z.object({
  now: z.string(),
  reminders: z.array(reminderSchema),
  /** How many reminders of each kind there are in all (the list holds the most urgent of them). */
  counts: z.record(reminderKindSchema, z.number().int()),
});
