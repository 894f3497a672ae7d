import type { Row } from '@libsql/client';
import {
  CONTACT_TOUCHPOINT_KINDS,
  feedbackDueSince,
  renewalDaysLeft,
  silenceLapsedAt,
  type AnalysisSettings,
} from '@followthrough/shared';
import { REMINDER_KINDS, type Reminder, type ReminderKind } from '@followthrough/shared/contract';
import { counterpartProfiles, promises, threads, touchpoints } from '../../db/schema/index';
import { threadLink } from '../links';
import { names, str, strOrNull, type Executor } from '../sql';
import type { ReadClock } from './counterpart-reads';
import { liveCondition, PROMISE_VIEW_COLUMNS, PROMISE_VIEW_FROM, promiseView } from './promise-reads';

const P = names(promises);
const T = names(threads);
const TP = names(touchpoints);
const CP = names(counterpartProfiles);
const DAY_MS = 86_400_000;
const CONTACT_KINDS = `(${CONTACT_TOUCHPOINT_KINDS.map((k) => `'${k}'`).join(', ')})`;

/** The order kinds are shown in: what is late and owed first. */
const KIND_ORDER: readonly ReminderKind[] = ['promise-overdue', 'awaiting-reply', 'promise-due', 'silence', 'renewal', 'feedback'];

function quote(text: string, max = 120): string {
  const short = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return `“${short}”`;
}

export interface ReminderQuery {
  until: string;
  limit: number;
  userAddress: string;
}

/**
 * What needs the user's attention now, most urgent first, each with a link to its thread; at most
 * `limit` of them, with how many there are of each kind. A key client's two years of history is counted
 * with indexes and read a page at a time, so the popup (refreshed in the background) costs the same
 * whatever the mailbox holds. Within a kind the freshest come first: a reply owed since yesterday can
 * still be saved, one owed for a year is in the count.
 */
export async function readReminders(db: Executor, userId: string, query: ReminderQuery, clock: ReadClock, settings: AnalysisSettings): Promise<{ reminders: Reminder[]; counts: Record<ReminderKind, number> }> {
  const { now } = clock;
  const link = (provided: unknown, messageId: string | null, subject: string) =>
    threadLink({ providedThreadId: strOrNull(provided), messageId, subject, userAddress: query.userAddress });
  // Promises due by `until` or overdue, unless snoozed: for an unsnoozed promise overdue_after is its due date.
  const dueWhere = `p.${P.userId} = ?1 AND ${liveCondition('p', '?2')} AND p.${P.overdueAfter} <= ?3 AND (p.${P.snoozedUntil} IS NULL OR p.${P.snoozedUntil} <= ?2)`;
  const [promiseCounts, overdue, dueSoon, awaitingCount, awaitingRows, lastEmail, lastTouch, feedback, profiles] = await Promise.all([
    db.execute({ sql: `SELECT p.${P.overdueAfter} < ?2 AS late, count(*) AS n FROM ${P.$} p WHERE ${dueWhere} GROUP BY 1`, args: [userId, now, query.until] }),
    db.execute({
      sql: `SELECT ${PROMISE_VIEW_COLUMNS}, t.${T.subject} AS subject, t.${T.providedThreadId} AS provided FROM ${PROMISE_VIEW_FROM}
            LEFT JOIN ${T.$} t ON t.${T.userId} = p.${P.userId} AND t.${T.threadId} = p.${P.threadId}
            WHERE ${dueWhere} AND p.${P.overdueAfter} < ?2 ORDER BY p.${P.dueAt} DESC, p.${P.id} LIMIT ?4`,
      args: [userId, now, query.until, query.limit],
    }),
    db.execute({
      sql: `SELECT ${PROMISE_VIEW_COLUMNS}, t.${T.subject} AS subject, t.${T.providedThreadId} AS provided FROM ${PROMISE_VIEW_FROM}
            LEFT JOIN ${T.$} t ON t.${T.userId} = p.${P.userId} AND t.${T.threadId} = p.${P.threadId}
            WHERE ${dueWhere} AND p.${P.overdueAfter} >= ?2 ORDER BY p.${P.dueAt}, p.${P.id} LIMIT ?4`,
      args: [userId, now, query.until, query.limit],
    }),
    db.execute({
      sql: `SELECT count(*) AS n FROM ${T.$} WHERE ${T.userId} = ? AND ${T.awaitingSide} = 'us' AND ${T.awaitingSince} <= ? AND ${T.counterpart} IS NOT NULL`,
      args: [userId, clock.overTargetUpTo],
    }),
    db.execute({
      sql: `SELECT ${T.threadId} AS thread_id, ${T.counterpart} AS counterpart, ${T.subject} AS subject, ${T.providedThreadId} AS provided,
              ${T.awaitingSince} AS since, ${T.awaitingMessageId} AS message_id
            FROM ${T.$} WHERE ${T.userId} = ? AND ${T.awaitingSide} = 'us' AND ${T.awaitingSince} <= ? AND ${T.counterpart} IS NOT NULL
            ORDER BY ${T.awaitingSince} DESC, ${T.threadId} LIMIT ?`,
      args: [userId, clock.overTargetUpTo, query.limit],
    }),
    // SQLite returns the other columns of the row that holds the max(): the client's latest thread.
    db.execute({
      sql: `SELECT ${T.counterpart} AS k, max(${T.lastContactAt}) AS at, ${T.threadId} AS thread_id, ${T.subject} AS subject, ${T.providedThreadId} AS provided
            FROM ${T.$} WHERE ${T.userId} = ? AND ${T.counterpart} IS NOT NULL AND ${T.lastContactAt} <= ? GROUP BY 1`,
      args: [userId, now],
    }),
    db.execute({
      sql: `SELECT ${TP.counterpart} AS k, max(${TP.at}) AS at, ${TP.threadId} AS thread_id FROM ${TP.$}
            WHERE ${TP.userId} = ? AND ${TP.kind} IN ${CONTACT_KINDS} AND ${TP.at} <= ? GROUP BY 1`,
      args: [userId, now],
    }),
    db.execute({
      sql: `SELECT ${TP.counterpart} AS k, max(${TP.at}) AS at FROM ${TP.$} WHERE ${TP.userId} = ? AND ${TP.kind} = 'feedback-asked' AND ${TP.at} <= ? GROUP BY 1`,
      args: [userId, now],
    }),
    db.execute({ sql: `SELECT ${CP.key} AS k, ${CP.name} AS name, ${CP.cadenceDays} AS cadence, ${CP.renewalDate} AS renewal FROM ${CP.$} WHERE ${CP.userId} = ?`, args: [userId] }),
  ]);

  const counts = Object.fromEntries(REMINDER_KINDS.map((k) => [k, 0])) as Record<ReminderKind, number>;
  for (const r of promiseCounts.rows) counts[Number(r.late) === 1 ? 'promise-overdue' : 'promise-due'] += Number(r.n);
  counts['awaiting-reply'] = Number(awaitingCount.rows[0]?.n ?? 0);
  const byKind = new Map<ReminderKind, Reminder[]>(REMINDER_KINDS.map((k) => [k, []]));

  const promiseReminder = (r: Row, kind: 'promise-overdue' | 'promise-due'): Reminder => {
    const p = promiseView(r, now);
    return {
      id: `promise:${p.id}`,
      kind,
      counterpart: p.counterpart ?? '',
      threadId: p.threadId,
      messageId: p.messageId,
      dueAt: p.dueAt,
      since: p.madeAt,
      title: `${kind === 'promise-overdue' ? 'Overdue promise' : 'Promise due'} to ${p.counterpart ?? 'a client'}: ${quote(p.text)}`,
      link: link(r.provided, p.messageId, strOrNull(r.subject) ?? ''),
    };
  };
  byKind.set('promise-overdue', overdue.rows.map((r) => promiseReminder(r, 'promise-overdue')));
  byKind.set('promise-due', dueSoon.rows.map((r) => promiseReminder(r, 'promise-due')));
  byKind.set(
    'awaiting-reply',
    awaitingRows.rows.map((r): Reminder => {
      const subject = strOrNull(r.subject) ?? '';
      const messageId = strOrNull(r.message_id);
      return {
        id: `awaiting-reply:${str(r.thread_id)}`,
        kind: 'awaiting-reply',
        counterpart: str(r.counterpart),
        threadId: str(r.thread_id),
        messageId,
        dueAt: null,
        since: str(r.since),
        title: `${str(r.counterpart)} is waiting for our reply: ${quote(subject || '(no subject)')}`,
        link: link(r.provided, messageId, subject),
      };
    }),
  );

  // Per client: silence against the cadence, feedback, renewal.
  const profileOf = new Map(profiles.rows.map((r) => [str(r.k), r]));
  const emailOf = new Map(lastEmail.rows.map((r) => [str(r.k), r]));
  const touchOf = new Map(lastTouch.rows.map((r) => [str(r.k), r]));
  const feedbackOf = new Map(feedback.rows.map((r) => [str(r.k), str(r.at)]));
  const silence: Reminder[] = [];
  const asks: Reminder[] = [];
  for (const key of new Set([...emailOf.keys(), ...touchOf.keys()])) {
    const email = emailOf.get(key);
    const touch = touchOf.get(key);
    const emailAt = email ? str(email.at) : null;
    const touchAt = touch ? str(touch.at) : null;
    const last = emailAt !== null && (touchAt === null || emailAt >= touchAt) ? { at: emailAt, row: email! } : { at: touchAt!, row: touch! };
    const profile = profileOf.get(key);
    const cadence = profile?.cadence !== null && profile?.cadence !== undefined ? Number(profile.cadence) : (settings.defaultCadenceDays ?? null);
    const lapsed = silenceLapsedAt(last.at, cadence, now);
    if (lapsed !== null) {
      const days = Math.floor((Date.parse(now) - Date.parse(last.at)) / DAY_MS);
      const threadId = strOrNull(last.row.thread_id);
      silence.push({
        id: `silence:${key}`,
        kind: 'silence',
        counterpart: key,
        threadId,
        messageId: null,
        dueAt: lapsed,
        since: last.at,
        title: `No contact with ${profile?.name ? str(profile.name) : key} for ${days} days (agreed cadence: every ${cadence} days)`,
        link: threadId && last.row === email ? link(email.provided, null, strOrNull(email.subject) ?? '') : null,
      });
    }
    const asked = feedbackOf.get(key) ?? null;
    const due = feedbackDueSince(asked, last.at, now);
    if (due !== undefined) {
      asks.push({
        id: `feedback:${key}`,
        kind: 'feedback',
        counterpart: key,
        threadId: null,
        messageId: null,
        dueAt: due,
        since: asked,
        title: asked ? `Ask ${key} for feedback: last asked ${Math.floor((Date.parse(now) - Date.parse(asked)) / DAY_MS)} days ago` : `Ask ${key} for feedback: never asked`,
        link: null,
      });
    }
  }
  // Longest silence past its cadence first.
  silence.sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? '') || a.counterpart.localeCompare(b.counterpart));
  asks.sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? '') || a.counterpart.localeCompare(b.counterpart));
  const renewals: Reminder[] = [];
  for (const [key, r] of profileOf) {
    const renewal = strOrNull(r.renewal);
    const days = renewalDaysLeft(renewal, now);
    if (days === null || renewal === null) continue;
    renewals.push({
      id: `renewal:${key}:${renewal}`,
      kind: 'renewal',
      counterpart: key,
      threadId: null,
      messageId: null,
      dueAt: `${renewal}T00:00:00.000Z`,
      since: null,
      title: `${r.name ? str(r.name) : key} renews on ${renewal} (in ${days} days)`,
      link: null,
    });
  }
  renewals.sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? '') || a.counterpart.localeCompare(b.counterpart));
  for (const [kind, list] of [['silence', silence], ['feedback', asks], ['renewal', renewals]] as const) {
    counts[kind] = list.length;
    byKind.set(kind, list);
  }
  const reminders = KIND_ORDER.flatMap((k) => byKind.get(k) ?? []).slice(0, query.limit);
  return { reminders, counts };
}
