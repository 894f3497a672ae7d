import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import { randomUUID } from 'node:crypto';
import type { AppDeps, AppEnv } from './env';
import { ApiError } from './errors';

/** Makes the deps visible to every handler (c.get('deps')) without module globals. */
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
  // Set before the handler runs, so it goes out with the handler's own response. A header set on a
  // finished response makes Hono rebuild it around its body as a stream, and @hono/node-server then
  // writes it through a ReadableStream instead of in one piece (measured: a third of a small route's CPU).
  c.header('X-Request-Id', requestId);
  const started = performance.now();
  try {
    await next();
  } finally {
    // A handler that built its own Response (not through c.*) carries none of the prepared headers.
    if (c.res.headers.get('X-Request-Id') === null) c.header('X-Request-Id', requestId);
    c.get('deps').logger.info('request', {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      userId: c.get('user')?.id,
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
  const allowOrigin = (origin: string): string | null => (allowed.has(origin) || (policy === 'installed' && isExtensionOrigin(origin)) ? origin : null);
  const preflight = cors({
    origin: allowOrigin,
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposeHeaders: ['Retry-After', 'X-Request-Id'],
    maxAge: 600,
  });
  // Preflights (OPTIONS) go through hono/cors. Other requests get the same headers here, set before the
  // handler: hono/cors sets them on c.res before and after it, which turns every answer into a streamed
  // one (see requestIdAndLog); the headers and their values are the same as hono/cors gives.
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    const origin = allowOrigin(c.req.header('origin') ?? '');
    if (origin) c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Expose-Headers', 'Retry-After,X-Request-Id');
    c.header('Vary', 'Origin', { append: true });
    await next();
  });
}

export function limitBody(maxSize: number, advice = 'send messages in smaller batches') {
  const refuse = (): never => {
    throw new ApiError('payload_too_large', 413, `request body larger than ${maxSize} bytes; ${advice}`);
  };
  const streamed = bodyLimit({ maxSize, onError: refuse });
  return createMiddleware<AppEnv>(async (c, next) => {
    // GET and HEAD carry no body to limit.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    // A declared length is the body's length (Node's parser reads no further), so it is checked as declared,
    // as hono's bodyLimit does, but without asking for c.req.raw.body first: that makes @hono/node-server
    // build a fetch Request, and the body is then read through a web stream and undici instead of straight
    // from the socket (the route's JSON). Bodies sent in chunks, with no length, are counted as they come.
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number.parseInt(declared, 10) > maxSize) refuse();
      return next();
    }
    return streamed(c, next);
  });
}
