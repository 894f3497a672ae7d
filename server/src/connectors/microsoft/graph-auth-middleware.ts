import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { MicrosoftTokenSource } from '../oauth/microsoft-token-source';

/**
 * Our own auth middleware for the Graph client. The library's AuthenticationHandler only attaches the
 * token for https Graph hosts (it would drop it when FT_GRAPH_URL points at a local http stand-in), so
 * this one always attaches it, retries once with a fresh token on 401 (an access token revoked or
 * expired early), and puts a timeout on every request so a hung connection becomes a retry.
 */
export function createGraphAuthMiddleware(tokens: MicrosoftTokenSource, timeoutMs = 30_000): Middleware {
  let next: Middleware | undefined;
  const send = async (context: Context, token: string): Promise<void> => {
    const options = (context.options ??= {});
    const headers = new Headers(options.headers as ConstructorParameters<typeof Headers>[0]);
    headers.set('Authorization', `Bearer ${token}`);
    options.headers = Object.fromEntries(headers.entries());
    options.signal ??= AbortSignal.timeout(timeoutMs);
    if (!next) throw new Error('graph auth middleware has no next handler');
    await next.execute(context);
  };
  return {
    setNext(middleware: Middleware) {
      next = middleware;
    },
    async execute(context: Context) {
      await send(context, await tokens.getAccessToken());
      if (context.response?.status === 401) {
        context.response = undefined;
        context.options = { ...context.options, signal: AbortSignal.timeout(timeoutMs) };
        await send(context, await tokens.getAccessToken(true));
      }
    },
  };
}
