// A reader thread (reader-thread.ts): runs the read paths' statements on a connection of its own and posts
// the rows back with the request's id, one request at a time in arrival order. Plain JavaScript so the
// thread needs no TypeScript loader to start.
import { parentPort, workerData } from 'node:worker_threads';
import { createNumberedTexts } from './numbered-texts.mjs';
import { openReadConnection } from './read-connection.mjs';
import { nameThisThread, THREAD_NAMES } from '../thread-name.mjs';

nameThisThread(THREAD_NAMES.reader);

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

const texts = createNumberedTexts();

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
    // Every text of the request is taken in before any statement runs: the event loop counts them all as sent,
    // so one left unread behind a failing statement would be sent only by its number next time.
    const sqls = request.stmts.map((stmt) => texts.textOf(stmt));
    const results = request.stmts.map((stmt, i) => connection.run(sqls[i], stmt.args));
    parentPort.postMessage({ id: request.id, ok: true, results });
  } catch (error) {
    parentPort.postMessage({ id: request.id, ok: false, error: describeError(error) });
  }
});
