import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPairingCode } from '../../src/store/pairing';
import { createMailSync, type MailSyncDeps } from '../../src/sync/mail-sync';
import { generateMailbox, me } from '../stand-ins/mailbox-fixture';
import { startSyncHarness, type SyncHarness } from '../sync/sync-harness';
import { createTestApp, type Client, type TestApp } from '../support/test-app';

/**
 * Signing the extension in as a browser and the extension's background would: the background starts a
 * request with the SHA-256 of a secret, the browser opens the page (gets the binding cookie), approves it
 * with a pairing code or through the Google / Microsoft stand-ins (OpenID Connect), and the background
 * redeems the request with the secret for a token, once.
 */
const verifierAndChallenge = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

/** A browser's cookie jar for one origin, enough for the sign-in page. */
function createBrowser(t: TestApp) {
  let cookie = '';
  return {
    async request(path: string, init: RequestInit = {}) {
      const res = await t.app.request(path, { ...init, headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
      const set = res.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0]!;
      return res;
    },
    forget() {
      cookie = '';
    },
  };
}

let h: SyncHarness;
let t: TestApp;
let mailSync: MailSyncDeps;
let dana: Client;

beforeEach(async () => {
  h = await startSyncHarness(me);
  h.gmail.addMailbox(me);
  h.graph.addMailbox(me);
  for (const mail of generateMailbox(5, Date.now(), 10)) {
    h.gmail.addMessage(me, mail);
    h.graph.addMessage(me, mail);
  }
  t = createTestApp(h.database);
  mailSync = createMailSync({ database: h.database, clock: () => new Date(), env: {}, connectors: h.config, cipher: h.cipher });
  t.deps.mailSync = mailSync;
  // The harness made the user (and its first token).
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await t.app.request(path, { method, headers: { authorization: `Bearer ${h.apiToken}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };
  dana = { token: h.apiToken, email: me, get: (path) => call('GET', path), send: call };
});
afterEach(async () => {
  await mailSync.scheduler.stop();
  await h.close();
});

async function startRequest(client = 'Followthrough for Chrome') {
  const { verifier, challenge } = verifierAndChallenge();
  const res = await t.app.request('/auth/sign-in-requests', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ challenge, client }) });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { id: string; signInUrl: string; checkCode: string; providers: string[]; pollIntervalMs: number };
  return { ...body, verifier };
}

async function redeem(id: string, verifier: string) {
  const res = await t.app.request(`/auth/sign-in-requests/${id}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ verifier }) });
  return { status: res.status, body: (await res.json()) as { status?: string; token?: string; email?: string; error?: { code: string } } };
}

const submitCode = (browser: ReturnType<typeof createBrowser>, request: string, code: string) =>
  browser.request('/auth/sign-in/code', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ request, code }).toString() });

describe('signing in with a pairing code', () => {
  it('gives the extension a working token without it ever reaching the page', async () => {
    const request = await startRequest();
    expect(request.providers).toEqual(['google', 'microsoft']);
    expect(new URL(request.signInUrl).pathname).toBe('/auth/sign-in');
    expect((await redeem(request.id, request.verifier)).body).toEqual({ status: 'pending' });

    const browser = createBrowser(t);
    const page = await browser.request(new URL(request.signInUrl).pathname + new URL(request.signInUrl).search);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Followthrough for Chrome');
    expect(html).toContain(`data-testid="ft-signin-check">${request.checkCode}<`);
    expect(html).toContain('Sign in with Google');

    const { code } = await createPairingCode(h.database.db, me, new Date());
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const done = await submitCode(browser, request.id, code.toLowerCase().replace('-', ' '));
    const doneHtml = await done.text();
    expect(done.status).toBe(200);
    expect(doneHtml).toContain(`Signed in as <strong>${me}</strong>`);
    expect(doneHtml).not.toMatch(/ft_[A-Za-z0-9_-]{20}/);

    // A wrong verifier learns nothing; the right one gets the token once.
    expect((await redeem(request.id, randomBytes(32).toString('base64url'))).status).toBe(404);
    const redeemed = await redeem(request.id, request.verifier);
    expect(redeemed.body).toMatchObject({ status: 'approved', email: me });
    const token = redeemed.body.token!;
    expect((await t.app.request('/v1/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await redeem(request.id, request.verifier)).status).toBe(404);

    // The code was spent.
    const again = await startRequest();
    const other = createBrowser(t);
    await other.request(`/auth/sign-in?request=${again.id}`);
    const reused = await submitCode(other, again.id, code);
    expect(reused.status).toBe(400);
    expect(await reused.text()).toContain('That code is not valid');

    // Sign out revokes exactly that token.
    const out = await t.app.request('/v1/me/token', { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(await out.json()).toEqual({ revoked: true });
    expect((await t.app.request('/v1/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect((await dana.get('/v1/me')).status).toBe(200);
  });

  it('accepts the code only in the browser that opened the page, and only a few wrong ones', async () => {
    const request = await startRequest();
    const mine = createBrowser(t);
    await mine.request(`/auth/sign-in?request=${request.id}`);
    const { code } = await createPairingCode(h.database.db, me, new Date());
    // Someone else who got the link (or a cross-site form) has no cookie.
    const stranger = createBrowser(t);
    const refused = await submitCode(stranger, request.id, code);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('started in another browser');
    const theirPage = await stranger.request(`/auth/sign-in?request=${request.id}`);
    expect(await theirPage.text()).toContain('started in another browser');

    for (let i = 1; i <= 4; i++) expect(await (await submitCode(mine, request.id, 'AAAA-AAAA')).text()).toContain('That code is not valid');
    const fifth = await submitCode(mine, request.id, 'BBBB-BBBB');
    expect(await fifth.text()).toContain('Too many wrong codes');
    // The good code no longer helps this request, and was not spent by it.
    expect((await submitCode(mine, request.id, code)).status).toBe(404);
    expect((await redeem(request.id, request.verifier)).status).toBe(404);
    const fresh = await startRequest();
    const page = createBrowser(t);
    await page.request(`/auth/sign-in?request=${fresh.id}`);
    expect((await submitCode(page, fresh.id, code)).status).toBe(200);
  });

  it('expires after ten minutes', async () => {
    const request = await startRequest();
    t.setNow(new Date(Date.now() + 11 * 60_000).toISOString());
    const page = await createBrowser(t).request(`/auth/sign-in?request=${request.id}`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('expired');
    expect((await redeem(request.id, request.verifier)).status).toBe(404);
  });
});

describe('signing in with Google or Microsoft (OpenID Connect against the stand-ins)', () => {
  /** Browser: our page -> provider sign-in -> our callback. */
  async function signInWith(provider: 'google' | 'microsoft', browser = createBrowser(t)) {
    const request = await startRequest();
    await browser.request(`/auth/sign-in?request=${request.id}`);
    const start = await browser.request(`/auth/sign-in/${provider}?request=${request.id}`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.searchParams.get('scope')).toBe('openid email');
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(authorize.searchParams.get('access_type')).toBeNull();
    const atProvider = await fetch(authorize, { redirect: 'manual' });
    const back = new URL(atProvider.headers.get('location')!);
    expect(back.pathname).toBe(`/auth/oidc/callback/${provider}`);
    return { request, browser, back };
  }

  it.each(['google', 'microsoft'] as const)('%s: the ID token names the user, and the extension gets a token', async (provider) => {
    const { request, browser, back } = await signInWith(provider);
    const callback = await browser.request(back.pathname + back.search);
    expect(callback.status).toBe(200);
    expect(await callback.text()).toContain(`Signed in as <strong>${me}</strong>`);
    const redeemed = await redeem(request.id, request.verifier);
    expect(redeemed.body).toMatchObject({ status: 'approved', email: me });
    expect((await t.app.request('/v1/me', { headers: { authorization: `Bearer ${redeemed.body.token}` } })).status).toBe(200);
    // Only who the user is was asked for: no mailbox was connected, no refresh token kept.
    expect((await h.database.client.execute('SELECT count(*) AS n FROM mail_accounts')).rows[0]!.n).toBe(0);
  });

  it('refuses the callback in another browser, a replay, and an address with no account', async () => {
    const first = await signInWith('google');
    const elsewhere = createBrowser(t);
    const refused = await elsewhere.request(first.back.pathname + first.back.search);
    expect(await refused.text()).toContain('started in another browser');
    // The state was spent by that attempt: the right browser cannot replay it either.
    expect(await (await first.browser.request(first.back.pathname + first.back.search)).text()).toContain('expired or was already used');
    expect((await redeem(first.request.id, first.request.verifier)).body).toEqual({ status: 'pending' });

    await t.app.request('/v1/me', { method: 'DELETE', headers: { authorization: `Bearer ${dana.token}` } });
    const orphan = await signInWith('microsoft');
    const none = await orphan.browser.request(orphan.back.pathname + orphan.back.search);
    expect(none.status).toBe(404);
    expect(await none.text()).toContain(`followthrough user add ${me}`);
  });
});

describe('connect links and disconnecting a mailbox', () => {
  it('opens the consent flow in a tab with a one-time link, then disconnects the mailbox for its owner only', async () => {
    const link = await dana.send('POST', '/v1/connect-links', { provider: 'google', access: 'bodies' });
    expect(link.status).toBe(200);
    const url = new URL(link.body.url);
    expect(url.pathname).toBe('/connect/start/google');
    expect(JSON.stringify(link.body)).not.toContain(dana.token);
    const start = await t.app.request(url.pathname + url.search);
    expect(start.status).toBe(302);
    const consent = new URL(start.headers.get('location')!);
    expect(consent.searchParams.get('scope')).toContain('gmail.readonly');
    const back = new URL((await fetch(consent, { redirect: 'manual' })).headers.get('location')!);
    const callback = await t.app.request(back.pathname + back.search, { headers: { cookie: (start.headers.get('set-cookie') ?? '').split(';')[0]! } });
    expect(await callback.text()).toContain('Mailbox connected');
    // The ticket worked once.
    const again = await t.app.request(url.pathname + url.search);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('This link has expired');

    const accounts = (await dana.get('/v1/accounts')).body.accounts as { id: string }[];
    expect(accounts).toHaveLength(1);
    const eve = await t.addUser('eve@elsewhere.example');
    expect((await eve.send('DELETE', `/v1/accounts/${accounts[0]!.id}`)).status).toBe(404);
    const gone = await dana.send('DELETE', `/v1/accounts/${accounts[0]!.id}`);
    expect(gone.body).toEqual({ disconnected: true, email: me, provider: 'google' });
    expect((await dana.get('/v1/accounts')).body.accounts).toEqual([]);
    expect((await h.database.client.execute('SELECT count(*) AS n FROM mail_account_messages')).rows[0]!.n).toBe(0);
  });

  it('says when a provider is not configured', async () => {
    t.deps.mailSync = { ...mailSync, connectors: { ...mailSync.connectors, clients: {} } };
    const res = await dana.send('POST', '/v1/connect-links', { provider: 'microsoft' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('FT_MS_CLIENT_ID');
  });
});
