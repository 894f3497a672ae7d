import { describe, expect, it } from 'vitest';
import type { ThreadFacts } from '../model/facts';
import { analysisSettingsSchema } from '../model/settings';
import { summarizeCounterpart, type CounterpartSummaryInput } from './counterpart-summary';

const settings = analysisSettingsSchema.parse({ me: ['anna@northwind.io'], timeZone: 'Europe/Berlin', defaultCadenceDays: 14 });

function thread(id: string, over: Partial<ThreadFacts>): ThreadFacts {
  return {
    threadId: id,
    counterpart: 'acme.com',
    counterparts: ['acme.com'],
    subject: id,
    messageIds: [],
    initiatedBy: 'us',
    firstMessage: null,
    lags: [],
    lastMessage: null,
    awaiting: null,
    lastContactAt: null,
    outbound: [],
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

const input: CounterpartSummaryInput = {
  key: 'acme.com',
  threads: [
    thread('rollout', {
      lags: [lag('them', 1680, 720), lag('us', 1170, 210), lag('them', 90, 90)],
      awaiting: { side: 'us', since: '2026-11-04T10:00:00.000Z', lastMessageId: 't3' },
      lastContactAt: '2026-11-04T10:00:00.000Z',
    }),
    thread('invoice', {
      initiatedBy: 'them',
      lags: [lag('us', 30, 30)],
      awaiting: { side: 'them', since: '2026-11-03T09:00:00.000Z', lastMessageId: 'a9' },
      lastContactAt: '2026-11-03T09:00:00.000Z',
    }),
  ],
  requests: [
    // Asked in the turn we still owe an answer to: unanswered.
    { messageId: 't3', threadId: 'rollout', text: 'Can you confirm the go-live date?', at: '2026-11-04T10:00:00.000Z' },
    // Asked earlier in the same thread and answered by our reply since.
    { messageId: 't2', threadId: 'rollout', text: 'Could you send the checklist?', at: '2026-11-03T15:00:00.000Z' },
    // Asked in a thread where we answered last.
    { messageId: 'i1', threadId: 'invoice', text: 'Could you resend the invoice?', at: '2026-11-02T15:00:00.000Z' },
  ],
  risks: [
    { kind: 'delay', side: 'them', messageId: 'old', threadId: 'rollout', text: 'The launch slipped.', at: '2026-01-10T09:00:00.000Z' },
    { kind: 'dissatisfaction', side: 'them', messageId: 't1', threadId: 'rollout', text: 'We are not happy with the delays.', at: '2026-11-03T13:00:00.000Z' },
  ],
  promises: [],
  touchpoints: [
    { id: '0b7e7d7c-1f0e-4a7e-9d65-8f0b6f1f2a10', counterpart: 'acme.com', kind: 'meeting', at: '2026-11-12T10:00:00Z' },
    { id: '0b7e7d7c-1f0e-4a7e-9d65-8f0b6f1f2a11', counterpart: 'globex.com', kind: 'call', at: '2026-11-19T10:00:00Z' },
  ],
  cadenceDays: null,
  contacts: ['tom@acme.com', 'lisa@acme.com', 'tom@acme.com'],
  now: '2026-11-20T12:00:00.000Z',
  settings,
};

describe('summarizeCounterpart', () => {
  const summary = summarizeCounterpart(input);

  it('counts initiation and lags both ways', () => {
    expect(summary.threads).toBe(2);
    expect(summary.initiated).toEqual({ us: 1, them: 1, share: 0.5 });
    expect(summary.responseLag.ours).toMatchObject({ count: 2, medianMinutes: 600, medianBusinessMinutes: 120 });
    expect(summary.responseLag.theirs).toMatchObject({ count: 2, medianMinutes: 885, medianBusinessMinutes: 405, p90Minutes: 1680 });
  });

  it('takes last contact from a logged meeting with them, not with another client, against the default cadence', () => {
    expect(summary.lastContactAt).toBe('2026-11-12T10:00:00.000Z');
    expect(summary.daysSinceContact).toBe(8.1);
    expect(summary.cadenceDays).toBe(14);
    expect(summarizeCounterpart({ ...input, cadenceDays: 7 }).cadenceDays).toBe(7);
  });

  it('lists what waits on whom and only the requests still unanswered', () => {
    expect(summary.awaitingOurReply).toEqual([{ threadId: 'rollout', lastMessageId: 't3', since: '2026-11-04T10:00:00.000Z' }]);
    expect(summary.awaitingThem).toEqual([{ threadId: 'invoice', lastMessageId: 'a9', since: '2026-11-03T09:00:00.000Z' }]);
    expect(summary.requests.map((r) => r.text)).toEqual(['Can you confirm the go-live date?']);
  });

  it('lists recent risks newest first and dedupes contacts', () => {
    expect(summary.risks.map((r) => r.messageId)).toEqual(['t1']);
    expect(summary.contacts).toEqual(['lisa@acme.com', 'tom@acme.com']);
    const awaiting = summary.health.components.find((c) => c.id === 'awaiting');
    expect(awaiting?.value).toBe(1);
  });
});
