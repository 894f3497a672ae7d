import { createHash, createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import { json, type HttpAnswer } from './http-kit';

/**
 * The OAuth 2.0 side of a provider stand-in: the authorize endpoint (auto-consents as the user named by
 * `login_hint`, or the only mailbox), the token endpoint (authorization_code with PKCE S256 per RFC 7636,
 * refresh_token), and bearer-token lookup for the API side. Error bodies follow RFC 6749 §5.2, as both
 * Google and the Microsoft identity platform answer them.
 */
export interface OAuthAuthority {
  readonly clientId: string;
  readonly clientSecret: string;
  /** A refresh token for `user`, as an administrator would paste into `account add`. */
  issueRefreshToken(user: string, scope?: string): string;
  /** Revokes every refresh and access token of `user`: later refreshes answer invalid_grant. */
  revoke(user: string): void;
  /** Makes every issued access token expire now (the client must refresh). */
  expireAccessTokens(): void;
  userOfAccessToken(token: string | undefined): string | null;
  authorize(url: URL, knownUsers: string[]): HttpAnswer;
  token(form: URLSearchParams, authorization: string | undefined): HttpAnswer;
  readonly stats: { refreshes: number; codeExchanges: number; invalidGrants: number };
  /** Every refresh token handed out, so a test can check none of them is stored in plaintext. */
  readonly issuedRefreshTokens: string[];
}

interface PendingCode {
  user: string;
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string;
  nonce: string | null;
}

const b64url = (buf: Buffer): string => buf.toString('base64url');

/**
 * OpenID Connect: when the authorization request's scope has `openid`, the code exchange also returns an
 * `id_token` (RS256, signed with a key made for this stand-in) carrying `iss`, `aud`, `sub`, `email`, the
 * request's `nonce`, `iat` and `exp`, as Google (https://developers.google.com/identity/openid-connect/openid-connect#obtainuserinfo)
 * and the Microsoft identity platform (id_token claims reference) do; `extraClaims` adds a provider's own
 * (Google's email_verified, Microsoft's tid and preferred_username).
 */
export interface OidcOptions {
  issuer: string;
  extraClaims?: (user: string) => Record<string, unknown>;
}

export function createOAuthAuthority(options: { clientId: string; clientSecret: string; accessTokenTtlSec?: number; scopeSeparator?: string; oidc?: OidcOptions }): OAuthAuthority {
  const signingKey = options.oidc ? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey : null;
  const idToken = (user: string, nonce: string | null): string => {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: 'stand-in' };
    const claims = {
      iss: options.oidc!.issuer,
      aud: options.clientId,
      sub: createHash('sha256').update(user).digest('hex').slice(0, 21),
      email: user,
      iat: now,
      exp: now + 3600,
      ...(nonce ? { nonce } : {}),
      ...(options.oidc!.extraClaims?.(user) ?? {}),
    };
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const signed = `${encode(header)}.${encode(claims)}`;
    return `${signed}.${createSign('RSA-SHA256').update(signed).sign(signingKey!).toString('base64url')}`;
  };
  const codes = new Map<string, PendingCode>();
  const refreshTokens = new Map<string, { user: string; scope: string }>();
  const accessTokens = new Map<string, { user: string; expiresAt: number }>();
  const stats = { refreshes: 0, codeExchanges: 0, invalidGrants: 0 };
  const issuedRefreshTokens: string[] = [];
  const ttl = options.accessTokenTtlSec ?? 3600;

  const issueAccess = (user: string): string => {
    const token = `at-${b64url(randomBytes(18))}`;
    accessTokens.set(token, { user, expiresAt: Date.now() + ttl * 1000 });
    return token;
  };
  const invalidGrant = (description: string): HttpAnswer => {
    stats.invalidGrants++;
    return json(400, { error: 'invalid_grant', error_description: description });
  };

  const checkClient = (form: URLSearchParams, authorization: string | undefined): boolean => {
    let id = form.get('client_id');
    let secret = form.get('client_secret');
    if (authorization?.startsWith('Basic ')) {
      const [u, p] = Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':');
      id = decodeURIComponent(u ?? '');
      secret = decodeURIComponent(p ?? '');
    }
    return id === options.clientId && secret === options.clientSecret;
  };

  return {
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    stats,
    issuedRefreshTokens,
    issueRefreshToken(user, scope = 'mail') {
      const token = `rt-${b64url(randomBytes(24))}`;
      refreshTokens.set(token, { user, scope });
      issuedRefreshTokens.push(token);
      return token;
    },
    revoke(user) {
      for (const [token, entry] of refreshTokens) if (entry.user === user) refreshTokens.delete(token);
      for (const [token, entry] of accessTokens) if (entry.user === user) accessTokens.delete(token);
    },
    expireAccessTokens() {
      for (const entry of accessTokens.values()) entry.expiresAt = 0;
    },
    userOfAccessToken(token) {
      if (!token) return null;
      const entry = accessTokens.get(token.replace(/^Bearer\s+/i, ''));
      return entry && entry.expiresAt > Date.now() ? entry.user : null;
    },
    authorize(url, knownUsers) {
      const q = url.searchParams;
      const redirectUri = q.get('redirect_uri');
      if (q.get('client_id') !== options.clientId || !redirectUri) {
        return json(400, { error: 'invalid_request', error_description: 'unknown client_id or missing redirect_uri' });
      }
      const target = new URL(redirectUri);
      const fail = (error: string, description: string): HttpAnswer => {
        target.searchParams.set('error', error);
        target.searchParams.set('error_description', description);
        if (q.get('state')) target.searchParams.set('state', q.get('state')!);
        return { status: 302, headers: { location: target.toString() }, raw: '' };
      };
      if (q.get('response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be code');
      if (!q.get('code_challenge') || q.get('code_challenge_method') !== 'S256') {
        return fail('invalid_request', 'PKCE code_challenge with method S256 is required');
      }
      const hint = q.get('login_hint');
      const user = hint ?? (knownUsers.length === 1 ? knownUsers[0] : undefined);
      if (!user || !knownUsers.includes(user)) return fail('access_denied', 'no such mailbox at the stand-in');
      const code = `code-${b64url(randomBytes(16))}`;
      codes.set(code, { user, clientId: options.clientId, redirectUri, challenge: q.get('code_challenge')!, scope: q.get('scope') ?? '', nonce: q.get('nonce') });
      target.searchParams.set('code', code);
      if (q.get('state')) target.searchParams.set('state', q.get('state')!);
      return { status: 302, headers: { location: target.toString() }, raw: '' };
    },
    token(form, authorization) {
      if (!checkClient(form, authorization)) return json(401, { error: 'invalid_client', error_description: 'client authentication failed' });
      const grant = form.get('grant_type');
      if (grant === 'authorization_code') {
        const pending = codes.get(form.get('code') ?? '');
        if (!pending) return invalidGrant('authorization code is unknown or already used');
        codes.delete(form.get('code')!);
        if (pending.redirectUri !== form.get('redirect_uri')) return invalidGrant('redirect_uri does not match the authorization request');
        const verifier = form.get('code_verifier') ?? '';
        if (b64url(createHash('sha256').update(verifier).digest()) !== pending.challenge) {
          return invalidGrant('code_verifier does not match the code_challenge');
        }
        stats.codeExchanges++;
        const scopes = pending.scope.split(/[\s,]+/);
        const openId = options.oidc && scopes.includes('openid') ? { id_token: idToken(pending.user, pending.nonce) } : {};
        // A sign-in (openid, no mail scope) gets no refresh token, as with prompt-less OIDC sign-ins at Google.
        if (openId.id_token && !scopes.some((s) => /mail|gmail/i.test(s))) {
          return json(200, { access_token: issueAccess(pending.user), expires_in: ttl, scope: pending.scope, token_type: 'Bearer', ...openId });
        }
        const refresh = `rt-${b64url(randomBytes(24))}`;
        refreshTokens.set(refresh, { user: pending.user, scope: pending.scope });
        issuedRefreshTokens.push(refresh);
        return json(200, { access_token: issueAccess(pending.user), expires_in: ttl, refresh_token: refresh, scope: pending.scope, token_type: 'Bearer', ...openId });
      }
      if (grant === 'refresh_token') {
        const entry = refreshTokens.get(form.get('refresh_token') ?? '');
        if (!entry) return invalidGrant('Token has been expired or revoked.');
        stats.refreshes++;
        return json(200, { access_token: issueAccess(entry.user), expires_in: ttl, scope: entry.scope, token_type: 'Bearer' });
      }
      return json(400, { error: 'unsupported_grant_type', error_description: `grant_type ${String(grant)} is not supported` });
    },
  };
}
