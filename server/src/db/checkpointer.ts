import { Worker } from 'node:worker_threads';

/** How often the thread checkpoints: a busy writer appends about this much WAL in between. */
const CHECKPOINT_EVERY_MS = 200;

export interface Checkpointer {
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
  const thread = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), { workerData: { path, intervalMs: CHECKPOINT_EVERY_MS } });
  thread.unref();
  // A thread that cannot run leaves checkpoints to the writer, as without it.
  thread.on('error', () => {});
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (thread.threadId === -1) return resolve();
        thread.once('exit', () => resolve());
        thread.postMessage('stop');
      }),
  };
}
