import { Worker } from 'node:worker_threads';
import type { InStatement, ResultSet, Row } from '@libsql/client';
import { createCachedReader, positional, type PositionalStatement, type ReadExecutor } from './cached-reader';

interface ThreadError {
  message: string;
  name?: string;
  code?: string;
  rawCode?: number;
}

export interface ReaderThread extends ReadExecutor {
  /** Whether reads still go to the thread, and how many statements it has answered (tests, diagnostics). */
  stats(): { onThread: boolean; readOnThread: number };
  /** Settles once the thread has ended (at once if it never started): after close(), its connection is closed. */
  ended(): Promise<void>;
}

type Answer = { id: number; ok: true; results: Row[][] } | { id: number; ok: false; error: ThreadError };

/**
 * The read paths' connection to an embedded database file, on a thread of its own (reader-worker.mjs).
 *
 * The file driver runs a statement synchronously on the thread that calls it. On the event loop, the reads
 * were most of a request's work: the thread summary's statement took 0.3-0.45 ms of the 1.1-1.3 ms of event
 * loop a summary cost at 50 connections on the real-size bench's key client (CPU profile), and the loop was
 * the one saturated thread (the process at 116% of a core, the load generator at 21%). On this thread a
 * statement costs the event loop only the round trip (about 0.085 ms for the summary's row, measured with 4
 * in flight), the statement itself runs beside it on another core, and a slow read holds no one else's
 * request. Statements run one at a time in arrival order.
 *
 * If the thread cannot start or stops, reads go on in the process (cached-reader.ts): the same rows, with
 * the event loop doing the work again; what was waiting on the thread is read there.
 */
export function createReaderThread(path: string, busyTimeoutMs: number, options: { workerUrl?: URL } = {}): ReaderThread {
  const waiting = new Map<number, { stmts: PositionalStatement[]; resolve: (results: Pick<ResultSet, 'rows'>[]) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let readOnThread = 0;
  let broken = false;
  let closed = false;
  let inProcess: ReadExecutor | null = null;
  const fallback = (): ReadExecutor => (inProcess ??= createCachedReader(path, busyTimeoutMs));

  const fail = () => {
    if (broken || closed) return;
    broken = true;
    const stranded = [...waiting.values()];
    waiting.clear();
    for (const { stmts, resolve, reject } of stranded) fallback().batch(stmts).then(resolve, reject);
  };

  // Started on the first read: a process that never reads (the cluster's primary, a CLI command that only writes)
  // starts no thread.
  let thread: Worker | null = null;
  let exited: Promise<void> = Promise.resolve();
  const start = (): Worker => {
    // execArgv: [] because a thread would repeat the process's --import preloads (test/db/threads-start.test.ts).
    const started = new Worker(options.workerUrl ?? new URL('./reader-worker.mjs', import.meta.url), { workerData: { path, busyTimeoutMs }, execArgv: [] });
    started.on('message', (answer: Answer) => {
      if (answer.id === 0) {
        if (!answer.ok) fail();
        return;
      }
      const pending = waiting.get(answer.id);
      if (!pending) return;
      waiting.delete(answer.id);
      // Only a thread with work outstanding keeps the process alive (a CLI command awaits its answers).
      if (waiting.size === 0) started.unref();
      if (answer.ok) {
        readOnThread += pending.stmts.length;
        pending.resolve(answer.results.map((rows) => ({ rows })));
      } else {
        pending.reject(toError(answer.error));
      }
    });
    started.on('error', fail);
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
    started.on('exit', () => {
      fail();
      // A read still waiting when the thread ended after close() will not be answered.
      for (const { reject } of waiting.values()) reject(new Error('the database reader is closed'));
      waiting.clear();
    });
    return started;
  };

  function ask(stmts: InStatement[]): Promise<Pick<ResultSet, 'rows'>[]> {
    if (closed) return Promise.reject(new Error('the database reader is closed'));
    let packed: PositionalStatement[];
    try {
      packed = stmts.map(positional);
    } catch (error) {
      return Promise.reject(error);
    }
    if (broken) return fallback().batch(packed);
    const running = (thread ??= start());
    const id = nextId++;
    if (waiting.size === 0) running.ref();
    return new Promise((resolve, reject) => {
      waiting.set(id, { stmts: packed, resolve, reject });
      running.postMessage({ id, stmts: packed });
    });
  }

  return {
    execute: async (stmt) => (await ask([stmt]))[0]!,
    batch: (stmts) => ask(stmts),
    stats: () => ({ onThread: !broken, readOnThread }),
    ended: () => exited,
    close: () => {
      if (closed) return;
      closed = true;
      // Reads asked before are still answered; the thread closes its connection after them and ends.
      if (!broken) {
        // Held until it has ended (it ends after this), so a process waiting for that has something to wait on.
        thread?.ref();
        thread?.postMessage({ close: true });
      }
      inProcess?.close();
    },
  };
}

/** The driver's error as the event loop's reader would have thrown it: message, name and SQLite code. */
function toError(error: ThreadError): Error {
  return Object.assign(new Error(error.message), { name: error.name ?? 'Error', code: error.code, rawCode: error.rawCode });
}
