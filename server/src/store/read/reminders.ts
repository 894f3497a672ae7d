import type { Row } from '@libsql/client';
import {
  CLIENT_RISK_KINDS,
  clientRiskOwed,
  clientRiskReminder,
  clientRisksByThread,
  clientRiskWindowStart,
  CONTACT_TOUCHPOINT_KINDS,
  feedbackDueSince,
  promiseReminderKind,
  REMINDER_KIND_ORDER,
  reminderIds,
  reminderTitles,
  renewalDaysLeft,
  silenceLapsedAt,
  type AnalysisSettings,
  type ClientRiskCandidate,
  type RiskKind,
  type Side,
} from '@followthrough/shared';
import { REMINDER_KINDS, type Reminder, type ReminderKind } from '@followthrough/shared/contract';
import { counterpartCounts, counterpartAggregates, counterpartProfiles, mailAccountMessages, mailAccounts, promises, reminderSnoozes, snippets, threads, touchpoints } from '../../db/schema/index';
import { threadLink } from '../links';
import { readTeamClientFacts, reviewsDue } from './team-reminders';
import { indexNamed, names, readTogether, str, strOrNull, type Executor } from '../sql';
import type { ReadClock } from './counterpart-reads';
import { KEPT_AT_INDEX, keptAfter, PROMISE_VIEW_COLUMNS, promiseView, VERDICT_JOIN } from './promise-reads';

const P = names(promises);
const T = names(threads);
const TP = names(touchpoints);
const CP = names(counterpartProfiles);
const RS = names(reminderSnoozes);
const AM = names(mailAccountMessages);
const MA = names(mailAccounts);
const S = names(snippets);
const N = names(counterpartCounts);
const A = names(counterpartAggregates);
const AWAITING_BY_USER = indexNamed(threads, 'threads_user_awaiting_idx');
const LATE_BY_STATE = indexNamed(promises, 'promises_state_idx');
const CONTACT_BY_CLIENT = indexNamed(threads, 'threads_counterpart_contact_idx');
const CONTACT_KINDS = `(${CONTACT_TOUCHPOINT_KINDS.map((k) => `'${k}'`).join(', ')})`;

/**
 * The provider's own id of a message and the mailbox that synced it, as one JSON value per row: what a
 * link needs to open the exact message in Outlook on the web (Graph item id). `message` is an SQL
 * expression for the stored message id; ?1 is the user.
 */
function syncedSql(message: string): string {
  return `(SELECT json_array(ma.${MA.provider}, am.${AM.providerId}, ma.${MA.email}) FROM ${AM.$} am JOIN ${MA.$} ma ON ma.${MA.id} = am.${AM.accountId}
           WHERE am.${AM.userId} = ?1 AND am.${AM.messageId} = ${message} LIMIT 1)`;
}

function parseSynced(value: unknown): { provider: string; providerMessageId: string; mailbox: string } | null {
  if (value === null || value === undefined) return null;
  const [provider, providerMessageId, mailbox] = JSON.parse(str(value)) as [string, string, string];
  return { provider, providerMessageId, mailbox };
}

export interface ReminderQuery {
  until: string;
  limit: number;
  userAddress: string;
}

/**
 * What needs the user's attention now, most urgent first, each with a link to its exact thread (or none,
 * and the extension opens the client's page); at most `limit` of them, with how many there are of each
 * kind. Snoozed reminders are left out (and out of the counts): a promise by its own snooze, the others by
 * reminder id. A key client's two years of history is counted with indexes and read a page at a time, so
 * the popup (refreshed in the background) costs the same whatever the mailbox holds. Within a kind the
 * freshest come first: a reply owed since yesterday can still be saved, one owed for a year is in the count.
 */
export async function readReminders(db: Executor, userId: string, query: ReminderQuery, clock: ReadClock, settings: AnalysisSettings): Promise<{ reminders: Reminder[]; counts: Record<ReminderKind, number> }> {
  const { now } = clock;
  const link = (provided: unknown, messageId: string | null, subject: string, synced: unknown) =>
    threadLink({ providedThreadId: strOrNull(provided), messageId, subject, userAddress: query.userAddress, synced: parseSynced(synced) });
  // Risks first: a thread with a risk reminder is not listed (or counted) as waiting for our reply too.
  const risks = await readClientRisks(db, userId, now);
  const riskThreads = JSON.stringify([...new Set(risks.map((r) => r.risk.threadId))]);
  // Promises due by `until` or overdue, unless snoozed: for an unsnoozed promise overdue_after is its due date.
  // Live promises (liveCondition) are the pending ones and those kept only by evidence after now, read as
  // two ranges: pending by state, the others at the end of kept_at. One condition over both made SQLite
  // read every kept promise of the mailbox to look at its kept_at (thousands, at real size).
  //
  // overdue_after is the later of the due date and the snooze (settlePromise), so a promise late at ?2 was
  // snoozed, if at all, until before ?2: only those not yet late are tested for a snooze. The late ones, the
  // many, are then counted and paged from promises_state_idx alone; testing the snooze read each one's row
  // (a key client's 1,133 late promises: the statement counting them 3.6 -> 0.7 ms, choosing the late page's
  // rows 3.5 -> 1.6 ms).
  const notSnoozed = `(p.${P.snoozedUntil} IS NULL OR p.${P.snoozedUntil} <= ?2)`;
  const live = (columns: string, extra: string, tail = '') =>
    `SELECT * FROM (SELECT ${columns} FROM ${P.$} p WHERE p.${P.userId} = ?1 AND p.${P.state} = 'pending' AND p.${P.overdueAfter} <= ?3${extra} ${tail})
     UNION ALL SELECT * FROM (SELECT ${columns} FROM ${P.$} p INDEXED BY ${KEPT_AT_INDEX} WHERE p.${P.userId} = ?1 AND ${keptAfter('?2')} AND p.${P.overdueAfter} <= ?3${extra} ${tail})`;
  const late = ` AND p.${P.overdueAfter} < ?2`;
  const notLate = ` AND p.${P.overdueAfter} >= ?2 AND ${notSnoozed}`;
  const awaitingWhere = `${T.userId} = ?1 AND ${T.awaitingSide} = 'us' AND ${T.awaitingSince} <= ?2 AND ${T.counterpart} IS NOT NULL
    AND 'awaiting-reply:' || ${T.threadId} NOT IN (SELECT ${RS.reminderId} FROM ${RS.$} WHERE ${RS.userId} = ?1 AND ${RS.until} > ?3)
    AND ${T.threadId} NOT IN (SELECT value FROM json_each(?5))`;
  // The page is chosen by due date alone (row ids), then read and joined: reading rows, joining and looking
  // up where they were synced before the sort did it for every overdue promise of the mailbox, over a
  // thousand (7.6 -> 1 ms).
  const order = (isLate: boolean) => `p.${P.dueAt} ${isLate ? 'DESC' : ''}, p.${P.id}`;
  // The late page's pending rows are taken from the index down to the limit-th latest due date (ties kept):
  // only about a page of rows is read for its id, the tie-break. The kept-later side is a short range anyway.
  const pendingLate = (alias: string) =>
    `${alias}.${P.userId} = ?1 AND ${alias}.${P.state} = 'pending' AND ${alias}.${P.overdueAfter} <= ?3 AND ${alias}.${P.overdueAfter} < ?2`;
  const lateCutoff = `coalesce((SELECT c.${P.dueAt} FROM ${P.$} c INDEXED BY ${LATE_BY_STATE} WHERE ${pendingLate('c')} ORDER BY c.${P.dueAt} DESC LIMIT 1 OFFSET ?4 - 1), '')`;
  const latePageRows = `SELECT * FROM (SELECT p.rowid AS rid, p.${P.dueAt}, p.${P.id}
                         FROM (SELECT q.rowid AS rid FROM ${P.$} q INDEXED BY ${LATE_BY_STATE} WHERE ${pendingLate('q')} AND q.${P.dueAt} >= ${lateCutoff}) q
                         CROSS JOIN ${P.$} p ON p.rowid = q.rid ORDER BY ${order(true)} LIMIT ?4)
     UNION ALL SELECT * FROM (SELECT p.rowid AS rid, p.${P.dueAt}, p.${P.id} FROM ${P.$} p INDEXED BY ${KEPT_AT_INDEX}
                              WHERE p.${P.userId} = ?1 AND ${keptAfter('?2')} AND p.${P.overdueAfter} <= ?3${late} ORDER BY ${order(true)} LIMIT ?4)`;
  const pageRows = (isLate: boolean) => (isLate ? latePageRows : live(`p.rowid AS rid, p.${P.dueAt}, p.${P.id}`, notLate, `ORDER BY ${order(false)} LIMIT ?4`));
  const promiseSelect = (isLate: boolean) => `SELECT ${PROMISE_VIEW_COLUMNS}, t.${T.subject} AS subject, t.${T.providedThreadId} AS provided, ${syncedSql(`p.${P.messageId}`)} AS synced
            FROM (SELECT rid FROM (${pageRows(isLate)}) p
                  ORDER BY ${order(isLate)} LIMIT ?4) page
            CROSS JOIN ${P.$} p ON p.rowid = page.rid
            ${VERDICT_JOIN}
            LEFT JOIN ${T.$} t ON t.${T.userId} = p.${P.userId} AND t.${T.threadId} = p.${P.threadId}
            ORDER BY ${order(isLate)}`;
  // Independent reads, spread over the reader threads (readTogether): the popup waits for the slower share, not the sum.
  const [promiseCounts, overdue, dueSoon, awaitingCount, awaitingRows, lastEmail, lastTouch, profiles, snoozes] = await readTogether(db, [
    // Late promises are counted as one group, from the index alone; the few not yet late come by due date and
    // whether a slip was sent, for the shared rule (promiseReminderKind) to call "due" or "at risk".
    {
      sql: `SELECT 1 AS late, NULL AS due_at, NULL AS slipped, count(*) AS n FROM (${live('1', late)})
            UNION ALL
            SELECT 0, due_at, slipped, count(*) FROM (${live(`p.${P.dueAt} AS due_at, p.${P.slipBy} IS NOT NULL AS slipped`, notLate)}) GROUP BY 2, 3`,
      args: [userId, now, query.until],
    },
    { sql: promiseSelect(true), args: [userId, now, query.until, query.limit] },
    { sql: promiseSelect(false), args: [userId, now, query.until, query.limit] },
    // Every wait of the user's clients (their stored counts), less the recent ones (a short range of the
    // index) and the few snoozed or shown as a risk: counting the waits themselves walked years of
    // unanswered threads (7.6 -> 0.3 ms). awaiting_since is set whenever awaiting_side is.
    {
      sql: `SELECT (SELECT coalesce(sum(${N.n}), 0) FROM ${N.$} WHERE ${N.userId} = ?1 AND ${N.what} = 'awaiting:us')
              - (SELECT count(*) FROM ${T.$} INDEXED BY ${AWAITING_BY_USER} WHERE ${T.userId} = ?1 AND ${T.awaitingSide} = 'us' AND ${T.awaitingSince} > ?2 AND ${T.counterpart} IS NOT NULL)
              - (SELECT count(*) FROM (SELECT substr(${RS.reminderId}, length('awaiting-reply:') + 1) AS id FROM ${RS.$}
                                         WHERE ${RS.userId} = ?1 AND ${RS.until} > ?3 AND ${RS.reminderId} LIKE 'awaiting-reply:%'
                                       UNION SELECT value FROM json_each(?5)) e
                   CROSS JOIN ${T.$} t ON t.${T.userId} = ?1 AND t.${T.threadId} = e.id
                   WHERE t.${T.awaitingSide} = 'us' AND +t.${T.awaitingSince} <= ?2 AND t.${T.counterpart} IS NOT NULL) AS n`,
      args: [userId, clock.overTargetUpTo, now, query.limit, riskThreads],
    },
    {
      sql: `SELECT ${T.threadId} AS thread_id, ${T.counterpart} AS counterpart, ${T.subject} AS subject, ${T.providedThreadId} AS provided,
              ${T.awaitingSince} AS since, ${T.awaitingMessageId} AS message_id, ${syncedSql(T.awaitingMessageId)} AS synced
            FROM ${T.$} WHERE ${awaitingWhere} ORDER BY ${T.awaitingSince} DESC, ${T.threadId} LIMIT ?4`,
      args: [userId, clock.overTargetUpTo, now, query.limit, riskThreads],
    },
    // Each client's latest contact, one index lookup per client with mail (a GROUP BY walked every thread of
    // the mailbox: 6 -> 0.5 ms), then only that thread's row (its link). CROSS JOIN keeps the clients as the
    // outer loop. The latest message's id is read later, for the silences shown: taking it out of each
    // client's thread facts here (json_extract parses the whole document) was 3 of this statement's 4 ms
    // on the real-size bench's 190 clients.
    {
      sql: `WITH latest AS MATERIALIZED (
              SELECT a.${A.key} AS k, (SELECT max(${T.lastContactAt}) FROM ${T.$} INDEXED BY ${CONTACT_BY_CLIENT}
                WHERE ${T.userId} = ?1 AND ${T.counterpart} = a.${A.key} AND ${T.lastContactAt} <= ?2) AS at FROM ${A.$} a WHERE a.${A.userId} = ?1)
            SELECT latest.k AS k, latest.at AS at, t.${T.threadId} AS thread_id, t.${T.subject} AS subject, t.${T.providedThreadId} AS provided
            FROM latest CROSS JOIN ${T.$} t INDEXED BY ${CONTACT_BY_CLIENT}
            WHERE latest.at IS NOT NULL AND t.${T.userId} = ?1 AND t.${T.counterpart} = latest.k AND t.${T.lastContactAt} = latest.at
            ORDER BY latest.k, t.${T.threadId}`,
      args: [userId, now],
    },
    {
      sql: `SELECT ${TP.counterpart} AS k, max(${TP.at}) AS at, ${TP.threadId} AS thread_id FROM ${TP.$}
            WHERE ${TP.userId} = ? AND ${TP.kind} IN ${CONTACT_KINDS} AND ${TP.at} <= ? GROUP BY 1`,
      args: [userId, now],
    },
    { sql: `SELECT ${CP.key} AS k, ${CP.name} AS name, ${CP.cadenceDays} AS cadence, ${CP.renewalDate} AS renewal FROM ${CP.$} WHERE ${CP.userId} = ?`, args: [userId] },
    { sql: `SELECT ${RS.reminderId} AS id, ${RS.until} AS until FROM ${RS.$} WHERE ${RS.userId} = ? AND ${RS.until} > ?`, args: [userId, now] },
  ]);

  const snoozed = new Set(snoozes.rows.map((r) => str(r.id)));
  const profileOf = new Map(profiles.rows.map((r) => [str(r.k), r]));
  const nameOf = (key: string): string | null => {
    const name = profileOf.get(key)?.name;
    return name === null || name === undefined ? null : str(name);
  };
  const client = (key: string) => nameOf(key) ?? key;

  const counts = Object.fromEntries(REMINDER_KINDS.map((k) => [k, 0])) as Record<ReminderKind, number>;
  for (const r of promiseCounts.rows) {
    const kind = Number(r.late) === 1 ? 'promise-overdue' : promiseReminderKind({ status: 'open', dueAt: str(r.due_at), slip: Number(r.slipped) === 1 ? true : null }, now);
    counts[kind] += Number(r.n);
  }
  counts['awaiting-reply'] = Number(awaitingCount.rows[0]?.n ?? 0);
  const byKind = new Map<ReminderKind, Reminder[]>(REMINDER_KINDS.map((k) => [k, []]));

  const promiseReminder = (r: Row): Reminder => {
    const p = promiseView(r, now);
    const kind = promiseReminderKind(p, now);
    const key = p.counterpart ?? '';
    return {
      id: reminderIds.promise(p.id),
      kind,
      counterpart: key,
      name: key ? nameOf(key) : null,
      threadId: p.threadId,
      messageId: p.messageId,
      dueAt: p.dueAt,
      since: p.madeAt,
      title: kind === 'promise-at-risk' ? reminderTitles.promiseAtRisk(key ? client(key) : 'a client', p.text, p.dueAt, now) : reminderTitles.promise(kind, key ? client(key) : 'a client', p.text),
      link: link(r.provided, p.messageId, strOrNull(r.subject) ?? '', r.synced),
    };
  };
  for (const reminder of [...overdue.rows, ...dueSoon.rows].map(promiseReminder)) byKind.get(reminder.kind)!.push(reminder);
  const openRisks = risks.filter((r) => !snoozed.has(r.reminderId));
  counts['client-risk'] = openRisks.length;
  byKind.set(
    'client-risk',
    openRisks.map((r) => clientRiskReminder(r.risk, nameOf(r.risk.counterpart), link(r.provided, r.risk.messageId, r.subject, r.synced))),
  );
  byKind.set(
    'awaiting-reply',
    awaitingRows.rows.map((r): Reminder => {
      const subject = strOrNull(r.subject) ?? '';
      const messageId = strOrNull(r.message_id);
      const key = str(r.counterpart);
      return {
        id: reminderIds.awaiting(str(r.thread_id)),
        kind: 'awaiting-reply',
        counterpart: key,
        name: nameOf(key),
        threadId: str(r.thread_id),
        messageId,
        dueAt: null,
        since: str(r.since),
        title: reminderTitles.awaiting(client(key), subject),
        link: link(r.provided, messageId, subject, r.synced),
      };
    }),
  );

  // Per client: silence against the cadence, feedback, renewal.
  const emailOf = new Map<string, Row>();
  // Two threads can share a client's latest instant: the first by thread id stands for it.
  for (const r of lastEmail.rows) if (!emailOf.has(str(r.k))) emailOf.set(str(r.k), r);
  const touchOf = new Map(lastTouch.rows.map((r) => [str(r.k), r]));
  // The team's facts of each client (the user's alone outside any organisation): feedback asked by anyone,
  // by a logged touchpoint or a feedback question in their mail, the intervals, the quarterly reviews.
  const dealt = new Set([...emailOf.keys(), ...touchOf.keys()]);
  const team = await readTeamClientFacts(db, userId, [...dealt], now);
  // The user's own name for the client, else the team's.
  const teamNameOf = (key: string): string | null => nameOf(key) ?? team.get(key)?.name ?? null;
  const silence: Reminder[] = [];
  const asks: Reminder[] = [];
  // The thread of the latest mail, for the link of a silence that ended on e-mail (read for those shown).
  const silentEmail: { reminder: Reminder; threadId: string; provided: unknown; subject: string }[] = [];
  for (const key of dealt) {
    const email = emailOf.get(key);
    const touch = touchOf.get(key);
    const emailAt = email ? str(email.at) : null;
    const touchAt = touch ? str(touch.at) : null;
    const last = emailAt !== null && (touchAt === null || emailAt >= touchAt) ? { at: emailAt, row: email!, byEmail: true } : { at: touchAt!, row: touch!, byEmail: false };
    const profile = profileOf.get(key);
    const cadence = profile?.cadence !== null && profile?.cadence !== undefined ? Number(profile.cadence) : (settings.defaultCadenceDays ?? null);
    const lapsed = silenceLapsedAt(last.at, cadence, now);
    const silenceId = reminderIds.silence(key);
    if (lapsed !== null && cadence !== null && !snoozed.has(silenceId)) {
      // The thread of the last e-mail (or the one the logged call was about), else none: the client page.
      const threadId = last.byEmail ? strOrNull(last.row.thread_id) : (strOrNull(last.row.thread_id) ?? (email ? strOrNull(email.thread_id) : null));
      const reminder: Reminder = {
        id: silenceId,
        kind: 'silence',
        counterpart: key,
        name: nameOf(key),
        threadId,
        messageId: null,
        dueAt: lapsed,
        since: last.at,
        title: reminderTitles.silence(client(key), last.at, cadence, now),
        link: null,
      };
      silence.push(reminder);
      if (email && threadId !== null && threadId === strOrNull(email.thread_id)) {
        silentEmail.push({ reminder, threadId, provided: email.provided, subject: strOrNull(email.subject) ?? '' });
      }
    }
    const asked = team.get(key)?.lastFeedbackAt ?? null;
    const due = feedbackDueSince(asked, last.at, now, team.get(key)?.feedbackIntervalDays);
    const feedbackId = reminderIds.feedback(key);
    if (due !== undefined && !snoozed.has(feedbackId)) {
      asks.push({ id: feedbackId, kind: 'feedback', counterpart: key, name: teamNameOf(key), threadId: null, messageId: null, dueAt: due, since: asked, title: reminderTitles.feedback(teamNameOf(key) ?? key, asked, now), link: null });
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
    const id = reminderIds.renewal(key, renewal);
    if (snoozed.has(id)) continue;
    renewals.push({ id, kind: 'renewal', counterpart: key, name: nameOf(key), threadId: null, messageId: null, dueAt: `${renewal}T00:00:00.000Z`, since: null, title: reminderTitles.renewal(client(key), renewal, days), link: null });
  }
  renewals.sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? '') || a.counterpart.localeCompare(b.counterpart));
  // The quarterly reviews: to the client's owner, or without one to everyone in the team who deals with it.
  const reviews = reviewsDue(userId, team, dealt, now, teamNameOf).filter((r) => !snoozed.has(r.id));
  for (const [kind, list] of [['silence', silence], ['feedback', asks], ['renewal', renewals], ['review', reviews]] as const) {
    counts[kind] = list.length;
    byKind.set(kind, list);
  }
  const reminders = REMINDER_KIND_ORDER.flatMap((k) => byKind.get(k) ?? []).slice(0, query.limit);
  const shown = new Set(reminders);
  const linked = silentEmail.filter((s) => shown.has(s.reminder));
  if (linked.length > 0) {
    const latest = await db.execute({
      sql: `SELECT thread_id, message_id, ${syncedSql('message_id')} AS synced FROM (
              SELECT t.${T.threadId} AS thread_id, json_extract(t.${T.factsJson}, '$.lastMessage.messageId') AS message_id
              FROM json_each(?2) j CROSS JOIN ${T.$} t ON t.${T.userId} = ?1 AND t.${T.threadId} = j.value)`,
      args: [userId, JSON.stringify(linked.map((s) => s.threadId))],
    });
    const latestOf = new Map(latest.rows.map((r) => [str(r.thread_id), r]));
    for (const s of linked) {
      const row = latestOf.get(s.threadId);
      const messageId = row ? strOrNull(row.message_id) : null;
      s.reminder.link = link(s.provided, messageId, s.subject, row?.synced);
    }
  }
  return { reminders, counts };
}

interface StoredClientRisk {
  risk: ClientRiskCandidate;
  reminderId: string;
  subject: string;
  provided: unknown;
  synced: unknown;
}

/**
 * Client risks owed a reminder (reminder-rules clientRiskOwed), one per thread, snoozed ones included (they
 * still stand for their thread). Candidates are the risk phrases of the last CLIENT_RISK_REMINDER_DAYS in
 * threads waiting for our reply: a range seek on snippets by (user, kind, at) and the thread by its key,
 * so a key client's years of mail cost nothing here; the shared rule decides.
 */
async function readClientRisks(db: Executor, userId: string, now: string): Promise<StoredClientRisk[]> {
  const kinds = CLIENT_RISK_KINDS.map((k) => `'${k}'`).join(', ');
  const rows = await db.execute({
    sql: `SELECT s.${S.messageId} AS message_id, s.${S.ordinal} AS ordinal, s.${S.kind} AS kind, s.${S.side} AS side, s.${S.threadId} AS thread_id, s.${S.text} AS text, s.${S.at} AS at,
            coalesce(t.${T.counterpart}, s.${S.counterpart}) AS counterpart, t.${T.awaitingSide} AS awaiting_side, t.${T.awaitingSince} AS awaiting_since,
            t.${T.subject} AS subject, t.${T.providedThreadId} AS provided, ${syncedSql(`s.${S.messageId}`)} AS synced
          FROM ${S.$} s JOIN ${T.$} t ON t.${T.userId} = s.${S.userId} AND t.${T.threadId} = s.${S.threadId}
          WHERE s.${S.userId} = ?1 AND s.${S.kind} IN (${kinds}) AND s.${S.at} >= ?2 AND s.${S.at} <= ?3 AND s.${S.side} = 'them' AND t.${T.awaitingSide} = 'us'`,
    args: [userId, clientRiskWindowStart(now), now],
  });
  const extra = new Map<string, { subject: string; provided: unknown; synced: unknown }>();
  const owed: ClientRiskCandidate[] = [];
  for (const r of rows.rows) {
    const counterpart = strOrNull(r.counterpart);
    const since = strOrNull(r.awaiting_since);
    const risk = { side: str(r.side) as Side, kind: str(r.kind) as RiskKind, at: str(r.at) };
    if (counterpart === null || since === null || !clientRiskOwed(risk, { side: str(r.awaiting_side) as Side, since }, now)) continue;
    owed.push({ threadId: str(r.thread_id), messageId: str(r.message_id), counterpart, at: risk.at, kind: risk.kind, text: str(r.text), ordinal: Number(r.ordinal) });
    extra.set(str(r.message_id), { subject: strOrNull(r.subject) ?? '', provided: r.provided, synced: r.synced });
  }
  return clientRisksByThread(owed)
    .sort((a, b) => a.at.localeCompare(b.at) || a.messageId.localeCompare(b.messageId))
    .map((risk) => ({ risk, reminderId: reminderIds.clientRisk(risk.messageId), ...extra.get(risk.messageId)! }));
}
