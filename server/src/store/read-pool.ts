import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalysisSettings, NormalizedMessage, NormalizedMessageInput } from '@followthrough/shared';
import { readMany, type ReadOutcome } from './message-reader';
import type { ReadJob } from './read-worker';

/** Below this many messages a batch is read in the process: a thread's round trip would cost more. */
export const POOL_MIN_BATCH = 64;
const MAX_READERS = 4;

type Message = NormalizedMessage | NormalizedMessageInput;

/**
 * Reads batches of messages (readMany) on reader threads, one slice per thread, so that reading a large
 * import (the language rules, ~0.1 ms a message) uses the other cores and never holds the event loop,
 * and the next slice is read while the previous one is written (ingest.ts). Threads start on first use
 * and do not keep the process alive. A thread that fails takes the pool down to reading in the process:
 * the outcome is the same, only slower.
 */
export interface ReadPool {
  read(messages: readonly Message[], offset: number, settings: AnalysisSettings, validate: boolean): Promise<ReadOutcome[]>;
  /** Threads running, and messages read on them so far (for tests and diagnostics). */
  stats(): { threads: number; readOnThreads: number };
  close(): Promise<void>;
}

function inProcess(messages: readonly Message[], offset: number, settings: AnalysisSettings, validate: boolean): ReadOutcome[] {
  return readMany(messages, offset, settings, validate);
}

export function createReadPool(options: { size?: number; workerUrl?: URL } = {}): ReadPool {
  // One core is left to the event loop (the writes, and every other request).
  const size = options.size ?? Math.min(MAX_READERS, Math.max(1, availableParallelism() - 1));
  let readers: Worker[] | null = null;
  let broken = false;
  let nextJob = 0;
  let readOnThreads = 0;
  const waiting = new Map<number, { resolve: (o: ReadOutcome[]) => void; reject: (e: Error) => void }>();

  function fail(error: Error) {
    broken = true;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
    const doomed = readers ?? [];
    readers = null;
    for (const reader of doomed) void reader.terminate();
  }

  function start(): Worker[] {
    // From TypeScript (tsx, vitest) a thread starts through a bootstrap that registers the loader.
    const url = options.workerUrl ?? new URL(import.meta.url.endsWith('.ts') ? './read-worker-boot.mjs' : './read-worker.js', import.meta.url);
    return Array.from({ length: size }, () => {
      // No execArgv: a thread would repeat the process's --import preloads (threads-start.test.ts).
      const reader = new Worker(url, { execArgv: [] });
      reader.unref();
      reader.on('message', ({ job, outcomes }: { job: number; outcomes: ReadOutcome[] }) => {
        waiting.get(job)?.resolve(outcomes);
        waiting.delete(job);
      });
      reader.on('error', (error) => fail(error));
      reader.on('exit', (code) => {
        if (readers?.includes(reader)) fail(new Error(`a reader thread stopped (exit code ${code})`));
      });
      return reader;
    });
  }

  const busy = new Map<Worker, number>();
  function post(reader: Worker, job: Omit<ReadJob, 'job'>): Promise<ReadOutcome[]> {
    // Referenced while it has work, so a CLI import waiting on it is not ended under it.
    const working = (delta: number) => {
      const n = (busy.get(reader) ?? 0) + delta;
      busy.set(reader, n);
      if (n === 0) reader.unref();
      else if (delta > 0 && n === 1) reader.ref();
    };
    return new Promise((resolve, reject) => {
      const id = nextJob++;
      working(1);
      waiting.set(id, {
        resolve: (outcomes) => {
          working(-1);
          resolve(outcomes);
        },
        reject: (error) => {
          working(-1);
          reject(error);
        },
      });
      reader.postMessage({ ...job, job: id } satisfies ReadJob);
    });
  }

  return {
    async read(messages, offset, settings, validate) {
      if (broken || size < 1 || messages.length < POOL_MIN_BATCH) return inProcess(messages, offset, settings, validate);
      try {
        readers ??= start();
        const pool = readers;
        const share = Math.ceil(messages.length / pool.length);
        const settingsJson = JSON.stringify(settings);
        const parts = await Promise.all(
          pool.map((reader, i) => {
            const slice = messages.slice(i * share, (i + 1) * share);
            return slice.length === 0 ? Promise.resolve([]) : post(reader, { messages: slice, offset: offset + i * share, settingsJson, validate });
          }),
        );
        readOnThreads += messages.length;
        return parts.flat();
      } catch {
        // A thread that failed (or could not start) is not tried again: the process reads from now on.
        broken = true;
        return inProcess(messages, offset, settings, validate);
      }
    },
    stats: () => ({ threads: readers?.length ?? 0, readOnThreads }),
    async close() {
      const doomed = readers ?? [];
      readers = null;
      broken = true;
      await Promise.all(doomed.map((reader) => reader.terminate()));
    },
  };
}

/** The process's pool: ingest from the API, the sync and the CLI import all read through it. */
export const readPool: ReadPool = createReadPool();
