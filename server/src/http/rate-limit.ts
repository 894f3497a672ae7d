import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { clientAddress } from './client-address';
import type { AppEnv } from './env';
import { ApiError } from './errors';

export interface Bucket {
  burst: number;
  perSecond: number;
}

/** Buckets kept at most: the least recently used go first (an idle client's bucket refills to full anyway). */
const MAX_BUCKETS = 100_000;

export interface State {
  tokens: number;
  updatedAtMs: number;
}

/**
 * The buckets of one app. Kept in memory, not in the database: a write on every request made every
 * request wait for whichever transaction held the database (another user's import of 1,000 messages), and
 * was one more write per request for the one writer SQLite has. The price: behind a load balancer each API
 * process limits on its own, so N processes allow a client up to N times the rate (server/docs/api-server.md).
 */
export type RateLimitStore = Map<string, State>;

export function createRateLimitStore(): RateLimitStore {
  return new Map();
}

/**
 * Takes one token from the bucket `key`: refill by the time elapsed, take a token if a whole one is there.
 * Throws the 429 (with Retry-After) when there was none.
 */
export async function takeToken(c: Context<AppEnv>, key: string, bucket: Bucket, what: string): Promise<void> {
  const nowMs = c.get('deps').clock().getTime();
  const buckets = (c.get('deps').rateLimits ??= createRateLimitStore());
  const state = buckets.get(key) ?? { tokens: bucket.burst, updatedAtMs: nowMs };
  buckets.delete(key);
  state.tokens = Math.min(bucket.burst, state.tokens + (Math.max(0, nowMs - state.updatedAtMs) * bucket.perSecond) / 1000);
  state.updatedAtMs = Math.max(state.updatedAtMs, nowMs);
  const granted = state.tokens >= 1;
  if (granted) state.tokens -= 1;
  buckets.set(key, state);
  if (buckets.size > MAX_BUCKETS) buckets.delete(buckets.keys().next().value!);
  if (!granted) {
    const retryAfter = Math.max(1, Math.ceil((1 - state.tokens) / bucket.perSecond));
    throw new ApiError('rate_limited', 429, `rate limit exceeded: ${what}`, undefined, { 'Retry-After': String(retryAfter) });
  }
}

/** Per API token, on every /v1 request that carries a valid one. */
export const rateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const { burst, perSecond } = c.get('deps').config.rateLimit;
  await takeToken(c, `token:${c.get('user').tokenId}`, { burst, perSecond }, `${perSecond} requests per second per token (bursts up to ${burst})`);
  await next();
});

/**
 * Requests without a valid token, per client address: wrong or revoked tokens (so a token cannot be guessed
 * at full speed) and the OAuth callback (so its `state` cannot either). A tenth of a token's budget.
 */
export function anonymousBucket(c: Context<AppEnv>): Bucket {
  const { burst, perSecond } = c.get('deps').config.rateLimit;
  return { burst: Math.max(5, Math.ceil(burst / 10)), perSecond: Math.max(1, Math.ceil(perSecond / 10)) };
}

export async function limitAnonymous(c: Context<AppEnv>, what: string): Promise<void> {
  const bucket = anonymousBucket(c);
  await takeToken(c, `ip:${clientAddress(c)}`, bucket, `${bucket.perSecond} ${what} per second per address (bursts up to ${bucket.burst})`);
}

/** For routes reached without a token (the OAuth callback). */
export const rateLimitByAddress = createMiddleware<AppEnv>(async (c, next) => {
  await limitAnonymous(c, 'requests without a token');
  await next();
});
