import type { InStatement, InValue, ResultSet, Row } from '@libsql/client';
import { getTableColumns, getTableName } from 'drizzle-orm';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { canWriteAhead } from '../db/write-ahead';

/**
 * Plain SQL for the hot paths (ingest, the thread summary), built from the drizzle table objects: names
 * come from the schema, so renaming a column or property fails to compile instead of failing at run
 * time. Plain SQL because @libsql/client prepares every statement it runs, and the read path is a handful
 * of statements whose fixed cost is most of a request (drizzle's query building and row mapping add as
 * much again for these one-row, indexed reads).
 */
export type Names<T extends SQLiteTable> = { readonly [K in keyof T['_']['columns']]: string } & { readonly $: string };

export function names<T extends SQLiteTable>(table: T): Names<T> {
  const out: Record<string, string> = { $: `"${getTableName(table)}"` };
  for (const [property, column] of Object.entries(getTableColumns(table))) out[property] = `"${column.name}"`;
  return out as Names<T>;
}

/**
 * An index of `table` by its schema name, quoted for `INDEXED BY`: where SQLite's planner picks a worse
 * index at real size, a read names the right one. Checked against the schema when the module loads, so a
 * renamed index fails at start (and in every test) rather than on the first request that uses it.
 */
export function indexNamed(table: SQLiteTable, name: string): string {
  if (!getTableConfig(table).indexes.some((index) => index.config.name === name)) {
    throw new Error(`no index ${name} on ${getTableName(table)} in the schema`);
  }
  return `"${name}"`;
}

/** A transaction or a client: what the store's write functions run statements on. */
export interface Executor {
  execute(stmt: InStatement): Promise<Pick<ResultSet, 'rows'>>;
  batch(stmts: InStatement[]): Promise<Pick<ResultSet, 'rows'>[]>;
  /** Present on the read connection (ReadExecutor.spread). */
  spread?(stmts: InStatement[]): Promise<Pick<ResultSet, 'rows'>[]>;
}

/**
 * Independent reads one request needs together, answered in order: spread over the reader threads where
 * the executor has them, so they run side by side; otherwise each as `execute` runs it.
 */
export async function readTogether<const S extends readonly InStatement[]>(db: Executor, stmts: S): Promise<{ [K in keyof S]: Pick<ResultSet, 'rows'> }> {
  const list = [...stmts];
  const results = db.spread ? await db.spread(list) : await Promise.all(list.map((stmt) => db.execute(stmt)));
  // One result per statement, in order (both paths answer so).
  return results as { [K in keyof S]: Pick<ResultSet, 'rows'> };
}

/**
 * SQLite allows 32,766 bound parameters per statement: 500 rows of our widest tables and 2,000 ids per
 * IN list stay well inside it. Fewer, larger statements because every statement is prepared anew.
 */
export const ROWS_PER_INSERT = 500;
export const IDS_PER_LIST = 2000;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Rows cut into statements of few distinct sizes: as many of `max` as fit, then the rest as powers of two
 * (300 rows: 256 + 32 + 8 + 4). SQLite prepares each text it is given, and the writer thread keeps what it
 * prepared by text (a 500-row insert costs as much to prepare as to run); cut at any length, nearly every slice
 * of an import sent texts of lengths not seen before, whole, to be prepared again. On the real-size bench's
 * ingest (100,000 messages) the writer prepared 9,000 times for 1.0-1.2 s, against 63 ms with the sizes fixed: 253
 * distinct texts in all, and 16,000 statements instead of 9,000. Alternated three times, the writer thread's CPU
 * per 1,000 messages fell from 150-157 ms to 137-146, the event loop's from 105-112 to 98-106.
 */
export function sizedChunks<T>(items: readonly T[], max: number): T[][] {
  const out: T[][] = [];
  let i = 0;
  for (; items.length - i >= max; i += max) out.push(items.slice(i, i + max));
  for (let size = 2 ** Math.floor(Math.log2(max)); i < items.length; size /= 2) {
    if (items.length - i < size) continue;
    out.push(items.slice(i, i + size));
    i += size;
  }
  return out;
}

/**
 * Values for IN lists, in lists of few distinct lengths: as many of `max` as fit, then one list padded with its
 * last value up to the next power of two (or to `max`). A repeated value changes nothing an IN list matches,
 * and the texts repeat, so the writer prepares each once (sizedChunks says why that matters).
 */
export function paddedLists<T>(values: readonly T[], max: number): T[][] {
  const out = chunks(values, max);
  const last = out.at(-1);
  if (last && last.length < max) {
    const length = Math.min(max, 2 ** Math.ceil(Math.log2(last.length)));
    while (last.length < length) last.push(last[last.length - 1]!);
  }
  return out;
}

export function placeholders(n: number): string {
  return new Array<string>(n).fill('?').join(',');
}

/**
 * Insert texts by shape (table, columns, tail, rows), at most INSERT_TEXTS of them: a full 500-row insert is
 * 8-17 kB of placeholders, built again for every slice of an import. Kept, the same string goes to the writer
 * thread each time, whose hash V8 keeps with it (the writer finds its number and its prepared statement by it).
 */
const INSERT_TEXTS = 512;
const insertTexts = new Map<string, string>();

function insertText(table: string, columns: readonly string[], rowCount: number, tail: string): string {
  const shape = `${rowCount} ${table} ${columns.join(', ')} ${tail}`;
  let sql = insertTexts.get(shape);
  if (sql === undefined) {
    sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${new Array<string>(rowCount).fill(`(${placeholders(columns.length)})`).join(',')} ${tail}`;
    // Lengths seen once or twice would push out the ones every slice uses: past the limit, start again.
    if (insertTexts.size >= INSERT_TEXTS) insertTexts.clear();
    insertTexts.set(shape, sql);
  }
  return sql;
}

/** `INSERT INTO table (columns) VALUES (...), (...) <tail>` in statements of at most ROWS_PER_INSERT rows. */
export function insertMany(table: string, columns: readonly string[], rows: readonly InValue[][], tail = ''): InStatement[] {
  const out: InStatement[] = [];
  for (const part of sizedChunks(rows, ROWS_PER_INSERT)) out.push({ sql: insertText(table, columns, part.length, tail), args: part.flat() });
  return out;
}

/**
 * `UPDATE table SET ... FROM (VALUES ...)`: many rows updated by key in one statement per
 * ROWS_PER_INSERT rows (an upsert cannot do it: the rows it would insert miss NOT NULL columns).
 * Each row is the key values followed by the set values, in the order given.
 */
export function updateMany(table: string, keys: readonly string[], sets: readonly string[], rows: readonly InValue[][]): { sql: string; args: InValue[] }[] {
  const width = keys.length + sets.length;
  const tuple = `(${placeholders(width)})`;
  const col = (i: number) => `v.column${i + 1}`;
  return sizedChunks(rows, ROWS_PER_INSERT).map((part) => ({
    sql: `UPDATE ${table} SET ${sets.map((c, i) => `${c} = ${col(keys.length + i)}`).join(', ')}
          FROM (VALUES ${new Array<string>(part.length).fill(tuple).join(',')}) AS v
          WHERE ${keys.map((k, i) => `${table}.${k} = ${col(i)}`).join(' AND ')}`,
    args: part.flat(),
  }));
}

/**
 * Updates by key that set only the columns whose value differs from the stored one, grouped into one
 * updateMany per set of changed columns. SQLite rewrites the entries of every index on a column that an
 * UPDATE sets, whether or not the value changed: new mail that extends a thread changes its facts and
 * its last contact, not its client, first message or derivation, and setting all of them rewrote the
 * thread's seven indexes each time (upserting 500 of a real-size mailbox's threads: 97 µs a row and a
 * 137 ms commit, against 69 µs and 87 ms setting only what changed).
 */
export function changedColumns(columns: readonly string[]) {
  const groups = new Map<string, { columns: string[]; rows: InValue[][] }>();
  return {
    /** The row `key` is stored with `stored` (in `columns` order) and should hold `next`. */
    add(key: readonly InValue[], stored: readonly InValue[], next: readonly InValue[]): void {
      const changed: number[] = [];
      for (let i = 0; i < columns.length; i++) if (!sameStoredValue(stored[i], next[i])) changed.push(i);
      if (changed.length === 0) return;
      const signature = changed.join(',');
      let group = groups.get(signature);
      if (!group) groups.set(signature, (group = { columns: changed.map((i) => columns[i]!), rows: [] }));
      group.rows.push([...key, ...changed.map((i) => next[i] ?? null)]);
    },
    statements(table: string, keys: readonly string[]): { sql: string; args: InValue[] }[] {
      return [...groups.values()].flatMap((group) => updateMany(table, keys, group.columns, group.rows));
    },
  };
}

/** Whether a stored value equals the one about to be written; anything but equal text or numbers counts as changed. */
function sameStoredValue(stored: InValue | undefined, next: InValue | undefined): boolean {
  if (stored === null || stored === undefined || next === null || next === undefined) return (stored ?? null) === (next ?? null);
  return (typeof next === 'string' || typeof next === 'number') && typeof stored === typeof next && stored === next;
}

/** Runs `<head> (?, ?, ...)` (a query ending in `IN`) over any number of values, the head's own args first. */
export async function selectIn(db: Executor, head: string, args: readonly InValue[], values: readonly InValue[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const part of paddedLists([...new Set(values)], IDS_PER_LIST)) {
    const result = await db.execute({ sql: `${head} (${placeholders(part.length)})`, args: [...args, ...part] });
    for (let i = 0; i < result.rows.length; i++) rows.push(result.rows[i]!);
  }
  return rows;
}

/** `DELETE ... WHERE <column> IN (...)` statements over any number of values. */
export function deleteIn(head: string, args: readonly InValue[], values: readonly InValue[]): { sql: string; args: InValue[] }[] {
  return paddedLists([...new Set(values)], IDS_PER_LIST).map((part) => ({ sql: `${head} (${placeholders(part.length)})`, args: [...args, ...part] }));
}

export const str = (value: unknown): string => String(value);
export const strOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/**
 * Runs a transaction's statements in order, as one batch: on an embedded file the writer thread runs them
 * in one message (writer-thread.ts), off the event loop, instead of a round trip each while the loop waits;
 * on a libSQL server they go in one request. The first that fails stops the rest.
 *
 * In a transaction that can write ahead (db/write-ahead.ts) they are sent and not waited for: a failure
 * surfaces at the transaction's next read, batch or commit, and nothing of the transaction is kept.
 */
export async function runAll(tx: Executor, stmts: readonly InStatement[]): Promise<void> {
  if (stmts.length === 0) return;
  if (canWriteAhead(tx)) tx.writeAhead([...stmts]);
  else await tx.batch([...stmts]);
}

/** Lets the event loop serve others between slices of long work (sockets, timers, other requests). */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Calls `yieldToLoop` once `budgetMs` of synchronous work has passed since the last yield. */
export function createYielder(budgetMs = 8): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await yieldToLoop();
    since = performance.now();
  };
}
