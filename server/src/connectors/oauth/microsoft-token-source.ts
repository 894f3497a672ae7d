import { ConnectorError, isNetworkFailure } from '../connector-error';
import { parseGraphError } from '../microsoft/graph-errors';

/**
 * Access tokens for Graph from a stored refresh token, via the Microsoft identity platform's token
 * endpoint (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#refresh-the-access-token).
 * Microsoft may rotate the refresh token on every use: `onRotate` must persist the new one, or the next
 * process start would present a token that is about to stop working.
 */
export interface MicrosoftTokenSource {
  getAccessToken(forceRefresh?: boolean): Promise<string>;
}

export interface MicrosoftTokenSourceOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  scopes: readonly string[];
  onRotate?: (refreshToken: string) => Promise<void> | void;
  now?: () => number;
  fetchImpl?: typeof fetch;
}

export function microsoftTokenUrl(loginUrl: string, tenant: string): string {
  return `${loginUrl.replace(/\/+$/, '')}/${encodeURIComponent(tenant)}/oauth2/v2.0/token`;
}

export function createMicrosoftTokenSource(options: MicrosoftTokenSourceOptions): MicrosoftTokenSource {
  const now = options.now ?? Date.now;
  const fetchImpl = options.fetchImpl ?? fetch;
  let refreshToken = options.refreshToken;
  let cached: { token: string; expiresAt: number } | null = null;
  let inFlight: Promise<string> | null = null;

  const refresh = async (): Promise<string> => {
    let response: Response;
    try {
      response = await fetchImpl(options.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          client_id: options.clientId,
          client_secret: options.clientSecret,
          refresh_token: refreshToken,
          scope: options.scopes.join(' '),
        }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      if (isNetworkFailure(error)) throw new ConnectorError({ code: 'TEMPORARY', message: `Microsoft token endpoint unreachable: ${String(error)}` }, { cause: error });
      throw error;
    }
    const text = await response.text();
    let body: unknown = {};
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON (a proxy error page): the status decides.
    }
    if (!response.ok) throw new ConnectorError(parseGraphError({ status: response.status, body, retryAfter: response.headers.get('retry-after') }));
    const tokens = body as { access_token?: string; expires_in?: number; refresh_token?: string };
    if (!tokens.access_token) throw new ConnectorError({ code: 'UNKNOWN', message: 'Microsoft token endpoint answered without an access_token' });
    if (tokens.refresh_token && tokens.refresh_token !== refreshToken) {
      refreshToken = tokens.refresh_token;
      await options.onRotate?.(refreshToken);
    }
    // A minute of slack so a token never expires between our check and Graph's.
    cached = { token: tokens.access_token, expiresAt: now() + Math.max(0, (tokens.expires_in ?? 3600) - 60) * 1000 };
    return tokens.access_token;
  };

  return {
    async getAccessToken(forceRefresh = false) {
      if (!forceRefresh && cached && cached.expiresAt > now()) return cached.token;
      // One refresh at a time: four concurrent Graph requests must not rotate the refresh token four times.
      inFlight ??= refresh().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
  };
}
