import { describe, expect, it } from 'vitest';
import type { RequestSnippet } from '../model/analysis-document';
import type { ThreadFacts } from '../model/facts';
import { analysisSettingsSchema } from '../model/settings';
import { tallyAwaiting } from './awaiting';
import { aggregateFigures, aggregateOf } from './counterpart-aggregate';
import { isRecentRisk, isUnansweredRequest, rankCounterpart, summarizeCounterpart, type CounterpartSummaryInput } from './counterpart-summary';
import { EMPTY_PROMISE_TALLY } from './promise-status';

const settings = analysisSettingsSchema.parse({ me: ['anna@northwind.io'], timeZone: 'Europe/Berlin', defaultCadenceDays: 14 });
const now = '2026-11-20T12:00:00.000Z';

function thread(id: string, over: Partial<ThreadFacts>): ThreadFacts {
  return {
    threadId: id,
    counterpart: 'acme.com',
    counterparts: ['acme.com'],
    contacts: [],
    subject: id,
    messageIds: [],
    initiatedBy: 'us',
    firstMessage: null,
    lags: [],
    lastMessage: null,
    awaiting: null,
    lastContactAt: null,
    unansweredRequests: 0,
    firstUnansweredRequestAt: null,
    turnStart: null,
    latest: null,
    firstMissingParent: null,
    ...over,
  };
}

const lag = (responder: 'us' | 'them', minutes: number, businessMinutes: number) => ({
  responder,
  turnStartMessageId: 's',
  replyMessageId: 'r',
  startedAt: '2026-11-02T09:00:00.000Z',
  repliedAt: '2026-11-02T10:00:00.000Z',
  minutes,
  businessMinutes,
});

const threads = [
  thread('rollout', {
    lags: [lag('them', 1680, 720), lag('us', 1170, 210), lag('them', 90, 90)],
    awaiting: { side: 'us', since: '2026-11-04T10:00:00.000Z', lastMessageId: 't3' },
    lastContactAt: '2026-11-04T10:00:00.000Z',
    contacts: ['tom@acme.com'],
    unansweredRequests: 1,
    firstUnansweredRequestAt: '2026-11-04T10:00:00.000Z',
  }),
  thread('invoice', {
    initiatedBy: 'them',
    lags: [lag('us', 30, 30)],
    awaiting: { side: 'them', since: '2026-11-03T09:00:00.000Z', lastMessageId: 'a9' },
    lastContactAt: '2026-11-03T09:00:00.000Z',
    contacts: ['lisa@acme.com', 'tom@acme.com'],
  }),
];

const unanswered: RequestSnippet = { messageId: 't3', threadId: 'rollout', text: 'Can you confirm the go-live date?', at: '2026-11-04T10:00:00.000Z' };
const awaitingUs = threads.flatMap((t) => (t.awaiting?.side === 'us' ? [{ threadId: t.threadId, lastMessageId: t.awaiting.lastMessageId, since: t.awaiting.since }] : []));

const input: CounterpartSummaryInput = {
  key: 'acme.com',
  figures: aggregateFigures(aggregateOf('acme.com', threads)),
  lastEmailContactAt: '2026-11-04T10:00:00.000Z',
  lastTouchpointContactAt: '2026-11-12T10:00:00.000Z',
  awaitingOurReply: tallyAwaiting(awaitingUs, now, settings),
  awaitingThem: { count: 1, oldest: [{ threadId: 'invoice', lastMessageId: 'a9', since: '2026-11-03T09:00:00.000Z' }] },
  requests: { count: 1, oldest: [unanswered] },
  risks: [
    { kind: 'delay', side: 'them', messageId: 'old', threadId: 'rollout', text: 'The launch slipped.', at: '2026-01-10T09:00:00.000Z' },
    { kind: 'dissatisfaction', side: 'them', messageId: 't1', threadId: 'rollout', text: 'We are not happy with the delays.', at: '2026-11-03T13:00:00.000Z' },
  ],
  promises: EMPTY_PROMISE_TALLY,
  cadenceDays: null,
  now,
  settings,
};

describe('summarizeCounterpart', () => {
  const summary = summarizeCounterpart(input);

  it('counts initiation and lags both ways from the aggregate', () => {
    expect(summary.threads).toBe(2);
    expect(summary.initiated).toEqual({ us: 1, them: 1, share: 0.5 });
    expect(summary.responseLag.ours).toMatchObject({ count: 2, medianMinutes: 600, medianBusinessMinutes: 120 });
    expect(summary.responseLag.theirs).toMatchObject({ count: 2, medianMinutes: 885, medianBusinessMinutes: 405, p90Minutes: 1680 });
    expect(summary.contacts).toEqual(['lisa@acme.com', 'tom@acme.com']);
  });

  it('takes last contact from a logged meeting when it is newer than the mail, against the default cadence', () => {
    expect(summary.lastContactAt).toBe('2026-11-12T10:00:00.000Z');
    expect(summary.daysSinceContact).toBe(8.1);
    expect(summary.cadenceDays).toBe(14);
    expect(summarizeCounterpart({ ...input, cadenceDays: 7 }).cadenceDays).toBe(7);
    expect(summarizeCounterpart({ ...input, lastTouchpointContactAt: null }).lastContactAt).toBe('2026-11-04T10:00:00.000Z');
  });

  it('lists what waits on whom with counts, and the open requests', () => {
    expect(summary.awaitingOurReplyCount).toBe(1);
    expect(summary.awaitingOurReply).toEqual([{ threadId: 'rollout', lastMessageId: 't3', since: '2026-11-04T10:00:00.000Z' }]);
    expect(summary.awaitingThemCount).toBe(1);
    expect(summary.requestCount).toBe(1);
    expect(summary.requests.map((r) => r.text)).toEqual(['Can you confirm the go-live date?']);
    expect(summary.health.components.find((c) => c.id === 'awaiting')?.value).toBe(1);
  });

  it('lists only risks of the last six months, newest first, and counts them', () => {
    expect(summary.risks.map((r) => r.messageId)).toEqual(['t1']);
    expect(summary.riskCount).toBe(1);
  });

  it('keeps lists short however long the history, and says how many there are', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ threadId: `w${i}`, lastMessageId: `m${i}`, since: new Date(Date.parse('2026-10-01T09:00:00Z') + i * 3_600_000).toISOString() }));
    const long = summarizeCounterpart({ ...input, awaitingOurReply: tallyAwaiting(many, now, settings) });
    expect(long.awaitingOurReplyCount).toBe(40);
    expect(long.awaitingOurReply.map((a) => a.threadId)).toEqual(['w0', 'w1', 'w2', 'w3', 'w4']);
  });
});

describe('rankCounterpart', () => {
  // A seeded generator, so a failure names the input that broke it.
  const random = (seed: number) => () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const initiatedOf = (us: number, them: number) => ({ us, them, share: us + them === 0 ? null : us / (us + them) });
  const hoursBefore = (hours: number) => new Date(Date.parse(now) - hours * 3_600_000).toISOString();

  function variant(seed: number): CounterpartSummaryInput {
    const next = random(seed);
    const count = (max: number) => Math.floor(next() * (max + 1));
    const sinces = Array.from({ length: count(6) }, () => hoursBefore(count(400))).sort();
    const overdue = count(3);
    return {
      ...input,
      key: `client-${seed}`,
      figures: { ...input.figures, initiated: initiatedOf(count(40), count(40)) },
      lastEmailContactAt: pick(next, [null, hoursBefore(count(2000))]),
      lastTouchpointContactAt: pick(next, [null, hoursBefore(count(2000))]),
      awaitingOurReply: { count: sinces.length + count(4), overTarget: count(3), saturated: count(4), recentSinces: sinces, oldest: sinces.length ? [{ threadId: 't', lastMessageId: 'm', since: sinces[0]! }] : [] },
      risks: Array.from({ length: count(4) }, (_, i) => ({ kind: pick(next, ['delay', 'escalation', 'bad-news'] as const), side: pick(next, ['us', 'them'] as const), messageId: `r${i}`, threadId: 't', text: 'x', at: hoursBefore(count(5000)) })),
      promises: { ...EMPTY_PROMISE_TALLY, kept: count(5), keptLate: count(3), overdue, open: count(4), possiblyKept: count(2), oldestOverdueDueAt: overdue ? hoursBefore(count(300)) : null },
      cadenceDays: pick(next, [null, 7, 30]),
      initiationTarget: pick(next, [null, 0.5]),
    };
  }

  it('ranks by the score and the fields the summary gives, for clients of every shape', () => {
    const scores = new Set<number>();
    for (let seed = 1; seed <= 300; seed++) {
      const case_ = variant(seed);
      const summary = summarizeCounterpart(case_);
      expect(rankCounterpart(case_), `seed ${seed}`).toEqual({
        key: summary.key,
        score: summary.health.score,
        lastContactAt: summary.lastContactAt,
        cadenceDays: summary.cadenceDays,
        awaitingOurReplyCount: summary.awaitingOurReplyCount,
        promises: summary.promises,
      });
      scores.add(summary.health.score);
    }
    // The variants reach across the scale, so an agreement above is not a single score repeated.
    expect(scores.size).toBeGreaterThan(30);
  });

  it('refuses a `now` that is not a date, as the summary does', () => {
    expect(() => rankCounterpart({ ...input, now: 'soon' })).toThrow(RangeError);
  });
});

describe('request and risk windows', () => {
  it('calls a request unanswered only in the turn we still owe', () => {
    const awaiting = { side: 'us' as const, since: '2026-11-04T10:00:00.000Z' };
    expect(isUnansweredRequest('2026-11-04T10:00:00.000Z', awaiting)).toBe(true);
    expect(isUnansweredRequest('2026-11-03T15:00:00.000Z', awaiting)).toBe(false);
    expect(isUnansweredRequest('2026-11-04T10:00:00.000Z', { side: 'them', since: '2026-11-04T10:00:00.000Z' })).toBe(false);
    expect(isUnansweredRequest('2026-11-04T10:00:00.000Z', null)).toBe(false);
  });

  it('keeps risk language for six months and none from the future', () => {
    expect(isRecentRisk('2026-05-24T12:00:00.000Z', now)).toBe(true);
    expect(isRecentRisk('2026-05-23T11:00:00.000Z', now)).toBe(false);
    expect(isRecentRisk('2026-11-21T12:00:00.000Z', now)).toBe(false);
  });
});
