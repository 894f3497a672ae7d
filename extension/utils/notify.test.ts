import { describe, expect, it } from 'vitest';
import type { Reminder } from '@followthrough/shared/contract';
import { notificationText, pruneNotified, remindersToNotify } from './notify';

const base: Reminder = {
  id: 'promise-overdue:p1a2b3',
  kind: 'promise-overdue',
  counterpart: 'northwind-logistics.example',
  threadId: '1938c0a7d2b4e53d',
  messageId: '1938c0a7d2b4e542',
  dueAt: '2026-11-12T17:00:00.000Z',
  since: null,
  title: "I'll send the revised rollout plan by Thursday",
  link: 'https://mail.google.com/mail/u/0/#all/1938c0a7d2b4e53d',
};
const NOW = Date.parse('2026-11-16T09:00:00Z');

describe('which reminders notify', () => {
  it('notifies due and overdue promises, silences and waiting client mail, each with its thread link', () => {
    const reminders: Reminder[] = [
      base,
      { ...base, id: 'silence:fabrikam-foods.example', kind: 'silence', counterpart: 'fabrikam-foods.example', title: 'No contact for 21 days (cadence 14)' },
      { ...base, id: 'awaiting:193a', kind: 'awaiting-reply', title: 'Marco Rossi is waiting since Saturday' },
      { ...base, id: 'renewal:northwind', kind: 'renewal', title: 'Renewal on 2027-01-10', link: null },
      { ...base, id: 'feedback:northwind', kind: 'feedback', title: 'Feedback last asked 120 days ago', link: null },
    ];
    expect(remindersToNotify(reminders, {}, NOW).map((r) => r.kind)).toEqual(['promise-overdue', 'silence', 'awaiting-reply']);
  });

  it('does not repeat a notification within a day, and repeats it the next day', () => {
    expect(remindersToNotify([base], { [base.id]: '2026-11-16T08:00:00.000Z' }, NOW)).toEqual([]);
    expect(remindersToNotify([base], { [base.id]: '2026-11-15T08:59:00.000Z' }, NOW)).toEqual([base]);
  });

  it('skips a reminder without a link (nothing to open on click)', () => {
    expect(remindersToNotify([{ ...base, link: null }], {}, NOW)).toEqual([]);
  });

  it('forgets notifications older than a week', () => {
    expect(pruneNotified({ old: '2026-11-01T00:00:00.000Z', recent: '2026-11-15T00:00:00.000Z' }, NOW)).toEqual({ recent: '2026-11-15T00:00:00.000Z' });
  });

  it('titles the notification with what it is and for whom', () => {
    expect(notificationText(base)).toEqual({
      title: 'Promise overdue: northwind-logistics.example',
      message: "I'll send the revised rollout plan by Thursday",
    });
  });
});
