import type { Reminder } from '@followthrough/shared/contract';

/** Kinds that warrant interrupting the user (issue 5: due/overdue promises, silences, client mail waiting). */
const NOTIFY_KINDS = new Set<Reminder['kind']>(['promise-due', 'promise-overdue', 'silence', 'awaiting-reply']);

const DAY_MS = 86_400_000;

/**
 * Which reminders to notify now: notifiable kinds, with a link to open, not notified in the last day.
 * Pure, so the rule is tested without a browser.
 */
export function remindersToNotify(reminders: Reminder[], notified: Record<string, string>, now: number): Reminder[] {
  return reminders.filter((r) => {
    if (!NOTIFY_KINDS.has(r.kind) || !r.link) return false;
    const last = notified[r.id];
    return !last || now - Date.parse(last) >= DAY_MS;
  });
}

/** Forgets notifications older than a week so the record stays small. */
export function pruneNotified(notified: Record<string, string>, now: number): Record<string, string> {
  return Object.fromEntries(Object.entries(notified).filter(([, at]) => now - Date.parse(at) < 7 * DAY_MS));
}

const KIND_TITLES: Record<Reminder['kind'], string> = {
  'promise-due': 'Promise due today',
  'promise-overdue': 'Promise overdue',
  silence: 'Client gone quiet',
  'awaiting-reply': 'Client waiting for your reply',
  renewal: 'Renewal coming up',
  feedback: 'Time to ask for feedback',
};

export function notificationText(reminder: Reminder): { title: string; message: string } {
  return { title: `${KIND_TITLES[reminder.kind]}: ${reminder.counterpart}`, message: reminder.title };
}

export function kindTitle(kind: Reminder['kind']): string {
  return KIND_TITLES[kind];
}
