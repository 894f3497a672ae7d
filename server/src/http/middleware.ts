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
 * install (add it here when the listing exists); Firefox gives each install its own moz-extension:// UUID.
 */
export const PUBLISHED_EXTENSION_ORIGINS: readonly string[] = [];

const EXTENSION_ORIGIN = /^(?:chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** True for an extension origin with a well-formed id (32 letters a-p for Chrome, a UUID for Firefox). */
export const isExtensionOrigin = (origin: string): boolean => EXTENSION_ORIGIN.test(origin);

/**
 * Which extension origins CORS lets in (FT_CORS_EXTENSIONS):
 * - `installed` (default): any extension origin with a well-formed id, besides the configured origins. The
 *   extension's background needs CORS until the user grants it the server's host permission (the options
 *   page asks on "Test connection"), and an unpacked build's id and every Firefox install's UUID cannot be
 *   known in advance. An origin without an id ("chrome-extension://") or with a malformed one never passes.
 * - `configured`: only PUBLISHED_EXTENSION_ORIGINS and the origins in FT_CORS_ORIGINS (list your users'
 *   extension origins there).
 */
export type ExtensionCorsPolicy = 'installed' | 'configured';

/** Browser extensions as the policy says, plus the origins the operator lists in FT_CORS_ORIGINS; nobody else. */
export function extensionCors(configured: string[], policy: ExtensionCorsPolicy = 'installed') {
  const allowed = new Set([...PUBLISHED_EXTENSION_ORIGINS, ...configured]);
  return cors({
    origin: (origin) => (allowed.has(origin) || (policy === 'installed' && isExtensionOrigin(origin)) ? origin : null),
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
