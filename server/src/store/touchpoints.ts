import type { InValue } from '@libsql/client';
import type { AnalysisSettings, Review, Touchpoint } from '@followthrough/shared';
import type { StoredTouchpoint } from '@followthrough/shared/contract';
import type { Database } from '../db/client';
import { touchpoints } from '../db/schema/index';
import { settingsHash, type AnalysisContext } from './analysis-writer';
import { promisesUsing, touchpointEvidence, updateFulfilment } from './fulfilment-store';
import { createYielder, names, str, type Executor } from './sql';
import { decodeCursor, encodeCursor } from './read/promise-reads';
import { inWriteTransaction } from './write-transaction';

const TP = names(touchpoints);
const COLUMNS = [TP.id, TP.counterpart, TP.kind, TP.at, TP.summary, TP.department, TP.threadId, TP.createdAt, TP.reviewJson];

export function toStoredTouchpoint(r: Record<string, unknown>): StoredTouchpoint {
  return {
    id: str(r.id),
    counterpart: str(r.counterpart),
    kind: str(r.kind) as StoredTouchpoint['kind'],
    at: str(r.at),
    ...(r.summary !== null && r.summary !== undefined ? { summary: str(r.summary) } : {}),
    ...(r.department !== null && r.department !== undefined ? { department: str(r.department) as NonNullable<StoredTouchpoint['department']> } : {}),
    ...(r.thread_id !== null && r.thread_id !== undefined ? { threadId: str(r.thread_id) } : {}),
    ...(r.review_json !== null && r.review_json !== undefined ? { review: JSON.parse(str(r.review_json)) as Review } : {}),
    createdAt: str(r.created_at),
  };
}

async function inTransaction<T>(database: Database, userId: string, settings: AnalysisSettings, work: (ctx: AnalysisContext) => Promise<T>): Promise<T> {
  return inWriteTransaction(database, (tx) => work({ tx, userId, settings, hash: settingsHash(settings), breathe: createYielder() }));
}

/**
 * Logs a touchpoint, idempotent by its client-made id (a retried offline write changes nothing), and
 * folds it into the fulfilment of the client's promises it may keep (a logged call that was promised).
 */
export async function addTouchpoint(database: Database, userId: string, input: Touchpoint, settings: AnalysisSettings, now: Date): Promise<{ touchpoint: StoredTouchpoint; created: boolean }> {
  return inTransaction(database, userId, settings, async (ctx) => {
    const review = input.kind === 'review' && input.review ? JSON.stringify(input.review) : null;
    const values: InValue[] = [input.id, input.counterpart.trim().toLowerCase(), input.kind, new Date(input.at).toISOString(), input.summary ?? null, input.department ?? null, input.threadId ?? null, now.toISOString(), review];
    const inserted = await ctx.tx.execute({
      sql: `INSERT INTO ${TP.$} (${TP.userId}, ${COLUMNS.join(', ')}) VALUES (?, ${COLUMNS.map(() => '?').join(', ')}) ON CONFLICT DO NOTHING RETURNING ${COLUMNS.join(', ')}`,
      args: [userId, ...values],
    });
    const row =
      inserted.rows[0] ??
      (await ctx.tx.execute({ sql: `SELECT ${COLUMNS.join(', ')} FROM ${TP.$} WHERE ${TP.userId} = ? AND ${TP.id} = ?`, args: [userId, input.id] })).rows[0];
    if (!row) throw new Error('touchpoint vanished after insert');
    if (inserted.rows.length > 0) await updateFulfilment(ctx, { newEvidence: [touchpointEvidence(row)] });
    return { touchpoint: toStoredTouchpoint(row), created: inserted.rows.length > 0 };
  });
}

/** Deletes a touchpoint; promises it kept (or postponed) are folded again without it. False when there was none. */
export async function deleteTouchpoint(database: Database, userId: string, id: string, settings: AnalysisSettings): Promise<boolean> {
  return inTransaction(database, userId, settings, async (ctx) => {
    const deleted = await ctx.tx.execute({ sql: `DELETE FROM ${TP.$} WHERE ${TP.userId} = ? AND ${TP.id} = ? RETURNING ${TP.id}`, args: [userId, id] });
    if (deleted.rows.length === 0) return false;
    const affected = await promisesUsing(ctx.tx, userId, [id]);
    if (affected.length > 0) await updateFulfilment(ctx, { refold: affected });
    return true;
  });
}

/** A page of touchpoints, newest first, and how many there are in all. */
export async function listTouchpoints(
  db: Executor,
  userId: string,
  query: { counterpart?: string; limit: number; cursor?: string },
): Promise<{ touchpoints: StoredTouchpoint[]; nextCursor: string | null; total: number }> {
  const where = [`${TP.userId} = ?`];
  const args: InValue[] = [userId];
  if (query.counterpart) {
    where.push(`${TP.counterpart} = ?`);
    args.push(query.counterpart.toLowerCase());
  }
  const countArgs = [...args];
  const after = decodeCursor(query.cursor, 2);
  if (after) {
    where.push(`(${TP.at} < ? OR (${TP.at} = ? AND ${TP.id} > ?))`);
    args.push(after[0]!, after[0]!, after[1]!);
  }
  const [rows, count] = await Promise.all([
    db.execute({ sql: `SELECT ${COLUMNS.join(', ')} FROM ${TP.$} WHERE ${where.join(' AND ')} ORDER BY ${TP.at} DESC, ${TP.id} LIMIT ?`, args: [...args, query.limit + 1] }),
    db.execute({ sql: `SELECT count(*) AS n FROM ${TP.$} WHERE ${where.slice(0, countArgs.length).join(' AND ')}`, args: countArgs }),
  ]);
  const page = rows.rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    touchpoints: page.map(toStoredTouchpoint),
    nextCursor: rows.rows.length > query.limit && last ? encodeCursor([str(last.at), str(last.id)]) : null,
    total: Number(count.rows[0]?.n ?? 0),
  };
}

