import type { LagStats } from '../model/analysis-document';
import type { AggregateFigures, CounterpartAggregate } from './counterpart-aggregate';
import { aggregateFigures, emptyAggregate } from './counterpart-aggregate';
import type { CounterpartSummaryInput } from './counterpart-summary';
import { lagStatsOfSorted } from './lag-stats';
import type { PromiseTally } from './promise-status';
import { EMPTY_PROMISE_TALLY } from './promise-status';

/**
 * A client as a team sees it (issue 13): each member keeps their own mailbox and their own per-client
 * aggregate, and the team's figures are those aggregates composed when read, never a member's history
 * recomputed: counts add up, lag distributions merge (medians and p90s need the whole distribution, so the
 * sorted lists are merged, not the medians), the latest contact is the latest anyone had. The health of the
 * composed client is then made by the same summarizeCounterpart every other view uses.
 *
 * A conversation two members are both on is in both mailboxes, and counts once in each (threads are named
 * per mailbox, so the store cannot tell them apart without comparing every member's message ids).
 */

/** Merges ascending lists into one ascending list, pairwise (n log k). */
export function mergeSortedLists(lists: readonly (readonly number[])[]): number[] {
  let level: number[][] = lists.filter((l) => l.length > 0).map((l) => [...l]);
  if (level.length === 0) return [];
  while (level.length > 1) {
    const next: number[][] = [];
    for (let i = 0; i < level.length; i += 2) {
      const a = level[i]!;
      const b = level[i + 1];
      if (!b) {
        next.push(a);
        continue;
      }
      const out = new Array<number>(a.length + b.length);
      let x = 0;
      let y = 0;
      let k = 0;
      while (x < a.length && y < b.length) out[k++] = a[x]! <= b[y]! ? a[x++]! : b[y++]!;
      while (x < a.length) out[k++] = a[x++]!;
      while (y < b.length) out[k++] = b[y++]!;
      next.push(out);
    }
    level = next;
  }
  return level[0]!;
}

/** The members' aggregates of one client as one: what addContribution would have built from all their threads. */
export function mergeAggregates(key: string, parts: readonly CounterpartAggregate[]): CounterpartAggregate {
  const merged = emptyAggregate(key);
  for (const p of parts) {
    merged.threads += p.threads;
    merged.initiated.us += p.initiated.us;
    merged.initiated.them += p.initiated.them;
    merged.unansweredRequests += p.unansweredRequests;
    for (const [address, n] of Object.entries(p.contacts)) merged.contacts[address] = (merged.contacts[address] ?? 0) + n;
  }
  for (const side of ['us', 'them'] as const) {
    merged.lags[side].minutes = mergeSortedLists(parts.map((p) => p.lags[side].minutes));
    merged.lags[side].business = mergeSortedLists(parts.map((p) => p.lags[side].business));
  }
  return merged;
}

/** The figures of several members' aggregates of one client. */
export function mergedFigures(key: string, parts: readonly CounterpartAggregate[]): AggregateFigures {
  return aggregateFigures(mergeAggregates(key, parts));
}

/** Lag figures over several sorted lists at once (a member's replies over all their clients). */
export function mergedLagStats(lists: readonly { minutes: readonly number[]; business: readonly number[] }[]): LagStats {
  return lagStatsOfSorted(mergeSortedLists(lists.map((l) => l.minutes)), mergeSortedLists(lists.map((l) => l.business)));
}

export function sumPromiseTallies(tallies: readonly PromiseTally[]): PromiseTally {
  const sum = { ...EMPTY_PROMISE_TALLY };
  let oldest: string | null = null;
  for (const t of tallies) {
    sum.open += t.open;
    sum.overdue += t.overdue;
    sum.kept += t.kept;
    sum.keptLate += t.keptLate;
    sum.possiblyKept += t.possiblyKept;
    sum.done += t.done;
    sum.dismissed += t.dismissed;
    if (t.oldestOverdueDueAt !== null && (oldest === null || t.oldestOverdueDueAt < oldest)) oldest = t.oldestOverdueDueAt;
  }
  sum.oldestOverdueDueAt = oldest;
  return sum;
}

/**
 * Promises kept on time (kept, or marked done) of those judged (also kept late and overdue), 0..1; null
 * when none is judged yet. The share health's "Promises kept" component shows as a percentage.
 */
export function keepRate(t: PromiseTally): number | null {
  const onTime = t.kept + t.done;
  const judged = onTime + t.keptLate + t.overdue;
  return judged === 0 ? null : onTime / judged;
}

const latest = (values: readonly (string | null)[]): string | null =>
  values.reduce<string | null>((best, v) => (v !== null && (best === null || Date.parse(v) > Date.parse(best)) ? v : best), null);

/**
 * One client's summary input for the team, from each member's own input for it: `figures` are the merged
 * figures (mergedFigures, or a single member's own), the cadence is the team's. The lists that hold mail
 * sentences (requests, risks) are kept only as far as health needs them; callers decide what to show.
 */
export function mergeSummaryInputs(
  key: string,
  parts: readonly CounterpartSummaryInput[],
  figures: AggregateFigures,
  team: Pick<CounterpartSummaryInput, 'cadenceDays' | 'now' | 'settings'>,
): CounterpartSummaryInput {
  const oldestWaits = parts.flatMap((p) => p.awaitingOurReply.oldest).sort((a, b) => Date.parse(a.since) - Date.parse(b.since));
  return {
    key,
    figures,
    lastEmailContactAt: latest(parts.map((p) => p.lastEmailContactAt)),
    lastTouchpointContactAt: latest(parts.map((p) => p.lastTouchpointContactAt)),
    awaitingOurReply: {
      count: parts.reduce((s, p) => s + p.awaitingOurReply.count, 0),
      overTarget: parts.reduce((s, p) => s + p.awaitingOurReply.overTarget, 0),
      saturated: parts.reduce((s, p) => s + p.awaitingOurReply.saturated, 0),
      recentSinces: parts.flatMap((p) => p.awaitingOurReply.recentSinces).sort(),
      oldest: oldestWaits,
    },
    awaitingThem: { count: parts.reduce((s, p) => s + p.awaitingThem.count, 0), oldest: [] },
    requests: { count: figures.unansweredRequests, oldest: [] },
    risks: parts.flatMap((p) => p.risks),
    promises: sumPromiseTallies(parts.map((p) => p.promises)),
    cadenceDays: team.cadenceDays,
    now: team.now,
    settings: team.settings,
  };
}

/** Profile fields a team agrees on per client. */
export interface TeamProfileFields {
  name: string | null;
  cadenceDays: number | null;
  renewalDate: string | null;
  notes: string | null;
}

/**
 * The team's value of each profile field: what the team set, else what the client's owner set in their own
 * profile, else the first member (in the order given) who set it. A team that never filled in its profile
 * still shows the name and renewal date a member gave the client.
 */
export function effectiveTeamProfile(
  team: Partial<TeamProfileFields> | null,
  owner: Partial<TeamProfileFields> | null,
  members: readonly Partial<TeamProfileFields>[],
): TeamProfileFields {
  const pick = <K extends keyof TeamProfileFields>(field: K): TeamProfileFields[K] => {
    for (const source of [team, owner, ...members]) {
      const value = source?.[field];
      if (value !== null && value !== undefined) return value as TeamProfileFields[K];
    }
    return null as TeamProfileFields[K];
  };
  return { name: pick('name'), cadenceDays: pick('cadenceDays'), renewalDate: pick('renewalDate'), notes: pick('notes') };
}
