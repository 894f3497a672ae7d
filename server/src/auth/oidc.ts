import { randomBytes } from 'node:crypto';
import { ConnectorError } from '../connectors/connector-error';
import { createGoogleAuth, toGmailConnectorError } from '../connectors/gmail/gmail-provider';
import { parseGraphError } from '../connectors/microsoft/graph-errors';
import { microsoftTokenUrl } from '../connectors/oauth/microsoft-token-source';
import type { OAuthClientCredentials, ProviderEndpoints } from '../connectors/oauth/oauth-endpoints';
import { MAIL_PROVIDERS, type MailProviderName } from '@followthrough/shared/contract';

/**
 * "Sign in with Google / Microsoft" for the extension (OpenID Connect, scope `openid email`), through the
 * OAuth clients the server already has for mailbox sync (FT_GOOGLE_CLIENT_ID, FT_MS_CLIENT_ID) and their
 * endpoints (the same environment variables point them at local stand-ins in tests). Authorization code
 * flow with PKCE (RFC 7636) and a nonce (OIDC Core §3.1.2.1); only who the user is is asked: no mail scope,
 * no offline access.
 *
 * The ID token comes straight from the provider's token endpoint over TLS in exchange for our client
 * secret, so its claims are checked (issuer, audience, expiry, nonce) and its signature is not: OIDC Core
 * §3.1.3.7 (6) allows TLS server validation of the token endpoint in place of the signature check for
 * exactly this flow. A token that arrived any other way (the browser, a fragment) would need the JWKS.
 */
export const OIDC_SCOPE = 'openid email';

/** Google's issuer (both spellings are in use: https://developers.google.com/identity/openid-connect/openid-connect#validatinganidtoken). */
const GOOGLE_ISSUERS = ['https://accounts.google.com', 'accounts.google.com'];
/** Microsoft's v2.0 issuer names the user's tenant (https://learn.microsoft.com/entra/identity-platform/id-token-claims-reference). */
const MICROSOFT_ISSUER = /^https:\/\/login\.microsoftonline\.com\/([0-9a-f-]{36})\/v2\.0$/;

export class OidcNotConfiguredError extends Error {
  constructor(provider: MailProviderName) {
    super(`${provider === 'google' ? 'Google' : 'Microsoft'} sign-in is not configured on this server`);
    this.name = 'OidcNotConfiguredError';
  }
}

/** Providers this server can sign users in with (those whose OAuth client is configured). */
export function configuredProviders(clients: OAuthClientCredentials | undefined): MailProviderName[] {
  return MAIL_PROVIDERS.filter((p) => Boolean(clients?.[p]));
}

function credentials(clients: OAuthClientCredentials, provider: MailProviderName) {
  const c = clients[provider];
  if (!c) throw new OidcNotConfiguredError(provider);
  return c;
}

export function createNonce(): string {
  return randomBytes(16).toString('base64url');
}

export interface OidcAuthorizationRequest {
  provider: MailProviderName;
  redirectUri: string;
  state: string;
  nonce: string;
  codeChallenge: string;
}

/** The provider's sign-in page for `openid email`. */
export function buildOidcAuthorizationUrl(endpoints: ProviderEndpoints, clients: OAuthClientCredentials, request: OidcAuthorizationRequest): string {
  const { clientId } = credentials(clients, request.provider);
  const url =
    request.provider === 'google'
      ? new URL(endpoints.googleAuthUrl)
      : new URL(`${endpoints.msLoginUrl}/${encodeURIComponent(endpoints.msTenant)}/oauth2/v2.0/authorize`);
  const q = url.searchParams;
  q.set('client_id', clientId);
  q.set('redirect_uri', request.redirectUri);
  q.set('response_type', 'code');
  q.set('scope', OIDC_SCOPE);
  q.set('state', request.state);
  q.set('nonce', request.nonce);
  q.set('code_challenge', request.codeChallenge);
  q.set('code_challenge_method', 'S256');
  // Let the user pick the account rather than silently using whichever is signed in.
  q.set('prompt', 'select_account');
  if (request.provider === 'microsoft') q.set('response_mode', 'query');
  return url.toString();
}

export interface IdTokenClaims {
  iss: string;
  aud: string | string[];
  exp: number;
  nonce?: string;
  email?: string;
  email_verified?: boolean | string;
  preferred_username?: string;
  tid?: string;
}

/** The claims of a JWT, unverified (see the header comment for why that is sound here). */
export function decodeIdToken(idToken: string): IdTokenClaims {
  const parts = idToken.split('.');
  if (parts.length !== 3) throw new Error('the ID token is not a JWT');
  try {
    return JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as IdTokenClaims;
  } catch {
    throw new Error('the ID token payload is not JSON');
  }
}

/** Who signed in, from validated ID token claims; throws with the reason when a check fails. */
export function emailFromClaims(provider: MailProviderName, claims: IdTokenClaims, expected: { clientId: string; nonce: string; now: Date }): string {
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(expected.clientId)) throw new Error('the ID token is for another application (aud)');
  if (!(typeof claims.exp === 'number' && claims.exp * 1000 > expected.now.getTime())) throw new Error('the ID token has expired');
  if (claims.nonce !== expected.nonce) throw new Error('the ID token does not answer this sign-in (nonce)');
  if (provider === 'google') {
    if (!GOOGLE_ISSUERS.includes(claims.iss)) throw new Error(`the ID token was not issued by Google (${claims.iss})`);
    if (claims.email_verified !== true && claims.email_verified !== 'true') throw new Error('Google has not verified this e-mail address');
    if (!claims.email) throw new Error('Google sent no e-mail address (was the email scope granted?)');
    return claims.email.toLowerCase();
  }
  const issuer = MICROSOFT_ISSUER.exec(claims.iss);
  if (!issuer || (claims.tid !== undefined && claims.tid !== issuer[1])) throw new Error(`the ID token was not issued by Microsoft (${claims.iss})`);
  // `email` when the account has one, else the sign-in name (an address for work and personal accounts).
  const email = claims.email ?? claims.preferred_username;
  if (!email || !email.includes('@')) throw new Error('Microsoft sent no e-mail address');
  return email.toLowerCase();
}

/** Code -> ID token at the provider's token endpoint (with the PKCE verifier), then the e-mail it names. */
export async function exchangeOidcCode(
  endpoints: ProviderEndpoints,
  clients: OAuthClientCredentials,
  input: { provider: MailProviderName; code: string; codeVerifier: string; redirectUri: string; nonce: string; now: Date },
): Promise<string> {
  const creds = credentials(clients, input.provider);
  let idToken: string | null | undefined;
  if (input.provider === 'google') {
    // The same client library the mailbox connector uses (google-auth-library's OAuth2 client).
    const auth = createGoogleAuth({ ...creds, tokenUrl: endpoints.googleTokenUrl, redirectUri: input.redirectUri });
    try {
      ({ tokens: { id_token: idToken } } = await auth.getToken({ code: input.code, codeVerifier: input.codeVerifier, redirect_uri: input.redirectUri }));
    } catch (error) {
      throw toGmailConnectorError(error);
    }
  } else {
    const response = await fetch(microsoftTokenUrl(endpoints.msLoginUrl, endpoints.msTenant), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: creds.clientId,
        client_secret: creds.clientSecret,
        code: input.code,
        redirect_uri: input.redirectUri,
        code_verifier: input.codeVerifier,
        scope: OIDC_SCOPE,
      }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json().catch(() => ({}))) as { id_token?: string };
    if (!response.ok) throw new ConnectorError(parseGraphError({ status: response.status, body, retryAfter: response.headers.get('retry-after') }));
    idToken = body.id_token;
  }
  if (!idToken) throw new Error('the provider answered without an ID token (is "openid" among the granted scopes?)');
  return emailFromClaims(input.provider, decodeIdToken(idToken), { clientId: creds.clientId, nonce: input.nonce, now: input.now });
}
