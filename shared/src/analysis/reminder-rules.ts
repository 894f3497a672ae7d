/**
 * When something deserves a reminder (PRODUCT.md: "reminds them in time"). The server and the
 * extension's local mode select candidates their own way (indexes, lists) and decide with these.
 */
import type { RiskKind, RiskSignal, Side } from '../model/facts';
import { findRisks } from './risks';
import { isUnansweredRequest } from './thread-analysis';
import { isoMs } from './time/iso-ms';
import { utcIso } from './time/utc-iso';

import { reviewDueSince } from './review-rules';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Renewals this close are worth a reminder. */
export const RENEWAL_WINDOW_DAYS = 60;
/** Feedback last asked longer ago than this is worth asking again (when the client has no interval of its own). */
export const FEEDBACK_INTERVAL_DAYS = 90;
/** By default, promises due within this many hours are reminded of before they are due. */
export const PROMISE_DUE_SOON_HOURS = 24;

/** Silence past the agreed cadence: the day the cadence lapsed, or null when it has not (or there is none). */
export function silenceLapsedAt(lastContactAt: string | null, cadenceDays: number | null, now: string): string | null {
  if (lastContactAt === null || cadenceDays === null) return null;
  const lapsed = isoMs(lastContactAt) + cadenceDays * DAY_MS;
  return lapsed < isoMs(now) ? utcIso(lapsed) : null;
}

/** Days until a renewal date (YYYY-MM-DD, the user's calendar), when it is today or within the window. */
export function renewalDaysLeft(renewalDate: string | null, now: string, windowDays = RENEWAL_WINDOW_DAYS): number | null {
  if (renewalDate === null) return null;
  const today = now.slice(0, 10);
  const days = Math.round((isoMs(`${renewalDate}T00:00:00Z`) - isoMs(`${today}T00:00:00Z`)) / DAY_MS);
  return days >= 0 && days <= windowDays ? days : null;
}

/**
 * Feedback is due for a client we are in touch with (contact within the interval) and have not asked
 * within it; returns when it became due (null: never asked, so due now), or undefined when not due.
 */
export function feedbackDueSince(
  lastFeedbackAt: string | null,
  lastContactAt: string | null,
  now: string,
  intervalDays = FEEDBACK_INTERVAL_DAYS,
): string | null | undefined {
  const nowMs = isoMs(now);
  if (lastContactAt === null || nowMs - isoMs(lastContactAt) > intervalDays * DAY_MS) return undefined;
  if (lastFeedbackAt === null) return null;
  const due = isoMs(lastFeedbackAt) + intervalDays * DAY_MS;
  return due < nowMs ? utcIso(due) : undefined;
}

/**
 * Break bad news early (PRODUCT.md): a promise of ours due this close, not kept and with no slip notice
 * sent, is a nudge to tell the client now if it will slip.
 */
export const PROMISE_AT_RISK_HOURS = PROMISE_DUE_SOON_HOURS;

/**
 * Which reminder a live (open or overdue) promise is. One promise is one reminder (one id, one snooze, one
 * notification a day): within PROMISE_AT_RISK_HOURS of its due date, with no slip notice sent, it is the
 * "tell them now" nudge instead of a plain "promise due", because that is the last moment the news is still
 * early. Once a slip notice went out (fulfilment.ts moves the due date to the slip's) the client knows, and
 * what is left is to deliver: a plain "promise due" again. Kept, possibly kept, done or dismissed promises
 * are not live and never reach this.
 */
export function promiseReminderKind(p: { status: string; dueAt: string; slip?: unknown }, now: string): 'promise-overdue' | 'promise-at-risk' | 'promise-due' {
  if (p.status === 'overdue') return 'promise-overdue';
  const left = isoMs(p.dueAt) - isoMs(now);
  return left <= PROMISE_AT_RISK_HOURS * HOUR_MS && (p.slip === null || p.slip === undefined) ? 'promise-at-risk' : 'promise-due';
}

/**
 * A client risk raises a reminder for this long after it arrived. Risks are the news to answer at once;
 * a thread left unanswered for longer is an ordinary waiting thread (awaiting-reply) again, and two years of
 * a key client's history never become a list of stale alarms.
 */
export const CLIENT_RISK_REMINDER_DAYS = 14;
/** Risk kinds that come from the client (bad-news is ours: the promise nudge covers it). */
export const CLIENT_RISK_KINDS = ['cancellation', 'escalation', 'dissatisfaction', 'delay'] as const satisfies readonly RiskKind[];

/** The earliest arrival a client risk can still be reminded of at `now` (for a store's index range). */
export function clientRiskWindowStart(now: string): string {
  return utcIso(isoMs(now) - CLIENT_RISK_REMINDER_DAYS * DAY_MS);
}

/**
 * Whether a risk phrase in a client's mail still deserves a reminder at `now`: it came from them, within
 * CLIENT_RISK_REMINDER_DAYS, and we have not written in its thread since (the thread awaits our reply from
 * a turn that includes it: the rule for unanswered requests). There is no grace period: a reminder the
 * moment it arrives is the point, and a reply in the thread takes it away at once. A closing note from
 * them after it ("Thanks, got it") ends the turn, so nothing is owed and the reminder goes too.
 */
export function clientRiskOwed(risk: { side: Side; kind: RiskKind; at: string }, awaiting: { side: Side; since: string } | null, now: string): boolean {
  if (risk.side !== 'them' || !(CLIENT_RISK_KINDS as readonly RiskKind[]).includes(risk.kind)) return false;
  const at = isoMs(risk.at);
  const nowMs = isoMs(now);
  return at <= nowMs && nowMs - at <= CLIENT_RISK_REMINDER_DAYS * DAY_MS && isUnansweredRequest(risk.at, awaiting);
}

/** A risk phrase owed a reminder (clientRiskOwed), where the store or analyzer found it. */
export interface ClientRiskCandidate {
  threadId: string;
  messageId: string;
  counterpart: string;
  /** When the message arrived (ISO). */
  at: string;
  kind: RiskKind;
  /** The stored phrase (the sentence; bodies are never stored). */
  text: string;
  /** Its place among the message's risk phrases. */
  ordinal: number;
}

const RISK_GRAVITY: Record<RiskKind, number> = { cancellation: 0, escalation: 1, dissatisfaction: 2, delay: 3, 'bad-news': 4 };

/**
 * One reminder per thread: its latest unanswered risk mail (a newer one is newer news), and of that mail's
 * phrases the gravest (talk of leaving before a complaint before a worry about a date), then the first.
 */
export function clientRisksByThread(candidates: readonly ClientRiskCandidate[]): ClientRiskCandidate[] {
  const best = new Map<string, ClientRiskCandidate>();
  for (const c of candidates) {
    const b = best.get(c.threadId);
    const better =
      !b ||
      isoMs(c.at) > isoMs(b.at) ||
      (isoMs(c.at) === isoMs(b.at) && c.messageId > b.messageId) ||
      (c.messageId === b.messageId && (RISK_GRAVITY[c.kind] - RISK_GRAVITY[b.kind] || c.ordinal - b.ordinal) < 0);
    if (better) best.set(c.threadId, c);
  }
  return [...best.values()];
}

const SIGNAL_WORDS: Record<RiskSignal, string> = {
  alternatives: 'looking at alternatives',
  quality: 'unhappy with quality',
  budget: 'budget cuts',
  'decision-maker': 'a new decision maker',
  'date-worry': 'worried about a date',
  'missed-milestones': 'missed milestones',
  understatement: 'quietly unhappy',
};
const KIND_WORDS: Record<RiskKind, string> = {
  cancellation: 'talk of cancelling',
  escalation: 'an escalation',
  dissatisfaction: 'unhappy',
  delay: 'a delay',
  'bad-news': 'bad news',
};

/**
 * What the risk is, in a few words. The finer signal (a tender, budget cuts, a new decision maker) is read
 * again from the stored phrase by the same detector (risks.ts), so a store that keeps only the kind and the
 * phrase shows the same words as an analyzer that still has the signal.
 */
export function clientRiskWords(kind: RiskKind, text: string): string {
  const signal = findRisks(text, 'them').find((r) => r.kind === kind)?.signal;
  return signal ? SIGNAL_WORDS[signal] : KIND_WORDS[kind];
}

/** The reminder for one thread's risk, the same from the server and from an analysed document. */
export function clientRiskReminder(risk: ClientRiskCandidate, name: string | null, link: string | null): ReminderItem {
  return {
    id: reminderIds.clientRisk(risk.messageId),
    kind: 'client-risk',
    counterpart: risk.counterpart,
    name,
    threadId: risk.threadId,
    messageId: risk.messageId,
    dueAt: null,
    since: risk.at,
    title: reminderTitles.clientRisk(name ?? risk.counterpart, risk.kind, risk.text),
    link,
  };
}

// ---------------------------------------------------------------------------------------------------
// What a reminder is called and says, for the server (which finds candidates with indexes) and the
// extension's local memory (which finds them in an analysed document) alike.

export type ReminderKindName = 'promise-due' | 'promise-overdue' | 'silence' | 'awaiting-reply' | 'renewal' | 'feedback' | 'promise-at-risk' | 'client-risk' | 'review';

/**
 * The order kinds are shown in: what is late and owed first; then bad news, ours to break before a promise
 * slips and theirs to answer while it can still be turned round, ahead of ordinary waiting mail.
 */
export const REMINDER_KIND_ORDER: readonly ReminderKindName[] = ['promise-overdue', 'promise-at-risk', 'client-risk', 'awaiting-reply', 'promise-due', 'silence', 'renewal', 'feedback', 'review'];

/** A reminder as the API and the popup carry it (contract/reminders.ts `Reminder`). */
export interface ReminderItem {
  id: string;
  kind: ReminderKindName;
  counterpart: string;
  name: string | null;
  threadId: string | null;
  messageId: string | null;
  dueAt: string | null;
  since: string | null;
  title: string;
  link: string | null;
}

/** Stable ids, so a reminder is notified and snoozed as the same one across refreshes. */
export const reminderIds = {
  promise: (promiseId: string) => `promise:${promiseId}`,
  awaiting: (threadId: string) => `awaiting-reply:${threadId}`,
  silence: (key: string) => `silence:${key}`,
  feedback: (key: string) => `feedback:${key}`,
  /** A renewal snoozed for one date comes back for the next. */
  renewal: (key: string, date: string) => `renewal:${key}:${date}`,
  /** By the risk's message: a new risk mail in the same thread is new news, and notifies (and snoozes) afresh. */
  clientRisk: (messageId: string) => `client-risk:${messageId}`,
  /** The quarterly review: one per client (a review logged clears it until the next is due). */
  review: (key: string) => `review:${key}`,
};

/** The promise id inside a promise reminder's id, or null for other kinds. */
export function promiseIdOfReminder(reminderId: string): string | null {
  return reminderId.startsWith('promise:') ? reminderId.slice('promise:'.length) : null;
}

function quote(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
}

const wholeDaysBetween = (from: string, to: string): number => Math.floor((isoMs(to) - isoMs(from)) / DAY_MS);

function dueIn(dueAt: string, now: string): string {
  const hours = Math.round((isoMs(dueAt) - isoMs(now)) / HOUR_MS);
  return hours < 1 ? 'due within the hour' : `due in ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** The sentence each kind shows, with the client's name when the user gave one. */
export const reminderTitles = {
  promise: (kind: 'promise-due' | 'promise-overdue', client: string, text: string) =>
    `${kind === 'promise-overdue' ? 'Overdue promise' : 'Promise due'} to ${client}: ${quote(text)}`,
  awaiting: (client: string, subject: string) => `${client} is waiting for our reply: ${quote(subject || '(no subject)')}`,
  silence: (client: string, lastContactAt: string, cadenceDays: number, now: string) =>
    `No contact with ${client} for ${wholeDaysBetween(lastContactAt, now)} days (agreed cadence: every ${cadenceDays} days)`,
  feedback: (client: string, lastAskedAt: string | null, now: string) =>
    lastAskedAt ? `Ask ${client} for feedback: last asked ${wholeDaysBetween(lastAskedAt, now)} days ago` : `Ask ${client} for feedback: never asked`,
  renewal: (client: string, renewalDate: string, daysLeft: number) =>
    `${client} renews on ${renewalDate} (${daysLeft === 0 ? 'today' : daysLeft === 1 ? 'tomorrow' : `in ${daysLeft} days`})`,
  promiseAtRisk: (client: string, text: string, dueAt: string, now: string) => `Tell ${client} now if ${quote(text)} will slip (${dueIn(dueAt, now)})`,
  clientRisk: (client: string, kind: RiskKind, text: string) => `Risk from ${client}, ${clientRiskWords(kind, text)}: ${quote(text)}`,
  review: (client: string, lastReviewAt: string | null, since: string | null, now: string) =>
    lastReviewAt
      ? `Quarterly review of ${client} due: last reviewed ${wholeDaysBetween(lastReviewAt, now)} days ago (a SWOT and the risks)`
      : `Quarterly review of ${client} due: never reviewed${since ? `, in touch for ${wholeDaysBetween(since, now)} days` : ''} (a SWOT and the risks)`,
};

/**
 * The quarterly review reminder of one client (review-rules.ts decides when it is due), or null when none
 * is due: the same id, title and dates from the server (the team's reviews) and local memory (the user's).
 */
export function reviewReminder(
  input: { key: string; name: string | null; lastReviewAt: string | null; firstContactAt: string | null; lastContactAt: string | null; intervalDays?: number | null },
  now: string,
): ReminderItem | null {
  const due = reviewDueSince(input, now);
  if (due === undefined) return null;
  return {
    id: reminderIds.review(input.key),
    kind: 'review',
    counterpart: input.key,
    name: input.name,
    threadId: null,
    messageId: null,
    dueAt: due,
    since: input.lastReviewAt ?? input.firstContactAt,
    title: reminderTitles.review(input.name ?? input.key, input.lastReviewAt, input.firstContactAt, now),
    link: null,
  };
}

/** Whether a reminder is put away at `now` (snoozed until a later instant). */
export function isSnoozed(until: string | null | undefined, now: string): boolean {
  return until !== null && until !== undefined && isoMs(until) > isoMs(now);
}

/** Everything the document-based builder needs besides the analysed document. */
export interface DocumentRemindersInput {
  now: string;
  /** Promises due up to this instant are reminded of (default: PROMISE_DUE_SOON_HOURS from now). */
  until?: string;
  counterparts: readonly {
    key: string;
    lastContactAt: string | null;
    cadenceDays: number | null;
    awaitingOurReply: readonly { threadId: string; lastMessageId: string; since: string }[];
  }[];
  promises: readonly {
    id: string;
    status: string;
    counterpart: string | null;
    threadId: string;
    messageId: string;
    dueAt: string;
    madeAt: string;
    text: string;
    snoozedUntil?: string | null;
    /** The slip notice we sent, when one did (PromiseRecord.slip): no "tell them now" nudge after it. */
    slip?: unknown;
  }[];
  /** Client risks owed a reminder (the analyzer's clientRisks(now)); one reminder per thread. */
  clientRisks?: readonly ClientRiskCandidate[];
  /** Threads waiting for our reply since at or before this instant are past the reply target (awaitingThresholds). */
  overTargetUpTo: number | null;
  /** What the user set per client (name, renewal). */
  profiles: ReadonlyMap<string, { name: string | null; renewalDate: string | null }>;
  /** When feedback was last asked, per client (a logged touchpoint, or a feedback question in our mail). */
  lastFeedbackAt: ReadonlyMap<string, string>;
  /** When each client was last reviewed (a `review` touchpoint), for the quarterly review reminder. */
  lastReviewAt?: ReadonlyMap<string, string>;
  /** The first contact with each client known here; without one, no review reminder (nothing says how old the relationship is). */
  firstContactAt?: ReadonlyMap<string, string>;
  /** Per client, the days between reviews and between feedback questions the user set (default 90 each). */
  intervals?: ReadonlyMap<string, { reviewIntervalDays: number | null; feedbackIntervalDays: number | null }>;
  /** A thread's subject and link, for titles and for opening it. */
  threads: ReadonlyMap<string, { subject: string; link: string | null }>;
  /** Each client's latest thread (silence reminders open it). */
  latestThread: ReadonlyMap<string, string>;
  /** Reminder id -> snoozed until (ISO). */
  snoozes: ReadonlyMap<string, string>;
}

/**
 * Reminders from an analysed document (the extension's local memory runs the engine over the threads the
 * user opened): the same rules, ids and titles as the server's, most urgent first.
 */
export function remindersFromDocument(input: DocumentRemindersInput): ReminderItem[] {
  const { now } = input;
  const until = input.until ?? utcIso(isoMs(now) + PROMISE_DUE_SOON_HOURS * 3_600_000);
  const nameOf = (key: string) => input.profiles.get(key)?.name ?? null;
  const client = (key: string) => nameOf(key) ?? key;
  const threadLinkOf = (threadId: string | null) => (threadId === null ? null : (input.threads.get(threadId)?.link ?? null));
  const byKind = new Map<ReminderKindName, ReminderItem[]>(REMINDER_KIND_ORDER.map((k) => [k, []]));
  const add = (item: ReminderItem) => {
    const snoozedUntil = input.snoozes.get(item.id);
    if (!isSnoozed(snoozedUntil, now)) byKind.get(item.kind)!.push(item);
  };
  for (const p of input.promises) {
    if ((p.status !== 'open' && p.status !== 'overdue') || p.counterpart === null) continue;
    if (isSnoozed(p.snoozedUntil, now) || isoMs(p.dueAt) > isoMs(until)) continue;
    const kind = promiseReminderKind({ status: isoMs(p.dueAt) < isoMs(now) ? 'overdue' : 'open', dueAt: p.dueAt, slip: p.slip }, now);
    const title = kind === 'promise-at-risk' ? reminderTitles.promiseAtRisk(client(p.counterpart), p.text, p.dueAt, now) : reminderTitles.promise(kind, client(p.counterpart), p.text);
    add({ id: reminderIds.promise(p.id), kind, counterpart: p.counterpart, name: nameOf(p.counterpart), threadId: p.threadId, messageId: p.messageId, dueAt: p.dueAt, since: p.madeAt, title, link: threadLinkOf(p.threadId) });
  }
  // A thread with a risk reminder (snoozed or not) is not also listed as waiting for our reply: one thread,
  // one reminder, and the risk says more.
  const riskThreads = new Set<string>();
  for (const risk of clientRisksByThread(input.clientRisks ?? [])) {
    riskThreads.add(risk.threadId);
    add(clientRiskReminder(risk, nameOf(risk.counterpart), threadLinkOf(risk.threadId)));
  }
  for (const c of input.counterparts) {
    if (input.overTargetUpTo !== null) {
      for (const a of c.awaitingOurReply) {
        if (isoMs(a.since) > input.overTargetUpTo || riskThreads.has(a.threadId)) continue;
        add({ id: reminderIds.awaiting(a.threadId), kind: 'awaiting-reply', counterpart: c.key, name: nameOf(c.key), threadId: a.threadId, messageId: a.lastMessageId, dueAt: null, since: a.since, title: reminderTitles.awaiting(client(c.key), input.threads.get(a.threadId)?.subject ?? ''), link: threadLinkOf(a.threadId) });
      }
    }
    const lapsed = silenceLapsedAt(c.lastContactAt, c.cadenceDays, now);
    if (lapsed !== null && c.lastContactAt !== null && c.cadenceDays !== null) {
      const threadId = input.latestThread.get(c.key) ?? null;
      add({ id: reminderIds.silence(c.key), kind: 'silence', counterpart: c.key, name: nameOf(c.key), threadId, messageId: null, dueAt: lapsed, since: c.lastContactAt, title: reminderTitles.silence(client(c.key), c.lastContactAt, c.cadenceDays, now), link: threadLinkOf(threadId) });
    }
    const asked = input.lastFeedbackAt.get(c.key) ?? null;
    const due = feedbackDueSince(asked, c.lastContactAt, now, input.intervals?.get(c.key)?.feedbackIntervalDays ?? undefined);
    if (due !== undefined) {
      add({ id: reminderIds.feedback(c.key), kind: 'feedback', counterpart: c.key, name: nameOf(c.key), threadId: null, messageId: null, dueAt: due, since: asked, title: reminderTitles.feedback(client(c.key), asked, now), link: null });
    }
    const review = reviewReminder({ key: c.key, name: nameOf(c.key), lastReviewAt: input.lastReviewAt?.get(c.key) ?? null, firstContactAt: input.firstContactAt?.get(c.key) ?? null, lastContactAt: c.lastContactAt, intervalDays: input.intervals?.get(c.key)?.reviewIntervalDays ?? null }, now);
    if (review) add(review);
  }
  for (const [key, profile] of input.profiles) {
    const days = renewalDaysLeft(profile.renewalDate, now);
    if (days === null || profile.renewalDate === null) continue;
    add({ id: reminderIds.renewal(key, profile.renewalDate), kind: 'renewal', counterpart: key, name: profile.name, threadId: null, messageId: null, dueAt: `${profile.renewalDate}T00:00:00.000Z`, since: null, title: reminderTitles.renewal(profile.name ?? key, profile.renewalDate, days), link: null });
  }
  const order = (a: ReminderItem, b: ReminderItem) => (a.dueAt ?? a.since ?? '').localeCompare(b.dueAt ?? b.since ?? '') || a.id.localeCompare(b.id);
  return REMINDER_KIND_ORDER.flatMap((k) => (byKind.get(k) ?? []).sort(order));
}

/** The Clients view's filters (contract COUNTERPART_FILTERS), decided one way for the server and local memory. */
export type ClientFilter = 'overdue' | 'silent' | 'renewal' | 'awaiting';

export function clientMatchesFilter(
  summary: { promises: { overdue: number }; awaitingOurReplyCount: number; lastContactAt: string | null; cadenceDays: number | null },
  renewalDate: string | null,
  filter: ClientFilter | undefined,
  now: string,
): boolean {
  switch (filter) {
    case undefined:
      return true;
    case 'overdue':
      return summary.promises.overdue > 0;
    case 'awaiting':
      return summary.awaitingOurReplyCount > 0;
    case 'silent':
      return silenceLapsedAt(summary.lastContactAt, summary.cadenceDays, now) !== null;
    case 'renewal':
      return renewalDaysLeft(renewalDate, now) !== null;
  }
}
