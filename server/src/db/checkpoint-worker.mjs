// The checkpointer thread (checkpointer.ts): its own connection copies the WAL into the database file
// every few hundred milliseconds, PASSIVE (never waits for a reader or the writer; busy means next time).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'libsql';
import { nameThisThread, THREAD_NAMES } from '../thread-name.mjs';

nameThisThread(THREAD_NAMES.checkpointer);

const db = new Database(workerData.path, { timeout: 0 });
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
parentPort.postMessage('ready');
const timer = setInterval(() => {
  try {
    checkpoint.get();
  } catch {
    // The database is busy or going away: the next tick tries again, and the writer's own checkpoint stays.
  }
}, workerData.intervalMs);

parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
