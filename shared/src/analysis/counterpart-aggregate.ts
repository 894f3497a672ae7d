import type { LagStats } from '../model/analysis-document';
import type { Side, ThreadFacts } from '../model/facts';
import { lagStatsOfSorted } from './lag-stats';

type LagLike = { responder: Side; minutes: number; businessMinutes: number };

/** What one thread adds to its client's figures: everything here is independent of `now`. */
export interface ThreadContribution {
  initiatedBy: Side | null;
  lags: readonly LagLike[];
  /** The client's addresses that appear in the thread. */
  contacts: readonly string[];
  /** Requests to us in the turn we still owe (ThreadFacts.unansweredRequests). */
  unansweredRequests: number;
}

export function contributionOf(
  thread: Pick<ThreadFacts, 'initiatedBy'> & { lags: readonly LagLike[]; unansweredRequests?: number },
  contacts: readonly string[],
): ThreadContribution {
  return {
    initiatedBy: thread.initiatedBy,
    lags: thread.lags.map((l) => ({ responder: l.responder, minutes: l.minutes, businessMinutes: l.businessMinutes })),
    contacts,
    unansweredRequests: thread.unansweredRequests ?? 0,
  };
}

interface SortedLags {
  minutes: number[];
  business: number[];
}

/**
 * A client's figures over all its threads, kept up to date one thread at a time: a thread that changes
 * is taken out with its old contribution and put back with its new one, so ingest, deletions and
 * re-derivation cost what the thread costs, never what the client's history costs. Lags are kept as
 * sorted lists (medians and p90s need the whole distribution); everything else is a count.
 * Plain JSON, so a store can keep it in one row.
 */
export interface CounterpartAggregate {
  key: string;
  threads: number;
  initiated: { us: number; them: number };
  lags: { us: SortedLags; them: SortedLags };
  /** How many threads each of their addresses appears in. */
  contacts: Record<string, number>;
  /** Unanswered requests to us, over all threads. */
  unansweredRequests: number;
}

/** The aggregate's figures, as every summary shows them. */
export interface AggregateFigures {
  threads: number;
  initiated: { us: number; them: number; share: number | null };
  responseLag: { ours: LagStats; theirs: LagStats };
  contacts: string[];
  unansweredRequests: number;
}

export function emptyAggregate(key: string): CounterpartAggregate {
  return {
    key,
    threads: 0,
    initiated: { us: 0, them: 0 },
    lags: { us: { minutes: [], business: [] }, them: { minutes: [], business: [] } },
    contacts: {},
    unansweredRequests: 0,
  };
}

/** Index of the first element >= value in an ascending list. */
function lowerBound(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(list: number[], value: number): void {
  list.splice(lowerBound(list, value), 0, value);
}

function removeSorted(list: number[], value: number, what: string): void {
  const at = lowerBound(list, value);
  if (list[at] !== value) throw new Error(`aggregate: removing ${what} ${value} that was never added`);
  list.splice(at, 1);
}

export function addContribution(aggregate: CounterpartAggregate, c: ThreadContribution): void {
  addCounts(aggregate, c);
  for (const lag of c.lags) {
    insertSorted(aggregate.lags[lag.responder].minutes, lag.minutes);
    insertSorted(aggregate.lags[lag.responder].business, lag.businessMinutes);
  }
}

/** Takes out exactly what addContribution put in; a contribution that was never added is an error, not a silent drift. */
export function removeContribution(aggregate: CounterpartAggregate, c: ThreadContribution): void {
  removeCounts(aggregate, c);
  for (const lag of c.lags) {
    removeSorted(aggregate.lags[lag.responder].minutes, lag.minutes, 'lag');
    removeSorted(aggregate.lags[lag.responder].business, lag.businessMinutes, 'business lag');
  }
}

/**
 * Takes the `removed` contributions out and puts the `added` ones in, with the same result as
 * removeContribution for each of the first then addContribution for each of the second, but a lag that is
 * taken out and put back unchanged stays where it is. A thread that grows by a message is taken out with
 * all its lags and put back with one more: this moves that one lag instead of splicing every lag of the
 * thread out of and back into the client's sorted lists (14,000 long for a key client).
 */
export function replaceContributions(aggregate: CounterpartAggregate, removed: readonly ThreadContribution[], added: readonly ThreadContribution[]): void {
  for (const c of removed) removeCounts(aggregate, c);
  for (const c of added) addCounts(aggregate, c);
  for (const responder of ['us', 'them'] as const) {
    const net = { minutes: new Map<number, number>(), business: new Map<number, number>() };
    const count = (contributions: readonly ThreadContribution[], by: number) => {
      for (const c of contributions) {
        for (const lag of c.lags) {
          if (lag.responder !== responder) continue;
          net.minutes.set(lag.minutes, (net.minutes.get(lag.minutes) ?? 0) + by);
          net.business.set(lag.businessMinutes, (net.business.get(lag.businessMinutes) ?? 0) + by);
        }
      }
    };
    count(removed, -1);
    count(added, 1);
    for (const [list, what] of [['minutes', 'lag'], ['business', 'business lag']] as const) {
      const sorted = aggregate.lags[responder][list];
      for (const [value, times] of net[list]) {
        for (let i = times; i < 0; i++) removeSorted(sorted, value, what);
        for (let i = 0; i < times; i++) insertSorted(sorted, value);
      }
    }
  }
}

function addCounts(aggregate: CounterpartAggregate, c: ThreadContribution): void {
  aggregate.threads++;
  if (c.initiatedBy) aggregate.initiated[c.initiatedBy]++;
  for (const address of c.contacts) aggregate.contacts[address] = (aggregate.contacts[address] ?? 0) + 1;
  aggregate.unansweredRequests += c.unansweredRequests;
}

function removeCounts(aggregate: CounterpartAggregate, c: ThreadContribution): void {
  if (aggregate.threads <= 0) throw new Error(`aggregate ${aggregate.key}: removing a thread from an empty aggregate`);
  aggregate.threads--;
  aggregate.unansweredRequests -= c.unansweredRequests;
  if (c.initiatedBy) aggregate.initiated[c.initiatedBy]--;
  for (const address of c.contacts) {
    const left = (aggregate.contacts[address] ?? 0) - 1;
    if (left > 0) aggregate.contacts[address] = left;
    else delete aggregate.contacts[address];
  }
}

export function aggregateFigures(aggregate: CounterpartAggregate): AggregateFigures {
  const { us, them } = aggregate.initiated;
  return {
    threads: aggregate.threads,
    initiated: { us, them, share: us + them === 0 ? null : Math.round((us / (us + them)) * 1000) / 1000 },
    responseLag: {
      ours: lagStatsOfSorted(aggregate.lags.us.minutes, aggregate.lags.us.business),
      theirs: lagStatsOfSorted(aggregate.lags.them.minutes, aggregate.lags.them.business),
    },
    contacts: Object.keys(aggregate.contacts).sort(),
    unansweredRequests: aggregate.unansweredRequests,
  };
}

/** A client's aggregate built at once from its threads (the same lists addContribution keeps, sorted once). */
export function aggregateOf(key: string, threads: readonly ThreadContribution[]): CounterpartAggregate {
  const aggregate = emptyAggregate(key);
  for (const t of threads) {
    aggregate.threads++;
    if (t.initiatedBy) aggregate.initiated[t.initiatedBy]++;
    for (const lag of t.lags) {
      aggregate.lags[lag.responder].minutes.push(lag.minutes);
      aggregate.lags[lag.responder].business.push(lag.businessMinutes);
    }
    for (const address of t.contacts) aggregate.contacts[address] = (aggregate.contacts[address] ?? 0) + 1;
    aggregate.unansweredRequests += t.unansweredRequests;
  }
  for (const side of ['us', 'them'] as const) {
    aggregate.lags[side].minutes.sort((a, b) => a - b);
    aggregate.lags[side].business.sort((a, b) => a - b);
  }
  return aggregate;
}
