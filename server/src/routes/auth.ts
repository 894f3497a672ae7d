import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { createSignInRequestSchema, mailProviderSchema, type MailProviderName, redeemSignInRequestSchema, signInRequestSchema, redeemSignInResponseSchema, signOutResponseSchema } from '@followthrough/shared/contract';
import { buildOidcAuthorizationUrl, configuredProviders, createNonce, exchangeOidcCode } from '../auth/oidc';
import { createPkcePair } from '../connectors/oauth/pkce';
import { apiTokens, users } from '../db/schema/index';
import { describe } from '../http/describe';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { validate } from '../http/validate';
import { consumePairingCode } from '../store/pairing';
import {
  approveSignIn,
  bindBrowser,
  browserMatches,
  checkCodeOf,
  countFailedCode,
  createSignInRequest,
  liveSignInRequest,
  MAX_CODE_ATTEMPTS_SERVER_WIDE,
  recentFailedCodes,
  redeemSignIn,
  saveOidcState,
  SIGN_IN_POLL_MS,
  SIGN_IN_TTL_MS,
  takeOidcState,
  userByEmail,
  type SignInRow,
} from '../store/sign-in';

/**
 * Signing the extension in (contract/auth.ts):
 * - `POST /auth/sign-in-requests` {challenge}: the extension starts a request and opens `signInUrl` in a tab;
 * - `GET /auth/sign-in?request=`: the server's page: a pairing-code form, and "Sign in with Google /
 *   Microsoft" when those OAuth clients are configured; it binds the request to this browser (cookie);
 * - `POST /auth/sign-in/code`, `GET /auth/sign-in/:provider` + `GET /auth/oidc/callback/:provider`: approve it;
 * - `POST /auth/sign-in-requests/:id/token` {verifier}: the extension takes its new token, once.
 * Outside /v1 (nobody has a token yet); bodies and pages are small, and every page escapes what it shows.
 */

const COOKIE = 'ft_signin';
const providerParam = z.object({ provider: mailProviderSchema });
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function publicOrigin(c: Context<AppEnv>): string {
  return c.get('deps').mailSync?.publicUrl ?? new URL(c.req.url).origin;
}

function providersOf(c: Context<AppEnv>): MailProviderName[] {
  return configuredProviders(c.get('deps').mailSync?.connectors.clients);
}

const PROVIDER_LABEL: Record<MailProviderName, string> = { google: 'Google', microsoft: 'Microsoft' };

/** The sign-in page's frame: no scripts, inline style only, every dynamic value escaped by the caller. */
function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1d2430}main{max-width:28rem;margin:4rem auto;background:#fff;border:1px solid #d9dee7;border-radius:12px;padding:2rem}
h1{font-size:1.35rem;margin:0 0 1rem}label{display:block;font-weight:600;margin:1rem 0 .25rem}input{font:inherit;font-size:1.2rem;letter-spacing:.15em;padding:.5rem;width:100%;box-sizing:border-box;text-transform:uppercase}
button,a.provider{display:block;width:100%;box-sizing:border-box;margin-top:.75rem;padding:.6rem;font:inherit;border-radius:8px;border:1px solid #1d4ed8;background:#1d4ed8;color:#fff;text-align:center;text-decoration:none;cursor:pointer}
a.provider{background:#fff;color:#1d2430;border-color:#9aa4b2}.check{font-family:ui-monospace,monospace;font-weight:700;letter-spacing:.1em}.muted{color:#5b6472;font-size:.9rem}.bad{color:#b42318}.good{color:#067647}</style>
</head><body><main>${body}</main></body></html>`;
}

function messagePage(c: Context<AppEnv>, title: string, text: string, kind: 'done' | 'error', status: 200 | 400 | 404 = kind === 'done' ? 200 : 400) {
  const testId = kind === 'done' ? 'ft-signin-done' : 'ft-signin-error';
  return c.html(page(title, `<h1>${escapeHtml(title)}</h1><p class="${kind === 'done' ? 'good' : 'bad'}" data-testid="${testId}">${text}</p>`), status);
}

function signInForm(c: Context<AppEnv>, row: SignInRow, error: string | null) {
  const client = row.client ?? 'Followthrough';
  const providers = providersOf(c)
    .map((p) => `<a class="provider" data-testid="ft-signin-${p}" href="/auth/sign-in/${p}?request=${encodeURIComponent(row.id)}">Sign in with ${PROVIDER_LABEL[p]}</a>`)
    .join('');
  const body = `<h1>Sign in to Followthrough</h1>
<p><strong>${escapeHtml(client)}</strong> asks to sign in to this server. It shows the code <span class="check" data-testid="ft-signin-check">${escapeHtml(checkCodeOf(row.challenge))}</span>: if yours shows another code, or you did not just press “Sign in”, close this page.</p>
${error ? `<p class="bad" role="alert" data-testid="ft-signin-error">${escapeHtml(error)}</p>` : ''}
${providers ? `${providers}<p class="muted">Only your name and e-mail address are asked for, to find your account on this server.</p><hr>` : ''}
<form method="post" action="/auth/sign-in/code">
<input type="hidden" name="request" value="${escapeHtml(row.id)}">
<label for="code">Pairing code</label>
<input id="code" name="code" autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" maxlength="12" required data-testid="ft-signin-code" placeholder="ABCD-EFGH">
<p class="muted">Your administrator prints one with <code>followthrough user pair &lt;your e-mail&gt;</code>; it works once, for ten minutes.</p>
<button type="submit" data-testid="ft-signin-submit">Sign in</button>
</form>`;
  return c.html(page('Sign in to Followthrough', body), error ? 400 : 200);
}

const SIGNED_IN = (email: string) =>
  `Signed in as <strong>${escapeHtml(email)}</strong>. Followthrough in your browser now has its key to this server; this tab closes by itself (or close it).`;

/** The request of a page action, bound to this browser; otherwise the reason as a page. */
async function boundRequest(c: Context<AppEnv>, id: string): Promise<SignInRow | Response> {
  const now = c.get('deps').clock();
  const row = id ? await liveSignInRequest(c.get('deps').database.db, id, now) : null;
  if (!row || row.status !== 'pending') {
    return messagePage(c, 'Sign-in expired', 'This sign-in has expired or was already used. Start again from Followthrough (Options, “Sign in”).', 'error', 404);
  }
  if (!browserMatches(row, cookieSecret(c, row.id))) {
    c.get('deps').logger.warn('sign-in from another browser refused', { requestId: c.get('requestId') });
    return messagePage(c, 'Sign-in refused', 'This sign-in was started in another browser. Nothing was signed in. Start again from Followthrough in the browser you use it in.', 'error');
  }
  return row;
}

function cookieSecret(c: Context<AppEnv>, requestId: string): string | undefined {
  const value = getCookie(c, COOKIE);
  if (!value) return undefined;
  const dot = value.indexOf('.');
  return dot > 0 && value.slice(0, dot) === requestId ? value.slice(dot + 1) : undefined;
}

function oidcRedirectUri(c: Context<AppEnv>, provider: MailProviderName): string {
  return `${publicOrigin(c)}/auth/oidc/callback/${provider}`;
}

/** Limited per client address in app.ts (rateLimitByAddress): nobody has a token here yet. */
export const authRoutes = new Hono<AppEnv>()
  .post('/sign-in-requests', describe({ summary: 'Start signing an extension in: returns the sign-in page to open', response: signInRequestSchema, errors: [429], public: true }), validate('json', createSignInRequestSchema), async (c) => {
    const { challenge, client } = c.req.valid('json');
    const row = await createSignInRequest(c.get('deps').database.db, { challenge, client: client ?? null, now: c.get('deps').clock() });
    return c.json(
      {
        id: row.id,
        signInUrl: `${publicOrigin(c)}/auth/sign-in?request=${encodeURIComponent(row.id)}`,
        checkCode: checkCodeOf(challenge),
        expiresAt: row.expiresAt,
        pollIntervalMs: SIGN_IN_POLL_MS,
        providers: providersOf(c),
      },
      200,
    );
  })
  .post('/sign-in-requests/:id/token', describe({ summary: 'Redeem an approved sign-in with its verifier: a new API token, once ({status: pending} until approved)', response: redeemSignInResponseSchema, errors: [404, 429], public: true }), validate('param', z.object({ id: z.string().min(1).max(100) })), validate('json', redeemSignInRequestSchema), async (c) => {
    const outcome = await redeemSignIn(c.get('deps').database.db, c.req.valid('param').id, c.req.valid('json').verifier, c.get('deps').clock());
    if (outcome.status === 'gone') throw ApiError.notFound('sign-in request (expired, already used, or not yours)');
    if (outcome.status === 'approved') c.get('deps').logger.info('signed in', { requestId: c.get('requestId') });
    return c.json(outcome, 200);
  })
  .get('/sign-in', describe({ summary: 'The sign-in page (HTML): pairing code, or Google / Microsoft when configured', response: 'html', errors: [404, 429], public: true }), async (c) => {
    const id = c.req.query('request') ?? '';
    const db = c.get('deps').database.db;
    const row = id ? await liveSignInRequest(db, id, c.get('deps').clock()) : null;
    if (!row || row.status !== 'pending') {
      return messagePage(c, 'Sign-in expired', 'This sign-in has expired or was already used. Start again from Followthrough (Options, “Sign in”).', 'error', 404);
    }
    // The first browser to open the page holds the request from now on.
    const secret = await bindBrowser(db, row.id);
    if (secret) {
      setCookie(c, COOKIE, `${row.id}.${secret}`, {
        path: '/auth',
        httpOnly: true,
        sameSite: 'Lax',
        secure: new URL(publicOrigin(c)).protocol === 'https:',
        maxAge: SIGN_IN_TTL_MS / 1000,
      });
      return signInForm(c, { ...row, browserHash: 'bound' }, null);
    }
    const bound = await boundRequest(c, row.id);
    return bound instanceof Response ? bound : signInForm(c, bound, null);
  })
  .post('/sign-in/code', describe({ summary: 'The sign-in page\'s pairing-code form (form-encoded: request, code); answers HTML', response: 'html', errors: [400, 404, 429], public: true }), async (c) => {
    const form = await c.req.parseBody();
    const id = typeof form.request === 'string' ? form.request : '';
    const code = typeof form.code === 'string' ? form.code : '';
    const bound = await boundRequest(c, id);
    if (bound instanceof Response) return bound;
    const { db } = c.get('deps').database;
    const now = c.get('deps').clock();
    if ((await recentFailedCodes(db, now)) >= MAX_CODE_ATTEMPTS_SERVER_WIDE) {
      c.get('deps').logger.warn('pairing codes paused: too many wrong codes', { requestId: c.get('requestId') });
      return signInForm(c, bound, 'Too many wrong codes were tried on this server in the last minutes. Wait ten minutes, then try again.');
    }
    const userId = await consumePairingCode(db, code, now);
    if (!userId) {
      const more = await countFailedCode(db, bound.id);
      if (!more) return messagePage(c, 'Sign-in refused', 'Too many wrong codes for this sign-in. Start again from Followthrough, with a new code.', 'error');
      return signInForm(c, bound, 'That code is not valid: it may be mistyped, used already, or older than ten minutes.');
    }
    await approveSignIn(db, bound.id, userId, 'pairing-code');
    const email = (await userEmail(c, userId)) ?? '';
    return messagePage(c, 'Signed in', SIGNED_IN(email), 'done');
  })
  .get('/sign-in/:provider', describe({ summary: 'Sign in with Google or Microsoft (OpenID Connect, openid email): 302 to the provider', response: 'html', status: 302, errors: [404, 429], public: true }), validate('param', providerParam), async (c) => {
    const { provider } = c.req.valid('param');
    const bound = await boundRequest(c, c.req.query('request') ?? '');
    if (bound instanceof Response) return bound;
    const sync = c.get('deps').mailSync;
    if (!sync || !providersOf(c).includes(provider)) {
      return messagePage(c, 'Not available', `${PROVIDER_LABEL[provider]} sign-in is not set up on this server. Use a pairing code instead.`, 'error');
    }
    const { verifier, challenge } = createPkcePair();
    // Our own random state (issue 10 changes pkce.ts's createOAuthState to carry its cookie binding).
    const state = randomBytes(24).toString('base64url');
    const nonce = createNonce();
    const now = c.get('deps').clock();
    const redirectUri = oidcRedirectUri(c, provider);
    await saveOidcState(
      c.get('deps').database.db,
      { state, requestId: bound.id, provider, codeVerifier: verifier, nonce, redirectUri, expiresAt: new Date(now.getTime() + SIGN_IN_TTL_MS).toISOString() },
      now,
    );
    return c.redirect(buildOidcAuthorizationUrl(sync.connectors.endpoints, sync.connectors.clients, { provider, redirectUri, state, nonce, codeChallenge: challenge }), 302);
  })
  .get('/oidc/callback/:provider', describe({ summary: 'OpenID Connect redirect target for signing in (HTML)', response: 'html', errors: [429], public: true }), validate('param', providerParam), async (c) => {
    const { provider } = c.req.valid('param');
    const sync = c.get('deps').mailSync;
    const now = c.get('deps').clock();
    const pending = await takeOidcState(c.get('deps').database.db, c.req.query('state') ?? '', now);
    if (!pending || pending.provider !== provider || !sync) {
      return messagePage(c, 'Sign-in expired', 'This sign-in has expired or was already used. Start again from Followthrough.', 'error');
    }
    const bound = await boundRequest(c, pending.requestId);
    if (bound instanceof Response) return bound;
    const providerError = c.req.query('error');
    if (providerError) {
      return messagePage(c, 'Sign-in cancelled', `${PROVIDER_LABEL[provider]} answered: ${escapeHtml(c.req.query('error_description') ?? providerError)}`, 'error');
    }
    const code = c.req.query('code');
    if (!code) return messagePage(c, 'Sign-in failed', `${PROVIDER_LABEL[provider]} sent no authorization code.`, 'error');
    let email: string;
    try {
      email = await exchangeOidcCode(sync.connectors.endpoints, sync.connectors.clients, { provider, code, codeVerifier: pending.codeVerifier, redirectUri: pending.redirectUri, nonce: pending.nonce, now });
    } catch (error) {
      c.get('deps').logger.warn('oidc sign-in failed', { provider, requestId: c.get('requestId'), error: error instanceof Error ? error.message : String(error) });
      return messagePage(c, 'Sign-in failed', `${PROVIDER_LABEL[provider]} sign-in did not complete: ${escapeHtml(error instanceof Error ? error.message : String(error))}. Start again from Followthrough.`, 'error');
    }
    const { db } = c.get('deps').database;
    const userId = await userByEmail(db, email);
    if (!userId) {
      return messagePage(c, 'No account', `There is no Followthrough account for <strong>${escapeHtml(email)}</strong> on this server. Ask your administrator to run <code>followthrough user add ${escapeHtml(email)}</code>.`, 'error', 404);
    }
    await approveSignIn(db, bound.id, userId, provider);
    return messagePage(c, 'Signed in', SIGNED_IN(email), 'done');
  });

async function userEmail(c: Context<AppEnv>, userId: string): Promise<string | null> {
  const row = await c.get('deps').database.db.select({ email: users.email }).from(users).where(eq(users.id, userId)).get();
  return row?.email ?? null;
}

/** `DELETE /v1/me/token`: "Sign out": the token that made the call stops working at once. */
export const tokenRoutes = new Hono<AppEnv>().delete('/', describe({ summary: 'Sign out: revoke the token that makes this call', response: signOutResponseSchema }), async (c) => {
  await c.get('deps').database.db.update(apiTokens).set({ revokedAt: c.get('deps').clock().toISOString() }).where(eq(apiTokens.id, c.get('user').tokenId));
  return c.json({ revoked: true as const }, 200);
});
