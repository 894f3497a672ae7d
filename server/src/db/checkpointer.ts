import { Worker } from 'node:worker_threads';

/** How often the thread checkpoints: a busy writer appends about this much WAL in between. */
const CHECKPOINT_EVERY_MS = 200;

export interface Checkpointer {
  /** True once the thread has its connection; false if it could not start (the writer checkpoints alone). */
  ready: Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * Copies the WAL into the database file on a thread of its own. SQLite's automatic checkpoint runs
 * inside the commit that takes the WAL past 1,000 pages, on the connection that commits: at real size
 * (a 100,000-message import) that commit held the event loop for 100-450 ms while it copied and synced
 * the pages. With this thread copying them meanwhile, the writer's own checkpoint (left on, so the WAL
 * is still reset and bounded) finds little or nothing left to copy. PASSIVE: it never waits for a
 * reader or the writer. Does not keep the process alive.
 */
export function startCheckpointer(path: string): Checkpointer {
  // execArgv: [] because a thread would repeat the process's --import preloads, and a TypeScript one fails
  // without the process's loader (test/db/threads-start.test.ts).
  const thread = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), { workerData: { path, intervalMs: CHECKPOINT_EVERY_MS }, execArgv: [] });
  thread.unref();
  // A thread that cannot run leaves checkpoints to the writer, as without it.
  const ready = new Promise<boolean>((resolve) => {
    thread.once('message', () => resolve(true));
    thread.once('error', () => resolve(false));
    thread.once('exit', () => resolve(false));
  });
  thread.on('error', () => {});
  return {
    ready,
    stop: () =>
      new Promise<void>((resolve) => {
        if (thread.threadId === -1) return resolve();
        thread.once('exit', () => resolve());
        // Held until it has ended, so a process waiting for that (whenClosed) is not left with nothing to do.
        thread.ref();
        thread.postMessage('stop');
      }),
  };
}
