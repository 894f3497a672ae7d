import type { InValue } from '@libsql/client';
import { promiseRecordAt, type PromiseStatus, type SettledPromise } from '@followthrough/shared';
import type { PromiseView } from '@followthrough/shared/contract';
import type { VerdictStatus } from '@followthrough/shared';
import { promises, promiseVerdicts } from '../../db/schema/index';
import { indexNamed, names, str, strOrNull, type Executor } from '../sql';

const P = names(promises);
const V = names(promiseVerdicts);
const BY_STATE = indexNamed(promises, 'promises_counterpart_state_idx');
const BY_DUE = indexNamed(promises, 'promises_counterpart_due_idx');

export const KEPT_STATES = `('kept', 'kept-late', 'possibly-kept')`;
/** Promises kept by evidence later than some `now` (still open then): a short range at the end of kept_at. */
export const KEPT_AT_INDEX = indexNamed(promises, 'promises_kept_at_idx');

/**
 * Kept only by evidence later than `now`: open or overdue at `now` like a pending one (promiseStatusAt).
 * `alias` is the table's alias, or '' for none. Read through KEPT_AT_INDEX, it is a short range.
 */
export function keptAfter(now: string, alias = 'p'): string {
  const a = (c: string) => (alias ? `${alias}.${c}` : c);
  return `${a(P.keptAt)} > ${now} AND ${a(P.state)} IN ${KEPT_STATES}`;
}
/** The states a promise can be open in at some `now`: pending, or kept after that `now`. */
const LIVE_STATES = `('pending', 'kept', 'kept-late', 'possibly-kept')`;

/**
 * The SQL twin of promiseStatusAt (promise-status.ts), over the settled columns: a promise is open or
 * overdue while it is pending, or kept only by evidence after `now`; overdue once `now` is past
 * `overdue_after`. Each `?` is bound to `now` (ISO, UTC). The CLI-versus-server test compares every
 * promise's status both ways.
 */
export function statusCondition(status: PromiseStatus, alias = 'p'): { sql: string; nows: number } {
  const a = (c: string) => `${alias}.${c}`;
  const pendingLike = `(${a(P.state)} = 'pending' OR (${keptAfter('?', alias)}))`;
  switch (status) {
    case 'open':
      return { sql: `${pendingLike} AND ${a(P.overdueAfter)} >= ?`, nows: 2 };
    case 'overdue':
      return { sql: `${pendingLike} AND ${a(P.overdueAfter)} < ?`, nows: 2 };
    case 'kept':
    case 'kept-late':
    case 'possibly-kept':
      return { sql: `${a(P.state)} = '${status}' AND ${a(P.keptAt)} <= ?`, nows: 1 };
    case 'done':
    case 'dismissed':
      return { sql: `${a(P.state)} = '${status}'`, nows: 0 };
  }
}

/** Open or overdue at `now` (`now` is the placeholder bound to now: '?' or a numbered one). */
export function liveCondition(alias = 'p', now = '?'): string {
  const a = (c: string) => `${alias}.${c}`;
  // Said as one IN over the states (then the pending-or-not-yet-kept test) so that SQLite ranges over
  // promises_state_idx per state; the plain OR made it walk every promise of the user (9 -> 5 ms counting a
  // 100,000-message mailbox's reminders).
  return `(${a(P.state)} IN ${LIVE_STATES} AND (${a(P.state)} = 'pending' OR ${a(P.keptAt)} > ${now}))`;
}

/** The columns promiseView reads, from `promises p LEFT JOIN promise_verdicts v`. */
export const PROMISE_VIEW_COLUMNS = [P.id, P.messageId, P.threadId, P.counterpart, P.text, P.madeAt, P.dueText, P.dueIsDefault, P.dueAt, P.originalDueAt, P.state, P.keptBy, P.keptAt, P.keptQuote, P.slipBy, P.slipAt, P.slipQuote, P.snoozedUntil, P.overdueAfter]
  .map((c) => `p.${c}`)
  .concat([`v.${V.status} AS v_status`, `v.${V.dueAt} AS v_due_at`, `v.${V.snoozedUntil} AS v_snoozed_until`, `v.${V.updatedAt} AS v_updated_at`])
  .join(', ');

/** The user's verdict on promise row `p`, as `v` (PROMISE_VIEW_COLUMNS reads it): after `FROM <promises or a subquery> p`. */
export const VERDICT_JOIN = `LEFT JOIN ${V.$} v ON v.${V.userId} = p.${P.userId} AND v.${V.promiseId} = p.${P.id}`;

export const PROMISE_VIEW_FROM = `${P.$} p ${VERDICT_JOIN}`;

/** The same columns as one JSON object per row, for statements that return lists inside a single row. */
export const PROMISE_VIEW_JSON = `json_object(${[P.id, P.messageId, P.threadId, P.counterpart, P.text, P.madeAt, P.dueText, P.dueIsDefault, P.dueAt, P.originalDueAt, P.state, P.keptBy, P.keptAt, P.keptQuote, P.slipBy, P.slipAt, P.slipQuote, P.snoozedUntil, P.overdueAfter]
  .map((c) => `'${c.replaceAll('"', '')}', p.${c}`)
  .join(', ')}, 'v_status', v.${V.status}, 'v_due_at', v.${V.dueAt}, 'v_snoozed_until', v.${V.snoozedUntil}, 'v_updated_at', v.${V.updatedAt})`;

function settledOf(r: Record<string, unknown>): SettledPromise {
  const slipBy = strOrNull(r.slip_by);
  const settled: SettledPromise = {
    id: str(r.id),
    messageId: str(r.message_id),
    threadId: str(r.thread_id),
    counterpart: strOrNull(r.counterpart),
    text: str(r.text),
    madeAt: str(r.made_at),
    dueAt: str(r.due_at),
    dueIsDefault: Number(r.due_is_default) === 1,
    originalDueAt: strOrNull(r.original_due_at),
    state: str(r.state) as SettledPromise['state'],
    keptBy: strOrNull(r.kept_by),
    keptAt: strOrNull(r.kept_at),
    evidence: strOrNull(r.kept_quote),
    slip: slipBy === null ? null : { by: slipBy, at: str(r.slip_at), quote: strOrNull(r.slip_quote) },
    snoozedUntil: strOrNull(r.snoozed_until),
    overdueAfter: str(r.overdue_after),
  };
  if (r.due_text !== null && r.due_text !== undefined) settled.dueText = str(r.due_text);
  return settled;
}

/** A stored promise row as the API shows it: status at `now`, with the user's verdict. */
export function promiseView(r: Record<string, unknown>, now: string): PromiseView {
  const verdict: PromiseView['verdict'] =
    r.v_updated_at === null || r.v_updated_at === undefined
      ? null
      : {
          status: (strOrNull(r.v_status) as VerdictStatus | null) ?? null,
          dueAt: strOrNull(r.v_due_at),
          snoozedUntil: strOrNull(r.v_snoozed_until),
          updatedAt: str(r.v_updated_at),
        };
  // The fresh record is given its verdict, not spread into a new object: a spread followed by a new property
  // copies the record through the runtime on Node 20 (about 2 µs a property here; shared health.ts), per promise shown.
  return Object.assign(promiseRecordAt(settledOf(r), now), { verdict });
}

/** Opaque page cursors: the sort key of the last row of the previous page. */
export function encodeCursor(value: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined, width: number): (string | number)[] | null {
  if (cursor === undefined) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === width && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value;
  } catch {
    // fall through
  }
  throw new Error('cursor: not a cursor this list gave out');
}

export interface PromiseListQuery {
  status?: PromiseStatus;
  /** Only promises that are (true) or are not (false) open or overdue at `now`. */
  live?: boolean;
  /** Soonest due first (default) or latest due first. */
  order?: 'due' | '-due';
  counterpart?: string;
  threadId?: string;
  dueBefore?: string;
  limit: number;
  cursor?: string;
}

/** A page of promises, soonest (or latest) due first, then by id, with the cursor of the next page. */
export async function listPromises(db: Executor, userId: string, query: PromiseListQuery, now: string): Promise<{ promises: PromiseView[]; nextCursor: string | null }> {
  const where: string[] = [`p.${P.userId} = ?`];
  const args: InValue[] = [userId];
  if (query.status) {
    const condition = statusCondition(query.status);
    where.push(condition.sql);
    for (let i = 0; i < condition.nows; i++) args.push(now);
  }
  if (query.live !== undefined) {
    where.push(query.live ? liveCondition() : `NOT ${liveCondition()}`);
    args.push(now);
  }
  if (query.counterpart) {
    where.push(`p.${P.counterpart} = ?`);
    args.push(query.counterpart);
  }
  if (query.threadId) {
    where.push(`p.${P.threadId} = ?`);
    args.push(query.threadId);
  }
  if (query.dueBefore) {
    where.push(`p.${P.dueAt} < ?`);
    args.push(query.dueBefore);
  }
  const descending = query.order === '-due';
  const after = decodeCursor(query.cursor, 2);
  if (after) {
    const beyond = descending ? '<' : '>';
    where.push(`(p.${P.dueAt} ${beyond} ? OR (p.${P.dueAt} = ? AND p.${P.id} > ?))`);
    args.push(after[0]!, after[0]!, after[1]!);
  }
  // One client's list: a status is a few ranges of its states (then sorted); anything else walks its
  // promises in due order and stops at the page (the key client's settled ones are most of its history:
  // 3.9 -> 0.3 ms). SQLite's planner picks the due order for both once it can, so each is named.
  const index = !query.counterpart ? '' : query.status ? `INDEXED BY ${BY_STATE}` : `INDEXED BY ${BY_DUE}`;
  const result = await db.execute({
    sql: `SELECT ${PROMISE_VIEW_COLUMNS} FROM ${P.$} p ${index} ${VERDICT_JOIN}
          WHERE ${where.join(' AND ')} ORDER BY p.${P.dueAt} ${descending ? 'DESC' : ''}, p.${P.id} LIMIT ?`,
    args: [...args, query.limit + 1],
  });
  const rows = result.rows.slice(0, query.limit);
  const last = rows[rows.length - 1];
  return {
    promises: rows.map((r) => promiseView(r, now)),
    nextCursor: result.rows.length > query.limit && last ? encodeCursor([str(last.due_at), str(last.id)]) : null,
  };
}
