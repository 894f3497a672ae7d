import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUser } from '../../src/store/users';
import { upsertAccount } from '../../src/sync/account-store';
import { generateMailbox, me, rfc2822, type FixtureMail } from '../stand-ins/mailbox-fixture';
import { startSyncHarness, type SyncHarness } from '../sync/sync-harness';
import { bestOf, spawnServer, startOtherUser, type OtherUser, type SpawnedServer } from './spawned-server';

/** Tries per case (see bestOf): enough that a busy shared machine does not decide the result. */
const TRIES = 5;

/**
 * A mailbox with hostile mail in it, synced by the server process itself (POST /v1/accounts/:id/sync),
 * from the Gmail and Graph stand-ins with the real client libraries. Before issue 10 one bounce among the
 * messages made every pass fail with nothing stored; an HTML body with a `<div` and forty spaces would have
 * held the process for hours; `&#1114112;` failed every pass of its Gmail page.
 */
const now = Date.now();
const day = 86_400_000;

function hostileMail(): { mail: FixtureMail; expect: 'stored' | 'skipped' }[] {
  const base = (n: number, over: Partial<FixtureMail>): FixtureMail => ({
    messageId: `hostile-${n}@mx.brightlane.example`,
    threadKey: `hostile-${n}`,
    from: 'Priya Raman <priya.raman@contoso-retail.com>',
    to: [`Dana Whitfield <${me}>`],
    subject: `hostile ${n}`,
    sentMs: now - (10 + n) * day,
    offsetMinutes: 60,
    text: 'Could you send the plan?',
    sent: false,
    ...over,
  });
  const headers = (m: FixtureMail, date: string, to = m.to.join(', ')) => [
    { name: 'Date', value: date },
    { name: 'From', value: m.from },
    { name: 'To', value: to },
    { name: 'Subject', value: m.subject },
    { name: 'Message-ID', value: `<${m.messageId}>` },
  ];
  const future = base(5, {});
  const group = base(6, {});
  const est = base(7, {});
  return [
    { mail: base(1, { from: 'MAILER-DAEMON', subject: 'Undelivered Mail Returned to Sender' }), expect: 'skipped' },
    { mail: base(2, { from: 'Cron Daemon <root@localhost>' }), expect: 'skipped' },
    { mail: base(3, { html: `<div${' '.repeat(40)}"x>I will send the revised plan by Friday.</div>` }), expect: 'stored' },
    { mail: base(4, { html: '<p>Budget &#1114112; &#xD800; approved &hellip;</p><blockquote>older words</blockquote>' }), expect: 'stored' },
    // A Date from the year 9999: the provider's own clock stands in for it.
    { mail: { ...future, rawHeaders: headers(future, 'Fri, 31 Dec 9999 10:00:00 +0100') }, expect: 'stored' },
    { mail: { ...group, rawHeaders: headers(group, rfc2822(group.sentMs, 60), `Team: ann@contoso-retail.com, "Bob, B." <bob@contoso-retail.com>;, ${me}`) }, expect: 'stored' },
    { mail: { ...est, rawHeaders: headers(est, 'Mon, 2 Mar 2026 09:15:00 EST') }, expect: 'stored' },
  ];
}

/** The same mail under new ids (round `n`), as if it arrived again. */
function freshCopy(m: FixtureMail, n: number): FixtureMail {
  const messageId = `r${n}-${m.messageId}`;
  return {
    ...m,
    messageId,
    threadKey: `r${n}-${m.threadKey}`,
    ...(m.inReplyTo ? { inReplyTo: `r${n}-${m.inReplyTo}` } : {}),
    ...(m.references ? { references: m.references.map((r) => `r${n}-${r}`) } : {}),
    ...(m.rawHeaders ? { rawHeaders: m.rawHeaders.map((h) => (h.name === 'Message-ID' ? { ...h, value: `<${messageId}>` } : h)) } : {}),
  };
}

describe.each(['google', 'microsoft'] as const)('%s: a sync with hostile mail in the mailbox, run by the server process', (provider) => {
  let h: SyncHarness;
  let server: SpawnedServer;
  /** Bob asking for /v1/me from a process of his own (this one also plays the mail provider). */
  let bobMe: OtherUser;
  // The first messages a process analyses compile the engine's rules and the HTML converter (spikes of up to
  // ~150 ms on a loaded machine, hostile mail or not): an ordinary pass warms it first, so what is timed is
  // the hostile mail. Then the good and hostile messages arrive, as new mail does, for an incremental pass.
  const warm = generateMailbox(9, now - 100 * day, 20).map((m) => ({ ...m, messageId: `warm-${m.messageId}`, threadKey: `warm-${m.threadKey}` }));
  const warmHtml: FixtureMail = { ...warm[0]!, messageId: 'warm-html@contoso-retail.com', threadKey: 'warm-html', html: '<div dir="ltr"><p>Thanks, <b>noted</b>.</p><blockquote>old</blockquote></div>' };
  const good = generateMailbox(30, now, 60);
  const hostile = hostileMail();
  const add = (m: FixtureMail) => (provider === 'google' ? h.gmail.addMessage(me, m) : h.graph.addMessage(me, m));

  beforeEach(async () => {
    h = await startSyncHarness(me);
    (provider === 'google' ? h.gmail : h.graph).addMailbox(me);
    for (const m of [...warm, warmHtml]) add(m);
    const bob = (await createUser(h.database.db, { email: 'bob@other.example', now: new Date() })).token;
    // Polled every few milliseconds below: a budget the polling cannot exhaust.
    server = await spawnServer({ ...h.env, DATABASE_URL: h.dbUrl, FT_RATE_LIMIT_BURST: '100000', FT_RATE_LIMIT_PER_SECOND: '100000' });
    bobMe = await startOtherUser(`${server.url}/v1/me`, bob);
  }, 120_000);
  afterEach(async () => {
    await bobMe.close();
    await server.stop();
    await h.close();
  });

  const api = async (token: string, method: string, path: string) => {
    const res = await fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
    return (await res.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test reads arbitrary JSON
  };

  /** A pass by the server, while Bob's requests are timed; returns the account as GET /v1/accounts shows it. */
  async function passWhileTimed(accountId: string): Promise<{ account: Record<string, any>; bobMs: number[] }> { // eslint-disable-line @typescript-eslint/no-explicit-any -- test reads arbitrary JSON
    const before = (await api(h.apiToken, 'GET', '/v1/accounts')).accounts[0].lastSyncStartedAt as string | null;
    await bobMe.start();
    try {
      await api(h.apiToken, 'POST', `/v1/accounts/${accountId}/sync`);
      for (let i = 0; i < 3000; i++) {
        const account = (await api(h.apiToken, 'GET', '/v1/accounts')).accounts[0];
        if (!account.syncing && account.lastSyncStartedAt !== before && account.phase !== 'full') return { account, bobMs: await bobMe.stop() };
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    } catch (error) {
      await bobMe.stop();
      throw error;
    }
    await bobMe.stop();
    throw new Error('the sync never finished');
  }

  it('stores every good message, skips the unusable ones with their reasons, answers Bob within 100 ms throughout, and the next pass works', async () => {
    const oauth = provider === 'google' ? h.gmail.oauth : h.graph.oauth;
    const account = await upsertAccount(h.database, h.cipher, { userId: h.userId, provider, email: me, access: 'bodies', refreshToken: oauth.issueRefreshToken(me), now: new Date() });

    const warmed = await passWhileTimed(account.id);
    expect(warmed.account).toMatchObject({ phase: 'idle', messageCount: warm.length + 1, skipped: null });

    // New mail arrives (the good and the hostile), and the server syncs it while Bob's requests are timed;
    // tried again with another fresh batch when the machine's load spoiled the timing (see bestOf).
    const storedHostile = hostile.filter((x) => x.expect === 'stored').length;
    let rounds = 0;
    let last: Awaited<ReturnType<typeof passWhileTimed>> | undefined;
    const worst = await bestOf(
      TRIES,
      async (n) => {
        rounds++;
        for (const m of [...good, ...hostile.map((x) => x.mail)]) add(freshCopy(m, n));
        last = await passWhileTimed(account.id);
        return last.bobMs;
      },
      100,
    );
    expect(Math.min(...worst)).toBeLessThan(100);
    const first = last!;
    const total = warm.length + 1 + rounds * (good.length + storedHostile);
    expect(first.account).toMatchObject({ phase: 'idle', lastError: null, messageCount: total });
    expect(await h.messageCount()).toBe(total);
    expect(first.account.skipped).toMatchObject({ count: 2 });
    expect(first.account.skipped.messages.map((m: { code: string }) => m.code)).toEqual(['sender_unusable', 'sender_unusable']);
    // Named by provider id, never by content.
    expect(JSON.stringify(first.account.skipped)).not.toMatch(/MAILER-DAEMON|root@localhost|Undelivered/);
    const skippedLogs = server.logs.filter((l) => l.msg === 'message skipped');
    expect(skippedLogs).toHaveLength(2 * rounds);
    expect(JSON.stringify(skippedLogs)).not.toMatch(/MAILER-DAEMON|root@localhost|Undelivered/);

    const facts = async (id: string) => {
      const row = await h.database.client.execute({ sql: 'SELECT facts_json FROM messages WHERE id = ?', args: [id] });
      return JSON.parse(String(row.rows[0]!.facts_json)) as { sentAt: string; to: { address: string }[] };
    };
    // The 9999 Date header gave way to the provider's own clock; the group kept all its members; EST stays -05:00.
    expect(Date.parse((await facts('r0-hostile-5@mx.brightlane.example')).sentAt)).toBeLessThan(now);
    expect((await facts('r0-hostile-6@mx.brightlane.example')).to.map((a) => a.address)).toEqual(['ann@contoso-retail.com', 'bob@contoso-retail.com', me]);
    expect((await facts('r0-hostile-7@mx.brightlane.example')).sentAt).toBe('2026-03-02T14:15:00.000Z');

    const second = await passWhileTimed(account.id);
    expect(second.account).toMatchObject({ phase: 'idle', lastError: null, messageCount: total });
    // A pass that skipped nothing keeps the record of the last one that did.
    expect(second.account.skipped).toMatchObject({ count: 2 });
  });
});
