import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env';
import { ApiError } from './errors';

/**
 * Per-token token bucket, kept in the database so every API process behind a load balancer draws from
 * the same bucket (processes hold no state). One atomic upsert per request: refill by the time elapsed,
 * take a token if a whole one is there, and say whether it did. The cost is one small write per
 * request; the api benchmark measures it against a bare route.
 */
export const rateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const { burst, perSecond } = c.var.deps.config.rateLimit;
  const nowMs = c.var.deps.clock().getTime();
  const refilled = 'min(?2, tokens + max(0, ?3 - updated_at_ms) * ?4 / 1000.0)';
  const result = await c.var.deps.database.client.execute({
    sql: `INSERT INTO rate_limit_buckets (key, tokens, updated_at_ms, granted) VALUES (?1, ?2 - 1, ?3, 1)
          ON CONFLICT (key) DO UPDATE SET
            tokens = ${refilled} - (CASE WHEN ${refilled} >= 1 THEN 1 ELSE 0 END),
            granted = (CASE WHEN ${refilled} >= 1 THEN 1 ELSE 0 END),
            updated_at_ms = max(updated_at_ms, ?3)
          RETURNING tokens, granted`,
    args: [`token:${c.var.user.tokenId}`, burst, nowMs, perSecond],
  });
  const row = result.rows[0];
  if (row && Number(row.granted) === 0) {
    const retryAfter = Math.max(1, Math.ceil((1 - Number(row.tokens)) / perSecond));
    throw new ApiError('rate_limited', 429, `rate limit exceeded: ${perSecond} requests per second per token (bursts up to ${burst})`, undefined, {
      'Retry-After': String(retryAfter),
    });
  }
  await next();
});
