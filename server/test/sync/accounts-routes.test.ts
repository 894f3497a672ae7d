import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMailSync, type MailSyncDeps } from '../../src/sync/mail-sync';
import { createTestApp, type Client, type TestApp } from '../support/test-app';
import { generateMailbox, me } from '../stand-ins/mailbox-fixture';
import { startSyncHarness, type SyncHarness } from './sync-harness';

describe('connect (OAuth code + PKCE) and accounts routes, end to end against the stand-ins', () => {
  let h: SyncHarness;
  let t: TestApp;
  let mailSync: MailSyncDeps;
  let dana: Client;
  let other: Client;

  beforeEach(async () => {
    h = await startSyncHarness('owner@northwind-consulting.com');
    h.gmail.addMailbox(me);
    h.graph.addMailbox(me);
    for (const mail of generateMailbox(30, Date.now(), 30)) {
      h.gmail.addMessage(me, mail);
      h.graph.addMessage(me, mail);
    }
    t = createTestApp(h.database);
    mailSync = createMailSync({ database: h.database, clock: () => new Date(), env: {}, connectors: h.config, cipher: h.cipher });
    t.deps.mailSync = mailSync;
    dana = await t.addUser(me);
    other = await t.addUser('someone@elsewhere.example');
  });
  afterEach(async () => {
    await mailSync.scheduler.stop();
    await h.close();
  });

  /** The cookies a browser would send back to our callback: what the start of the flow set. */
  const cookiesOf = (res: Response): string =>
    res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');

  /** Follows the flow as a browser would: connect -> provider consent -> our callback, with the cookies it got. */
  async function connect(client: Client, provider: 'google' | 'microsoft'): Promise<{ status: number; html: string }> {
    const start = await t.app.request(`/v1/connect/${provider}?access=bodies&loginHint=${encodeURIComponent(me)}`, { headers: { authorization: `Bearer ${client.token}` } });
    expect(start.status).toBe(302);
    const jar = cookiesOf(start);
    expect(start.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    const consent = new URL(start.headers.get('location')!);
    expect(consent.searchParams.get('code_challenge_method')).toBe('S256');
    expect(consent.searchParams.get('scope')).toContain(provider === 'google' ? 'gmail.readonly' : 'Mail.Read');
    const atProvider = await fetch(consent, { redirect: 'manual' });
    expect(atProvider.status).toBe(302);
    const back = new URL(atProvider.headers.get('location')!);
    expect(back.pathname).toBe(`/oauth/callback/${provider}`);
    const callback = await t.app.request(back.pathname + back.search, { headers: { cookie: jar } });
    return { status: callback.status, html: await callback.text() };
  }

  it.each(['google', 'microsoft'] as const)('%s: consent stores the refresh token encrypted, syncs, and shows the account only to its owner', async (provider) => {
    const result = await connect(dana, provider);
    expect(result.html).toContain('Mailbox connected');
    expect(result.status).toBe(200);
    const stand = provider === 'google' ? h.gmail : h.graph;
    expect(stand.oauth.stats.codeExchanges).toBe(1);

    const rows = await h.database.client.execute('SELECT * FROM mail_accounts');
    expect(rows.rows).toHaveLength(1);
    const stored = JSON.stringify(rows.rows[0]);
    for (const token of stand.oauth.issuedRefreshTokens) expect(stored).not.toContain(token);
    expect(String(rows.rows[0]!.refresh_token_enc)).toMatch(/^ftk1\./);

    const id = String(rows.rows[0]!.id);
    // Wait for the background first sync by queueing another pass behind it.
    await mailSync.scheduler.requestSync(id);
    const listed = await dana.get('/v1/accounts');
    expect(listed.status).toBe(200);
    expect(listed.body.accounts).toEqual([
      expect.objectContaining({ id, provider, email: me, access: 'bodies', phase: 'idle', messageCount: 30, reconnectNeeded: false, lastError: null }),
    ]);
    expect(listed.body.accounts[0].lastSuccessAt).toEqual(expect.any(String));
    expect(JSON.stringify(listed.body)).not.toMatch(/refresh|ftk1/);

    // Another user neither sees nor triggers it.
    expect((await other.get('/v1/accounts')).body.accounts).toEqual([]);
    expect((await other.send('POST', `/v1/accounts/${id}/sync`)).status).toBe(404);
    expect((await dana.send('POST', `/v1/accounts/${id}/sync`)).status).toBe(202);
  });

  it('a replayed or forged callback state is refused', async () => {
    const start = await t.app.request('/v1/connect/google?access=metadata', { headers: { authorization: `Bearer ${dana.token}` } });
    const consent = new URL(start.headers.get('location')!);
    const back = new URL((await fetch(consent, { redirect: 'manual' })).headers.get('location')!);
    expect((await t.app.request(back.pathname + back.search, { headers: { cookie: cookiesOf(start) } })).status).toBe(200);
    const replay = await t.app.request(back.pathname + back.search, { headers: { cookie: cookiesOf(start) } });
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('expired or was already used');
  });

  it.each(['google', 'microsoft'] as const)(
    '%s: a consent link forwarded to someone else attaches nothing: the callback arrives in a browser that did not start the flow',
    async (provider) => {
      // The attacker starts the flow with their own token and sends the consent link to Dana.
      const start = await t.app.request(`/v1/connect/${provider}?access=bodies`, { headers: { authorization: `Bearer ${other.token}` } });
      const consent = new URL(start.headers.get('location')!);
      consent.searchParams.set('login_hint', me);
      // Dana consents in her own browser: the provider sends her back to our callback, without the attacker's cookie.
      const back = new URL((await fetch(consent, { redirect: 'manual' })).headers.get('location')!);
      const callback = await t.app.request(back.pathname + back.search);
      expect(callback.status).toBe(400);
      expect(await callback.text()).toContain('started in another browser');
      const stand = provider === 'google' ? h.gmail : h.graph;
      expect(stand.oauth.stats.codeExchanges).toBe(0);
      expect((await h.database.client.execute('SELECT count(*) AS n FROM mail_accounts')).rows[0]!.n).toBe(0);
      expect((await other.get('/v1/accounts')).body.accounts).toEqual([]);
      // The attacker cannot use the spent state afterwards either, not even with their own cookie.
      const late = await t.app.request(back.pathname + back.search, { headers: { cookie: cookiesOf(start) } });
      expect(late.status).toBe(400);
      expect(stand.oauth.stats.codeExchanges).toBe(0);
    },
  );

  it('rate limits the callback per address: guessing states runs into 429', async () => {
    // Tokens get 50 requests at once and 10 a second here; requests without one get a tenth of that.
    const strict = createTestApp(h.database, { config: { rateLimit: { burst: 50, perSecond: 10 } } });
    strict.deps.mailSync = mailSync;
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await strict.app.request(`/oauth/callback/google?state=guess-${i}&code=x`)).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429, 429]);
    strict.setNow('2026-11-23T09:00:02Z');
    expect((await strict.app.request('/oauth/callback/google?state=again&code=x')).status).toBe(400);
  });

  it('a revoked grant shows as "reconnect needed" in GET /v1/accounts', async () => {
    await connect(dana, 'google');
    const id = String((await h.database.client.execute('SELECT id FROM mail_accounts')).rows[0]!.id);
    await mailSync.scheduler.requestSync(id);
    h.gmail.oauth.revoke(me);
    await mailSync.scheduler.requestSync(id);
    const account = (await dana.get('/v1/accounts')).body.accounts[0];
    expect(account).toMatchObject({ reconnectNeeded: true, status: 'reconnect_needed', phase: 'error', messageCount: 30 });
    expect(account.lastError.code).toBe('AUTH_REVOKED');
    const again = await dana.send('POST', `/v1/accounts/${id}/sync`);
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/reconnect/);
  });

  it('refuses to start a connection when no encryption key is configured', async () => {
    t.deps.mailSync = { ...mailSync, cipher: null };
    const res = await dana.get('/v1/connect/google');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/FT_ENCRYPTION_KEY is not set: refusing to store provider tokens/);
  });
});
