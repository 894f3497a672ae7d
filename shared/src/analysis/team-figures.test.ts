import { describe, expect, it } from 'vitest';
import { analysisSettingsSchema } from '../model/settings';
import { aggregateFigures, aggregateOf, type ThreadContribution } from './counterpart-aggregate';
import { summarizeCounterpart, type CounterpartSummaryInput } from './counterpart-summary';
import { computeHealth } from './health';
import { EMPTY_PROMISE_TALLY } from './promise-status';
import { effectiveTeamProfile, keepRate, mergeAggregates, mergedFigures, mergedLagStats, mergeSortedLists, mergeSummaryInputs, sumPromiseTallies } from './team-figures';

const lag = (responder: 'us' | 'them', minutes: number, businessMinutes = minutes) => ({ responder, minutes, businessMinutes });
const settings = analysisSettingsSchema.parse({ me: ['maya@brightlane.example'], timeZone: 'Europe/Berlin' });
const now = '2026-11-20T12:00:00.000Z';

// Maya (sales) and Ravi (delivery) both deal with Kestrel; each has their own threads.
const mayas: ThreadContribution[] = [
  { initiatedBy: 'us', lags: [lag('them', 120), lag('us', 30)], contacts: ['dana@kestrel.example'], unansweredRequests: 0 },
  { initiatedBy: 'them', lags: [lag('us', 600, 240)], contacts: ['dana@kestrel.example', 'tom@kestrel.example'], unansweredRequests: 1 },
];
const ravis: ThreadContribution[] = [
  { initiatedBy: 'us', lags: [lag('us', 45), lag('them', 15), lag('us', 90)], contacts: ['tom@kestrel.example'], unansweredRequests: 0 },
  { initiatedBy: 'us', lags: [], contacts: ['ops@kestrel.example'], unansweredRequests: 2 },
  { initiatedBy: null, lags: [], contacts: [], unansweredRequests: 0 },
];

function input(over: Partial<CounterpartSummaryInput>): CounterpartSummaryInput {
  return {
    key: 'kestrel.example',
    figures: aggregateFigures(aggregateOf('kestrel.example', [])),
    lastEmailContactAt: null,
    lastTouchpointContactAt: null,
    awaitingOurReply: { count: 0, overTarget: 0, saturated: 0, recentSinces: [], oldest: [] },
    awaitingThem: { count: 0, oldest: [] },
    requests: { count: 0, oldest: [] },
    risks: [],
    promises: EMPTY_PROMISE_TALLY,
    cadenceDays: null,
    now,
    settings,
    ...over,
  };
}

describe('team figures', () => {
  it('merging the members\' aggregates gives what one aggregate of all their threads gives', () => {
    const merged = mergeAggregates('kestrel.example', [aggregateOf('kestrel.example', mayas), aggregateOf('kestrel.example', ravis)]);
    expect(merged).toEqual(aggregateOf('kestrel.example', [...mayas, ...ravis]));
    const figures = aggregateFigures(merged);
    expect(figures).toMatchObject({ threads: 5, initiated: { us: 3, them: 1, share: 0.75 }, unansweredRequests: 3 });
    expect(figures.responseLag.ours).toMatchObject({ count: 4, medianMinutes: 67.5, p90Minutes: 600 });
    expect(figures.contacts).toEqual(['dana@kestrel.example', 'ops@kestrel.example', 'tom@kestrel.example']);
    expect(mergedFigures('kestrel.example', [aggregateOf('kestrel.example', mayas)])).toEqual(aggregateFigures(aggregateOf('kestrel.example', mayas)));
  });

  it('merges sorted lists, and lag figures over many of them', () => {
    expect(mergeSortedLists([[1, 4, 9], [], [2, 3], [0, 10, 11, 12]])).toEqual([0, 1, 2, 3, 4, 9, 10, 11, 12]);
    expect(mergeSortedLists([])).toEqual([]);
    expect(mergedLagStats([{ minutes: [10, 30], business: [5, 20] }, { minutes: [20], business: [8] }])).toEqual({
      count: 3,
      medianMinutes: 20,
      medianBusinessMinutes: 8,
      p90Minutes: 30,
      p90BusinessMinutes: 20,
    });
  });

  it('adds promise tallies and keeps the oldest overdue date; the keep rate is the share health shows', () => {
    const a = { ...EMPTY_PROMISE_TALLY, open: 2, overdue: 1, kept: 5, oldestOverdueDueAt: '2026-11-10T12:00:00.000Z' };
    const b = { ...EMPTY_PROMISE_TALLY, overdue: 2, keptLate: 2, done: 1, oldestOverdueDueAt: '2026-11-03T12:00:00.000Z' };
    const sum = sumPromiseTallies([a, b]);
    expect(sum).toMatchObject({ open: 2, overdue: 3, kept: 5, keptLate: 2, done: 1, oldestOverdueDueAt: '2026-11-03T12:00:00.000Z' });
    expect(keepRate(sum)).toBeCloseTo(6 / 11);
    expect(keepRate(EMPTY_PROMISE_TALLY)).toBeNull();
    const health = computeHealth({
      initiated: { us: 0, them: 0 },
      ours: { count: 0, medianMinutes: null, medianBusinessMinutes: null, p90Minutes: null, p90BusinessMinutes: null },
      silence: { lastContactAt: null, daysSinceContact: null, cadenceDays: null, daysOverCadence: null },
      promises: sum,
      awaitingOurReply: { count: 0, overTarget: 0, saturated: 0, recentSinces: [], oldest: [] },
      risks: [],
      now,
      settings,
    });
    expect(health.components.find((c) => c.id === 'promises')?.value).toBe(Math.round(keepRate(sum)! * 100));
  });

  it('composes one summary: the latest contact anyone had, waits and promises added up, the team cadence', () => {
    const maya = input({
      figures: aggregateFigures(aggregateOf('kestrel.example', mayas)),
      lastEmailContactAt: '2026-11-02T10:00:00.000Z',
      awaitingOurReply: { count: 1, overTarget: 1, saturated: 1, recentSinces: [], oldest: [{ threadId: 'm1', lastMessageId: 'x', since: '2026-10-30T09:00:00.000Z' }] },
      promises: { ...EMPTY_PROMISE_TALLY, open: 1 },
    });
    const ravi = input({
      figures: aggregateFigures(aggregateOf('kestrel.example', ravis)),
      lastEmailContactAt: '2026-10-01T10:00:00.000Z',
      lastTouchpointContactAt: '2026-11-18T15:00:00.000Z',
      awaitingThem: { count: 2, oldest: [] },
      promises: { ...EMPTY_PROMISE_TALLY, overdue: 1, oldestOverdueDueAt: '2026-11-12T12:00:00.000Z' },
    });
    const figures = mergedFigures('kestrel.example', [aggregateOf('kestrel.example', mayas), aggregateOf('kestrel.example', ravis)]);
    const team = mergeSummaryInputs('kestrel.example', [maya, ravi], figures, { cadenceDays: 14, now, settings });
    const summary = summarizeCounterpart(team);
    expect(summary.lastContactAt).toBe('2026-11-18T15:00:00.000Z');
    expect(summary.cadenceDays).toBe(14);
    expect(summary.threads).toBe(5);
    expect(summary.awaitingOurReplyCount).toBe(1);
    expect(summary.awaitingThemCount).toBe(2);
    expect(summary.requestCount).toBe(3);
    expect(summary.promises).toMatchObject({ open: 1, overdue: 1 });
    expect(summary.health.components.find((c) => c.id === 'silence')?.explanation).toContain('within the agreed cadence of every 14 days');
  });

  it('takes each profile field from the team, else the owner, else the first member who set it', () => {
    expect(
      effectiveTeamProfile(
        { name: null, cadenceDays: 21, renewalDate: null, notes: null },
        { name: 'Kestrel Logistics', renewalDate: null },
        [{ name: 'Kestrel', renewalDate: '2027-02-01', notes: 'Dana prefers calls' }, { renewalDate: '2027-03-01' }],
      ),
    ).toEqual({ name: 'Kestrel Logistics', cadenceDays: 21, renewalDate: '2027-02-01', notes: 'Dana prefers calls' });
    expect(effectiveTeamProfile(null, null, [])).toEqual({ name: null, cadenceDays: null, renewalDate: null, notes: null });
  });
});
