import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { exportResponseSchema } from '@followthrough/shared/contract';
import { describe } from '../http/describe';
import type { AppEnv } from '../http/env';
import { counterpartProfiles, evidence, messages, promises, promiseVerdictEvents, snippets, threads, touchpoints, users } from '../db/schema/index';
import { names, str, yieldToLoop, type Executor } from '../store/sql';
import { toStoredTouchpoint } from '../store/touchpoints';
import { getUserSettings } from '../store/users';

const PAGE = 1000;

/** Rows of one table for the user, a page at a time in primary-key order, each turned into JSON. */
async function* pages(db: Executor, table: string, userColumn: string, keyColumns: readonly string[], columns: string, userId: string): AsyncGenerator<Record<string, unknown>[]> {
  let after: unknown[] | null = null;
  for (;;) {
    const keyList = keyColumns.join(', ');
    const tupleAfter: string = after ? ` AND (${keyList}) > (${keyColumns.map(() => '?').join(', ')})` : '';
    const result: { rows: Record<string, unknown>[] } = await db.execute({
      sql: `SELECT ${columns} FROM ${table} WHERE ${userColumn} = ?${tupleAfter} ORDER BY ${keyList} LIMIT ${PAGE}`,
      args: [userId, ...((after ?? []) as string[])],
    });
    if (result.rows.length === 0) return;
    yield result.rows;
    const last = result.rows[result.rows.length - 1]!;
    after = keyColumns.map((c) => last[c.replaceAll('"', '')]);
    if (result.rows.length < PAGE) return;
    await yieldToLoop();
  }
}

const M = names(messages);
const T = names(threads);
const P = names(promises);
const S = names(snippets);
const E = names(evidence);
const TP = names(touchpoints);
const CP = names(counterpartProfiles);
const VE = names(promiseVerdictEvents);
const U = names(users);

/**
 * `GET /v1/export`: everything stored about the caller (portability), streamed a page of rows at a time
 * so a mailbox of 100,000 messages neither fills the server's memory nor holds its event loop. Bodies
 * are not in it because they are never stored.
 */
export const exportRoutes = new Hono<AppEnv>().get('/', describe({ summary: 'All of the caller\'s data as JSON', response: exportResponseSchema }), async (c) => {
  const db = c.get('deps').database.reader;
  const userId = c.get('user').id;
  const user = (await db.execute({ sql: `SELECT ${U.id}, ${U.email}, ${U.name}, ${U.createdAt} FROM ${U.$} WHERE ${U.id} = ?`, args: [userId] })).rows[0];
  if (!user) throw new Error('authenticated user has no row');
  const settings = await getUserSettings(c.get('deps').database.readDb, userId);
  c.header('content-type', 'application/json; charset=utf-8');
  c.header('content-disposition', 'attachment; filename="followthrough-export.json"');
  return stream(c, async (out) => {
    const head = {
      exportedAt: c.get('deps').clock().toISOString(),
      user: { id: str(user.id), email: str(user.email), name: user.name === null ? null : str(user.name), createdAt: str(user.created_at) },
      settings: settings.stored ? settings.settings : null,
    };
    await out.write(JSON.stringify(head).slice(0, -1));
    const section = async (name: string, rows: AsyncGenerator<Record<string, unknown>[]>, map: (r: Record<string, unknown>) => unknown) => {
      await out.write(`,${JSON.stringify(name)}:[`);
      let first = true;
      for await (const page of rows) {
        await out.write((first ? '' : ',') + page.map((r) => JSON.stringify(map(r))).join(','));
        first = false;
      }
      await out.write(']');
    };
    await section('messages', pages(db, M.$, M.userId, [M.sentAt, M.id], `${M.id}, ${M.threadId}, ${M.sentAt}, ${M.direction}, ${M.automated}, ${M.factsJson}`, userId), (r) => ({
      id: r.id,
      threadId: r.thread_id,
      sentAt: r.sent_at,
      direction: r.direction,
      automated: Number(r.automated) === 1,
      facts: JSON.parse(str(r.facts_json)) as unknown,
    }));
    await section('threads', pages(db, T.$, T.userId, [T.threadId], `${T.threadId}, ${T.counterpart}, ${T.factsJson}`, userId), (r) => ({
      threadId: r.thread_id,
      counterpart: r.counterpart,
      facts: JSON.parse(str(r.facts_json)) as unknown,
    }));
    await section('promises', pages(db, P.$, P.userId, [P.id], '*', userId), ({ user_id: _u, ...r }) => r);
    await section('snippets', pages(db, S.$, S.userId, [S.messageId, S.ordinal], '*', userId), ({ user_id: _u, ...r }) => r);
    await section('evidence', pages(db, E.$, E.userId, [E.messageId], '*', userId), ({ user_id: _u, ...r }) => r);
    await section('counterparts', pages(db, CP.$, CP.userId, [CP.key], '*', userId), (r) => ({ key: r.key, name: r.name, cadenceDays: r.cadence_days, renewalDate: r.renewal_date, notes: r.notes }));
    await section('touchpoints', pages(db, TP.$, TP.userId, [TP.id], '*', userId), (r) => toStoredTouchpoint(r));
    // Verdict history, grouped by promise (the events are in promise order within a page).
    const history = new Map<string, unknown[]>();
    for await (const page of pages(db, VE.$, VE.userId, [VE.seq], '*', userId)) {
      for (const e of page) {
        const list = history.get(str(e.promise_id)) ?? [];
        list.push({ at: e.at, status: e.status ?? null, dueAt: e.due_at, snoozedUntil: e.snoozed_until });
        history.set(str(e.promise_id), list);
      }
    }
    await out.write(`,"verdicts":${JSON.stringify([...history].map(([promiseId, entries]) => ({ promiseId, history: entries })))}}`);
  });
});
