import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { clientAddress } from './client-address';
import type { AppEnv } from './env';
import { ApiError } from './errors';
import { storageFailureReason } from './storage-health';

export interface Bucket {
  burst: number;
  perSecond: number;
}

/**
 * Takes one token from the bucket `key` (kept in the database, so every API process behind a load balancer
 * draws from the same one). One atomic upsert: refill by the time elapsed, take a token if a whole one is
 * there, and say whether it did. Throws the 429 when it did not.
 *
 * When the database cannot be written (a full disk), the request goes through unlimited rather than failing:
 * reads still work then, and refusing every request would turn a full disk into a full outage. The failure is
 * noted for /healthz, and each later request tries again.
 */
export async function takeToken(c: Context<AppEnv>, key: string, bucket: Bucket, what: string): Promise<void> {
  const { deps } = c.var;
  const now = deps.clock();
  const refilled = 'min(?2, tokens + max(0, ?3 - updated_at_ms) * ?4 / 1000.0)';
  let row: Record<string, unknown> | undefined;
  try {
    const result = await deps.database.client.execute({
      sql: `INSERT INTO rate_limit_buckets (key, tokens, updated_at_ms, granted) VALUES (?1, ?2 - 1, ?3, 1)
            ON CONFLICT (key) DO UPDATE SET
              tokens = ${refilled} - (CASE WHEN ${refilled} >= 1 THEN 1 ELSE 0 END),
              granted = (CASE WHEN ${refilled} >= 1 THEN 1 ELSE 0 END),
              updated_at_ms = max(updated_at_ms, ?3)
            RETURNING tokens, granted`,
      args: [key, bucket.burst, now.getTime(), bucket.perSecond],
    });
    row = result.rows[0];
  } catch (error) {
    if (storageFailureReason(error) === null) throw error;
    deps.storageHealth?.noteWriteFailure(error, now);
    deps.logger.warn('rate limit not applied: the database cannot be written', { requestId: c.var.requestId, reason: storageFailureReason(error) });
    return;
  }
  if (row && Number(row.granted) === 0) {
    const retryAfter = Math.max(1, Math.ceil((1 - Number(row.tokens)) / bucket.perSecond));
    throw new ApiError('rate_limited', 429, `rate limit exceeded: ${what}`, undefined, { 'Retry-After': String(retryAfter) });
  }
}

/** Per API token, on every /v1 request that carries a valid one. */
export const rateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const { burst, perSecond } = c.var.deps.config.rateLimit;
  await takeToken(c, `token:${c.var.user.tokenId}`, { burst, perSecond }, `${perSecond} requests per second per token (bursts up to ${burst})`);
  await next();
});

/**
 * Requests without a valid token, per client address: wrong or revoked tokens (so a token cannot be guessed
 * at full speed) and the OAuth callback (so its `state` cannot either). A tenth of a token's budget.
 */
export function anonymousBucket(c: Context<AppEnv>): Bucket {
  const { burst, perSecond } = c.var.deps.config.rateLimit;
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
