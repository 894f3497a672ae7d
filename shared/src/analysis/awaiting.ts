import type { AnalysisSettings } from '../model/settings';
import { businessMinutesBetween } from './business-time';
import { isoMs } from './time/iso-ms';

/** A thread that waits for someone's message: for whom is decided by the list it is in. */
export interface AwaitingItem {
  threadId: string;
  lastMessageId: string;
  /** Start of the unanswered turn (ISO, UTC). */
  since: string;
}

/**
 * A wait of this many times the reply target costs the health component its whole share for that
 * conversation (see health.ts); shorter waits cost in proportion.
 */
export const AWAITING_SATURATION = 3;

/**
 * How the replies we owe a client stand at `now`, in a form a store can count with an index: a wait
 * longer than the target, or longer than AWAITING_SATURATION times it, is a thread whose `since` is at
 * or before one instant (awaitingThresholds), so the only waits measured one by one are the recent ones.
 * The key client of a two-year mailbox owes replies on hundreds of old threads; its health costs the
 * same as a small client's.
 */
export interface AwaitingTally {
  count: number;
  /** Waiting longer than the reply target. */
  overTarget: number;
  /** Waiting at least AWAITING_SATURATION times the target. */
  saturated: number;
  /** The starts of the other waits (under AWAITING_SATURATION times the target), oldest first. */
  recentSinces: string[];
  /** The longest waits, oldest first (at most the number asked for). */
  oldest: AwaitingItem[];
}

type BusinessSettings = Pick<AnalysisSettings, 'timeZone' | 'workingHours' | 'responseTargetBusinessMinutes'>;

const DAY_MS = 86_400_000;
/** Far enough back for any sane target; a wait that needs more than this never reaches the threshold. */
const MAX_LOOKBACK_MS = 10 * 366 * DAY_MS;

/**
 * The latest instant (whole milliseconds) from which the working time up to `nowMs`, as
 * businessMinutesBetween gives it (to a tenth of a minute), satisfies `enough`;
 * null when not even MAX_LOOKBACK_MS back does. Working time only grows as the start moves back, so
 * this is a binary search: the set of starts that satisfy `enough` is everything up to the answer.
 */
export function latestStartWith(nowMs: number, enough: (businessMinutes: number) => boolean, settings: BusinessSettings): number | null {
  const nowIso = new Date(nowMs).toISOString();
  const satisfies = (start: number) => enough(businessMinutesBetween(new Date(start).toISOString(), nowIso, settings));
  let span = 30 * DAY_MS;
  while (!satisfies(nowMs - span)) {
    if (span >= MAX_LOOKBACK_MS) return null;
    span = Math.min(span * 4, MAX_LOOKBACK_MS);
  }
  let good = nowMs - span;
  let bad = nowMs + 1;
  while (bad - good > 1) {
    const mid = good + Math.floor((bad - good) / 2);
    if (satisfies(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

export interface AwaitingThresholds {
  /** Threads waiting since at or before this instant (ms) wait longer than the target; null = none can. */
  overTargetUpTo: number | null;
  /** Threads waiting since at or before this instant wait at least AWAITING_SATURATION times the target. */
  saturatedUpTo: number | null;
}

export function awaitingThresholds(now: string, settings: BusinessSettings): AwaitingThresholds {
  const nowMs = isoMs(now);
  if (Number.isNaN(nowMs)) throw new RangeError(`awaitingThresholds: now "${now}" is not a date`);
  const target = settings.responseTargetBusinessMinutes;
  return {
    overTargetUpTo: latestStartWith(nowMs, (m) => m > target, settings),
    saturatedUpTo: latestStartWith(nowMs, (m) => m >= AWAITING_SATURATION * target, settings),
  };
}

/** Oldest first, ties by thread id: the order every list of waiting threads is shown in. */
export const byOldest = (a: AwaitingItem, b: AwaitingItem): number =>
  isoMs(a.since) - isoMs(b.since) || (a.threadId < b.threadId ? -1 : a.threadId > b.threadId ? 1 : 0);

/** byOldest on items whose `since` is already parsed (the same comparison, so the same order). */
const byParsedOldest = (a: { item: AwaitingItem; at: number }, b: { item: AwaitingItem; at: number }): number =>
  a.at - b.at || (a.item.threadId < b.item.threadId ? -1 : a.item.threadId > b.item.threadId ? 1 : 0);

/**
 * A sorted copy, in byOldest's order: each `since` parsed once rather than twice in every comparison (a
 * mailbox's summary sorts every client's waiting threads; the parsing was most of the sort).
 */
export function sortedOldestFirst(items: readonly AwaitingItem[]): AwaitingItem[] {
  // Loops that push, not .map: V8's optimized .map makes holey arrays where the interpreter's are packed, and the
  // callers (tallyAwaiting, the analyzer's summarize) were deoptimized on meeting the other kind (see analyzeThread).
  const decorated: { item: AwaitingItem; at: number }[] = [];
  for (const item of items) decorated.push({ item, at: isoMs(item.since) });
  decorated.sort(byParsedOldest);
  const sorted: AwaitingItem[] = [];
  for (const x of decorated) sorted.push(x.item);
  return sorted;
}

/** The tally from the whole list (the mailbox analyzer's way; the server counts the same with SQL). */
export function tallyAwaiting(
  items: readonly AwaitingItem[],
  now: string,
  settings: BusinessSettings,
  thresholds: AwaitingThresholds = awaitingThresholds(now, settings),
  keep = 5,
): AwaitingTally {
  const { overTargetUpTo, saturatedUpTo } = thresholds;
  const sorted = sortedOldestFirst(items);
  let overTarget = 0;
  let saturated = 0;
  const recentSinces: string[] = [];
  for (const item of sorted) {
    const since = isoMs(item.since);
    if (overTargetUpTo !== null && since <= overTargetUpTo) overTarget++;
    if (saturatedUpTo !== null && since <= saturatedUpTo) saturated++;
    else recentSinces.push(item.since);
  }
  return { count: sorted.length, overTarget, saturated, recentSinces, oldest: sorted.slice(0, keep) };
}
