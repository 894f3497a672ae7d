import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../support/test-db';
import { createTestApp, putSettings, type Client, type TestApp } from '../support/test-app';
import { northwindThread } from '../support/mail';

let env: Awaited<ReturnType<typeof createTestDb>>;
let t: TestApp;
let alice: Client;
let eve: Client;

async function rowsOf(userId: string): Promise<Record<string, number>> {
  const tables = await env.database.client.execute(
    `SELECT m.name AS name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND p.name = 'user_id'`,
  );
  const counts: Record<string, number> = {};
  for (const r of tables.rows) {
    const name = String(r.name);
    const c = await env.database.client.execute({ sql: `SELECT count(*) AS n FROM "${name}" WHERE user_id = ?`, args: [userId] });
    counts[name] = Number(c.rows[0]!.n);
  }
  return counts;
}

beforeAll(async () => {
  env = await createTestDb();
  t = createTestApp(env.database, { now: '2026-11-23T09:00:00Z' });
  alice = await t.addUser('alice@acme.example');
  eve = await t.addUser('eve@rival.example');
});
afterAll(() => env.cleanup());

describe('/v1/me/settings', () => {
  it('starts from the account address in UTC, 09:00-17:00 Monday to Friday', async () => {
    const res = await alice.get('/v1/me/settings');
    expect(res.body).toMatchObject({ addresses: ['alice@acme.example'], timeZone: 'UTC', workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] } });
  });

  it('stores addresses, time zone and working hours, for the caller only', async () => {
    await putSettings(alice, { addresses: ['alice@acme.example', 'a.meyer@acme-consulting.example'], timeZone: 'America/New_York' });
    expect((await alice.get('/v1/me/settings')).body).toMatchObject({
      addresses: ['alice@acme.example', 'a.meyer@acme-consulting.example'],
      timeZone: 'America/New_York',
    });
    expect((await eve.get('/v1/me/settings')).body.addresses).toEqual(['eve@rival.example']);
    await putSettings(eve, { timeZone: 'Asia/Tokyo' });
    expect((await alice.get('/v1/me/settings')).body.timeZone).toBe('America/New_York');
  });

  it('rejects an unknown time zone and bad hours with their paths', async () => {
    const res = await alice.send('PUT', '/v1/me/settings', {
      addresses: ['alice@acme.example'],
      timeZone: 'Mars/Olympus_Mons',
      workingHours: { start: '9am', end: '17:00', days: [1, 8] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'body.timeZone',
      'body.workingHours.days',
      'body.workingHours.start',
    ]);
    expect(res.body.error.issues.find((i: { path: string }) => i.path === 'body.workingHours.days').message).toBe('8 is not a weekday number (1 = Monday ... 7 = Sunday)');
  });

  it('takes working days by name as the CLI does, and answers them as numbers', async () => {
    const res = await alice.send('PUT', '/v1/me/settings', {
      addresses: ['alice@acme.example'],
      timeZone: 'Asia/Dubai',
      workingHours: { start: '08:00', end: '16:00', days: 'sun-thu' },
      initiationTargetPercent: 60,
    });
    expect(res.status).toBe(200);
    expect(res.body.workingHours.days).toEqual([1, 2, 3, 4, 7]);
    expect(res.body.initiationTargetPercent).toBe(60);
    const named = await alice.send('PUT', '/v1/me/settings', { ...res.body, workingHours: { ...res.body.workingHours, days: ['Monday', 'tue', 'Wed'] } });
    expect(named.body.workingHours.days).toEqual([1, 2, 3]);
    expect((await alice.get('/v1/me/settings')).body.workingHours.days).toEqual([1, 2, 3]);
    const bad = await alice.send('PUT', '/v1/me/settings', { ...res.body, workingHours: { ...res.body.workingHours, days: 'mon-fry' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('"fry" is not a weekday');
  });
});

describe('GET /v1/export and DELETE /v1/me', () => {
  it('exports everything of the caller and nothing of anyone else', async () => {
    await putSettings(alice);
    await alice.send('POST', '/v1/messages', { messages: northwindThread() });
    await eve.send('POST', '/v1/messages', { messages: [northwindThread('eve@rival.example')[0]] });
    await alice.send('POST', '/v1/touchpoints', {
      id: 'c1a5e7f0-2b4d-4e6f-8a9b-0c1d2e3f4a5b',
      counterpart: 'northwind.example',
      kind: 'meeting',
      at: '2026-11-20T10:00:00+01:00',
    });
    const promiseId = (await alice.get('/v1/promises')).body.promises[0].id;
    await alice.send('PATCH', `/v1/promises/${promiseId}`, { status: 'done' });
    await alice.send('PATCH', '/v1/counterparts/northwind.example', { renewalDate: '2027-03-01' });

    const res = await alice.get('/v1/export');
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe('alice@acme.example');
    expect(res.body.messages.map((m: { id: string }) => m.id)).toEqual([
      'CAF1-request@mail.northwind.example',
      'CAG2-promise@mail.acme.example',
      'AM0PR-unhappy@northwind.example',
    ]);
    expect(JSON.stringify(res.body)).not.toContain('Thanks for the nudge'); // bodies are never stored
    // The sentences that are stored (promises, requests, risks) are in it, each once.
    expect(res.body.promises.map((p: { text: string }) => p.text)).toEqual(["I'll send you the revised statement of work by Friday."]);
    expect(res.body.snippets.map((s: { kind: string }) => s.kind).sort()).toEqual(['dissatisfaction', 'request']);
    expect(res.body.threads).toHaveLength(1);
    expect(res.body.touchpoints).toHaveLength(1);
    expect(res.body.verdicts).toEqual([{ promiseId, history: [expect.objectContaining({ status: 'done' })] }]);
    expect(res.body.counterparts).toEqual([expect.objectContaining({ key: 'northwind.example', renewalDate: '2027-03-01' })]);

    const eveExport = await eve.get('/v1/export');
    expect(eveExport.body.messages).toHaveLength(1);
    expect(eveExport.body.touchpoints).toEqual([]);
    expect(eveExport.body.verdicts).toEqual([]);
  });

  it("erases every row of the caller, leaves the other user's data, and the token stops working", async () => {
    const aliceId = (await alice.get('/v1/me')).body.id;
    const eveId = (await eve.get('/v1/me')).body.id;
    const eveBefore = await rowsOf(eveId);
    const before = await rowsOf(aliceId);
    expect(Object.values(before).reduce((a, b) => a + b, 0)).toBeGreaterThan(10);

    const res = await alice.send('DELETE', '/v1/me');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deleted: true });
    expect(Object.values(await rowsOf(aliceId)).every((n) => n === 0)).toBe(true);
    const users = await env.database.client.execute({ sql: 'SELECT count(*) AS n FROM users WHERE id = ?', args: [aliceId] });
    expect(Number(users.rows[0]!.n)).toBe(0);
    expect((await alice.get('/v1/me')).status).toBe(401);

    expect(await rowsOf(eveId)).toEqual(eveBefore);
    expect((await eve.get('/v1/threads/18c2f0a9b1d4e7f3/summary')).status).toBe(200);
  });
});

describe('reads while a write transaction is open (another user importing)', () => {
  it('answers the caller, settings, mailboxes and data summary without waiting for the transaction to end', async () => {
    // The serialized writer queues every call behind an open transaction: a read on it would wait here
    // until the transaction commits, as requests did behind each slice of another user's import.
    const bob = await t.addUser('bob@acme.example');
    await putSettings(bob, { timeZone: 'America/New_York' });
    const tx = await env.database.client.transaction('write');
    try {
      await tx.execute({ sql: `UPDATE users SET name = 'Eve (renamed, not committed)' WHERE email = ?`, args: ['eve@rival.example'] });
      const answered = Promise.all([bob.get('/v1/me'), bob.get('/v1/me/settings'), bob.get('/v1/accounts'), bob.get('/v1/me/data'), eve.get('/v1/me')]);
      const outcome = await Promise.race([answered, new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 2000))]);
      expect(outcome).not.toBe('waited');
      const [me, settings, accounts, data, eveMe] = outcome as Awaited<typeof answered>;
      expect([me.status, settings.status, accounts.status, data.status, eveMe.status]).toEqual([200, 200, 200, 200, 200]);
      expect(me.body.email).toBe('bob@acme.example');
      expect(settings.body.timeZone).toBe('America/New_York');
      // The last committed state: the open transaction's change is not visible.
      expect(eveMe.body.name).not.toBe('Eve (renamed, not committed)');
    } finally {
      await tx.rollback();
    }
  });
});
