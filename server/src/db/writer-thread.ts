import { Worker } from 'node:worker_threads';
import { LibsqlBatchError, LibsqlError, type Client, type InArgs, type InStatement, type InValue, type ResultSet, type Row, type Transaction, type TransactionMode } from '@libsql/client';
import { createStatementNumbers, type NumberedStatementText } from './statement-numbers';
import type { WriteAheadTransaction } from './write-ahead';

/**
 * Statement texts numbered for the thread (statement-numbers.ts): the first come keep their numbers, any beyond
 * go whole. Multi-row statements come in a few fixed sizes (sizedChunks and paddedLists in store/sql.ts), so an
 * ingest of the real-size bench's mailbox uses 253 distinct texts in all. Texts are at most about 17 kB (a 500-row
 * insert of the widest table) and most are far shorter, so the two maps stay within a few MB.
 */
const NUMBERED_TEXTS = 512;

/**
 * The writer connection of an embedded database file, on a thread of its own (writer-worker.mjs).
 *
 * The file driver runs every statement synchronously on the thread that calls it. On the event loop,
 * an import's statements and commits held it for up to 100-360 ms at real size (a slice of 500
 * messages: its multi-row inserts, the thread rows, the commit writing their pages), and every other
 * request waited that long. On this thread they hold only the thread; the event loop sends a statement
 * and serves others until the answer comes back. Statements stay prepared between calls (the
 * driver would prepare each one again, and ingest's 500-row inserts cost as much to prepare as to run).
 *
 * It speaks @libsql/client's `Client` (drizzle and the store use that): results, rows readable by
 * index and by column name, `LibsqlError` / `LibsqlBatchError` with the SQLite codes. It has one
 * connection and no queue of its own: createSerializedClient puts callers in turns, so nothing runs
 * between a transaction's statements but its own.
 */
export async function createWriterThreadClient(path: string, timeoutMs: number, options: { numberedTexts?: number } = {}): Promise<Client> {
  // execArgv: [] because a thread would repeat the process's --import preloads, and a TypeScript one fails
  // without the process's loader (test/db/threads-start.test.ts).
  const thread = new Worker(new URL('./writer-worker.mjs', import.meta.url), { workerData: { path, timeoutMs }, execArgv: [] });
  type Answer = { id: number; ok: boolean; result?: unknown; error?: ThreadError };
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let closed = false;
  let failure: Error | null = null;

  const opened = new Promise<void>((resolve, reject) => {
    thread.once('message', (answer: Answer) => (answer.ok ? resolve() : reject(toError(answer.error!))));
    thread.once('error', reject);
  });
  thread.on('message', (answer: Answer) => {
    const pending = waiting.get(answer.id);
    if (!pending) return;
    waiting.delete(answer.id);
    // Only a thread with work outstanding keeps the process alive (a CLI import awaits its answers).
    if (waiting.size === 0) thread.unref();
    if (answer.ok) pending.resolve(answer.result);
    else pending.reject(toError(answer.error!));
  });
  const fail = (error: Error) => {
    failure = new LibsqlError(`the database writer thread stopped: ${error.message}`, 'CLIENT_CLOSED', undefined, undefined, error);
    for (const { reject } of waiting.values()) reject(failure);
    waiting.clear();
  };
  thread.on('error', fail);
  thread.on('exit', (code) => {
    if (!closed) fail(new Error(`exit code ${code}`));
  });
  await opened;
  thread.unref();

  function ask<T>(request: Record<string, unknown>): Promise<T> {
    if (failure) return Promise.reject(failure);
    if (closed) return Promise.reject(new LibsqlError('The client is closed', 'CLIENT_CLOSED'));
    const id = nextId++;
    if (waiting.size === 0) thread.ref();
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      thread.postMessage({ id, ...request });
    });
  }

  // The thread is never restarted (a failure ends the client), so what it was sent it keeps.
  const numbers = createStatementNumbers(options.numberedTexts ?? NUMBERED_TEXTS);
  const knownTexts = new Set<number>();
  const posted = (stmt: InStatement): PostedStatement => {
    const { sql, ...rest } = packed(typeof stmt === 'string' ? { sql: stmt, args: [] } : stmt);
    return { ...numbers.posted(sql, knownTexts), ...rest };
  };
  const statementOf = (stmtOrSql: InStatement | string, args?: InArgs): PostedStatement => posted(typeof stmtOrSql === 'string' ? { sql: stmtOrSql, args: args ?? [] } : stmtOrSql);
  const normalize = (stmts: (InStatement | [string, InArgs?])[]): PostedStatement[] => stmts.map((s) => posted(Array.isArray(s) ? { sql: s[0], args: s[1] ?? [] } : s));

  const client: Client = {
    execute: (async (stmtOrSql: InStatement | string, args?: InArgs) => toResultSet(await ask<ThreadResult>({ op: 'execute', stmt: statementOf(stmtOrSql, args) }))) as Client['execute'],
    batch: async (stmts, mode = 'deferred') => (await ask<ThreadResult[]>({ op: 'batch', stmts: normalize(stmts), mode })).map(toResultSet),
    migrate: async (stmts) => (await ask<ThreadResult[]>({ op: 'migrate', stmts })).map(toResultSet),
    transaction: async (mode: TransactionMode = 'write') => {
      await ask({ op: 'begin', mode });
      let open = true;
      // The first failure of a batch written ahead: what every later request of the transaction fails with.
      let failedAhead: Error | null = null;
      const settle = () => {
        open = false;
      };
      const usable = () => (open ? null : Promise.reject(new LibsqlError('The transaction is closed', 'TRANSACTION_CLOSED')));
      // A request the thread refused because a write ahead failed answers with that write's own error.
      const inTransaction = <T>(request: Record<string, unknown>): Promise<T> =>
        ask<T>(request).catch((error: unknown) => {
          throw failedAhead ?? error;
        });
      const tx: WriteAheadTransaction = {
        execute: (async (stmtOrSql: InStatement | string, args?: InArgs) => usable() ?? toResultSet(await inTransaction<ThreadResult>({ op: 'execute', stmt: statementOf(stmtOrSql, args) }))) as Transaction['execute'],
        // One message for all of them: the thread runs them in order and stops at the first that fails.
        batch: async (stmts) => usable() ?? (await inTransaction<ThreadResult[]>({ op: 'batchInTransaction', stmts: normalize(stmts) })).map(toResultSet),
        writeAhead: (stmts) => {
          if (!open) throw new LibsqlError('The transaction is closed', 'TRANSACTION_CLOSED');
          if (failedAhead) throw failedAhead;
          ask({ op: 'batchAhead', stmts: normalize(stmts) }).catch((error: Error) => {
            failedAhead ??= error;
          });
        },
        executeMultiple: async (sql) => {
          await (usable() ?? inTransaction({ op: 'executeMultiple', sql }));
        },
        commit: async () => {
          if (!open) return usable()!;
          try {
            await inTransaction({ op: 'commit' });
          } finally {
            settle();
          }
        },
        rollback: async () => {
          if (!open) return;
          try {
            await ask({ op: 'rollback' });
          } finally {
            settle();
          }
        },
        close: () => {
          if (!open) return;
          settle();
          // Requests run in order: whatever is asked next runs after this rollback.
          void ask({ op: 'rollback' }).catch(() => {});
        },
        get closed() {
          return !open;
        },
      };
      return tx;
    },
    executeMultiple: async (sql) => {
      await ask({ op: 'executeMultiple', sql });
    },
    sync: () => Promise.reject(new LibsqlError('sync() is for embedded replicas, which this client is not', 'SYNC_NOT_SUPPORTED')),
    reconnect: () => Promise.reject(new LibsqlError('reconnect() is not supported by the writer thread', 'RECONNECT_NOT_SUPPORTED')),
    close: () => {
      if (closed) return;
      // Returns once the thread has run everything asked before and closed its connection, as @libsql/client's
      // synchronous close did: a command that closes the database and exits has written all it was asked.
      const closedFlag = new SharedArrayBuffer(4);
      const done = ask({ op: 'close', closedFlag }).catch(() => {});
      closed = true;
      if (!failure) Atomics.wait(new Int32Array(closedFlag), 0, 0, CLOSE_WAIT_MS);
      void done.finally(() => void thread.terminate());
    },
    get closed() {
      return closed;
    },
    protocol: 'file',
  };
  return client;
}

/**
 * A statement whose arguments travel to the thread as one JSON text (writer-worker.mjs parses it), but for
 * the long strings among them, which travel as they are and go back in their places (`longAt`).
 */
interface PackedStatement {
  sql: string;
  argsJson: string;
  long?: string[];
  longAt?: number[];
}

/**
 * Arguments from this many on are sent as JSON text when they are all strings, finite numbers or null
 * (JSON carries those exactly). Ingest's multi-row inserts carry thousands of small values each, which
 * postMessage copies one by one; as one text they cost less on both threads: importing 30,000 messages
 * took 454-471 ms of process CPU per 1,000 against 509-513 value by value, alternated on one machine.
 * A short list is cheaper copied as it is.
 */
const PACK_FROM = 64;

/**
 * Strings from this length on stay out of the JSON text. Most of the bytes ingest sends are such strings,
 * JSON themselves (a message's facts, a thread's facts, an aggregate: about 2.5 MB per 1,000 real-size
 * messages), full of quotes that JSON.stringify escaped here and JSON.parse unescaped there; postMessage
 * copies a string as it is. Importing 20,000 real-size messages, alternated three times: 157-164 ms per
 * 1,000 on the event loop and 158-164 on this thread, against 169-175 and 168-171 with them in the text
 * (and 160-170 / 163-173 with every argument copied by postMessage, none in a text).
 */
const LONG_STRING = 128;

/** A statement as posted to the thread: its text or the text's number, and its arguments as they are or packed. */
type PostedStatement = NumberedStatementText & ({ args?: InArgs } | Omit<PackedStatement, 'sql'>);

function packed(stmt: Exclude<InStatement, string>): { sql: string; args?: InArgs } | PackedStatement {
  const args = stmt.args;
  if (!Array.isArray(args) || args.length < PACK_FROM) return stmt;
  let short: InValue[] | undefined;
  const long: string[] = [];
  const longAt: number[] = [];
  for (let i = 0; i < args.length; i++) {
    const value = args[i];
    if (value === null) continue;
    if (typeof value === 'string') {
      if (value.length < LONG_STRING) continue;
      short ??= args.slice();
      short[i] = null;
      long.push(value);
      longAt.push(i);
      continue;
    }
    if (typeof value === 'number' && Number.isFinite(value)) continue;
    return stmt;
  }
  const sql = stmt.sql;
  return long.length === 0 ? { sql, argsJson: JSON.stringify(args) } : { sql, argsJson: JSON.stringify(short), long, longAt };
}

/** The longest close() waits for the thread to finish what it was asked before and close the file. */
const CLOSE_WAIT_MS = 10_000;

interface ThreadError {
  message: string;
  name?: string;
  extendedCode?: string;
  rawCode?: number;
  statementIndex?: number;
  transactionClosed?: boolean;
  /** Refused because a write sent ahead failed earlier in the transaction (writer-worker.mjs). */
  abandoned?: boolean;
  sqlite?: boolean;
}

interface ThreadResult {
  columns: string[];
  columnTypes: string[];
  rows: unknown[][];
  rowsAffected: number;
  lastInsertRowid: bigint | undefined;
}

/** SQLite's primary result codes by number: an extended code's primary code is its low byte. */
const PRIMARY_CODES: Record<number, string> = {
  1: 'SQLITE_ERROR', 2: 'SQLITE_INTERNAL', 3: 'SQLITE_PERM', 4: 'SQLITE_ABORT', 5: 'SQLITE_BUSY', 6: 'SQLITE_LOCKED',
  7: 'SQLITE_NOMEM', 8: 'SQLITE_READONLY', 9: 'SQLITE_INTERRUPT', 10: 'SQLITE_IOERR', 11: 'SQLITE_CORRUPT',
  12: 'SQLITE_NOTFOUND', 13: 'SQLITE_FULL', 14: 'SQLITE_CANTOPEN', 15: 'SQLITE_PROTOCOL', 16: 'SQLITE_EMPTY',
  17: 'SQLITE_SCHEMA', 18: 'SQLITE_TOOBIG', 19: 'SQLITE_CONSTRAINT', 20: 'SQLITE_MISMATCH', 21: 'SQLITE_MISUSE',
  22: 'SQLITE_NOLFS', 23: 'SQLITE_AUTH', 24: 'SQLITE_FORMAT', 25: 'SQLITE_RANGE', 26: 'SQLITE_NOTADB',
  27: 'SQLITE_NOTICE', 28: 'SQLITE_WARNING',
};

/** The error @libsql/client would have thrown for what failed on the thread. */
function toError(error: ThreadError): Error {
  if (error.transactionClosed) return new LibsqlBatchError(error.message, error.statementIndex ?? 0, 'TRANSACTION_CLOSED');
  // Normally replaced by the failed write's own error (the transaction's `inTransaction`); a database error either way.
  if (error.abandoned) return new LibsqlError(error.message, 'TRANSACTION_CLOSED');
  if (!error.sqlite) {
    const plain = error.name === 'RangeError' ? new RangeError(error.message) : error.name === 'TypeError' ? new TypeError(error.message) : new Error(error.message);
    return plain;
  }
  const code = error.rawCode === undefined ? 'SQLITE_UNKNOWN' : (PRIMARY_CODES[error.rawCode & 0xff] ?? `SQLITE_UNKNOWN_${error.rawCode & 0xff}`);
  return error.statementIndex === undefined
    ? new LibsqlError(error.message, code, error.extendedCode, error.rawCode)
    : new LibsqlBatchError(error.message, error.statementIndex, code, error.extendedCode, error.rawCode);
}

function toResultSet(result: ThreadResult): ResultSet {
  const rows = toRows(result.rows, result.columns);
  return {
    columns: result.columns,
    columnTypes: result.columnTypes,
    rows,
    rowsAffected: result.rowsAffected,
    lastInsertRowid: result.lastInsertRowid,
    toJSON: () => ({ columns: result.columns, columnTypes: result.columnTypes, rows: result.rows, rowsAffected: result.rowsAffected, lastInsertRowid: result.lastInsertRowid?.toString() ?? null }),
  };
}

/**
 * Rows as @libsql/client makes them: values by column name (enumerable, the first of a repeated name) and
 * by index (not enumerable), and a length. The index and length come from one prototype per result, read
 * through the names, instead of a defineProperty per value of every row: ingest reads about two million
 * values per 100,000 messages, and defining them was the event loop's largest single cost after GC.
 */
function toRows(rows: unknown[][], columns: string[]): Row[] {
  // A name that is also an index or the length would hide the prototype's; such a result, like one that
  // repeats a name, is made row by row.
  if (new Set(columns).size !== columns.length || columns.some((c) => c === 'length' || /^\d+$/.test(c))) return rows.map((values) => toRow(values, columns));
  const shared: object = {};
  Object.defineProperty(shared, 'length', { value: columns.length });
  columns.forEach((column, i) =>
    Object.defineProperty(shared, i, {
      get(this: Record<string, unknown>) {
        return this[column];
      },
    }),
  );
  return rows.map((values) => {
    const row = Object.create(shared) as Record<string, unknown>;
    for (let i = 0; i < values.length; i++) row[columns[i]!] = values[i];
    return row as unknown as Row;
  });
}

/** One row with its values by index defined on it (see toRows). */
function toRow(values: unknown[], columns: string[]): Row {
  const row: Record<string | number, unknown> = {};
  Object.defineProperty(row, 'length', { value: values.length });
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    Object.defineProperty(row, i, { value });
    const column = columns[i]!;
    if (!Object.hasOwn(row, column)) row[column] = value;
  }
  return row as unknown as Row;
}
