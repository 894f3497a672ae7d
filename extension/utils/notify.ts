import type { Reminder, ReminderKind } from '@followthrough/shared/contract';

const DAY_MS = 86_400_000;

/**
 * Which reminders to notify now: every kind the user left switched on (each opens its thread, or the
 * client's page when it has none), not notified in the last day. Pure, so the rule is tested without a
 * browser.
 */
export function remindersToNotify(reminders: readonly Reminder[], notified: Record<string, string>, now: number, kinds: Record<ReminderKind, boolean>): Reminder[] {
  return reminders.filter((r) => {
    if (!kinds[r.kind]) return false;
    const last = notified[r.id];
    return !last || now - Date.parse(last) >= DAY_MS;
  });
}

/** Forgets notifications older than a week so the record stays small. */
export function pruneNotified(notified: Record<string, string>, now: number): Record<string, string> {
  return Object.fromEntries(Object.entries(notified).filter(([, at]) => now - Date.parse(at) < 7 * DAY_MS));
}

const KIND_TITLES: Record<ReminderKind, string> = {
  'promise-due': 'Promise due today',
  'promise-overdue': 'Promise overdue',
  silence: 'Client gone quiet',
  'awaiting-reply': 'Client waiting for your reply',
  renewal: 'Renewal coming up',
  feedback: 'Time to ask for feedback',
  'promise-at-risk': 'Tell them now if it will slip',
  'client-risk': 'Risk from a client',
  review: 'Quarterly review due',
};

/** What each kind is, for the options page's switches. */
export const KIND_DESCRIPTIONS: Record<ReminderKind, string> = {
  'promise-overdue': 'A promise you made is past its due date',
  'promise-due': 'A promise is due within the next 24 hours',
  'awaiting-reply': 'A client has waited longer than your reply target',
  silence: 'No contact with a client for longer than the agreed cadence',
  renewal: 'A contract renews within 60 days',
  feedback: 'You have not asked a client for feedback in 90 days (or its own interval), by mail or a logged touchpoint',
  'promise-at-risk': 'A promise is due within 24 hours and no slip notice was sent: break bad news early',
  'client-risk': 'A client wrote about alternatives, budget cuts, a complaint or a worry, and you have not answered',
  review: "A client's quarterly review (SWOT and risks) is older than 90 days (or its own interval), or there has been none",
};

export function notificationText(reminder: Reminder): { title: string; message: string } {
  return { title: `${KIND_TITLES[reminder.kind]}: ${reminder.name ?? reminder.counterpart}`, message: reminder.title };
}

export function kindTitle(kind: ReminderKind): string {
  return KIND_TITLES[kind];
}
