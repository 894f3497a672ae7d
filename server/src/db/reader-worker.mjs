// A reader thread (reader-thread.ts): runs the read paths' statements on a connection of its own and posts
// the rows back with the request's id, one request at a time in arrival order. Plain JavaScript so the
// thread needs no TypeScript loader to start.
import { parentPort, workerData } from 'node:worker_threads';
import { openReadConnection } from './read-connection.mjs';

let connection;
try {
  connection = openReadConnection(workerData.path, workerData.busyTimeoutMs);
  connection.run('SELECT 1 AS check_that_the_database_can_be_opened', []);
  parentPort.postMessage({ id: 0, ok: true });
} catch (error) {
  parentPort.postMessage({ id: 0, ok: false, error: describeError(error) });
  process.exit(0);
}

function describeError(error) {
  if (error && typeof error === 'object') {
    // libsql's SqliteError: `code` is the extended code's name, `rawCode` its number.
    return { message: String(error.message ?? error), name: error.name, code: typeof error.code === 'string' ? error.code : undefined, rawCode: typeof error.rawCode === 'number' ? error.rawCode : undefined };
  }
  return { message: String(error) };
}

/** Statement texts by the number the event loop gave them (reader-thread.ts): sent once, then only the number. */
const texts = new Map();

function textOf({ textId, sql, args }) {
  if (textId === undefined) return sql;
  if (sql !== undefined) {
    texts.set(textId, sql);
    return sql;
  }
  const known = texts.get(textId);
  if (known === undefined) throw new Error(`reader thread: statement ${textId} was never sent (${args.length} arguments)`);
  return known;
}

parentPort.on('message', (request) => {
  if (request.close) {
    // Everything asked before was answered (requests run in order); the thread ends once its port closes.
    // The event loop does not terminate it: a thread stopped inside the driver's native call aborts with a
    // panic (neon's PendingException) instead of unwinding.
    connection.close();
    parentPort.close();
    return;
  }
  try {
    const results = request.stmts.map((stmt) => connection.run(textOf(stmt), stmt.args));
    parentPort.postMessage({ id: request.id, ok: true, results });
  } catch (error) {
    parentPort.postMessage({ id: request.id, ok: false, error: describeError(error) });
  }
});
