/**
 * When something deserves a reminder (PRODUCT.md: "reminds them in time"). The server and the
 * extension's local mode select candidates their own way (indexes, lists) and decide with these.
 */

import { reviewDueSince } from './review-rules';

const DAY_MS = 86_400_000;

/** Renewals this close are worth a reminder. */
export const RENEWAL_WINDOW_DAYS = 60;
/** Feedback last asked longer ago than this is worth asking again (when the client has no interval of its own). */
export const FEEDBACK_INTERVAL_DAYS = 90;
/** By default, promises due within this many hours are reminded of before they are due. */
export const PROMISE_DUE_SOON_HOURS = 24;

/** Silence past the agreed cadence: the day the cadence lapsed, or null when it has not (or there is none). */
export function silenceLapsedAt(lastContactAt: string | null, cadenceDays: number | null, now: string): string | null {
  if (lastContactAt === null || cadenceDays === null) return null;
  const lapsed = Date.parse(lastContactAt) + cadenceDays * DAY_MS;
  return lapsed < Date.parse(now) ? new Date(lapsed).toISOString() : null;
}

/** Days until a renewal date (YYYY-MM-DD, the user's calendar), when it is today or within the window. */
export function renewalDaysLeft(renewalDate: string | null, now: string, windowDays = RENEWAL_WINDOW_DAYS): number | null {
  if (renewalDate === null) return null;
  const today = now.slice(0, 10);
  const days = Math.round((Date.parse(`${renewalDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
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
  const nowMs = Date.parse(now);
  if (lastContactAt === null || nowMs - Date.parse(lastContactAt) > intervalDays * DAY_MS) return undefined;
  if (lastFeedbackAt === null) return null;
  const due = Date.parse(lastFeedbackAt) + intervalDays * DAY_MS;
  return due < nowMs ? new Date(due).toISOString() : undefined;
}

// ---------------------------------------------------------------------------------------------------
// What a reminder is called and says, for the server (which finds candidates with indexes) and the
// extension's local memory (which finds them in an analysed document) alike.

export type ReminderKindName = 'promise-due' | 'promise-overdue' | 'silence' | 'awaiting-reply' | 'renewal' | 'feedback' | 'review';

/** The order kinds are shown in: what is late and owed first. */
export const REMINDER_KIND_ORDER: readonly ReminderKindName[] = ['promise-overdue', 'awaiting-reply', 'promise-due', 'silence', 'renewal', 'feedback', 'review'];

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

const wholeDaysBetween = (from: string, to: string): number => Math.floor((Date.parse(to) - Date.parse(from)) / DAY_MS);

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
  return until !== null && until !== undefined && Date.parse(until) > Date.parse(now);
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
  }[];
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
  const until = input.until ?? new Date(Date.parse(now) + PROMISE_DUE_SOON_HOURS * 3_600_000).toISOString();
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
    if (isSnoozed(p.snoozedUntil, now) || Date.parse(p.dueAt) > Date.parse(until)) continue;
    const kind = Date.parse(p.dueAt) < Date.parse(now) ? 'promise-overdue' : 'promise-due';
    add({ id: reminderIds.promise(p.id), kind, counterpart: p.counterpart, name: nameOf(p.counterpart), threadId: p.threadId, messageId: p.messageId, dueAt: p.dueAt, since: p.madeAt, title: reminderTitles.promise(kind, client(p.counterpart), p.text), link: threadLinkOf(p.threadId) });
  }
  for (const c of input.counterparts) {
    if (input.overTargetUpTo !== null) {
      for (const a of c.awaitingOurReply) {
        if (Date.parse(a.since) > input.overTargetUpTo) continue;
        add({ id: reminderIds.awaiting(a.threadId), kind: 'awaiting-reply', counterpart: c.key, name: nameOf(c.key), threadId: a.threadId, messageId: a.lastMessageId, dueAt: null, since: a.since, title: reminderTitles.awaiting(client(c.key), input.threads.get(a.threadId)?.subject ?? ''), link: threadLinkOf(a.threadId) });
      }
    }
    const lapsed = silenceLapsedAt(c.lastContactAt, c.cadenceDays, now);
    if (lapsed !== null && c.lastContactAt !== null && c.cadenceDays !== null) {
      const threadId = input.latestThread.get(c.key) ?? null;
      add({ id: reminderIds.silence(c.key), kind: 'silence', counterpart: c.key, name: nameOf(c.key), threadId, messageId: null, dueAt: lapsed, since: c.lastContactAt, title: reminderTitles.silence(client(c.key), c.lastContactAt, c.cadenceDays, now), link: threadLinkOf(threadId) });
    }
    const asked = input.lastFeedbackAt.get(c.key) ?? null;
    const due = feedbackDueSince(asked, c.lastContactAt, now);
    if (due !== undefined) {
      add({ id: reminderIds.feedback(c.key), kind: 'feedback', counterpart: c.key, name: nameOf(c.key), threadId: null, messageId: null, dueAt: due, since: asked, title: reminderTitles.feedback(client(c.key), asked, now), link: null });
    }
    const review = reviewReminder({ key: c.key, name: nameOf(c.key), lastReviewAt: input.lastReviewAt?.get(c.key) ?? null, firstContactAt: input.firstContactAt?.get(c.key) ?? null, lastContactAt: c.lastContactAt }, now);
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
