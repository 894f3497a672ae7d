import { describe, expect, it } from 'vitest';
import {
  addContribution,
  aggregateFigures,
  aggregateOf,
  contributionOf,
  emptyAggregate,
  removeContribution,
  replaceContributions,
  type ThreadContribution,
} from './counterpart-aggregate';

const lag = (responder: 'us' | 'them', minutes: number, businessMinutes = minutes) => ({ responder, minutes, businessMinutes });

const threads: ThreadContribution[] = [
  { initiatedBy: 'us', lags: [lag('them', 120), lag('us', 30)], contacts: ['tom@acme.com'], unansweredRequests: 0 },
  { initiatedBy: 'them', lags: [lag('us', 600, 240), lag('them', 15)], contacts: ['tom@acme.com', 'lisa@acme.com'], unansweredRequests: 2 },
  { initiatedBy: 'us', lags: [lag('us', 45)], contacts: ['lisa@acme.com'], unansweredRequests: 1 },
  { initiatedBy: null, lags: [], contacts: [], unansweredRequests: 0 },
];

describe('a client aggregate kept one thread at a time', () => {
  it('gives the figures of the whole history', () => {
    const figures = aggregateFigures(aggregateOf('acme.com', threads));
    expect(figures.threads).toBe(4);
    expect(figures.initiated).toEqual({ us: 2, them: 1, share: 0.667 });
    expect(figures.responseLag.ours).toEqual({ count: 3, medianMinutes: 45, medianBusinessMinutes: 45, p90Minutes: 600, p90BusinessMinutes: 240 });
    expect(figures.responseLag.theirs).toMatchObject({ count: 2, medianMinutes: 67.5 });
    expect(figures.contacts).toEqual(['lisa@acme.com', 'tom@acme.com']);
    expect(figures.unansweredRequests).toBe(3);
  });

  it('is the same whether built at once or by adding and removing threads in any order', () => {
    const whole = aggregateOf('acme.com', threads);
    const stepwise = emptyAggregate('acme.com');
    const contributions: ThreadContribution[] = threads.map((t) => contributionOf(t, t.contacts));
    for (const c of [...contributions].reverse()) addContribution(stepwise, c);
    expect(stepwise).toEqual(whole);
    // A thread changes: its old contribution out, its new one in.
    const changed = contributionOf({ initiatedBy: 'them', lags: [lag('us', 5)], unansweredRequests: 1 }, ['tom@acme.com']);
    removeContribution(stepwise, contributions[2]!);
    addContribution(stepwise, changed);
    expect(stepwise).toEqual(aggregateOf('acme.com', [threads[0]!, threads[1]!, changed, threads[3]!]));
    for (const c of [contributions[0]!, contributions[1]!, changed, contributions[3]!]) removeContribution(stepwise, c);
    expect(stepwise).toEqual(emptyAggregate('acme.com'));
  });

  it('refuses to take out what was never put in, rather than drift', () => {
    const aggregate = aggregateOf('acme.com', threads.slice(0, 1));
    expect(() => removeContribution(aggregate, contributionOf({ initiatedBy: 'us', lags: [lag('us', 999)] }, []))).toThrow(/never added/);
    expect(() => removeContribution(emptyAggregate('acme.com'), contributionOf({ initiatedBy: null, lags: [] }, []))).toThrow(/empty aggregate/);
  });

  it('replaces contributions exactly as taking each out and putting each in would, however they overlap', () => {
    let seed = 11;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const contribution = (): ThreadContribution => ({
      initiatedBy: (['us', 'them', null] as const)[random(3)]!,
      // Few distinct values, so the lags taken out and put back overlap often.
      lags: Array.from({ length: random(6) }, () => lag(random(2) ? 'us' : 'them', random(8) * 10, random(5) * 10)),
      contacts: ['tom@acme.com', 'lisa@acme.com', 'dana@acme.com'].filter(() => random(2) === 1),
      unansweredRequests: random(3),
    });
    for (let round = 0; round < 200; round++) {
      const stored = Array.from({ length: 1 + random(8) }, contribution);
      const sequential = aggregateOf('acme.com', stored);
      const replaced = aggregateOf('acme.com', stored);
      // Some stored threads change (a grown thread keeps its earlier lags), and some are new.
      const removed = stored.filter(() => random(2) === 1);
      const added = [...removed.map((c) => ({ ...c, lags: [...c.lags, ...contribution().lags.slice(0, 1)] })), ...Array.from({ length: random(3) }, contribution)];
      for (const c of removed) removeContribution(sequential, c);
      for (const c of added) addContribution(sequential, c);
      replaceContributions(replaced, removed, added);
      expect(replaced).toEqual(sequential);
      expect(aggregateFigures(replaced)).toEqual(aggregateFigures(aggregateOf('acme.com', [...stored.filter((c) => !removed.includes(c)), ...added])));
    }
  });

  it('refuses a replacement that takes out a lag that was never put in', () => {
    const aggregate = aggregateOf('acme.com', threads.slice(0, 1));
    const never = contributionOf({ initiatedBy: 'us', lags: [lag('us', 999)] }, []);
    expect(() => replaceContributions(aggregate, [never], [])).toThrow(/never added/);
  });
});
