/**
 * A counting semaphore: Graph allows at most 4 concurrent requests per mailbox
 * (https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits), and Gmail gets do better
 * with a bounded number in flight than with thousands of pending sockets.
 */
export interface Semaphore {
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly limit: number;
}

export function createSemaphore(limit: number): Semaphore {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`semaphore limit must be a positive integer, got ${limit}`);
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    limit,
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
      else active++;
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        // Hand the slot straight to the next waiter so `active` never dips and lets a newcomer jump the queue.
        if (next) next();
        else active--;
      }
    },
  };
}

/** Maps items through `fn` with at most `limit` in flight, keeping input order in the result. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  });
  await Promise.all(workers);
  return results;
}
