import { buildProgressReport, REPORT_SECTION_LIMIT, type AnalysisSettings, type ProgressReport, type Review, type RiskSnippet, type Touchpoint } from '@followthrough/shared';
import { counterpartProfiles, promises, snippets, threads, touchpoints } from '../../db/schema/index';
import { teamMateIds } from '../orgs';
import { indexNamed, names, placeholders, str, strOrNull, type Executor } from '../sql';
import { readCounterpart, type ReadClock } from './counterpart-reads';
import { KEPT_AT_INDEX, keptAfter, liveCondition, PROMISE_VIEW_COLUMNS, PROMISE_VIEW_FROM, promiseView, VERDICT_JOIN } from './promise-reads';

const P = names(promises);
const T = names(threads);
const S = names(snippets);
const TP = names(touchpoints);
const CP = names(counterpartProfiles);
// SQLite's planner prefers walking other indexes for these reads (the client's promises by due date, or every
// client's by kept_at), visiting the client's whole history: they name the index that is a short range.
/** The client's promises by state (then overdue_after, kept_at, due_at). */
const STATE_INDEX = indexNamed(promises, 'promises_counterpart_state_idx');
/** The client's promises by state, then kept_at. */
const KEPT_INDEX = indexNamed(promises, 'promises_counterpart_kept_idx');

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
  const args = [userId, now, start, key];
  const page = (condition: string, order: string) =>
    db.execute({ sql: `SELECT ${PROMISE_VIEW_COLUMNS} FROM ${PROMISE_VIEW_FROM} WHERE ${where} AND ${condition} ORDER BY ${order} LIMIT ${TAKE}`, args });
  // A page of the client's live promises (`extra` narrows them) by due date, read as two short ranges:
  // pending ones on the state index and those kept only after now on the kept_at index. Walking the
  // client's promises by due date instead visited its whole history (2 ms a page on the key client).
  const livePage = (extra: string) =>
    db.execute({
      sql: `SELECT ${PROMISE_VIEW_COLUMNS} FROM (
              SELECT * FROM ${P.$} INDEXED BY ${STATE_INDEX} WHERE ${P.userId} = ?1 AND ${P.counterpart} = ?4 AND ${P.state} = 'pending'
              UNION ALL
              SELECT * FROM ${P.$} INDEXED BY ${KEPT_AT_INDEX} WHERE ${P.userId} = ?1 AND ${keptAfter('?2', '')} AND ${P.counterpart} = ?4
            ) p ${VERDICT_JOIN}
            WHERE 1 ${extra} ORDER BY p.${P.dueAt}, p.${P.id} LIMIT ${TAKE}`,
      args,
    });
  // What was done in the period, newest first: a page of each kept state by kept_at (the client's
  // (state, kept_at) index), and the few the user marked done (its state index). A first report (the period is
  // the whole history) no longer sorts every promise the client ever had (4.9 ms on the key client).
  const keptIn = (states: string) => `FROM ${P.$} INDEXED BY ${KEPT_INDEX} WHERE ${P.userId} = ?1 AND ${P.counterpart} = ?4 AND ${P.state} IN (${states}) AND ${P.keptAt} > ?3 AND ${P.keptAt} <= ?2`;
  const markedDoneIn = `FROM ${P.$} INDEXED BY ${STATE_INDEX} WHERE ${P.userId} = ?1 AND ${P.counterpart} = ?4 AND ${P.state} = 'done' AND ${P.madeAt} > ?3 AND ${P.madeAt} <= ?2`;
  const keptPage = (state: string) => `SELECT * FROM (SELECT * ${keptIn(`'${state}'`)} ORDER BY ${P.keptAt} DESC, ${P.id} LIMIT ${TAKE})`;
  const donePage = () =>
    db.execute({
      sql: `SELECT ${PROMISE_VIEW_COLUMNS} FROM (
              ${keptPage('kept')} UNION ALL ${keptPage('kept-late')} UNION ALL SELECT * ${markedDoneIn}
            ) p ${VERDICT_JOIN}
            ORDER BY coalesce(p.${P.keptAt}, p.${P.madeAt}) DESC, p.${P.id} LIMIT ${TAKE}`,
      args,
    });
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
    donePage(),
    db.execute({ sql: `SELECT (SELECT count(*) ${keptIn(`'kept', 'kept-late'`)}) + (SELECT count(*) ${markedDoneIn}) AS n`, args }),
    livePage(''),
    count(live),
    livePage(`AND p.${P.originalDueAt} IS NOT NULL`),
    count(moved),
    page(lateInPeriod, `p.${P.dueAt}, p.${P.id}`),
    count(lateInPeriod),
    livePage(`AND p.${P.overdueAfter} < ?2`),
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
