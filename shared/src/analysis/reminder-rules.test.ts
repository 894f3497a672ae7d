import { describe, expect, it } from 'vitest';
import type { NormalizedMessage } from '../model/message';
import { analysisSettingsSchema } from '../model/settings';
import { awaitingThresholds } from './awaiting';
import { createMailboxAnalyzer } from './mailbox-analyzer';
import { clientMatchesFilter, feedbackDueSince, isSnoozed, promiseIdOfReminder, remindersFromDocument, renewalDaysLeft, reviewReminder, silenceLapsedAt, type DocumentRemindersInput } from './reminder-rules';

const now = '2026-11-20T12:00:00.000Z';

describe('reminder rules', () => {
  it('finds silence past the cadence, and none without a cadence or contact', () => {
    expect(silenceLapsedAt('2026-11-01T12:00:00.000Z', 14, now)).toBe('2026-11-15T12:00:00.000Z');
    expect(silenceLapsedAt('2026-11-10T12:00:00.000Z', 14, now)).toBeNull();
    expect(silenceLapsedAt('2026-11-01T12:00:00.000Z', null, now)).toBeNull();
    expect(silenceLapsedAt(null, 14, now)).toBeNull();
  });

  it('warns of renewals from today to 60 days ahead', () => {
    expect(renewalDaysLeft('2026-11-20', now)).toBe(0);
    expect(renewalDaysLeft('2027-01-19', now)).toBe(60);
    expect(renewalDaysLeft('2027-01-20', now)).toBeNull();
    expect(renewalDaysLeft('2026-11-19', now)).toBeNull();
  });

  it('asks for feedback from clients we are in touch with, when never or long ago asked', () => {
    expect(feedbackDueSince(null, '2026-11-18T12:00:00.000Z', now)).toBeNull();
    expect(feedbackDueSince('2026-08-01T12:00:00.000Z', '2026-11-18T12:00:00.000Z', now)).toBe('2026-10-30T12:00:00.000Z');
    expect(feedbackDueSince('2026-10-01T12:00:00.000Z', '2026-11-18T12:00:00.000Z', now)).toBeUndefined();
    // Out of touch for longer than the interval: a feedback question would be odd; silence says it first.
    expect(feedbackDueSince(null, '2026-05-01T12:00:00.000Z', now)).toBeUndefined();
  });
});

describe('the quarterly review reminder', () => {
  const client = { key: 'acme.com', name: 'Acme Corp', firstContactAt: '2026-08-01T12:00:00.000Z', lastContactAt: '2026-11-18T12:00:00.000Z' };
  it('is due 90 days after the last review, or after the first contact when there was none', () => {
    expect(reviewReminder({ ...client, lastReviewAt: null }, now)).toMatchObject({
      id: 'review:acme.com',
      kind: 'review',
      dueAt: '2026-10-30T12:00:00.000Z',
      since: '2026-08-01T12:00:00.000Z',
      title: 'Quarterly review of Acme Corp due: never reviewed, in touch for 111 days (a SWOT and the risks)',
      link: null,
    });
    expect(reviewReminder({ ...client, lastReviewAt: '2026-10-01T12:00:00.000Z' }, now)).toBeNull();
    expect(reviewReminder({ ...client, lastReviewAt: '2026-08-10T12:00:00.000Z' }, now)!.title).toBe('Quarterly review of Acme Corp due: last reviewed 102 days ago (a SWOT and the risks)');
  });
  it("follows the client's own interval, and leaves clients nobody is in touch with alone", () => {
    expect(reviewReminder({ ...client, lastReviewAt: '2026-10-01T12:00:00.000Z', intervalDays: 30 }, now)!.dueAt).toBe('2026-10-31T12:00:00.000Z');
    expect(reviewReminder({ ...client, lastReviewAt: null, lastContactAt: '2026-03-01T12:00:00.000Z' }, now)).toBeNull();
  });
});

describe('reminders from an analysed document (local memory)', () => {
  const settings = analysisSettingsSchema.parse({ me: ['anna@northwind.io'], timeZone: 'Europe/Berlin', defaultCadenceDays: 14 });
  const at = '2026-11-20T12:00:00.000Z';
  const message = (over: Partial<NormalizedMessage> & Pick<NormalizedMessage, 'id' | 'date' | 'from' | 'text'>): NormalizedMessage => ({
    to: ['anna@northwind.io'],
    subject: 'Q4 rollout',
    ...over,
  });
  const analyzer = createMailboxAnalyzer(settings);
  analyzer.add(message({ id: '<a1@northwind.io>', threadId: '18c0000000000001', from: 'anna@northwind.io', to: ['tom@acme.com'], date: '2026-10-20T09:00:00Z', text: "Hi Tom, I'll send you the revised timeline by Friday." }));
  analyzer.add(message({ id: '<g1@globex.example>', threadId: '18c0000000000002', from: 'Ann <ann@globex.example>', subject: 'Invoice question', date: '2026-11-16T09:00:00Z', text: 'Could you check the invoice for October?' }));
  const doc = analyzer.result(at);
  const base: DocumentRemindersInput = {
    now: at,
    counterparts: doc.counterparts,
    promises: doc.promises,
    overTargetUpTo: awaitingThresholds(at, settings).overTargetUpTo,
    profiles: new Map([['acme.com', { name: 'Acme Corp', renewalDate: '2026-12-31' }]]),
    lastFeedbackAt: new Map(),
    threads: new Map([
      ['18c0000000000001', { subject: 'Q4 rollout', link: 'https://mail.google.com/mail/u/0/#all/18c0000000000001' }],
      ['18c0000000000002', { subject: 'Invoice question', link: 'https://mail.google.com/mail/u/0/#all/18c0000000000002' }],
    ]),
    latestThread: new Map([['acme.com', '18c0000000000001']]),
    snoozes: new Map(),
  };

  it('finds each kind with the same ids and titles the server uses, linking threads', () => {
    const list = remindersFromDocument(base);
    expect(list.map((r) => r.id)).toEqual([
      `promise:${doc.promises[0]!.id}`,
      'awaiting-reply:18c0000000000002',
      'silence:acme.com',
      'renewal:acme.com:2026-12-31',
      'feedback:acme.com',
      'feedback:globex.example',
    ]);
    expect(list[0]).toMatchObject({ kind: 'promise-overdue', name: 'Acme Corp', link: 'https://mail.google.com/mail/u/0/#all/18c0000000000001' });
    expect(list[0]!.title).toBe('Overdue promise to Acme Corp: “Hi Tom, I\'ll send you the revised timeline by Friday.”');
    expect(list[1]!.title).toBe('globex.example is waiting for our reply: “Invoice question”');
    expect(list[2]).toMatchObject({ title: 'No contact with Acme Corp for 31 days (agreed cadence: every 14 days)', link: 'https://mail.google.com/mail/u/0/#all/18c0000000000001' });
    expect(list[3]!.title).toBe('Acme Corp renews on 2026-12-31 (in 41 days)');
    expect(list[5]).toMatchObject({ link: null, title: 'Ask globex.example for feedback: never asked' });
  });

  it('leaves out what is snoozed, promises by their own snooze too', () => {
    const promiseId = doc.promises[0]!.id;
    const list = remindersFromDocument({
      ...base,
      promises: doc.promises.map((p) => ({ ...p, snoozedUntil: '2026-11-21T12:00:00.000Z' })),
      snoozes: new Map([['silence:acme.com', '2026-11-27T12:00:00.000Z'], ['feedback:globex.example', '2026-11-19T12:00:00.000Z']]),
    });
    expect(list.map((r) => r.id)).not.toContain(`promise:${promiseId}`);
    expect(list.map((r) => r.id)).not.toContain('silence:acme.com');
    // A snooze that ended shows the reminder again.
    expect(list.map((r) => r.id)).toContain('feedback:globex.example');
    expect(promiseIdOfReminder(`promise:${promiseId}`)).toBe(promiseId);
    expect(isSnoozed('2026-11-20T12:00:00.000Z', at)).toBe(false);
  });
});

describe('client filters', () => {
  const summary = { promises: { overdue: 0 }, awaitingOurReplyCount: 0, lastContactAt: '2026-11-01T12:00:00.000Z', cadenceDays: 14 };
  it('picks clients with overdue promises, replies owed, silence past cadence, renewal within 60 days', () => {
    expect(clientMatchesFilter(summary, null, undefined, now)).toBe(true);
    expect(clientMatchesFilter(summary, null, 'overdue', now)).toBe(false);
    expect(clientMatchesFilter({ ...summary, promises: { overdue: 1 } }, null, 'overdue', now)).toBe(true);
    expect(clientMatchesFilter({ ...summary, awaitingOurReplyCount: 2 }, null, 'awaiting', now)).toBe(true);
    expect(clientMatchesFilter(summary, null, 'silent', now)).toBe(true);
    expect(clientMatchesFilter({ ...summary, cadenceDays: 30 }, null, 'silent', now)).toBe(false);
    expect(clientMatchesFilter(summary, '2027-01-19', 'renewal', now)).toBe(true);
    expect(clientMatchesFilter(summary, '2027-01-20', 'renewal', now)).toBe(false);
  });
});
