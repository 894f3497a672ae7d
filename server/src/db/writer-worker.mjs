// The writer thread (writer-thread.ts): the one connection that writes to an embedded database file.
// Requests arrive in order and are run in order, each synchronously on this thread; the answer goes
// back with the request's id. Plain JavaScript so the thread needs no TypeScript loader to start.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'libsql';
import { createStatementCache } from './statement-cache.mjs';
import { createNumberedTexts } from './numbered-texts.mjs';
import { nameThisThread, THREAD_NAMES } from '../thread-name.mjs';

nameThisThread(THREAD_NAMES.writer);

/**
 * Prepared statements kept: ingest's statements have a few dozen shapes, each in a few sizes (sizedChunks in
 * store/sql.ts), 253 distinct texts over the real-size bench's ingest.
 */
const CACHE_SIZE = 512;
const MIN_INTEGER = -9223372036854775808n;
const MAX_INTEGER = 9223372036854775807n;
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

let db;
try {
  db = new Database(workerData.path, { timeout: workerData.timeoutMs });
  db.prepare('SELECT 1 AS checkThatTheDatabaseCanBeOpened').get();
  parentPort.postMessage({ id: 0, ok: true });
} catch (error) {
  parentPort.postMessage({ id: 0, ok: false, error: describeError(error) });
  process.exit(0);
}

const statements = createStatementCache(db, CACHE_SIZE, (stmt) => {
  // Integers as bigint, then checked into numbers (toRow): @libsql/client's "number" mode.
  stmt.safeIntegers(true);
  if (stmt.reader) stmt.raw(true);
});
const prepared = (sql) => statements.prepared(sql);
const texts = createNumberedTexts();

/**
 * The statements of a request with their texts, numbered ones looked up (writer-thread.ts). Every text of a
 * batch is taken in before any statement runs: one that a failure leaves unrun was still sent, and the event
 * loop sends only its number next time.
 */
function withTexts(stmts) {
  for (const stmt of stmts) if (typeof stmt !== 'string') stmt.sql = texts.textOf(stmt);
  return stmts;
}

/** An argument as @libsql/client passes it to the driver. */
function toSql(value) {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments');
    return value;
  }
  if (typeof value === 'bigint') {
    if (value < MIN_INTEGER || value > MAX_INTEGER) throw new RangeError('bigint is too large to be represented as a 64-bit integer and passed as argument');
    return value;
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError('undefined cannot be passed as argument to the database');
  return value;
}

function fromSql(value) {
  if (typeof value === 'bigint') {
    if (value < MIN_SAFE || value > MAX_SAFE) throw new RangeError('Received integer which cannot be safely represented as a JavaScript number');
    return Number(value);
  }
  if (value instanceof Uint8Array) return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength);
  return value;
}

function argsOf(stmt) {
  if (typeof stmt === 'string') return [];
  // Packed by writer-thread.ts: only strings, finite numbers and null, already as the driver takes them;
  // the long strings sent beside the text go back in their places.
  if (stmt.argsJson !== undefined) {
    const args = JSON.parse(stmt.argsJson);
    if (stmt.long !== undefined) for (let i = 0; i < stmt.long.length; i++) args[stmt.longAt[i]] = stmt.long[i];
    return args;
  }
  const { args } = stmt;
  if (args === undefined) return [];
  if (Array.isArray(args)) return args.map(toSql);
  const named = {};
  for (const name in args) named[name[0] === '@' || name[0] === '$' || name[0] === ':' ? name.slice(1) : name] = toSql(args[name]);
  return named;
}

function execute(stmt) {
  const sql = typeof stmt === 'string' ? stmt : stmt.sql;
  const statement = prepared(sql);
  const args = argsOf(stmt);
  if (statement.reader) {
    const columns = statement.columns();
    const rows = statement.all(args);
    for (const row of rows) for (let i = 0; i < row.length; i++) row[i] = fromSql(row[i]);
    return { columns: columns.map((c) => c.name), columnTypes: columns.map((c) => c.type ?? ''), rows, rowsAffected: 0, lastInsertRowid: undefined };
  }
  const info = statement.run(args);
  return { columns: [], columnTypes: [], rows: [], rowsAffected: info.changes, lastInsertRowid: BigInt(info.lastInsertRowid) };
}

function begin(mode) {
  if (mode === 'write') return 'BEGIN IMMEDIATE';
  if (mode === 'read') return 'BEGIN TRANSACTION READONLY';
  if (mode === 'deferred' || mode === undefined) return 'BEGIN DEFERRED';
  throw new RangeError('Unknown transaction mode, supported values are "write", "read" and "deferred"');
}

function rollbackIfOpen() {
  if (db.inTransaction) db.exec('ROLLBACK');
}

/**
 * Statements in order inside the transaction already open, stopping at the first that fails (named by its
 * index); the caller rolls back. One message for many statements instead of one round trip each.
 */
function inOpenTransaction(stmts) {
  const results = [];
  for (let i = 0; i < stmts.length; i++) {
    // A failure SQLite answers by rolling back (SQLITE_FULL, IOERR, ...) must not let the rest run outside it.
    if (!db.inTransaction) throw Object.assign(new Error('The transaction has been rolled back'), { statementIndex: i, transactionClosed: true });
    try {
      results.push(execute(stmts[i]));
    } catch (error) {
      throw Object.assign(error, { statementIndex: i });
    }
  }
  return results;
}

/** Statements in one transaction; a failure names the statement (LibsqlBatchError's index). */
function inTransaction(stmts, mode) {
  execute(begin(mode));
  try {
    const results = inOpenTransaction(stmts);
    execute('COMMIT');
    return results;
  } finally {
    rollbackIfOpen();
  }
}

/**
 * The failure of a batch written ahead (writeAhead in writer-thread.ts): the event loop did not wait for it
 * and may have sent more of the transaction after it. The transaction is rolled back at once, and every
 * request that follows is refused until the event loop ends the transaction (commit or rollback): nothing
 * may run outside the transaction it was written for, nor inside one missing a write.
 */
let abandoned = null;

function refuseIfAbandoned() {
  if (abandoned) throw Object.assign(new Error(`an earlier write of this transaction failed: ${abandoned.message}`), { abandonedBy: abandoned });
}

// A refused request's texts are still taken in (withTexts before refuseIfAbandoned): the event loop counts
// them sent, and sends only their numbers next time.
const operations = {
  execute: (request) => {
    const [stmt] = withTexts([request.stmt]);
    refuseIfAbandoned();
    return execute(stmt);
  },
  batchAhead: (request) => {
    const stmts = withTexts(request.stmts);
    refuseIfAbandoned();
    try {
      inOpenTransaction(stmts);
    } catch (error) {
      rollbackIfOpen();
      abandoned = describeError(error);
      throw error;
    }
    return null;
  },
  batch: (request) => inTransaction(withTexts(request.stmts), request.mode),
  batchInTransaction: (request) => {
    const stmts = withTexts(request.stmts);
    refuseIfAbandoned();
    return inOpenTransaction(stmts);
  },
  migrate: (request) => {
    execute('PRAGMA foreign_keys=off');
    try {
      return inTransaction(request.stmts, 'deferred');
    } finally {
      execute('PRAGMA foreign_keys=on');
    }
  },
  begin: (request) => {
    abandoned = null;
    execute(begin(request.mode));
    return null;
  },
  commit: () => {
    if (abandoned) {
      // Already rolled back; the transaction is over either way.
      const error = abandoned;
      abandoned = null;
      throw Object.assign(new Error(`the transaction was not committed: an earlier write failed: ${error.message}`), { abandonedBy: error });
    }
    execute('COMMIT');
    return null;
  },
  rollback: () => {
    abandoned = null;
    rollbackIfOpen();
    return null;
  },
  executeMultiple: (request) => {
    refuseIfAbandoned();
    db.exec(request.sql);
    return null;
  },
};

function describeError(error) {
  if (error && typeof error === 'object') {
    return {
      message: String(error.message ?? error),
      name: error.name,
      // libsql's SqliteError: `code` is the extended code's name, `rawCode` its number.
      extendedCode: typeof error.code === 'string' ? error.code : undefined,
      rawCode: typeof error.rawCode === 'number' ? error.rawCode : undefined,
      statementIndex: error.statementIndex,
      transactionClosed: error.transactionClosed === true,
      abandoned: error.abandonedBy !== undefined,
      sqlite: typeof error.rawCode === 'number',
    };
  }
  return { message: String(error) };
}

parentPort.on('message', (request) => {
  if (request.op === 'close') {
    try {
      rollbackIfOpen();
      // Prepared statements hold the connection open until they are collected.
      statements.clear();
      db.close();
    } finally {
      // The caller waits on this flag (Atomics.wait): close() returns once the file is closed.
      const closedFlag = new Int32Array(request.closedFlag);
      Atomics.store(closedFlag, 0, 1);
      Atomics.notify(closedFlag, 0);
      parentPort.postMessage({ id: request.id, ok: true, result: null });
      parentPort.close();
    }
    return;
  }
  try {
    parentPort.postMessage({ id: request.id, ok: true, result: operations[request.op](request) });
  } catch (error) {
    parentPort.postMessage({ id: request.id, ok: false, error: describeError(error) });
  }
});
