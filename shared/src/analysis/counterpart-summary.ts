import type { CounterpartSummary, RequestSnippet, RiskSnippet } from '../model/analysis-document';
import type { ThreadFacts } from '../model/facts';
import type { PromiseRecord } from '../model/promise';
import type { AnalysisSettings } from '../model/settings';
import type { Touchpoint } from '../model/touchpoint';
import { computeHealth } from './health';
import { lagStats } from './lag-stats';
import { measureSilence } from './silence';

export interface CounterpartSummaryInput {
  key: string;
  /** The threads whose main counterpart this is. */
  threads: readonly ThreadFacts[];
  /** Requests they made of us (from their messages), answered or not: unanswered ones are picked here. */
  requests: readonly RequestSnippet[];
  risks: readonly RiskSnippet[];
  promises: readonly PromiseRecord[];
  touchpoints: readonly Touchpoint[];
  /** The agreed cadence; null falls back to settings.defaultCadenceDays. */
  cadenceDays: number | null;
  contacts: readonly string[];
  now: string;
  settings: AnalysisSettings;
}

/** Risk snippets older than this are not listed (health ignores them too). */
const RISK_LIST_DAYS = 180;

const byTime = (a: { at: string }, b: { at: string }): number => Date.parse(a.at) - Date.parse(b.at);

/**
 * One client's relationship at `now`: initiation, lags both ways, silence against cadence, what waits
 * on whom, unanswered requests (requests in threads that still await our reply after the request),
 * recent risk signals, and the health score explaining all of it.
 */
export function summarizeCounterpart(input: CounterpartSummaryInput): CounterpartSummary {
  const now = Date.parse(input.now);
  if (Number.isNaN(now)) throw new RangeError(`summarizeCounterpart: now "${input.now}" is not a date`);
  const threads = [...input.threads].sort((a, b) => (a.threadId < b.threadId ? -1 : a.threadId > b.threadId ? 1 : 0));

  let us = 0;
  let them = 0;
  for (const t of threads) {
    if (t.initiatedBy === 'us') us++;
    else if (t.initiatedBy === 'them') them++;
  }
  const lags = threads.flatMap((t) => t.lags);
  const ours = lagStats(lags, 'us');
  const theirs = lagStats(lags, 'them');

  const touchpoints = input.touchpoints.filter((t) => t.counterpart === input.key);
  const cadenceDays = input.cadenceDays ?? input.settings.defaultCadenceDays ?? null;
  const silence = measureSilence({
    emailContacts: threads.map((t) => t.lastContactAt),
    touchpoints,
    cadenceDays,
    now: input.now,
  });

  const awaitingOurReply: CounterpartSummary['awaitingOurReply'] = [];
  const awaitingThem: CounterpartSummary['awaitingThem'] = [];
  const awaitingSince = new Map<string, number>();
  for (const t of threads) {
    if (!t.awaiting) continue;
    const entry = { threadId: t.threadId, lastMessageId: t.awaiting.lastMessageId, since: t.awaiting.since };
    if (t.awaiting.side === 'us') {
      awaitingOurReply.push(entry);
      awaitingSince.set(t.threadId, Date.parse(t.awaiting.since));
    } else awaitingThem.push(entry);
  }
  const bySince = (a: { since: string; threadId: string }, b: { since: string; threadId: string }): number =>
    Date.parse(a.since) - Date.parse(b.since) || (a.threadId < b.threadId ? -1 : 1);
  awaitingOurReply.sort(bySince);
  awaitingThem.sort(bySince);

  const requests = input.requests
    .filter((r) => {
      const since = awaitingSince.get(r.threadId);
      return since !== undefined && Date.parse(r.at) >= since && Date.parse(r.at) <= now;
    })
    // Ties (several requests in one message, or two sent the same second) broken by message id, not by
    // arrival order: the same data gives the same list.
    .sort((a, b) => byTime(a, b) || (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0));
  const risks = input.risks
    .filter((r) => {
      const at = Date.parse(r.at);
      return at <= now && now - at <= RISK_LIST_DAYS * 86_400_000;
    })
    .sort((a, b) => byTime(b, a) || (a.messageId < b.messageId ? -1 : 1));

  const health = computeHealth({
    initiated: { us, them },
    ours,
    silence,
    promises: input.promises,
    awaitingOurReply,
    risks,
    now: input.now,
    settings: input.settings,
  });

  return {
    key: input.key,
    contacts: [...new Set(input.contacts)].sort(),
    threads: threads.length,
    initiated: { us, them, share: us + them === 0 ? null : Math.round((us / (us + them)) * 1000) / 1000 },
    responseLag: { ours, theirs },
    lastContactAt: silence.lastContactAt,
    daysSinceContact: silence.daysSinceContact,
    cadenceDays,
    awaitingOurReply,
    awaitingThem,
    requests,
    risks,
    health,
  };
}
