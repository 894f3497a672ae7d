import type { CounterpartSummary, RequestSnippet, RiskSnippet } from '../model/analysis-document';
import type { AnalysisSettings } from '../model/settings';
import type { AwaitingItem, AwaitingTally } from './awaiting';
import type { AggregateFigures } from './counterpart-aggregate';
import { computeHealth, healthScore, type HealthInput } from './health';
import type { PromiseTally } from './promise-status';
import { measureSilence, type Silence } from './silence';
import { isoMs } from './time/iso-ms';

export { isUnansweredRequest } from './thread-analysis';

/** How many items a summary lists of each kind (the counts say how many there are in all). */
export const SUMMARY_LIST_LIMIT = 5;

/** Risk language older than this is not listed and no longer weighs on health. */
export const RISK_LIST_DAYS = 180;

/**
 * Everything a client's summary is made of, each part already reduced to what the summary shows: the
 * aggregate's figures (independent of `now`), and the few tallies and short lists that depend on it.
 * The mailbox analyzer builds these from its lists, the server with indexed queries; this function
 * makes the summary from them, so both say the same.
 */
export interface CounterpartSummaryInput {
  key: string;
  figures: AggregateFigures;
  /** The latest meaningful mail either way, at or before `now`. */
  lastEmailContactAt: string | null;
  /** The latest touchpoint that is contact (silence.ts), at or before `now`. */
  lastTouchpointContactAt: string | null;
  awaitingOurReply: AwaitingTally;
  awaitingThem: { count: number; oldest: readonly AwaitingItem[] };
  /** Unanswered requests (isUnansweredRequest): how many, and the oldest. */
  requests: { count: number; oldest: readonly RequestSnippet[] };
  /** Risk language within RISK_LIST_DAYS before `now`, any order. */
  risks: readonly RiskSnippet[];
  promises: PromiseTally;
  /** The agreed cadence; null falls back to settings.defaultCadenceDays. */
  cadenceDays: number | null;
  /** The client's own initiation target (0..1); null or absent falls back to settings.initiationTarget. */
  initiationTarget?: number | null;
  now: string;
  settings: AnalysisSettings;
}

/** Whether a risk snippet is recent enough at `now` to list and to weigh. */
export function isRecentRisk(at: string, now: string): boolean {
  return isRecentInstant(isoMs(at), isoMs(now));
}

function isRecentInstant(atMs: number, nowMs: number): boolean {
  return atMs <= nowMs && nowMs - atMs <= RISK_LIST_DAYS * 86_400_000;
}

/** A risk with its instant parsed once: a key client's summary weighs and sorts a hundred of them per read. */
interface DatedRisk {
  risk: RiskSnippet;
  atMs: number;
}

const newestFirst = (a: DatedRisk, b: DatedRisk): number =>
  b.atMs - a.atMs || (a.risk.messageId < b.risk.messageId ? -1 : a.risk.messageId > b.risk.messageId ? 1 : 0);

/** What the health of a client is computed from at `now`: silence against cadence and the recent risks, newest first. */
function healthBasis(input: CounterpartSummaryInput): { cadenceDays: number | null; silence: Silence; risks: RiskSnippet[]; health: HealthInput } {
  if (Number.isNaN(isoMs(input.now))) throw new RangeError(`summarizeCounterpart: now "${input.now}" is not a date`);
  const cadenceDays = input.cadenceDays ?? input.settings.defaultCadenceDays ?? null;
  const silence = measureSilence({
    emailContacts: [input.lastEmailContactAt],
    touchpoints: input.lastTouchpointContactAt === null ? [] : [{ at: input.lastTouchpointContactAt }],
    cadenceDays,
    now: input.now,
  });
  const nowMs = isoMs(input.now);
  const risks = input.risks
    .map((risk): DatedRisk => ({ risk, atMs: isoMs(risk.at) }))
    .filter((dated) => isRecentInstant(dated.atMs, nowMs))
    .sort(newestFirst)
    .map((dated) => dated.risk);
  const health: HealthInput = {
    initiated: input.figures.initiated,
    ours: input.figures.responseLag.ours,
    silence,
    promises: input.promises,
    awaitingOurReply: input.awaitingOurReply,
    risks,
    now: input.now,
    settings: input.settings,
  };
  // Set, not spread in: a spread followed by more properties builds the object through the runtime on Node 20 (health.ts).
  if (input.initiationTarget !== null && input.initiationTarget !== undefined) health.initiationTarget = input.initiationTarget;
  return { cadenceDays, silence, risks, health };
}

/**
 * One client's relationship at `now`: initiation, lags both ways, silence against cadence, what waits
 * on whom, unanswered requests, recent risk signals, promises by status, and the health score
 * explaining all of it. Lists hold the few most urgent items; counts say how many there are.
 */
export function summarizeCounterpart(input: CounterpartSummaryInput): CounterpartSummary {
  const { cadenceDays, silence, risks, health } = healthBasis(input);
  return {
    key: input.key,
    contacts: input.figures.contacts,
    threads: input.figures.threads,
    initiated: input.figures.initiated,
    responseLag: input.figures.responseLag,
    lastContactAt: silence.lastContactAt,
    daysSinceContact: silence.daysSinceContact,
    cadenceDays,
    awaitingOurReplyCount: input.awaitingOurReply.count,
    awaitingOurReply: input.awaitingOurReply.oldest.slice(0, SUMMARY_LIST_LIMIT).map(awaitingEntry),
    awaitingThemCount: input.awaitingThem.count,
    awaitingThem: input.awaitingThem.oldest.slice(0, SUMMARY_LIST_LIMIT).map(awaitingEntry),
    requestCount: input.requests.count,
    requests: input.requests.oldest.slice(0, SUMMARY_LIST_LIMIT),
    riskCount: risks.length,
    risks: risks.slice(0, SUMMARY_LIST_LIMIT),
    promises: input.promises,
    health: computeHealth(health),
  };
}

/** What ranks and filters a client in a list of all of them: its summary's health score and the fields the filters read. */
export interface CounterpartRank {
  key: string;
  score: number;
  lastContactAt: string | null;
  cadenceDays: number | null;
  awaitingOurReplyCount: number;
  promises: PromiseTally;
}

/**
 * summarizeCounterpart's score and filter fields, from the same basis, without the health's reasons in
 * words or the short lists: ranking a mailbox's clients to show a page of them.
 */
export function rankCounterpart(input: CounterpartSummaryInput): CounterpartRank {
  const { cadenceDays, silence, health } = healthBasis(input);
  return {
    key: input.key,
    score: healthScore(health),
    lastContactAt: silence.lastContactAt,
    cadenceDays,
    awaitingOurReplyCount: input.awaitingOurReply.count,
    promises: input.promises,
  };
}

function awaitingEntry(a: AwaitingItem): AwaitingItem {
  return { threadId: a.threadId, lastMessageId: a.lastMessageId, since: a.since };
}
