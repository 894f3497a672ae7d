import type { InStatement, InValue, Row } from '@libsql/client';
import {
  awaitingThresholds,
  CONTACT_TOUCHPOINT_KINDS,
  EMPTY_PROMISE_TALLY,
  RISK_KINDS,
  RISK_LIST_DAYS,
  rankCounterpart,
  summarizeCounterpart,
  type AggregateFigures,
  type AnalysisSettings,
  type AwaitingItem,
  type AwaitingThresholds,
  type CounterpartRank,
  type CounterpartSummary,
  type CounterpartSummaryInput,
  type PromiseTally,
  type RequestSnippet,
  type RiskSnippet,
  clientMatchesFilter,
} from '@followthrough/shared';
import type { CounterpartListItem, CounterpartProfile, ThreadCounterpart } from '@followthrough/shared/contract';
import { counterpartAggregates, counterpartCounts, counterpartProfiles, promises, snippets, threads, touchpoints } from '../../db/schema/index';
import { names, readTogether, str, strOrNull, type Executor } from '../sql';
import { decodeCursor, encodeCursor, KEPT_AT_INDEX, keptAfter } from './promise-reads';

const A = names(counterpartAggregates);
const T = names(threads);
const S = names(snippets);
const P = names(promises);
const TP = names(touchpoints);
const CP = names(counterpartProfiles);
const N = names(counterpartCounts);

const DAY_MS = 86_400_000;
const LIST = 5;
/** Waits under the saturation threshold are measured one by one; a client never has more than this many recent ones. */
const MAX_RECENT = 1000;
const MAX_RISKS = 1000;
const sqlList = (values: readonly string[]) => `(${values.map((v) => `'${v}'`).join(', ')})`;
const CONTACT_KINDS = sqlList(CONTACT_TOUCHPOINT_KINDS);
const RISK_KIND_LIST = sqlList(RISK_KINDS);

export const EMPTY_FIGURES: AggregateFigures = {
  threads: 0,
  initiated: { us: 0, them: 0, share: null },
  responseLag: {
    ours: { count: 0, medianMinutes: null, medianBusinessMinutes: null, p90Minutes: null, p90BusinessMinutes: null },
    theirs: { count: 0, medianMinutes: null, medianBusinessMinutes: null, p90Minutes: null, p90BusinessMinutes: null },
  },
  contacts: [],
  unansweredRequests: 0,
};

export const emptyProfile: CounterpartProfile = { name: null, cadenceDays: null, renewalDate: null, notes: null, initiationTargetPercent: null, reviewIntervalDays: null, feedbackIntervalDays: null };

/** The instants every per-client query compares with: all derived from `now` once per request. */
export interface ReadClock {
  readonly now: string;
  readonly thresholds: AwaitingThresholds;
  /** ISO of the threshold, or '' (before every date) when no wait reaches it. */
  readonly overTargetUpTo: string;
  readonly saturatedUpTo: string;
  readonly riskSince: string;
}

/**
 * The clock last made per settings object (settingsOfUser hands out one per distinct settings), with the
 * second it was made for. Finding the thresholds is a binary search over working time (~60 business-time
 * spans): a tenth of a thread summary's CPU when every request did it; writing the instants as ISO text
 * another 2% of the event loop's share.
 */
const clockMemo = new WeakMap<AnalysisSettings, { second: number; clock: ReadClock }>();

/**
 * Every read's instants for `now`, taken up to the next whole second: requests of the same second share
 * one clock, and no figure the API gives depends on the milliseconds. Up, not down: a read must see as
 * past what was written a moment before it (a call logged at 10:00:05.300 keeps a promise for a read at
 * 10:00:05.800).
 */
export function readClock(now: Date, settings: AnalysisSettings): ReadClock {
  const second = Math.ceil(now.getTime() / 1000) * 1000;
  const known = clockMemo.get(settings);
  if (known?.second === second) return known.clock;
  const iso = new Date(second).toISOString();
  const thresholds = awaitingThresholds(iso, settings);
  const asIso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
  const clock: ReadClock = {
    now: iso,
    thresholds,
    overTargetUpTo: asIso(thresholds.overTargetUpTo),
    saturatedUpTo: asIso(thresholds.saturatedUpTo),
    riskSince: new Date(second - RISK_LIST_DAYS * DAY_MS).toISOString(),
  };
  clockMemo.set(settings, { second, clock });
  return clock;
}

/**
 * One client's summary pieces as scalar subqueries of a single statement (each statement has a fixed
 * cost far above these indexed reads): ?1 user, ?2 now, ?3 over-target instant, ?4 saturation instant,
 * ?5 the start of the risk window; `key` is an SQL expression for the client's key. Every piece reads an
 * index range of this client (counts, the few oldest, the recent), never its whole history in JS.
 *
 * `lists`: 'all' reads the client's short lists as its page and the Clients list show them; 'health' only what
 * the client's figures and health are computed from (the recent risks without their words, the one longest wait
 * for our reply), for a thread summary, whose client comes without lists (threadCounterpartItem).
 */
export function counterpartPiecesSql(key: string, lists: 'all' | 'health' = 'all'): string {
  const all = lists === 'all';
  const awaiting = (side: 'us' | 'them') => `FROM ${T.$} WHERE ${T.userId} = ?1 AND ${T.counterpart} = ${key} AND ${T.awaitingSide} = '${side}'`;
  const awaitingJson = `json_object('threadId', ${T.threadId}, 'lastMessageId', ${T.awaitingMessageId}, 'since', ${T.awaitingSince})`;
  return `
    (SELECT ${A.figuresJson} FROM ${A.$} WHERE ${A.userId} = ?1 AND ${A.key} = ${key}) AS figures,
    (SELECT ${T.lastContactAt} FROM ${T.$} WHERE ${T.userId} = ?1 AND ${T.counterpart} = ${key} AND ${T.lastContactAt} <= ?2
       ORDER BY ${T.lastContactAt} DESC LIMIT 1) AS last_email,
    (SELECT ${TP.at} FROM ${TP.$} WHERE ${TP.userId} = ?1 AND ${TP.counterpart} = ${key} AND ${TP.kind} IN ${CONTACT_KINDS} AND ${TP.at} <= ?2
       ORDER BY ${TP.at} DESC LIMIT 1) AS last_touch,
    (SELECT json_group_object(${N.what}, ${N.n}) FROM ${N.$} WHERE ${N.userId} = ?1 AND ${N.counterpart} = ${key}) AS counts,
    -- Waits under the over-target and saturation thresholds (the rest are counted as over them).
    (SELECT json_array(count(*), coalesce(sum(${T.awaitingSince} > ?3), 0)) ${awaiting('us')} AND ${T.awaitingSince} > ?4) AS awaiting_us_recent,
    (SELECT json_group_array(${T.awaitingSince}) FROM (SELECT ${T.awaitingSince} ${awaiting('us')} AND ${T.awaitingSince} > ?4
       ORDER BY ${T.awaitingSince} LIMIT ${MAX_RECENT})) AS awaiting_recent,
    (SELECT json_group_array(${awaitingJson}) FROM (SELECT ${T.threadId}, ${T.awaitingMessageId}, ${T.awaitingSince} ${awaiting('us')}
       ORDER BY ${T.awaitingSince}, ${T.threadId} LIMIT ${all ? LIST : 1})) AS awaiting_us_oldest,
    ${all ? `(SELECT json_group_array(${awaitingJson}) FROM (SELECT ${T.threadId}, ${T.awaitingMessageId}, ${T.awaitingSince} ${awaiting('them')}
       ORDER BY ${T.awaitingSince}, ${T.threadId} LIMIT ${LIST}))` : 'NULL'} AS awaiting_them_oldest,
    ${all ? `(SELECT json_group_array(json_object('messageId', message_id, 'threadId', thread_id, 'text', text, 'at', at)) FROM (
       SELECT s.${S.messageId} AS message_id, s.${S.threadId} AS thread_id, s.${S.text} AS text, s.${S.at} AS at
       FROM (SELECT ${T.threadId}, ${T.awaitingSince} FROM ${T.$} WHERE ${T.userId} = ?1 AND ${T.counterpart} = ${key}
               AND ${T.firstUnansweredRequestAt} IS NOT NULL ORDER BY ${T.firstUnansweredRequestAt} LIMIT ${LIST}) t
       -- CROSS JOIN keeps the few threads as the outer loop, and the unary + keeps the planner on the
       -- (user, thread) index: the (user, kind, at) one would walk every request the client ever made.
       CROSS JOIN ${S.$} s ON s.${S.userId} = ?1 AND s.${S.threadId} = t.${T.threadId} AND +s.${S.kind} = 'request' AND +s.${S.at} >= t.${T.awaitingSince}
       ORDER BY s.${S.at}, s.${S.messageId} LIMIT ${LIST}))` : 'NULL'} AS requests,
    -- The risks' words only where the list is shown: health reads a risk's kind, side, time and message.
    (SELECT json_group_array(json_object('kind', ${S.kind}, 'side', ${S.side}, 'messageId', ${S.messageId}, 'threadId', ${S.threadId}, 'text', ${all ? S.text : "''"}, 'at', ${S.at}))
       FROM (SELECT * FROM ${S.$} WHERE ${S.userId} = ?1 AND ${S.counterpart} = ${key} AND ${S.kind} IN ${RISK_KIND_LIST}
             AND ${S.at} >= ?5 AND ${S.at} <= ?2 ORDER BY ${S.at} DESC LIMIT ${MAX_RISKS})) AS risks,
    (SELECT json_array(count(*), min(${P.dueAt})) FROM ${P.$} WHERE ${P.userId} = ?1 AND ${P.counterpart} = ${key} AND ${P.state} = 'pending' AND ${P.overdueAfter} < ?2) AS pending_late,
    (SELECT json_group_array(json_array(state, late, n, min_due)) FROM (
       SELECT ${P.state} AS state, ${P.overdueAfter} < ?2 AS late, count(*) AS n, min(${P.dueAt}) AS min_due FROM ${P.$} INDEXED BY ${KEPT_AT_INDEX}
       WHERE ${P.userId} = ?1 AND ${keptAfter('?2', '')} AND ${P.counterpart} = ${key} GROUP BY 1, 2)) AS kept_later,
    (SELECT json_object('name', ${CP.name}, 'cadenceDays', ${CP.cadenceDays}, 'renewalDate', ${CP.renewalDate}, 'notes', ${CP.notes}, 'initiationTargetPercent', ${CP.initiationTargetPercent}, 'reviewIntervalDays', ${CP.reviewIntervalDays}, 'feedbackIntervalDays', ${CP.feedbackIntervalDays})
       FROM ${CP.$} WHERE ${CP.userId} = ?1 AND ${CP.key} = ${key}) AS profile`;
}

export function clockArgs(userId: string, clock: ReadClock): InValue[] {
  return [userId, clock.now, clock.overTargetUpTo, clock.saturatedUpTo, clock.riskSince];
}

/** Promise counts by status at `now` from (state, kept later than now, past overdue_after) groups: promiseStatusAt's rule. */
export function tallyFromGroups(groups: readonly [string, number, number, number, string][]): PromiseTally {
  const tally = { ...EMPTY_PROMISE_TALLY };
  let oldest: string | null = null;
  for (const [state, later, late, n, minDue] of groups) {
    if (state === 'pending' || (later === 1 && (state === 'kept' || state === 'kept-late' || state === 'possibly-kept'))) {
      if (late === 1) {
        tally.overdue += n;
        if (oldest === null || minDue < oldest) oldest = minDue;
      } else tally.open += n;
    } else if (state === 'kept') tally.kept += n;
    else if (state === 'kept-late') tally.keptLate += n;
    else if (state === 'possibly-kept') tally.possiblyKept += n;
    else if (state === 'done') tally.done += n;
    else if (state === 'dismissed') tally.dismissed += n;
  }
  tally.oldestOverdueDueAt = oldest;
  return tally;
}

/** A client's stored counts (counterpart_counts: `promise:<state>`, `awaiting:<side>`) by name. */
export type StoredCounts = Readonly<Record<string, number>>;

/**
 * The promise groups tallyFromGroups takes, from a client's stored counts per state and the two
 * clock-dependent exceptions read as short index ranges: pending promises already past overdue_after
 * (count, earliest due), and promises kept by evidence later than `now` (open or overdue at `now`).
 * Everything else in a state is settled whatever the clock says.
 */
export function promiseGroupsFromCounts(
  counts: StoredCounts,
  pendingLate: readonly [number, string | null],
  keptLater: readonly [string, number, number, string][],
): [string, number, number, number, string][] {
  const groups: [string, number, number, number, string][] = [];
  const [lateCount, lateMinDue] = pendingLate;
  const pending = counts['promise:pending'] ?? 0;
  if (lateCount > 0) groups.push(['pending', 0, 1, lateCount, lateMinDue ?? '']);
  if (pending - lateCount > 0) groups.push(['pending', 0, 0, pending - lateCount, '']);
  const later = new Map<string, number>();
  for (const [state, late, n, minDue] of keptLater) {
    groups.push([state, 1, late, n, minDue]);
    later.set(state, (later.get(state) ?? 0) + n);
  }
  for (const [what, n] of Object.entries(counts)) {
    if (!what.startsWith('promise:') || what === 'promise:pending') continue;
    const state = what.slice('promise:'.length);
    const settled = n - (later.get(state) ?? 0);
    if (settled > 0) groups.push([state, 0, 0, settled, '']);
  }
  return groups;
}

/**
 * The two pieces of a promise tally the clock decides (promiseGroupsFromCounts): the pending promises already late
 * at `now` (count, earliest due), and those kept only by evidence after `now` (by state and lateness). `byClient`
 * adds the client as the first column (k) and groups by it: the Clients list reads every client's at once, a
 * team member's tally reads them over all of the user's clients. The late ones seek (user, state, overdue_after)
 * and the kept-later ones KEPT_AT_INDEX, never a walk of the user's promises.
 */
function clockedPromiseReads(userId: string, now: string, byClient: boolean): [InStatement, InStatement] {
  const k = byClient ? `${P.counterpart} AS k, ` : '';
  const by = byClient ? 'GROUP BY 1' : '';
  return [
    {
      sql: `SELECT ${k}count(*) AS n, min(${P.dueAt}) AS min_due FROM ${P.$}
            WHERE ${P.userId} = ? AND ${P.state} = 'pending' AND ${P.overdueAfter} < ? AND +${P.counterpart} IS NOT NULL ${by}`,
      args: [userId, now],
    },
    {
      sql: `SELECT ${k}${P.state} AS state, ${P.overdueAfter} < ?2 AS late, count(*) AS n, min(${P.dueAt}) AS min_due FROM ${P.$} INDEXED BY ${KEPT_AT_INDEX}
            WHERE ${P.userId} = ?1 AND ${keptAfter('?2', '')} AND ${P.counterpart} IS NOT NULL GROUP BY ${byClient ? '1, 2, 3' : '1, 2'}`,
      args: [userId, now],
    },
  ];
}

/** A kept-later row of clockedPromiseReads as promiseGroupsFromCounts takes it. */
const keptLaterGroup = (r: Row): [string, number, number, string] => [str(r.state), Number(r.late), Number(r.n), str(r.min_due)];

/**
 * One user's promises over all of their clients at `now` (a team member's row on the manager's page), from
 * the same pieces as each client's: the stored counts per state summed over the clients, the pending ones
 * already late, and those kept only by evidence after `now`. Each is a seek, never a walk of the user's
 * promises, which grow with the years.
 */
export async function readUserPromiseTally(db: Executor, userId: string, clock: ReadClock): Promise<PromiseTally> {
  const [lateRead, keptLaterRead] = clockedPromiseReads(userId, clock.now, false);
  const [counts, pendingLate, keptLater] = await Promise.all([
    db.execute({ sql: `SELECT ${N.what} AS what, sum(${N.n}) AS n FROM ${N.$} WHERE ${N.userId} = ? GROUP BY 1`, args: [userId] }),
    db.execute(lateRead),
    db.execute(keptLaterRead),
  ]);
  const summed: Record<string, number> = {};
  for (const r of counts.rows) summed[str(r.what)] = Number(r.n);
  const late = pendingLate.rows[0];
  return tallyFromGroups(
    promiseGroupsFromCounts(
      summed,
      [Number(late?.n ?? 0), strOrNull(late?.min_due)],
      keptLater.rows.map(keptLaterGroup),
    ),
  );
}

const parseList = <T>(value: unknown): T[] => (value === null || value === undefined ? [] : (JSON.parse(str(value)) as T[]));

export interface CounterpartRead {
  key: string;
  summary: CounterpartSummary;
  profile: CounterpartProfile;
}

/**
 * A client as lists show it (the Clients list, a thread summary's client): its summary with its name and
 * renewal date. Copied with Object.assign, not `{ ...summary, name, renewalDate }`: on Node 20 a spread
 * followed by new properties copies every property through the runtime (about 2 µs each here; shared health.ts).
 */
export function counterpartListItem(read: CounterpartRead): CounterpartListItem {
  return Object.assign({}, read.summary, { name: read.profile.name, renewalDate: read.profile.renewalDate });
}

/** The fields of a client's summary without its lists: the thread summary's client (its contract) less name and renewal date. */
export type CounterpartFigures = Omit<ThreadCounterpart, 'name' | 'renewalDate'>;

/**
 * A client's figures, counts and health without its lists (the longest waits either way, requests, risks): for
 * views that show one client among others or beside a thread (a thread summary, the team's clients). Written field
 * by field rather than as a rest spread, which Node 20 copies through the runtime (see counterpartListItem).
 */
export function counterpartFigures(summary: CounterpartSummary): CounterpartFigures {
  return {
    key: summary.key,
    contacts: summary.contacts,
    threads: summary.threads,
    initiated: summary.initiated,
    responseLag: summary.responseLag,
    lastContactAt: summary.lastContactAt,
    daysSinceContact: summary.daysSinceContact,
    cadenceDays: summary.cadenceDays,
    awaitingOurReplyCount: summary.awaitingOurReplyCount,
    awaitingThemCount: summary.awaitingThemCount,
    requestCount: summary.requestCount,
    riskCount: summary.riskCount,
    promises: summary.promises,
    health: summary.health,
  };
}

/** A client as a thread summary shows it: its figures and health without its lists (threadCounterpartSchema). */
export function threadCounterpartItem({ summary, profile }: CounterpartRead): ThreadCounterpart {
  return Object.assign(counterpartFigures(summary), { name: profile.name, renewalDate: profile.renewalDate });
}

/** One client's summary input (and profile) from a row of counterpartPiecesSql, its short lists filled. */
export function inputFromRow(key: string, row: Row, clock: ReadClock, settings: AnalysisSettings): { input: CounterpartSummaryInput; profile: CounterpartProfile } {
  const figures = row.figures ? (JSON.parse(str(row.figures)) as AggregateFigures) : EMPTY_FIGURES;
  const counts = row.counts ? (JSON.parse(str(row.counts)) as StoredCounts) : {};
  const count = counts['awaiting:us'] ?? 0;
  // Every wait counted is over both thresholds but the recent ones (awaiting_since is set with the side).
  const [underSaturation, underTarget] = JSON.parse(str(row.awaiting_us_recent ?? '[0,0]')) as [number, number];
  const profileJson = row.profile ? (JSON.parse(str(row.profile)) as CounterpartProfile) : null;
  const profile = profileJson ? { ...emptyProfile, ...profileJson } : emptyProfile;
  const input: CounterpartSummaryInput = {
    key,
    figures,
    lastEmailContactAt: strOrNull(row.last_email),
    lastTouchpointContactAt: strOrNull(row.last_touch),
    awaitingOurReply: {
      count,
      overTarget: count - Number(underTarget),
      saturated: count - Number(underSaturation),
      recentSinces: parseList<string>(row.awaiting_recent),
      oldest: parseList<AwaitingItem>(row.awaiting_us_oldest),
    },
    awaitingThem: { count: counts['awaiting:them'] ?? 0, oldest: parseList<AwaitingItem>(row.awaiting_them_oldest) },
    requests: { count: figures.unansweredRequests, oldest: parseList<RequestSnippet>(row.requests) },
    risks: parseList<RiskSnippet>(row.risks),
    promises: tallyFromGroups(
      promiseGroupsFromCounts(
        counts,
        JSON.parse(str(row.pending_late ?? '[0,null]')) as [number, string | null],
        parseList<[string, number, number, string]>(row.kept_later),
      ),
    ),
    cadenceDays: profile.cadenceDays,
    initiationTarget: profile.initiationTargetPercent === null ? null : profile.initiationTargetPercent / 100,
    now: clock.now,
    settings,
  };
  return { input, profile };
}

/** The summary of one client from a row of counterpartPiecesSql. */
export function counterpartFromRow(key: string, row: Row, clock: ReadClock, settings: AnalysisSettings): CounterpartRead {
  const { input, profile } = inputFromRow(key, row, clock, settings);
  return { key, summary: summarizeCounterpart(input), profile };
}

/** A pieces row of a client the user has nothing of: no mail, touchpoint or profile. */
const holdsNothing = (row: Row): boolean => row.figures === null && row.profile === null && row.any_touch === null;

/** One client's pieces in one statement; null when the user has nothing of it (no mail, touchpoint or profile). */
export async function readCounterpartRow(db: Executor, userId: string, key: string, clock: ReadClock): Promise<Row | null> {
  const result = await db.execute({
    sql: `SELECT ${counterpartPiecesSql('?6')}, (SELECT 1 FROM ${TP.$} WHERE ${TP.userId} = ?1 AND ${TP.counterpart} = ?6 LIMIT 1) AS any_touch`,
    args: [...clockArgs(userId, clock), key],
  });
  const row = result.rows[0]!;
  return holdsNothing(row) ? null : row;
}

/**
 * Several clients' pieces in one statement, a row per key that the user has something of: one statement
 * for a page of the Clients list costs a fraction of one per client (each statement's fixed cost is far
 * above these indexed reads).
 */
export async function readCounterpartRows(db: Executor, userId: string, keys: readonly string[], clock: ReadClock): Promise<Map<string, Row>> {
  if (keys.length === 0) return new Map();
  const first = clockArgs(userId, clock).length + 1;
  const values = keys.map((_, i) => `(?${first + i})`).join(', ');
  const result = await db.execute({
    sql: `SELECT page.column1 AS page_key, ${counterpartPiecesSql('page.column1')},
            (SELECT 1 FROM ${TP.$} WHERE ${TP.userId} = ?1 AND ${TP.counterpart} = page.column1 LIMIT 1) AS any_touch
          FROM (VALUES ${values}) page`,
    args: [...clockArgs(userId, clock), ...keys],
  });
  const rows = new Map<string, Row>();
  for (const row of result.rows) {
    if (holdsNothing(row)) continue;
    rows.set(str(row.page_key), row);
  }
  return rows;
}

/** One client, in one statement; null when the user has nothing of it (no mail, touchpoint or profile). */
export async function readCounterpart(db: Executor, userId: string, key: string, clock: ReadClock, settings: AnalysisSettings): Promise<CounterpartRead | null> {
  const row = await readCounterpartRow(db, userId, key, clock);
  return row ? counterpartFromRow(key, row, clock, settings) : null;
}

export interface CounterpartListQuery {
  sort: 'health' | '-health' | 'lastContact' | 'key';
  filter?: 'overdue' | 'silent' | 'renewal' | 'awaiting';
  limit: number;
  cursor?: string;
}

const sorters: Record<CounterpartListQuery['sort'], (a: CounterpartRank, b: CounterpartRank) => number> = {
  health: (a, b) => a.score - b.score || a.key.localeCompare(b.key),
  '-health': (a, b) => b.score - a.score || a.key.localeCompare(b.key),
  lastContact: (a, b) => (b.lastContactAt ?? '').localeCompare(a.lastContactAt ?? '') || a.key.localeCompare(b.key),
  key: (a, b) => a.key.localeCompare(b.key),
};

/** Everything the Clients list needs of one user, read for all their clients at once, by client key. */
export interface AllPieces {
  figures: Map<string, AggregateFigures>;
  lastEmail: Map<string, string>;
  lastTouch: Map<string, string>;
  /** Clients with any touchpoint (contact or not). */
  anyTouch: Set<string>;
  awaitingUs: Map<string, { n: number; over: number; sat: number; oldest: string }>;
  recent: Map<string, string[]>;
  awaitingThem: Map<string, number>;
  risks: Map<string, RiskSnippet[]>;
  promiseGroups: Map<string, [string, number, number, number, string][]>;
  profiles: Map<string, CounterpartProfile>;
}

/**
 * The pieces of every client's summary, in a handful of grouped statements (one pass over each index):
 * the same pieces as counterpartPiecesSql, for all clients. Linear in the number of clients, never in
 * their history.
 */
export async function readAllPieces(db: Executor, userId: string, clock: ReadClock): Promise<AllPieces> {
  const [lateRead, keptLaterRead] = clockedPromiseReads(userId, clock.now, true);
  // Eleven independent reads, spread over the reader threads: the list waits for the slowest share, not the sum.
  // spread deals them out in turn (first, third, ... to one thread), so they are ordered for halves of about equal
  // cost: on the real-size key client's mailbox 5.9 and 5.7 ms of the 11.8 (the latest contacts 1.9, the oldest waits
  // 1.7, the counts 2.1, the figures 1.3, the risks 1.3, the late promises 2.4; the rest 0.2 each).
  const [lastEmails, oldestWaits, counts, figures, risks, pendingLate, keptLater, lastTouch, anyTouch, recent, profiles] = await readTogether(db, [
    // Each client with mail: its latest contact and its oldest wait for our reply, by index lookups per
    // client (a GROUP BY over threads would walk the whole mailbox).
    {
      sql: `SELECT a.${A.key} AS k, (SELECT max(${T.lastContactAt}) FROM ${T.$} WHERE ${T.userId} = ?1 AND ${T.counterpart} = a.${A.key} AND ${T.lastContactAt} <= ?2) AS v
            FROM ${A.$} a WHERE a.${A.userId} = ?1`,
      args: [userId, clock.now],
    },
    {
      sql: `SELECT a.${A.key} AS k, (SELECT min(${T.awaitingSince}) FROM ${T.$} WHERE ${T.userId} = ?1 AND ${T.counterpart} = a.${A.key} AND ${T.awaitingSide} = 'us') AS v
            FROM ${A.$} a WHERE a.${A.userId} = ?1`,
      args: [userId],
    },
    { sql: `SELECT ${N.counterpart} AS k, json_group_object(${N.what}, ${N.n}) AS v FROM ${N.$} WHERE ${N.userId} = ? GROUP BY 1`, args: [userId] },
    { sql: `SELECT ${A.key} AS k, ${A.figuresJson} AS v FROM ${A.$} WHERE ${A.userId} = ?`, args: [userId] },
    // The recent risks by kind and time (snippets_kind_at_idx): the unary + keeps SQLite from walking the
    // (user, counterpart) index over every snippet of the user for "counterpart IS NOT NULL" (9,716 on the key
    // client's mailbox for 99 risks: 7-11 ms against 2-3).
    {
      sql: `SELECT ${S.counterpart} AS k, ${S.kind} AS kind, ${S.side} AS side, ${S.messageId} AS message_id, ${S.threadId} AS thread_id, ${S.text} AS text, ${S.at} AS at
            FROM ${S.$} WHERE ${S.userId} = ? AND ${S.kind} IN ${RISK_KIND_LIST} AND ${S.at} >= ? AND ${S.at} <= ? AND +${S.counterpart} IS NOT NULL`,
      args: [userId, clock.riskSince, clock.now],
    },
    lateRead,
    keptLaterRead,
    {
      sql: `SELECT ${TP.counterpart} AS k, max(${TP.at}) AS v FROM ${TP.$} WHERE ${TP.userId} = ? AND ${TP.kind} IN ${CONTACT_KINDS} AND ${TP.at} <= ? GROUP BY 1`,
      args: [userId, clock.now],
    },
    { sql: `SELECT DISTINCT ${TP.counterpart} AS k FROM ${TP.$} WHERE ${TP.userId} = ?`, args: [userId] },
    {
      sql: `SELECT ${T.counterpart} AS k, ${T.awaitingSince} AS v FROM ${T.$} WHERE ${T.userId} = ? AND ${T.awaitingSide} = 'us' AND ${T.awaitingSince} > ?
            AND ${T.counterpart} IS NOT NULL ORDER BY ${T.awaitingSince}`,
      args: [userId, clock.saturatedUpTo],
    },
    { sql: `SELECT ${CP.key} AS k, ${CP.name} AS name, ${CP.cadenceDays} AS cadence, ${CP.renewalDate} AS renewal, ${CP.notes} AS notes, ${CP.initiationTargetPercent} AS target, ${CP.reviewIntervalDays} AS review, ${CP.feedbackIntervalDays} AS feedback FROM ${CP.$} WHERE ${CP.userId} = ?`, args: [userId] },
  ]);
  const byKey = <T>(rows: readonly Row[], value: (r: Row) => T) => new Map(rows.map((r) => [str(r.k), value(r)]));
  const listBy = <T>(rows: readonly Row[], value: (r: Row) => T) => {
    const out = new Map<string, T[]>();
    for (const r of rows) {
      const list = out.get(str(r.k)) ?? [];
      list.push(value(r));
      out.set(str(r.k), list);
    }
    return out;
  };
  const countsOf = byKey(counts.rows, (r) => JSON.parse(str(r.v)) as StoredCounts);
  const recentOf = listBy(recent.rows, (r) => str(r.v));
  const oldestOf = byKey(oldestWaits.rows, (r) => strOrNull(r.v) ?? '');
  const lateOf = byKey(pendingLate.rows, (r): [number, string | null] => [Number(r.n), strOrNull(r.min_due)]);
  const keptLaterOf = listBy(keptLater.rows, keptLaterGroup);
  const awaitingUs = new Map<string, { n: number; over: number; sat: number; oldest: string }>();
  const promiseGroups = new Map<string, [string, number, number, number, string][]>();
  for (const [key, c] of countsOf) {
    const n = c['awaiting:us'] ?? 0;
    if (n > 0) {
      // The recent waits (under saturation) are listed; every other wait is over both thresholds.
      const recentSinces = recentOf.get(key) ?? [];
      const underTarget = recentSinces.filter((since) => since > clock.overTargetUpTo).length;
      awaitingUs.set(key, { n, over: n - underTarget, sat: n - recentSinces.length, oldest: oldestOf.get(key) ?? '' });
    }
    promiseGroups.set(key, promiseGroupsFromCounts(c, lateOf.get(key) ?? [0, null], keptLaterOf.get(key) ?? []));
  }
  return {
    figures: byKey(figures.rows, (r) => JSON.parse(str(r.v)) as AggregateFigures),
    lastEmail: new Map(lastEmails.rows.filter((r) => r.v !== null && r.v !== undefined).map((r) => [str(r.k), str(r.v)])),
    lastTouch: byKey(lastTouch.rows, (r) => str(r.v)),
    anyTouch: new Set(anyTouch.rows.map((r) => str(r.k))),
    awaitingUs,
    recent: recentOf,
    awaitingThem: new Map([...countsOf].map(([key, c]) => [key, c['awaiting:them'] ?? 0])),
    risks: listBy(risks.rows, (r): RiskSnippet => ({ kind: str(r.kind) as RiskSnippet['kind'], side: str(r.side) as 'us' | 'them', messageId: str(r.message_id), threadId: str(r.thread_id), text: str(r.text), at: str(r.at) })),
    promiseGroups,
    profiles: byKey(profiles.rows, (r): CounterpartProfile => ({
      name: strOrNull(r.name),
      cadenceDays: r.cadence === null ? null : Number(r.cadence),
      renewalDate: strOrNull(r.renewal),
      notes: strOrNull(r.notes),
      initiationTargetPercent: r.target === null ? null : Number(r.target),
      reviewIntervalDays: r.review === null || r.review === undefined ? null : Number(r.review),
      feedbackIntervalDays: r.feedback === null || r.feedback === undefined ? null : Number(r.feedback),
    })),
  };
}

/** Every client the pieces know of: with mail, a touchpoint or a profile. */
export function keysOfPieces(p: AllPieces): Set<string> {
  return new Set<string>([...p.figures.keys(), ...p.anyTouch, ...p.profiles.keys()]);
}

/**
 * One client's summary input from the pieces. The lists are filled for the page only (readCounterpart);
 * health needs just the oldest wait's start.
 */
export function summaryInputOf(p: AllPieces, key: string, clock: ReadClock, settings: AnalysisSettings): { input: CounterpartSummaryInput; profile: CounterpartProfile } {
  const f = p.figures.get(key) ?? EMPTY_FIGURES;
  const us = p.awaitingUs.get(key);
  const profile = p.profiles.get(key) ?? emptyProfile;
  const input: CounterpartSummaryInput = {
    key,
    figures: f,
    lastEmailContactAt: p.lastEmail.get(key) ?? null,
    lastTouchpointContactAt: p.lastTouch.get(key) ?? null,
    awaitingOurReply: {
      count: us?.n ?? 0,
      overTarget: us?.over ?? 0,
      saturated: us?.sat ?? 0,
      recentSinces: p.recent.get(key) ?? [],
      oldest: us ? [{ threadId: '', lastMessageId: '', since: us.oldest }] : [],
    },
    awaitingThem: { count: p.awaitingThem.get(key) ?? 0, oldest: [] },
    requests: { count: f.unansweredRequests, oldest: [] },
    risks: p.risks.get(key) ?? [],
    promises: tallyFromGroups(p.promiseGroups.get(key) ?? []),
    cadenceDays: profile.cadenceDays,
    initiationTarget: profile.initiationTargetPercent === null ? null : profile.initiationTargetPercent / 100,
    now: clock.now,
    settings,
  };
  return { input, profile };
}

/**
 * Every client ranked at once, for the Clients list: the pieces of all clients (readAllPieces), then each
 * client's score and filter fields by the function its summary uses (rankCounterpart). Sorting by health
 * needs every client's score, so this is linear in the number of clients (not in their history), computed
 * in slices that let other requests in between.
 */
async function rankAllCounterparts(db: Executor, userId: string, clock: ReadClock, settings: AnalysisSettings, breathe: () => Promise<void>): Promise<{ pieces: AllPieces; ranks: { rank: CounterpartRank; renewalDate: string | null }[] }> {
  const pieces = await readAllPieces(db, userId, clock);
  const ranks: { rank: CounterpartRank; renewalDate: string | null }[] = [];
  for (const key of keysOfPieces(pieces)) {
    const { input, profile } = summaryInputOf(pieces, key, clock, settings);
    ranks.push({ rank: rankCounterpart(input), renewalDate: profile.renewalDate });
    await breathe();
  }
  return { pieces, ranks };
}

/** A page of the Clients list: filtered, sorted, and each item read whole (its short lists too). */
export async function listCounterparts(
  db: Executor,
  userId: string,
  query: CounterpartListQuery,
  clock: ReadClock,
  settings: AnalysisSettings,
  breathe: () => Promise<void>,
): Promise<{ items: CounterpartRead[]; total: number; nextCursor: string | null }> {
  const { pieces, ranks } = await rankAllCounterparts(db, userId, clock, settings, breathe);
  const all = ranks.filter((r) => clientMatchesFilter(r.rank, r.renewalDate, query.filter, clock.now)).map((r) => r.rank);
  all.sort(sorters[query.sort]);
  const offset = Number(decodeCursor(query.cursor, 1)?.[0] ?? 0);
  const page = all.slice(offset, offset + query.limit);
  const rows = await readCounterpartRows(db, userId, page.map((r) => r.key), clock);
  const items = page.map(({ key }) => {
    const row = rows.get(key);
    if (row) return counterpartFromRow(key, row, clock, settings);
    // Gone between the two reads (erased meanwhile): its summary from the pieces it was ranked by.
    const { input, profile } = summaryInputOf(pieces, key, clock, settings);
    return { key, summary: summarizeCounterpart(input), profile };
  });
  return { items, total: all.length, nextCursor: offset + query.limit < all.length ? encodeCursor([offset + query.limit]) : null };
}
