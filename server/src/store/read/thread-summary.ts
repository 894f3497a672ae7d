import { lagStats, RISK_KINDS, type AnalysisSettings, type RiskSnippet, type ThreadFacts } from '@followthrough/shared';
import type { RequestSnippet } from '@followthrough/shared';
import type { ThreadSummaryResponse } from '@followthrough/shared/contract';
import { messages, promises, snippets, threadRefs, threads } from '../../db/schema/index';
import { threadLink } from '../links';
import { names, str, strOrNull, type Executor } from '../sql';
import { clockArgs, counterpartFromRow, counterpartPiecesSql, threadCounterpartItem, type ReadClock } from './counterpart-reads';
import { KEPT_AT_INDEX, keptAfter, liveCondition, PROMISE_VIEW_FROM, PROMISE_VIEW_JSON, promiseView, VERDICT_JOIN } from './promise-reads';

const T = names(threads);
const P = names(promises);
const S = names(snippets);
const M = names(messages);
const R = names(threadRefs);

/** How many of the client's other open promises the sidebar shows (the count says how many there are). */
export const OTHER_PROMISES_SHOWN = 5;

const KEY = `(SELECT ${T.counterpart} FROM ${T.$} WHERE ${T.userId} = ?1 AND ${T.threadId} = ?6)`;

/**
 * Everything the sidebar shows for a thread, in one statement: the thread, its promises, requests and
 * risks, its client's summary pieces without the client's lists (counterpartPiecesSql) and the client's
 * most urgent open promises elsewhere. Its cost does not grow with the client's history: every piece is an
 * index range of this thread or a count, or the few oldest or newest of the client.
 */
const THREAD_SUMMARY_SQL = `SELECT
  (SELECT json_object('counterpart', ${T.counterpart}, 'providedThreadId', ${T.providedThreadId}, 'messageCount', ${T.messageCount})
     FROM ${T.$} WHERE ${T.userId} = ?1 AND ${T.threadId} = ?6) AS thread,
  -- The stored facts as they are: embedded with json() SQLite parsed and wrote them again for JavaScript to parse.
  (SELECT ${T.factsJson} FROM ${T.$} WHERE ${T.userId} = ?1 AND ${T.threadId} = ?6) AS facts,
  (SELECT json_group_array(${PROMISE_VIEW_JSON}) FROM ${PROMISE_VIEW_FROM} WHERE p.${P.userId} = ?1 AND p.${P.threadId} = ?6) AS promises,
  (SELECT json_group_array(json_object('kind', ${S.kind}, 'side', ${S.side}, 'messageId', ${S.messageId}, 'threadId', ${S.threadId}, 'text', ${S.text}, 'at', ${S.at}))
     FROM ${S.$} WHERE ${S.userId} = ?1 AND ${S.threadId} = ?6) AS thread_snippets,
  -- The few are chosen by row id and order, then read whole: sorting whole rows (texts and quotes) cost 190 µs
  -- of the key client's 35 pending promises against 45 for their ids.
  (SELECT json_group_array(${PROMISE_VIEW_JSON}) FROM (
       SELECT * FROM (SELECT rowid AS rid, ${P.overdueAfter}, ${P.id} FROM ${P.$} WHERE ${P.userId} = ?1 AND ${P.counterpart} = ${KEY} AND ${P.state} = 'pending' AND ${P.threadId} <> ?6
                      ORDER BY ${P.overdueAfter}, ${P.id} LIMIT ${OTHER_PROMISES_SHOWN})
       UNION ALL
       SELECT * FROM (SELECT rowid AS rid, ${P.overdueAfter}, ${P.id} FROM ${P.$} INDEXED BY ${KEPT_AT_INDEX} WHERE ${P.userId} = ?1 AND ${keptAfter('?2', '')} AND ${P.counterpart} = ${KEY}
                        AND ${P.threadId} <> ?6 ORDER BY ${P.overdueAfter}, ${P.id} LIMIT ${OTHER_PROMISES_SHOWN})
       ORDER BY ${P.overdueAfter}, ${P.id} LIMIT ${OTHER_PROMISES_SHOWN}) page
     CROSS JOIN ${P.$} p ON p.rowid = page.rid
     ${VERDICT_JOIN}) AS other_promises,
  -- Open or overdue (promiseStatusAt): pending, or kept only by evidence after now; each an index range.
  ((SELECT count(*) FROM ${P.$} WHERE ${P.userId} = ?1 AND ${P.counterpart} = ${KEY} AND ${P.state} = 'pending')
    + (SELECT count(*) FROM ${P.$} INDEXED BY ${KEPT_AT_INDEX} WHERE ${P.userId} = ?1 AND ${keptAfter('?2', '')} AND ${P.counterpart} = ${KEY})
    - (SELECT count(*) FROM ${P.$} WHERE ${P.userId} = ?1 AND ${P.threadId} = ?6 AND ${liveCondition(P.$, '?2')})) AS other_count,
  ${counterpartPiecesSql(KEY, 'health')}`;

type ThreadJson = { counterpart: string | null; providedThreadId: string | null; messageCount: number };

export async function readThreadSummary(
  db: Executor,
  userId: string,
  threadId: string,
  clock: ReadClock,
  settings: AnalysisSettings,
  userAddress: string,
): Promise<ThreadSummaryResponse | null> {
  const result = await db.execute({ sql: THREAD_SUMMARY_SQL, args: [...clockArgs(userId, clock), threadId] });
  const row = result.rows[0]!;
  if (row.thread === null || row.thread === undefined) {
    // A thread is named after its earliest message, so an original that arrives late renames it; the
    // old name is a message of the thread, and finds it.
    const holder = await db.execute({
      sql: `SELECT coalesce((SELECT ${M.threadId} FROM ${M.$} WHERE ${M.userId} = ?1 AND ${M.id} = ?2), (SELECT ${R.threadId} FROM ${R.$} WHERE ${R.userId} = ?1 AND ${R.messageId} = ?2)) AS thread_id`,
      args: [userId, threadId],
    });
    const renamed = strOrNull(holder.rows[0]?.thread_id);
    return renamed && renamed !== threadId ? readThreadSummary(db, userId, renamed, clock, settings, userAddress) : null;
  }
  const thread = JSON.parse(str(row.thread)) as ThreadJson;
  const facts = JSON.parse(str(row.facts)) as ThreadFacts;
  const parse = <R>(value: unknown): R[] => (value === null || value === undefined ? [] : (JSON.parse(str(value)) as R[]));
  const promiseViews = parse<Record<string, unknown>>(row.promises).map((p) => promiseView(p, clock.now)).sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
  const own = parse<Omit<RiskSnippet, 'kind'> & { kind: RiskSnippet['kind'] | 'request' }>(row.thread_snippets);
  const requests: RequestSnippet[] = facts.awaiting?.side === 'us'
    ? own
        .filter((s) => s.kind === 'request' && s.at >= facts.awaiting!.since)
        .map((s) => ({ messageId: s.messageId, threadId: s.threadId, text: s.text, at: s.at }))
        .sort((a, b) => a.at.localeCompare(b.at) || a.messageId.localeCompare(b.messageId))
    : [];
  const risks = own.filter((s): s is RiskSnippet => (RISK_KINDS as readonly string[]).includes(s.kind)).sort((a, b) => b.at.localeCompare(a.at) || a.messageId.localeCompare(b.messageId));
  const counterpart = thread.counterpart ? counterpartFromRow(thread.counterpart, row, clock, settings) : null;
  return {
    threadId,
    subject: facts.subject,
    counterpart: thread.counterpart,
    messageCount: thread.messageCount,
    initiatedBy: facts.initiatedBy,
    firstMessage: facts.firstMessage,
    lastMessage: facts.lastMessage,
    lags: { ours: lagStats(facts.lags, 'us'), theirs: lagStats(facts.lags, 'them'), samples: facts.lags },
    awaiting: facts.awaiting,
    promises: promiseViews,
    otherOpenPromises: parse<Record<string, unknown>>(row.other_promises).map((p) => promiseView(p, clock.now)),
    otherOpenPromiseCount: Number(row.other_count ?? 0),
    requests,
    risks,
    counterpartSummary: counterpart ? threadCounterpartItem(counterpart) : null,
    link: threadLink({
      providedThreadId: strOrNull(thread.providedThreadId),
      messageId: facts.lastMessage?.messageId ?? facts.messageIds[0] ?? null,
      subject: facts.subject,
      userAddress,
    }),
  };
}
