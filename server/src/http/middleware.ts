import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import { randomUUID } from 'node:crypto';
import type { AppDeps, AppEnv } from './env';
import { ApiError } from './errors';

/** Makes the deps visible to every handler (c.var.deps) without module globals. */
export function provideDeps(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
}

/**
 * Request ids: a caller's X-Request-Id is kept when it looks sane (so the extension can correlate its
 * logs), otherwise we make one. Echoed in the response header, every log line and every error body.
 */
export const requestIdAndLog = createMiddleware<AppEnv>(async (c, next) => {
  const incoming = c.req.header('x-request-id');
  const requestId = incoming && /^[\w.:-]{1,128}$/.test(incoming) ? incoming : randomUUID();
  c.set('requestId', requestId);
  const started = performance.now();
  try {
    await next();
  } finally {
    c.header('X-Request-Id', requestId);
    c.var.deps.logger.info('request', {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      userId: c.var.user?.id,
    });
  }
});

/** Browser extensions (Chrome, Firefox) plus origins the operator lists in FT_CORS_ORIGINS; nobody else. */
export function extensionCors(configured: string[]) {
  return cors({
    origin: (origin) =>
      origin.startsWith('chrome-extension://') || origin.startsWith('moz-extension://') || configured.includes(origin) ? origin : null,
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposeHeaders: ['Retry-After', 'X-Request-Id'],
    maxAge: 600,
  });
}

export function limitBody(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError('payload_too_large', 413, `request body larger than ${maxSize} bytes; send messages in smaller batches`);
    },
  });
}
