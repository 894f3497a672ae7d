import type { QuotaGrant, QuotaLimiter } from '../../sync/quota-limiter';

/**
 * Gets sent as batch requests cut to whatever room the quota window has, from one queue shared by every
 * page of a sync, so the requests keep flowing across page boundaries.
 *
 * - A batch takes as many queued gets as the limiter can grant right now (at most `maxBatch`), instead of a
 *   fixed 50: with fixed 250-unit batches, a 2,375-unit budget holds only nine (2,250), and that tenth of
 *   the quota is lost for the whole sync.
 * - Jobs (one page's gets) are served in the order they were queued. A job may be queued *speculatively*
 *   (the next page, listed ahead): its gets are sent only while some claimed job is unfinished, i.e. to fill
 *   the tail of the page the caller is waiting for, so the pipeline does not drain at the boundary. If the
 *   caller never asks for that page, at most the batches sent during that tail were spent for nothing.
 */
export interface FetchJob<T> {
  readonly result: Promise<(T | null)[]>;
  /** The caller now waits for this job: send its gets whatever else is queued. */
  claim(): void;
  /** Sends nothing more for this job; its result rejects (handled here, so nobody needs to wait for it). */
  cancel(): void;
}

export interface BatchPipeline<T> {
  enqueue(ids: readonly string[], options: { claimed: boolean }): FetchJob<T>;
}

export interface BatchPipelineDeps<T> {
  limiter: QuotaLimiter;
  unitsPerGet: number;
  /** Most gets in one batch request. */
  maxBatch: number;
  /** Batch requests in flight at once. */
  inFlight: number;
  /** Sends one batch whose first attempt spends `grant` (already taken from the limiter for these ids). */
  sendBatch: (ids: string[], grant: QuotaGrant) => Promise<(T | null)[]>;
}

interface Job<T> {
  ids: readonly string[];
  /** Indexes not sent yet. */
  todo: number[];
  results: (T | null)[];
  /** Gets not answered yet (queued or in flight). */
  outstanding: number;
  claimed: boolean;
  /** Gets taken for sending while nobody had claimed the job (bounded: see speculativeLimit). */
  takenUnclaimed: number;
  over: boolean;
  resolve: (results: (T | null)[]) => void;
  reject: (error: unknown) => void;
}

export function createBatchPipeline<T>(deps: BatchPipelineDeps<T>): BatchPipeline<T> {
  if (!(deps.maxBatch >= 1) || !(deps.inFlight >= 1)) throw new Error('a batch pipeline needs maxBatch >= 1 and inFlight >= 1');
  const maxBatch = Math.max(1, Math.min(deps.maxBatch, Math.floor(deps.limiter.unitsPerSecond / deps.unitsPerGet)));
  // What a job nobody has claimed yet may send: one batch, enough to keep the quota window in use while
  // the asked-for page's last batches are answered. If the caller never asks for that page (an abort, a
  // crash), at most this many gets were spent for nothing, however slow that tail is.
  const speculativeLimit = maxBatch;
  let jobs: Job<T>[] = [];
  let workers = 0;

  const end = (job: Job<T>, outcome: { results: (T | null)[] } | { error: unknown }): void => {
    if (job.over) return;
    job.over = true;
    job.todo = [];
    jobs = jobs.filter((j) => j !== job);
    if ('results' in outcome) job.resolve(outcome.results);
    else job.reject(outcome.error);
  };

  const nextJob = (): Job<T> | undefined => {
    const claimedUnfinished = jobs.some((j) => j.claimed);
    return jobs.find((j) => j.todo.length > 0 && (j.claimed || (claimedUnfinished && j.takenUnclaimed < speculativeLimit)));
  };

  const work = async (): Promise<void> => {
    for (let job = nextJob(); job; job = nextJob()) {
      // Taken off the queue before waiting, so no other worker sends them; what the grant does not cover goes back.
      const unclaimed = !job.claimed;
      const taken = job.todo.splice(0, unclaimed ? Math.min(maxBatch, speculativeLimit - job.takenUnclaimed) : maxBatch);
      if (unclaimed) job.takenUnclaimed += taken.length;
      let grant: QuotaGrant;
      try {
        grant = await deps.limiter.acquireUpTo(taken.length * deps.unitsPerGet, { minUnits: deps.unitsPerGet, stepUnits: deps.unitsPerGet });
      } catch (error) {
        end(job, { error });
        continue;
      }
      const count = grant.units / deps.unitsPerGet;
      const sending = taken.slice(0, count);
      if (job.over) {
        // Cancelled or failed while we waited: send nothing (the units stay counted for a second, harmlessly).
        grant.settle();
        continue;
      }
      job.todo.unshift(...taken.slice(count));
      // What the grant did not cover goes back unsent: it does not count against the speculative allowance.
      if (unclaimed) job.takenUnclaimed -= taken.length - count;
      try {
        const answers = await deps.sendBatch(
          sending.map((i) => job!.ids[i]!),
          grant,
        );
        sending.forEach((index, k) => (job!.results[index] = answers[k] ?? null));
        job.outstanding -= sending.length;
        if (job.outstanding === 0) end(job, { results: job.results });
      } catch (error) {
        end(job, { error });
      }
    }
  };

  const pump = (): void => {
    while (workers < deps.inFlight && nextJob()) {
      workers++;
      void work().finally(() => {
        workers--;
        // A worker that stopped on an empty (or gated) queue may have left work another event made sendable.
        pump();
      });
    }
  };

  return {
    enqueue(ids, { claimed }) {
      let resolve!: Job<T>['resolve'];
      let reject!: Job<T>['reject'];
      const result = new Promise<(T | null)[]>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      // A speculative job may be cancelled or fail with nobody waiting; whoever claims it still sees the error.
      result.catch(() => undefined);
      const job: Job<T> = { ids, todo: ids.map((_, i) => i), results: new Array(ids.length).fill(null), outstanding: ids.length, claimed, takenUnclaimed: 0, over: false, resolve, reject };
      if (ids.length === 0) {
        job.over = true;
        resolve([]);
      } else {
        jobs.push(job);
        pump();
      }
      return {
        result,
        claim() {
          job.claimed = true;
          pump();
        },
        cancel() {
          end(job, { error: new Error('fetch cancelled: the page it was listed for is no longer wanted') });
        },
      };
    },
  };
}
