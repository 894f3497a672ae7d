import { describe, expect, it } from 'vitest';
import type { NormalizedMessage } from '../model/message';
import { analysisSettingsSchema } from '../model/settings';
import { awaitingThresholds } from './awaiting';
import { createMailboxAnalyzer } from './mailbox-analyzer';
import {
  clientRiskOwed,
  clientRisksByThread,
  clientRiskWords,
  promiseReminderKind,
  remindersFromDocument,
  type ClientRiskCandidate,
  type DocumentRemindersInput,
} from './reminder-rules';

const settings = analysisSettingsSchema.parse({ me: ['anna@northwind.io'], timeZone: 'Europe/Berlin', defaultCadenceDays: 30 });
const message = (over: Partial<NormalizedMessage> & Pick<NormalizedMessage, 'id' | 'date' | 'from' | 'text'>): NormalizedMessage => ({
  to: ['anna@northwind.io'],
  subject: 'Revised SOW',
  ...over,
});

/** The local-memory way: the analyzer over the mail, then the document builder. */
function remindersAt(mail: NormalizedMessage[], now: string, over: Partial<DocumentRemindersInput> = {}) {
  const analyzer = createMailboxAnalyzer(settings);
  for (const m of mail) analyzer.add(m);
  const doc = analyzer.result(now);
  return remindersFromDocument({
    now,
    counterparts: doc.counterparts,
    promises: doc.promises,
    clientRisks: analyzer.clientRisks(now),
    overTargetUpTo: awaitingThresholds(now, settings).overTargetUpTo,
    profiles: new Map([['acme.com', { name: 'Acme Corp', renewalDate: null }]]),
    lastFeedbackAt: new Map([['acme.com', now]]),
    threads: new Map([['t-sow', { subject: 'Revised SOW', link: 'https://mail.google.com/mail/u/0/#all/t-sow' }], ['t-renewal', { subject: 'Renewal', link: 'https://mail.google.com/mail/u/0/#all/t-renewal' }]]),
    latestThread: new Map(),
    snoozes: new Map(),
    ...over,
  });
}

describe('"break bad news early": a promise close to its due date with no slip notice', () => {
  // Tuesday 17 November 2026: "by Thursday" is Thursday the 19th, end of the working day in Berlin.
  const promise = message({ id: '<p1@northwind.io>', threadId: 't-sow', from: 'anna@northwind.io', to: ['tom@acme.com'], date: '2026-11-17T10:00:00Z', text: "Hi Tom,\n\nthanks for the call. I'll send you the revised SOW by Thursday.\n\nBest,\nAnna" });
  const slip = message({ id: '<p2@northwind.io>', threadId: 't-sow', from: 'anna@northwind.io', to: ['tom@acme.com'], inReplyTo: '<p1@northwind.io>', date: '2026-11-18T15:00:00Z', text: "Hi Tom,\n\nthe SOW is taking longer than planned, you'll have it Monday.\n\nAnna" });
  const kept = message({ id: '<p3@northwind.io>', threadId: 't-sow', from: 'anna@northwind.io', to: ['tom@acme.com'], inReplyTo: '<p1@northwind.io>', date: '2026-11-18T15:00:00Z', text: 'Hi Tom,\n\nattached is the revised SOW.\n\nAnna', attachments: ['Acme SOW v3.pdf'] });

  it('nudges 10 hours before the due date, names the client and the promise, opens its thread', () => {
    const list = remindersAt([promise], '2026-11-19T06:00:00.000Z');
    const nudge = list.find((r) => r.kind === 'promise-at-risk');
    expect(nudge).toMatchObject({ counterpart: 'acme.com', threadId: 't-sow', messageId: '<p1@northwind.io>', link: 'https://mail.google.com/mail/u/0/#all/t-sow' });
    expect(nudge!.title).toBe('Tell Acme Corp now if “I\'ll send you the revised SOW by Thursday.” will slip (due in 10 hours)');
    // One promise, one reminder: the nudge replaces "promise due", with the same id (same snooze, same notification).
    expect(list.filter((r) => r.id === nudge!.id)).toHaveLength(1);
    expect(list.some((r) => r.kind === 'promise-due')).toBe(false);
  });

  it('is a plain "promise due" 30 hours ahead, when the list reaches that far', () => {
    const list = remindersAt([promise], '2026-11-18T10:00:00.000Z', { until: '2026-11-20T10:00:00.000Z' });
    expect(list.map((r) => r.kind)).toContain('promise-due');
    expect(list.map((r) => r.kind)).not.toContain('promise-at-risk');
  });

  it('goes away once a slip notice is sent: what is left is a promise due on the new date', () => {
    const list = remindersAt([promise, slip], '2026-11-19T06:00:00.000Z', { until: '2026-11-24T06:00:00.000Z' });
    expect(list.map((r) => r.kind)).not.toContain('promise-at-risk');
    const due = list.find((r) => r.kind === 'promise-due');
    expect(due?.dueAt?.slice(0, 10)).toBe('2026-11-23');
  });

  it('goes away once the promise is kept', () => {
    const list = remindersAt([promise, kept], '2026-11-19T06:00:00.000Z');
    expect(list.filter((r) => r.id.startsWith('promise:'))).toEqual([]);
  });

  it('decides the kind from the status, the hours left and the slip alone', () => {
    const now = '2026-11-19T06:00:00.000Z';
    expect(promiseReminderKind({ status: 'open', dueAt: '2026-11-19T16:00:00.000Z', slip: null }, now)).toBe('promise-at-risk');
    expect(promiseReminderKind({ status: 'open', dueAt: '2026-11-20T12:00:00.000Z', slip: null }, now)).toBe('promise-due');
    expect(promiseReminderKind({ status: 'open', dueAt: '2026-11-19T16:00:00.000Z', slip: { by: 'x', at: now, quote: null } }, now)).toBe('promise-due');
    expect(promiseReminderKind({ status: 'overdue', dueAt: '2026-11-18T16:00:00.000Z', slip: null }, now)).toBe('promise-overdue');
  });
});

describe('a risk in client mail raises a reminder until we answer', () => {
  const ours = message({ id: '<r0@northwind.io>', threadId: 't-renewal', subject: 'Renewal', from: 'anna@northwind.io', to: ['tom@acme.com'], date: '2026-11-10T09:00:00Z', text: 'Hi Tom,\n\nshall we set up a call about next year?\n\nAnna' });
  const tender = message({
    id: '<r1@acme.com>',
    threadId: 't-renewal',
    subject: 'Re: Renewal',
    from: 'Tom Baker <tom@acme.com>',
    inReplyTo: '<r0@northwind.io>',
    date: '2026-11-16T09:00:00Z',
    text: 'Hi Anna,\n\nthanks. Before we renew, procurement will run a formal tender for next year, so we will be getting quotes from other agencies.\n\nTom\n\nOn Tue, 10 Nov 2026 at 10:00, Anna <anna@northwind.io> wrote:\n> shall we set up a call about next year?',
  });
  const reply = message({ id: '<r2@northwind.io>', threadId: 't-renewal', subject: 'Re: Renewal', from: 'anna@northwind.io', to: ['tom@acme.com'], inReplyTo: '<r1@acme.com>', date: '2026-11-16T14:00:00Z', text: 'Hi Tom,\n\nunderstood. Can we talk tomorrow about what matters most to you in the tender?\n\nAnna' });

  it('reminds at once, with the risk in words and its phrase, opening the exact thread', () => {
    const list = remindersAt([ours, tender], '2026-11-16T09:30:00.000Z');
    const risk = list.find((r) => r.kind === 'client-risk');
    expect(risk).toMatchObject({ id: 'client-risk:<r1@acme.com>', counterpart: 'acme.com', name: 'Acme Corp', threadId: 't-renewal', messageId: '<r1@acme.com>', since: '2026-11-16T09:00:00.000Z', link: 'https://mail.google.com/mail/u/0/#all/t-renewal' });
    expect(risk!.title).toBe('Risk from Acme Corp, looking at alternatives: “Before we renew, procurement will run a formal tender for next year, so we will be getting quotes from other agencies.”');
  });

  it('is the one reminder of its thread: no "waiting for our reply" beside it, even past the reply target', () => {
    const list = remindersAt([ours, tender], '2026-11-18T09:00:00.000Z');
    expect(list.filter((r) => r.threadId === 't-renewal').map((r) => r.kind)).toEqual(['client-risk']);
    // Snoozed, it still stands for the thread.
    const snoozed = remindersAt([ours, tender], '2026-11-18T09:00:00.000Z', { snoozes: new Map([['client-risk:<r1@acme.com>', '2026-11-25T09:00:00.000Z']]) });
    expect(snoozed.filter((r) => r.threadId === 't-renewal')).toEqual([]);
  });

  it('goes away when we reply in the thread', () => {
    const list = remindersAt([ours, tender, reply], '2026-11-16T15:00:00.000Z');
    expect(list.filter((r) => r.kind === 'client-risk')).toEqual([]);
  });

  it('after two weeks unanswered it is an ordinary waiting thread', () => {
    const list = remindersAt([ours, tender], '2026-12-01T09:00:00.000Z');
    expect(list.filter((r) => r.threadId === 't-renewal').map((r) => r.kind)).toEqual(['awaiting-reply']);
  });

  it('owes a reminder only for their risk, unanswered, within the window', () => {
    const now = '2026-11-20T12:00:00.000Z';
    const risk = { side: 'them' as const, kind: 'dissatisfaction' as const, at: '2026-11-19T12:00:00.000Z' };
    expect(clientRiskOwed(risk, { side: 'us', since: '2026-11-19T12:00:00.000Z' }, now)).toBe(true);
    // Answered: the thread now waits for them.
    expect(clientRiskOwed(risk, { side: 'them', since: '2026-11-19T15:00:00.000Z' }, now)).toBe(false);
    // Answered, and they wrote again since (without risk): the turn we owe started after the risk.
    expect(clientRiskOwed(risk, { side: 'us', since: '2026-11-20T09:00:00.000Z' }, now)).toBe(false);
    // Their thanks closed the thread.
    expect(clientRiskOwed(risk, null, now)).toBe(false);
    expect(clientRiskOwed({ ...risk, side: 'us', kind: 'bad-news' }, { side: 'us', since: risk.at }, now)).toBe(false);
    expect(clientRiskOwed({ ...risk, at: '2026-11-05T12:00:00.000Z' }, { side: 'us', since: '2026-11-05T12:00:00.000Z' }, now)).toBe(false);
  });

  it('keeps one per thread: the latest mail, its gravest phrase', () => {
    const c = (over: Partial<ClientRiskCandidate>): ClientRiskCandidate => ({ threadId: 't', messageId: 'm1', counterpart: 'acme.com', at: '2026-11-19T12:00:00.000Z', kind: 'delay', text: 'x', ordinal: 0, ...over });
    const picked = clientRisksByThread([c({}), c({ messageId: 'm2', at: '2026-11-19T13:00:00.000Z', kind: 'delay', ordinal: 0 }), c({ messageId: 'm2', at: '2026-11-19T13:00:00.000Z', kind: 'cancellation', ordinal: 1 }), c({ threadId: 'u' })]);
    expect(picked.map((p) => [p.threadId, p.messageId, p.kind])).toEqual([
      ['t', 'm2', 'cancellation'],
      ['u', 'm1', 'delay'],
    ]);
  });

  it('names the finer signal from the stored phrase, else the kind', () => {
    expect(clientRiskWords('cancellation', 'Our marketing budget has been cut by a third for next year.')).toBe('budget cuts');
    expect(clientRiskWords('cancellation', 'Our new CFO wants to review every supplier contract.')).toBe('a new decision maker');
    expect(clientRiskWords('delay', "I'm a little worried we won't make the March go-live date.")).toBe('worried about a date');
    expect(clientRiskWords('dissatisfaction', 'Honestly the quality of the monthly reports has dropped since the summer.')).toBe('unhappy with quality');
    expect(clientRiskWords('escalation', 'I will have to escalate this to our director.')).toBe('an escalation');
    // A phrase cut short on storage still says what kind it is.
    expect(clientRiskWords('dissatisfaction', 'We are …')).toBe('unhappy');
  });
});
