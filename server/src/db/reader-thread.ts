import { Worker } from 'node:worker_threads';
import type { InStatement, ResultSet, Row } from '@libsql/client';
import { createCachedReader, positional, type PositionalStatement, type ReadExecutor } from './cached-reader';
import { createStatementNumbers, type NumberedStatementText } from './statement-numbers';

interface ThreadError {
  message: string;
  name?: string;
  code?: string;
  rawCode?: number;
}

export interface ReaderThread extends ReadExecutor {
  spread(stmts: InStatement[]): Promise<Pick<ResultSet, 'rows'>[]>;
  /** Whether reads still go to threads, how many statements they have answered and how many threads started (tests, diagnostics). */
  stats(): { onThread: boolean; readOnThread: number; threadsStarted: number };
  /** Settles once every thread has ended (at once if none started): after close(), their connections are closed. */
  ended(): Promise<void>;
}

type Answer = { id: number; ok: true; results: Row[][] } | { id: number; ok: false; error: ThreadError };

interface Pending {
  stmts: PositionalStatement[];
  resolve: (results: Pick<ResultSet, 'rows'>[]) => void;
  reject: (error: Error) => void;
}

/** One reader thread and the reads it has been asked and not yet answered. */
interface Lane {
  worker: Worker | null;
  /** The statement texts (by textIds' number) this lane's thread has been sent and keeps. */
  knownTexts: Set<number>;
  waiting: Map<number, Pending>;
  /** Statements asked and not answered. */
  load: number;
  /**
   * Since when the thread has been working without answering (performance.now()): when it went from idle to
   * busy, or its last answer if reads are still outstanding; null while idle.
   */
  busySince: number | null;
  exited: Promise<void>;
}

/** Reader threads per process: a second one for the reads that arrive while the first is held by a long one. */
export const READER_THREADS = 2;

/**
 * A read goes to the first thread that is idle or has answered within this; only when every thread has gone
 * longer without an answer does it go to the one with fewest statements outstanding. Spreading every read over
 * both threads cost more than it gained: waking an idle thread for each message doubled the event loop's share
 * of a round trip (the thread summary at 50 connections: 0.15-0.4 ms more CPU a request in all, 5-30% fewer
 * requests a second), while a thread kept busy takes its next message without being woken. Counted from the
 * last answer, not from when the thread became busy: a steady stream of quick reads keeps the first thread
 * busy for seconds without holding anyone. Counted from when it became busy, the second thread answered a
 * quarter of the thread summaries at 50 connections, woken for each, and one thread alone used 9-20% less CPU
 * a summary than the two (three alternated pairs, the machine shared).
 */
const SPILL_AFTER_MS = 2;

/**
 * A thread with this many statements outstanding does not keep up either, however recently it answered: a
 * queue that deep is about SPILL_AFTER_MS of the thread summary's statements, and reads from many requests at
 * once would otherwise all queue on the first thread while the second sits idle.
 */
const SPILL_AT_OUTSTANDING = 4;

/**
 * Statement texts numbered for the threads, at most this many: the read paths use a few dozen distinct
 * texts, and any beyond these go as text every time.
 */
const NUMBERED_TEXTS = 512;

/** A statement as posted to a thread: its text the first time the thread sees it, then only its number. */
type PostedStatement = NumberedStatementText & { args: PositionalStatement['args'] };

/**
 * The read paths' connection to an embedded database file, on threads of their own (reader-worker.mjs).
 *
 * The file driver runs a statement synchronously on the thread that calls it. On the event loop, the reads
 * were most of a request's work: the thread summary's statement took 0.3-0.45 ms of the 1.1-1.3 ms of event
 * loop a summary cost at 50 connections on the real-size bench's key client (CPU profile), and the loop was
 * the one saturated thread (the process at 116% of a core, the load generator at 21%). On a thread a
 * statement costs the event loop only the round trip (about 0.085 ms for the summary's row, measured with 4
 * in flight), the statement itself runs beside it on another core, and a slow read holds no one else's
 * request. Each thread runs its statements one at a time in arrival order. A read goes to the first thread
 * unless it has gone a while without answering (SPILL_AFTER_MS), so a slow read holds up no one's quick one, and reads
 * that do not wait start one thread only. A batch stays on one thread.
 *
 * If a thread cannot start or stops, reads go on in the process (cached-reader.ts): the same rows, with
 * the event loop doing the work again; what was waiting on any thread is read there.
 */
export function createReaderThread(path: string, busyTimeoutMs: number, options: { workerUrl?: URL; threads?: number; spillAfterMs?: number } = {}): ReaderThread {
  const spillAfterMs = options.spillAfterMs ?? SPILL_AFTER_MS;
  const lanes: Lane[] = Array.from({ length: Math.max(1, options.threads ?? READER_THREADS) }, () => ({ worker: null, knownTexts: new Set(), waiting: new Map(), load: 0, busySince: null, exited: Promise.resolve() }));
  // The summary's statement is 7,500 characters: copied into every message, and hashed again by the thread's
  // statement cache, it cost about 30 µs of CPU a round trip (sent as a number: 27 against 55 µs in all).
  const numbers = createStatementNumbers(NUMBERED_TEXTS);
  const posted = (lane: Lane, { sql, args }: PositionalStatement): PostedStatement => ({ ...numbers.posted(sql, lane.knownTexts), args });
  let nextId = 1;
  let readOnThread = 0;
  let broken = false;
  let closed = false;
  let inProcess: ReadExecutor | null = null;
  const fallback = (): ReadExecutor => (inProcess ??= createCachedReader(path, busyTimeoutMs));

  const fail = () => {
    if (broken || closed) return;
    broken = true;
    const stranded: Pending[] = [];
    for (const lane of lanes) {
      stranded.push(...lane.waiting.values());
      lane.waiting.clear();
      lane.load = 0;
      lane.busySince = null;
      // The threads still running are let go: they end after what they were asked (their answers are not awaited).
      lane.worker?.postMessage({ close: true });
    }
    for (const { stmts, resolve, reject } of stranded) fallback().batch(stmts).then(resolve, reject);
  };

  // Started on a lane's first read: a process that never reads (the cluster's primary, a CLI command that only
  // writes) starts no thread.
  const start = (lane: Lane): Worker => {
    // execArgv: [] because a thread would repeat the process's --import preloads (test/db/threads-start.test.ts).
    const started = new Worker(options.workerUrl ?? new URL('./reader-worker.mjs', import.meta.url), { workerData: { path, busyTimeoutMs }, execArgv: [] });
    lane.knownTexts.clear();
    started.on('message', (answer: Answer) => {
      if (answer.id === 0) {
        if (!answer.ok) fail();
        return;
      }
      const pending = lane.waiting.get(answer.id);
      if (!pending) return;
      lane.waiting.delete(answer.id);
      lane.load -= pending.stmts.length;
      // Only a thread with work outstanding keeps the process alive (a CLI command awaits its answers).
      if (lane.waiting.size === 0) {
        lane.busySince = null;
        started.unref();
      } else {
        lane.busySince = performance.now();
      }
      if (answer.ok) {
        readOnThread += pending.stmts.length;
        pending.resolve(answer.results.map((rows) => ({ rows })));
      } else {
        pending.reject(toError(answer.error));
      }
    });
    started.on('error', fail);
    lane.exited = new Promise((resolve) => started.once('exit', () => resolve()));
    started.on('exit', () => {
      fail();
      // A read still waiting when the thread ended after close() will not be answered.
      for (const { reject } of lane.waiting.values()) reject(new Error('the database reader is closed'));
      lane.waiting.clear();
      lane.load = 0;
      lane.busySince = null;
    });
    return started;
  };

  /** A thread that is idle, or answering as it goes with a short queue (not held by a long read or a backlog). */
  const keepsUp = (lane: Lane, now: number): boolean => lane.busySince === null || (now - lane.busySince < spillAfterMs && lane.load < SPILL_AT_OUTSTANDING);
  const pickLane = (): Lane => {
    const now = performance.now();
    return lanes.find((candidate) => keepsUp(candidate, now)) ?? lanes.reduce((least, candidate) => (candidate.load < least.load ? candidate : least));
  };

  function ask(stmts: InStatement[], chosen?: Lane): Promise<Pick<ResultSet, 'rows'>[]> {
    if (closed) return Promise.reject(new Error('the database reader is closed'));
    let packed: PositionalStatement[];
    try {
      packed = stmts.map(positional);
    } catch (error) {
      return Promise.reject(error);
    }
    if (broken) return fallback().batch(packed);
    const now = performance.now();
    const lane = chosen ?? pickLane();
    const running = (lane.worker ??= start(lane));
    const id = nextId++;
    if (lane.waiting.size === 0) {
      lane.busySince = now;
      running.ref();
    }
    return new Promise((resolve, reject) => {
      lane.waiting.set(id, { stmts: packed, resolve, reject });
      lane.load += packed.length;
      running.postMessage({ id, stmts: packed.map((stmt) => posted(lane, stmt)) });
    });
  }

  /**
   * Independent statements one request needs together, dealt out over the threads that keep up (a thread
   * takes every n-th), so they run side by side while the request's own thread waits. A single
   * request's group of reads is where an idle core shortens the answer; reads of separate requests keep
   * the spill rule above (one thread while it keeps up).
   */
  async function spread(stmts: InStatement[]): Promise<Pick<ResultSet, 'rows'>[]> {
    const now = performance.now();
    // Only threads that keep up take a share: one held by a long read would hold the whole group.
    const ready = lanes.filter((lane) => keepsUp(lane, now)).slice(0, stmts.length);
    if (ready.length <= 1 || broken) return ask(stmts, ready[0]);
    const ways = ready.length;
    const shares = await Promise.all(ready.map((lane, i) => ask(stmts.filter((_, k) => k % ways === i), lane)));
    return stmts.map((_, k) => shares[k % ways]![Math.floor(k / ways)]!);
  }

  return {
    execute: async (stmt) => (await ask([stmt]))[0]!,
    batch: (stmts) => ask(stmts),
    spread,
    stats: () => ({ onThread: !broken, readOnThread, threadsStarted: lanes.filter((lane) => lane.worker !== null).length }),
    ended: async () => {
      await Promise.all(lanes.map((lane) => lane.exited));
    },
    close: () => {
      if (closed) return;
      closed = true;
      // Reads asked before are still answered; each thread closes its connection after them and ends.
      if (!broken) {
        for (const lane of lanes) {
          // Held until it has ended (it ends after this), so a process waiting for that has something to wait on.
          lane.worker?.ref();
          lane.worker?.postMessage({ close: true });
        }
      }
      inProcess?.close();
    },
  };
}

/** The driver's error as the event loop's reader would have thrown it: message, name and SQLite code. */
function toError(error: ThreadError): Error {
  return Object.assign(new Error(error.message), { name: error.name ?? 'Error', code: error.code, rawCode: error.rawCode });
}
