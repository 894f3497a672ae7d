import { and, asc, eq } from 'drizzle-orm';
import type { AnalysisSettings, PromiseVerdict } from '@followthrough/shared';
import type { PromiseView } from '@followthrough/shared/contract';
import type { VerdictStatus } from '@followthrough/shared';
import type { Database, Db } from '../db/client';
import { promises, promiseVerdictEvents, promiseVerdicts } from '../db/schema/index';
import { settingsHash } from './analysis-writer';
import { resettle } from './fulfilment-store';
import { names, createYielder } from './sql';
import { inWriteTransaction } from './write-transaction';
import { PROMISE_VIEW_COLUMNS, PROMISE_VIEW_FROM, promiseView } from './read/promise-reads';

const P = names(promises);

/** One promise as the API shows it at `now`; null when the user has no such promise. */
export async function readPromise(database: Database, userId: string, id: string, now: string): Promise<PromiseView | null> {
  const result = await database.client.execute({ sql: `SELECT ${PROMISE_VIEW_COLUMNS} FROM ${PROMISE_VIEW_FROM} WHERE p.${P.userId} = ? AND p.${P.id} = ?`, args: [userId, id] });
  const row = result.rows[0];
  return row ? promiseView(row, now) : null;
}

/**
 * Records the user's verdict (what the read path uses, and an audit row) and settles the promise again
 * with it, in one transaction. False when the user has no such promise.
 */
export async function setVerdict(database: Database, userId: string, id: string, verdict: Required<Pick<PromiseVerdict, 'status'>> & PromiseVerdict, settings: AnalysisSettings, now: Date): Promise<boolean> {
  return inWriteTransaction(database, async (tx) => {
    const found = await tx.execute({ sql: `SELECT 1 FROM ${P.$} WHERE ${P.userId} = ? AND ${P.id} = ?`, args: [userId, id] });
    if (found.rows.length === 0) return false;
    const at = now.toISOString();
    const V = names(promiseVerdicts);
    // A snooze the request leaves out is kept (changing the due date used to clear it silently); null clears
    // it. A due date left out goes back to the detected one (reopening lets the analysis decide again).
    const before = (await tx.execute({ sql: `SELECT ${V.snoozedUntil} AS snoozed_until FROM ${V.$} WHERE ${V.userId} = ? AND ${V.promiseId} = ?`, args: [userId, id] })).rows[0];
    const iso = (value: string) => new Date(value).toISOString();
    const values = [
      verdict.status,
      verdict.dueAt !== undefined ? iso(verdict.dueAt) : null,
      verdict.snoozedUntil !== undefined ? (verdict.snoozedUntil ? iso(verdict.snoozedUntil) : null) : ((before?.snoozed_until as string | null | undefined) ?? null),
    ];
    const E = names(promiseVerdictEvents);
    await tx.batch([
      {
        sql: `INSERT INTO ${V.$} (${V.userId}, ${V.promiseId}, ${V.status}, ${V.dueAt}, ${V.snoozedUntil}, ${V.updatedAt}) VALUES (?, ?, ?, ?, ?, ?)
              ON CONFLICT (${V.userId}, ${V.promiseId}) DO UPDATE SET ${V.status} = excluded.${V.status}, ${V.dueAt} = excluded.${V.dueAt},
                ${V.snoozedUntil} = excluded.${V.snoozedUntil}, ${V.updatedAt} = excluded.${V.updatedAt}`,
        args: [userId, id, ...values, at],
      },
      { sql: `INSERT INTO ${E.$} (${E.userId}, ${E.promiseId}, ${E.status}, ${E.dueAt}, ${E.snoozedUntil}, ${E.at}) VALUES (?, ?, ?, ?, ?, ?)`, args: [userId, id, ...values, at] },
    ]);
    await resettle({ tx, userId, settings, hash: settingsHash(settings), breathe: createYielder() }, [id]);
    return true;
  });
}

export async function verdictHistory(db: Db, userId: string, promiseId: string) {
  const rows = await db
    .select()
    .from(promiseVerdictEvents)
    .where(and(eq(promiseVerdictEvents.userId, userId), eq(promiseVerdictEvents.promiseId, promiseId)))
    .orderBy(asc(promiseVerdictEvents.seq))
    .all();
  return rows.map((r) => ({
    at: r.at,
    status: (r.status as VerdictStatus | null) ?? null,
    dueAt: r.dueAt,
    snoozedUntil: r.snoozedUntil,
  }));
}
