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

/**
 * Origins of published builds of the extension. Chrome gives a store-published extension one id for every
 * install (add it here when the listing exists); Firefox gives each install its own moz-extension:// UUID, so
 * a Firefox origin can only be allowed by configuration. The extension itself needs no CORS: only its
 * background talks to the server, with the host permission the user granted, which browsers exempt from
 * CORS. These are for other browser-side clients.
 */
export const PUBLISHED_EXTENSION_ORIGINS: readonly string[] = [];

const EXTENSION_ORIGIN = /^(?:chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** True for an extension origin with a well-formed id (32 letters a-p for Chrome, a UUID for Firefox). */
export const isExtensionOrigin = (origin: string): boolean => EXTENSION_ORIGIN.test(origin);

/** The published extension ids plus the origins the operator lists in FT_CORS_ORIGINS; nobody else. */
export function extensionCors(configured: string[]) {
  const allowed = new Set([...PUBLISHED_EXTENSION_ORIGINS, ...configured]);
  return cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposeHeaders: ['Retry-After', 'X-Request-Id'],
    maxAge: 600,
  });
}

export function limitBody(maxSize: number, advice = 'send messages in smaller batches') {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError('payload_too_large', 413, `request body larger than ${maxSize} bytes; ${advice}`);
    },
  });
}
