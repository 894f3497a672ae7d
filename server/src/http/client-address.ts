import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The peer's address, for limits on requests that carry no valid token (a wrong token, the OAuth callback).
 * The socket's address, not X-Forwarded-For: that header is the client's to write. Behind a proxy every
 * caller shares the proxy's bucket, which errs on the side of refusing. "unknown" when there is no socket
 * (app.request in tests).
 */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
