import { ConnectorError, isNetworkFailure } from '../connector-error';
import { createGoogleAuth, toGmailConnectorError } from '../gmail/gmail-provider';
import { parseGraphError } from '../microsoft/graph-errors';
import { microsoftTokenUrl } from './microsoft-token-source';
import { scopes, type OAuthClientCredentials, type ProviderEndpoints } from './oauth-endpoints';
import type { MailAccess, MailProviderName } from '@followthrough/shared/contract';

export interface AuthorizationRequest {
  provider: MailProviderName;
  access: MailAccess;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  loginHint?: string;
}

export class OAuthNotConfiguredError extends Error {
  constructor(provider: MailProviderName) {
    const vars = provider === 'google' ? 'FT_GOOGLE_CLIENT_ID and FT_GOOGLE_CLIENT_SECRET' : 'FT_MS_CLIENT_ID and FT_MS_CLIENT_SECRET';
    super(`${provider === 'google' ? 'Google' : 'Microsoft'} sign-in is not configured on this server: set ${vars} (README, "Connecting a mailbox")`);
    this.name = 'OAuthNotConfiguredError';
  }
}

function client(clients: OAuthClientCredentials, provider: MailProviderName) {
  const c = clients[provider];
  if (!c) throw new OAuthNotConfiguredError(provider);
  return c;
}

/**
 * The consent URL. Google: access_type=offline + prompt=consent so a refresh token is always issued
 * (https://developers.google.com/identity/protocols/oauth2/web-server). Microsoft: offline_access in the
 * scopes does the same (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow).
 */
export function buildAuthorizationUrl(endpoints: ProviderEndpoints, clients: OAuthClientCredentials, request: AuthorizationRequest): string {
  const { clientId } = client(clients, request.provider);
  const url =
    request.provider === 'google'
      ? new URL(endpoints.googleAuthUrl)
      : new URL(`${endpoints.msLoginUrl}/${encodeURIComponent(endpoints.msTenant)}/oauth2/v2.0/authorize`);
  const params = url.searchParams;
  params.set('client_id', clientId);
  params.set('redirect_uri', request.redirectUri);
  params.set('response_type', 'code');
  params.set('scope', (request.provider === 'google' ? scopes.google : scopes.microsoft)[request.access].join(' '));
  params.set('state', request.state);
  params.set('code_challenge', request.codeChallenge);
  params.set('code_challenge_method', 'S256');
  if (request.provider === 'google') {
    params.set('access_type', 'offline');
    params.set('prompt', 'consent');
  } else {
    params.set('response_mode', 'query');
  }
  if (request.loginHint) params.set('login_hint', request.loginHint);
  return url.toString();
}

export interface ExchangedGrant {
  refreshToken: string;
  accessToken: string;
  /** The mailbox address the grant is for, asked of the provider with the new access token. */
  email: string;
}

/** Code -> tokens (with the PKCE verifier), then who the mailbox is. */
export async function exchangeAuthorizationCode(
  endpoints: ProviderEndpoints,
  clients: OAuthClientCredentials,
  input: { provider: MailProviderName; code: string; codeVerifier: string; redirectUri: string },
): Promise<ExchangedGrant> {
  const credentials = client(clients, input.provider);
  if (input.provider === 'google') {
    const auth = createGoogleAuth({ ...credentials, tokenUrl: endpoints.googleTokenUrl, redirectUri: input.redirectUri });
    let tokens;
    try {
      ({ tokens } = await auth.getToken({ code: input.code, codeVerifier: input.codeVerifier, redirect_uri: input.redirectUri }));
    } catch (error) {
      throw toGmailConnectorError(error);
    }
    if (!tokens.refresh_token || !tokens.access_token) {
      throw new ConnectorError({ code: 'UNKNOWN', message: 'Google issued no refresh token (was prompt=consent dropped?)' });
    }
    const profile = await fetchJson(new URL('gmail/v1/users/me/profile', endpoints.gmailApiUrl.endsWith('/') ? endpoints.gmailApiUrl : `${endpoints.gmailApiUrl}/`), tokens.access_token);
    const email = (profile as { emailAddress?: string }).emailAddress;
    if (!email) throw new ConnectorError({ code: 'UNKNOWN', message: 'Gmail profile has no emailAddress' });
    return { refreshToken: tokens.refresh_token, accessToken: tokens.access_token, email };
  }
  const response = await fetch(microsoftTokenUrl(endpoints.msLoginUrl, endpoints.msTenant), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      code: input.code,
      redirect_uri: input.redirectUri,
      code_verifier: input.codeVerifier,
    }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await response.json().catch(() => ({}))) as { access_token?: string; refresh_token?: string };
  if (!response.ok) throw new ConnectorError(parseGraphError({ status: response.status, body, retryAfter: response.headers.get('retry-after') }));
  if (!body.refresh_token || !body.access_token) throw new ConnectorError({ code: 'UNKNOWN', message: 'Microsoft issued no refresh token (is offline_access in the scopes?)' });
  const me = (await fetchJson(new URL(`${endpoints.graphUrl}/v1.0/me?$select=mail,userPrincipalName`), body.access_token)) as { mail?: string | null; userPrincipalName?: string };
  const email = me.mail ?? me.userPrincipalName;
  if (!email) throw new ConnectorError({ code: 'UNKNOWN', message: 'Graph /me has neither mail nor userPrincipalName' });
  return { refreshToken: body.refresh_token, accessToken: body.access_token, email };
}

async function fetchJson(url: URL, accessToken: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${accessToken}` }, signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    if (isNetworkFailure(error)) throw new ConnectorError({ code: 'TEMPORARY', message: `${url.host} unreachable` }, { cause: error });
    throw error;
  }
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) throw new ConnectorError({ code: response.status === 401 ? 'AUTH_REVOKED' : 'UNKNOWN', message: `${url.pathname} answered ${response.status}`, status: response.status });
  return body;
}
