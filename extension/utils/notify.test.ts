import { describe, expect, it } from 'vitest';
import type { Reminder } from '@followthrough/shared/contract';
import { notificationText, pruneNotified, remindersToNotify } from './notify';
import { DEFAULT_NOTIFY_KINDS } from './settings';

const base: Reminder = {
  id: 'promise-overdue:p1a2b3',
  kind: 'promise-overdue',
  counterpart: 'northwind-logistics.example',
  name: null,
  threadId: '1938c0a7d2b4e53d',
  messageId: '1938c0a7d2b4e542',
  dueAt: '2026-11-12T17:00:00.000Z',
  since: null,
  title: "I'll send the revised rollout plan by Thursday",
  link: 'https://mail.google.com/mail/u/0/#all/1938c0a7d2b4e53d',
};
const NOW = Date.parse('2026-11-16T09:00:00Z');

describe('which reminders notify', () => {
  it('notifies every kind the user left on, with or without a thread (those open the client page)', () => {
    const reminders: Reminder[] = [
      base,
      { ...base, id: 'silence:fabrikam-foods.example', kind: 'silence', counterpart: 'fabrikam-foods.example', title: 'No contact for 21 days (cadence 14)' },
      { ...base, id: 'awaiting:193a', kind: 'awaiting-reply', title: 'Marco Rossi is waiting since Saturday' },
      { ...base, id: 'renewal:northwind', kind: 'renewal', title: 'Renewal on 2027-01-10', link: null },
      { ...base, id: 'feedback:northwind', kind: 'feedback', title: 'Feedback last asked 120 days ago', link: null },
    ];
    expect(remindersToNotify(reminders, {}, NOW, DEFAULT_NOTIFY_KINDS).map((r) => r.kind)).toEqual(['promise-overdue', 'silence', 'awaiting-reply', 'renewal', 'feedback']);
    const quieter = { ...DEFAULT_NOTIFY_KINDS, feedback: false, silence: false };
    expect(remindersToNotify(reminders, {}, NOW, quieter).map((r) => r.kind)).toEqual(['promise-overdue', 'awaiting-reply', 'renewal']);
  });

  it('notifies a client risk and the "tell them now" nudge like promises, each opening its thread, unless switched off', () => {
    const risk: Reminder = { ...base, id: 'client-risk:r1@contoso.example', kind: 'client-risk', counterpart: 'contoso.example', name: 'Contoso', title: 'Risk from Contoso, budget cuts: “Our marketing budget has been cut by a third for next year.”', link: 'https://mail.google.com/mail/u/0/#all/18c3000000000001' };
    const nudge: Reminder = { ...base, id: 'promise:p1', kind: 'promise-at-risk', title: 'Tell northwind-logistics.example now if “I\'ll send the revised rollout plan by Thursday.” will slip (due in 10 hours)' };
    expect(remindersToNotify([risk, nudge], {}, NOW, DEFAULT_NOTIFY_KINDS)).toEqual([risk, nudge]);
    expect(notificationText(risk)).toEqual({ title: 'Risk from a client: Contoso', message: risk.title });
    expect(notificationText(nudge).title).toBe('Tell them now if it will slip: northwind-logistics.example');
    expect(remindersToNotify([risk, nudge], {}, NOW, { ...DEFAULT_NOTIFY_KINDS, 'client-risk': false })).toEqual([nudge]);
  });

  it('does not repeat a notification within a day, and repeats it the next day', () => {
    expect(remindersToNotify([base], { [base.id]: '2026-11-16T08:00:00.000Z' }, NOW, DEFAULT_NOTIFY_KINDS)).toEqual([]);
    expect(remindersToNotify([base], { [base.id]: '2026-11-15T08:59:00.000Z' }, NOW, DEFAULT_NOTIFY_KINDS)).toEqual([base]);
  });

  it('forgets notifications older than a week', () => {
    expect(pruneNotified({ old: '2026-11-01T00:00:00.000Z', recent: '2026-11-15T00:00:00.000Z' }, NOW)).toEqual({ recent: '2026-11-15T00:00:00.000Z' });
  });

  it('titles the notification with what it is and for whom, by name when the user gave one', () => {
    expect(notificationText({ ...base, name: 'Northwind Logistics' }).title).toBe('Promise overdue: Northwind Logistics');
    expect(notificationText(base)).toEqual({
      title: 'Promise overdue: northwind-logistics.example',
      message: "I'll send the revised rollout plan by Thursday",
    });
  });
});
