// Names the calling thread for the operating system (Linux: /proc/thread-self/comm), so that `top -H`, `ps -L`
// and /proc/<pid>/task/*/comm tell the server's threads apart: every Node thread is otherwise called "node".
// Plain JavaScript so that the database threads, which start without a TypeScript loader, can call it too.
import { writeFileSync } from 'node:fs';

/** Linux keeps at most 15 bytes of a thread's name. */
const MAX_NAME_BYTES = 15;

/**
 * The thread names the server gives its own threads (the process's main thread keeps "node", and V8's and
 * libuv's helper threads theirs).
 */
export const THREAD_NAMES = Object.freeze({
  writer: 'ft-db-writer',
  reader: 'ft-db-reader',
  checkpointer: 'ft-db-checkpt',
  readPool: 'ft-read-pool',
});

/**
 * Names the calling thread, and only it. Returns whether the name was set: elsewhere than on Linux, or where
 * /proc is not writable, the thread keeps its name and nothing else changes.
 */
export function nameThisThread(name) {
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) throw new RangeError(`a thread name is at most ${MAX_NAME_BYTES} bytes: ${name}`);
  if (process.platform !== 'linux') return false;
  try {
    writeFileSync('/proc/thread-self/comm', name);
    return true;
  } catch {
    return false;
  }
}
