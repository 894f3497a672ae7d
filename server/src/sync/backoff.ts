import { ConnectorError } from '../connectors/connector-error';

/**
 * Bounded exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And Jitter"),
 * for TEMPORARY connector errors only. A Retry-After from the provider is a floor: Graph and Gmail both
 * ask clients to wait at least that long (https://learn.microsoft.com/graph/throttling#best-practices-to-handle-throttling).
 */
export interface BackoffOptions {
  /** Attempts in all, including the first (default 6). */
  maxAttempts?: number;
  /** First backoff ceiling in ms (default 500); doubles each attempt. */
  baseMs?: number;
  /** Largest wait in ms, Retry-After included (default 60 s). */
  maxMs?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Called before each wait, e.g. to count retries or log. */
  onRetry?: (info: { attempt: number; waitMs: number; error: ConnectorError }) => void;
}

export async function withBackoff<T>(task: () => Promise<T>, options: BackoffOptions = {}): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 6;
  const baseMs = options.baseMs ?? 500;
  const maxMs = options.maxMs ?? 60_000;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (!(error instanceof ConnectorError) || error.code !== 'TEMPORARY' || attempt >= maxAttempts) throw error;
      const jittered = random() * Math.min(maxMs, baseMs * 2 ** (attempt - 1));
      const waitMs = Math.min(maxMs, Math.max(jittered, error.retryAfterMs ?? 0));
      options.onRetry?.({ attempt, waitMs, error });
      await sleep(waitMs);
    }
  }
}
