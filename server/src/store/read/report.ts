import { buildProgressReport, REPORT_SECTION_LIMIT, type AnalysisSettings, type ProgressReport, type Review, type RiskSnippet, type Touchpoint } from '@followthrough/shared';
import { counterpartProfiles, promises, snippets, threads, touchpoints } from '../../db/schema/index';
import { teamMateIds } from '../orgs';
import { names, placeholders, str, strOrNull, type Executor } from '../sql';
import { readCounterpart, type ReadClock } from './counterpart-reads';
import { liveCondition, PROMISE_VIEW_COLUMNS, PROMISE_VIEW_FROM, promiseView } from './promise-reads';

const P = names(promises);
const T = names(threads);
const S = names(snippets);
const TP = names(touchpoints);
const CP = names(counterpartProfiles);

/** One more than a section shows: enough to fill it whatever the builder drops, with the totals counted apart. */
const TAKE = REPORT_SECTION_LIMIT + 1;

/**
 * The one-page progress report for a client and a period: each section's candidates are read a page at
 * a time (the most recent or soonest few) with their totals counted, and buildProgressReport decides what
 * goes where, so a key client with hundreds of open promises still gets one page ("... and 212 more").
 * The period starts at `since`, else at the last "report-sent" touchpoint, else at the first mail.
 */
export async function readReport(db: Executor, userId: string, key: string, since: string | null, clock: ReadClock, settings: AnalysisSettings): Promise<ProgressReport | null> {
  const summary = await readCounterpart(db, userId, key, clock, settings);
  if (!summary) return null;
  const now = clock.now;
  const lastReport = await db.execute({
    sql: `SELECT max(${TP.at}) AS at FROM ${TP.$} WHERE ${TP.userId} = ? AND ${TP.counterpart} = ? AND ${TP.kind} = 'report-sent' AND ${TP.at} <= ?`,
    args: [userId, key, now],
  });
  const from = since ?? strOrNull(lastReport.rows[0]?.at);
  const start = from ?? '';
  const live = liveCondition('p', '?2');
  const where = `p.${P.userId} = ?1 AND p.${P.counterpart} = ?4`;
  // The unary + keeps SQLite on the client's state index: a range over promises_kept_at_idx would visit
  // every client's kept promises of the period (3.4 -> 0.2 ms on the key client with no report sent yet).
  const doneCondition = `((p.${P.state} IN ('kept', 'kept-late') AND +p.${P.keptAt} > ?3 AND +p.${P.keptAt} <= ?2) OR (p.${P.state} = 'done' AND p.${P.madeAt} > ?3 AND p.${P.madeAt} <= ?2))`;
  const args = [userId, now, start, key];
  const page = (condition: string, order: string) =>
    db.execute({ sql: `SELECT ${PROMISE_VIEW_COLUMNS} FROM ${PROMISE_VIEW_FROM} WHERE ${where} AND ${condition} ORDER BY ${order} LIMIT ${TAKE}`, args });
  const count = (condition: string) => db.execute({ sql: `SELECT count(*) AS n FROM ${P.$} p WHERE ${where} AND ${condition}`, args });
  const touchpointsIn = (invoice: boolean) =>
    db.execute({
      sql: `SELECT ${TP.id} AS id, ${TP.counterpart} AS counterpart, ${TP.kind} AS kind, ${TP.at} AS at, ${TP.summary} AS summary, count(*) OVER () AS total
            FROM ${TP.$} WHERE ${TP.userId} = ? AND ${TP.counterpart} = ? AND ${TP.at} > ? AND ${TP.at} <= ? AND ${TP.kind} ${invoice ? '=' : '<>'} 'invoice'
            ORDER BY ${TP.at} DESC LIMIT ${TAKE}`,
      args: [userId, key, start, now],
    });
  const moved = `${live} AND p.${P.originalDueAt} IS NOT NULL`;
  const lateInPeriod = `p.${P.state} = 'kept-late' AND +p.${P.keptAt} > ?3 AND +p.${P.keptAt} <= ?2`;
  const overdue = `${live} AND p.${P.overdueAfter} < ?2`;
  const [done, doneCount, actions, actionCount, movedRows, movedCount, lateRows, lateCount, overdueRows, overdueUnmovedCount, otherTouches, invoices, waiting, issues, profile] = await Promise.all([
    // Ties (one mail keeping several promises) by id, so the page does not depend on the index SQLite walks.
    page(doneCondition, `coalesce(p.${P.keptAt}, p.${P.madeAt}) DESC, p.${P.id}`),
    count(doneCondition),
    page(live, `p.${P.dueAt}, p.${P.id}`),
    count(live),
    page(moved, `p.${P.dueAt}, p.${P.id}`),
    count(moved),
    page(lateInPeriod, `p.${P.dueAt}, p.${P.id}`),
    count(lateInPeriod),
    page(overdue, `p.${P.dueAt}, p.${P.id}`),
    count(`${overdue} AND p.${P.originalDueAt} IS NULL`),
    touchpointsIn(false),
    touchpointsIn(true),
    db.execute({
      // How many there are is the client's stored count (summary.awaitingThemCount), not a window over them all.
      sql: `SELECT ${T.threadId} AS thread_id, ${T.awaitingSince} AS since, ${T.awaitingMessageId} AS message_id, ${T.subject} AS subject
            FROM ${T.$} WHERE ${T.userId} = ? AND ${T.counterpart} = ? AND ${T.awaitingSide} = 'them' ORDER BY ${T.awaitingSince}, ${T.threadId} LIMIT ${TAKE}`,
      args: [userId, key],
    }),
    db.execute({
      sql: `SELECT ${S.kind} AS kind, ${S.side} AS side, ${S.messageId} AS message_id, ${S.threadId} AS thread_id, ${S.text} AS text, ${S.at} AS at, count(*) OVER () AS total
            FROM ${S.$} WHERE ${S.userId} = ? AND ${S.counterpart} = ? AND ${S.side} = 'them' AND ${S.kind} <> 'request' AND ${S.at} > ? AND ${S.at} <= ?
            ORDER BY ${S.at} DESC LIMIT ${TAKE}`,
      args: [userId, key, start, now],
    }),
    db.execute({ sql: `SELECT ${CP.name} AS name FROM ${CP.$} WHERE ${CP.userId} = ? AND ${CP.key} = ?`, args: [userId, key] }),
  ]);
  // The latest quarterly review of the client, the user's or a colleague's (reviews are shared in a team).
  const mates = await teamMateIds(db, userId);
  const reviewRow = (
    await db.execute({
      sql: `SELECT ${TP.at} AS at, ${TP.reviewJson} AS review FROM ${TP.$} WHERE ${TP.userId} IN (${placeholders(mates.length)}) AND ${TP.counterpart} = ? AND ${TP.kind} = 'review'
            AND ${TP.reviewJson} IS NOT NULL AND ${TP.at} <= ? ORDER BY ${TP.at} DESC LIMIT 1`,
      args: [...mates, key, now],
    })
  ).rows[0];
  const review = reviewRow ? (JSON.parse(str(reviewRow.review)) as Review) : null;
  const byId = new Map<string, ReturnType<typeof promiseView>>();
  for (const rows of [done, actions, movedRows, lateRows, overdueRows]) for (const r of rows.rows) byId.set(str(r.id), promiseView(r, now));
  const n = (rows: { rows: readonly Record<string, unknown>[] }) => Number(rows.rows[0]?.n ?? 0);
  const total = (rows: { rows: readonly Record<string, unknown>[] }) => Number(rows.rows[0]?.total ?? 0);
  const touch = (r: Record<string, unknown>): Touchpoint => ({
    id: str(r.id),
    counterpart: str(r.counterpart),
    kind: str(r.kind) as Touchpoint['kind'],
    at: str(r.at),
    ...(r.summary !== null ? { summary: str(r.summary) } : {}),
  });
  return buildProgressReport({
    counterpart: key,
    name: strOrNull(profile.rows[0]?.name),
    since: from,
    now,
    promises: [...byId.values()],
    touchpoints: [...otherTouches.rows, ...invoices.rows].map(touch),
    requests: summary.summary.requests,
    awaitingThem: waiting.rows.map((r) => ({ threadId: str(r.thread_id), since: str(r.since), lastMessageId: str(r.message_id), subject: str(r.subject) })),
    risks: issues.rows.map((r): RiskSnippet => ({ kind: str(r.kind) as RiskSnippet['kind'], side: 'them', messageId: str(r.message_id), threadId: str(r.thread_id), text: str(r.text), at: str(r.at) })),
    settings,
    review: review && reviewRow ? { at: str(reviewRow.at), threats: review.threats, risks: review.risks } : null,
    openRisks: summary.summary.risks,
    totals: {
      done: n(doneCount) + total(otherTouches),
      actions: n(actionCount) + summary.summary.requestCount,
      waiting: summary.summary.awaitingThemCount,
      changes: n(movedCount) + n(lateCount) + n(overdueUnmovedCount),
      invoices: total(invoices),
      issues: total(issues),
    },
  });
}
