import { Hono } from 'hono';
import { and, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import { connectQuerySchema, connectResponseSchema, mailProviderSchema, type MailProviderName } from '@followthrough/shared/contract';
import { describe } from '../http/describe';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { validate } from '../http/validate';
import { oauthPendingStates } from '../db/schema/index';
import { buildAuthorizationUrl, exchangeAuthorizationCode, OAuthNotConfiguredError } from '../connectors/oauth/authorization';
import { bindingCookieName, browserMatchesState, createOAuthState, createPkcePair } from '../connectors/oauth/pkce';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ConnectorError } from '../connectors/connector-error';
import { EncryptionKeyError, missingKeyMessage } from '../crypto/token-cipher';
import { upsertAccount } from '../sync/account-store';
import type { MailSyncDeps } from '../sync/mail-sync';

const pendingTtlMs = 10 * 60_000;
const providerParam = z.object({ provider: mailProviderSchema });

function requireMailSync(mailSync: MailSyncDeps | undefined): MailSyncDeps {
  if (!mailSync) throw new ApiError('bad_request', 400, 'mailbox sync is not enabled on this server');
  return mailSync;
}

function callbackUrl(mailSync: MailSyncDeps, requestUrl: string, provider: MailProviderName): string {
  return `${mailSync.publicUrl ?? new URL(requestUrl).origin}/oauth/callback/${provider}`;
}

/**
 * `GET /v1/connect/google|microsoft?access=metadata|bodies`: starts the authorization code flow with
 * PKCE. Answers 302 to the consent page (and the same URL as JSON, for a client that opens it itself).
 * The verifier stays on the server, tied to a one-time `state`.
 */
export const connectRoutes = new Hono<AppEnv>().get(
  '/:provider',
  describe({ summary: 'Start the OAuth authorization code flow with PKCE: 302 to the provider\'s consent page (authorizeUrl also in the body). Also served, without a token, as /connect/start/{provider} for a connect link\'s ticket', response: connectResponseSchema, status: 302 }),
  validate('param', providerParam),
  validate('query', connectQuerySchema),
  async (c) => {
    const { provider } = c.req.valid('param');
    const { access, loginHint } = c.req.valid('query');
    const mailSync = requireMailSync(c.get('deps').mailSync);
    // Refuse before the user consents, not after: without a key the tokens could not be stored.
    if (!mailSync.cipher) throw new ApiError('bad_request', 400, missingKeyMessage);
    const { verifier, challenge } = createPkcePair();
    const { state, browserSecret } = createOAuthState();
    const redirectUri = callbackUrl(mailSync, c.req.url, provider);
    let authorizeUrl: string;
    try {
      authorizeUrl = buildAuthorizationUrl(mailSync.connectors.endpoints, mailSync.connectors.clients, {
        provider,
        access,
        redirectUri,
        state,
        codeChallenge: challenge,
        ...(loginHint ? { loginHint } : {}),
      });
    } catch (error) {
      if (error instanceof OAuthNotConfiguredError) throw new ApiError('bad_request', 400, error.message);
      throw error;
    }
    const now = c.get('deps').clock();
    const { db } = c.get('deps').database;
    await db.delete(oauthPendingStates).where(lt(oauthPendingStates.expiresAt, now.toISOString()));
    await db.insert(oauthPendingStates).values({
      state,
      userId: c.get('user').id,
      provider,
      access,
      codeVerifier: verifier,
      redirectUri,
      returnTo: null,
      expiresAt: new Date(now.getTime() + pendingTtlMs).toISOString(),
    });
    // The browser that follows this answer (or the client that opens authorizeUrl with this answer's cookies)
    // is the one the callback will accept: SameSite=Lax is sent on the provider's top-level redirect back.
    setCookie(c, bindingCookieName(state), browserSecret, {
      path: '/oauth/callback',
      httpOnly: true,
      sameSite: 'Lax',
      secure: new URL(redirectUri).protocol === 'https:',
      maxAge: pendingTtlMs / 1000,
    });
    c.header('Location', authorizeUrl);
    return c.json({ authorizeUrl }, 302);
  },
);

const page = (title: string, text: string): string =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><body style="font-family:system-ui;margin:3em"><h1>${title}</h1><p>${text}</p></body>`;
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * `GET /oauth/callback/google|microsoft?code&state`: where the provider sends the browser back. Outside
 * /v1 because the browser carries no API token: the one-time `state` names the user instead, and only in
 * the browser that started the flow (its cookie hashes to the state; see pkce.ts). Rate limited per address.
 */
export const oauthCallbackRoutes = new Hono<AppEnv>().get('/callback/:provider', describe({ summary: 'OAuth redirect target: exchanges the code, stores the refresh token encrypted, starts the first sync', response: 'html', errors: [429], public: true }), validate('param', providerParam), async (c) => {
  const { provider } = c.req.valid('param');
  const mailSync = requireMailSync(c.get('deps').mailSync);
  const state = c.req.query('state') ?? '';
  const { db } = c.get('deps').database;
  const now = c.get('deps').clock();
  const pending = await db.select().from(oauthPendingStates).where(eq(oauthPendingStates.state, state)).get();
  if (!pending || pending.provider !== provider || pending.expiresAt < now.toISOString()) {
    return c.html(page('Connection failed', 'This sign-in link has expired or was already used. Start again from Followthrough.'), 400);
  }
  // One-time: delete first, so a replayed callback cannot use the state again (nor a forwarded link that
  // was refused below: the flow it belonged to is spent).
  await db.delete(oauthPendingStates).where(and(eq(oauthPendingStates.state, state), eq(oauthPendingStates.userId, pending.userId)));
  const cookie = bindingCookieName(state);
  const secret = getCookie(c, cookie);
  deleteCookie(c, cookie, { path: '/oauth/callback' });
  if (!browserMatchesState(secret, state)) {
    c.get('deps').logger.warn('oauth callback from another browser refused', { provider, requestId: c.get('requestId') });
    return c.html(
      page(
        'Connection refused',
        'This sign-in was started in another browser, or its cookie is gone. Nothing was connected. To connect a mailbox, start again from Followthrough in the browser you will sign in with.',
      ),
      400,
    );
  }
  const providerError = c.req.query('error');
  if (providerError) {
    return c.html(page('Connection cancelled', `The provider answered: ${escapeHtml(c.req.query('error_description') ?? providerError)}`), 400);
  }
  const code = c.req.query('code');
  if (!code) return c.html(page('Connection failed', 'The provider sent no authorization code.'), 400);
  try {
    const grant = await exchangeAuthorizationCode(mailSync.connectors.endpoints, mailSync.connectors.clients, {
      provider,
      code,
      codeVerifier: pending.codeVerifier,
      redirectUri: pending.redirectUri,
    });
    const account = await upsertAccount(c.get('deps').database, mailSync.cipher, {
      userId: pending.userId,
      provider,
      email: grant.email,
      access: pending.access,
      refreshToken: grant.refreshToken,
      now,
    });
    const logger = c.get('deps').logger;
    void mailSync.scheduler.requestSync(account.id).catch((error: unknown) => logger.error('first sync failed', { accountId: account.id, error: String(error) }));
    return c.html(page('Mailbox connected', `${escapeHtml(grant.email)} is connected; the first sync has started. You can close this tab.`), 200);
  } catch (error) {
    if (error instanceof EncryptionKeyError) return c.html(page('Connection failed', escapeHtml(error.message)), 400);
    if (error instanceof ConnectorError) {
      c.get('deps').logger.warn('oauth exchange failed', { provider, code: error.code });
      return c.html(page('Connection failed', `The provider refused the sign-in (${escapeHtml(error.code)}). Start again from Followthrough.`), 400);
    }
    throw error;
  }
});
