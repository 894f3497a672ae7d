import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, migrate, type Database } from '../../src/db/index';
import { startHranaStandIn, type HranaStandIn } from '../support/hrana-stand-in';
import { createTestApp, putSettings, type Client, type TestApp } from '../support/test-app';
import { northwindThread } from '../support/mail';

// DATABASE_URL=http://... (a libSQL server or Turso): the same routes over Hrana-over-HTTP, through a
// local stand-in backed by a real libSQL file.
const dir = mkdtempSync(join(tmpdir(), 'ft-remote-'));
let standIn: HranaStandIn;
let database: Database;
let t: TestApp;
let alice: Client;
let eve: Client;

beforeAll(async () => {
  standIn = await startHranaStandIn({ dbFile: join(dir, 'remote.db'), authToken: 'turso-token-7f3a' });
  database = await createDb(standIn.url, 'turso-token-7f3a');
  await migrate(database);
  t = createTestApp(database, { now: '2026-11-23T09:00:00Z' });
  alice = await t.addUser('alice@acme.example');
  eve = await t.addUser('eve@rival.example');
  await putSettings(alice);
  // The first settings start a (tiny) re-derivation; let it finish before the tests write.
  await t.deps.rederiver!.idle();
});
afterAll(async () => {
  database.close();
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a remote libSQL database over HTTP', () => {
  it('is not a file: no WAL pragma, no folder', () => {
    expect(database.isFile).toBe(false);
  });

  it('migrates, ingests idempotently and answers the thread summary', async () => {
    const first = await alice.send('POST', '/v1/messages', { messages: northwindThread() });
    expect(first.body).toMatchObject({ accepted: 3, duplicates: 0, threadsUpdated: 1 });
    const again = await alice.send('POST', '/v1/messages', { messages: northwindThread() });
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 3 });
    const summary = await alice.get('/v1/threads/18c2f0a9b1d4e7f3/summary');
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ messageCount: 3, initiatedBy: 'them', counterpart: 'northwind.example' });
    expect(summary.body.lags.ours.medianBusinessMinutes).toBe(148);
    expect(summary.body.promises[0]).toMatchObject({ status: 'overdue' });
  });

  it('re-derives the stored figures over HTTP when the time zone changes', async () => {
    const before = (await alice.get('/v1/promises')).body.promises[0];
    await putSettings(alice, { timeZone: 'America/New_York' });
    await t.deps.rederiver!.idle();
    const status = (await alice.get('/v1/me')).body.analysis;
    expect(status).toMatchObject({ state: 'current' });
    const after = (await alice.get('/v1/promises')).body.promises[0];
    // The same "by Friday", now the end of Friday's working day in New York rather than in Berlin.
    expect(after.id).toBe(before.id);
    expect(Date.parse(after.dueAt) - Date.parse(before.dueAt)).toBe(6 * 3_600_000);
    await putSettings(alice);
    await t.deps.rederiver!.idle();
  });

  it('logs touchpoints idempotently, records verdicts, and keeps users apart', async () => {
    const tp = { id: '9d1f7a2c-5b3e-4c8d-a6f0-1e2d3c4b5a69', counterpart: 'northwind.example', kind: 'call', at: '2026-11-23T08:00:00Z' };
    expect((await alice.send('POST', '/v1/touchpoints', tp)).status).toBe(201);
    expect((await alice.send('POST', '/v1/touchpoints', tp)).status).toBe(200);
    const promiseId = (await alice.get('/v1/promises')).body.promises[0].id;
    const verdict = await alice.send('PATCH', `/v1/promises/${promiseId}`, { status: 'done' });
    expect(verdict.body.history).toHaveLength(1);
    expect((await eve.get('/v1/threads/18c2f0a9b1d4e7f3/summary')).status).toBe(404);
    expect((await eve.get('/v1/touchpoints')).body.touchpoints).toEqual([]);
    expect((await alice.get('/v1/counterparts')).body.counterparts).toHaveLength(1);
  });

  it('erases a user in one remote batch', async () => {
    expect((await alice.send('DELETE', '/v1/me')).status).toBe(200);
    const left = await database.client.execute("SELECT count(*) AS n FROM messages WHERE user_id IN (SELECT id FROM users WHERE email = 'alice@acme.example')");
    expect(Number(left.rows[0]!.n)).toBe(0);
    expect((await alice.get('/v1/me')).status).toBe(401);
  });

  it('sends DATABASE_AUTH_TOKEN as a Bearer token on every request', async () => {
    expect(standIn.requestCount()).toBeGreaterThan(20);
    expect(new Set(standIn.authorizations)).toEqual(new Set(['Bearer turso-token-7f3a']));
  });

  it('`user add` honours DATABASE_URL and DATABASE_AUTH_TOKEN: its token works against the remote database', async () => {
    const serverDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'user', 'add', 'frank@acme.example'], {
      cwd: serverDir,
      env: { ...process.env, DATABASE_URL: standIn.url, DATABASE_AUTH_TOKEN: 'turso-token-7f3a' },
    });
    const token = stdout.trim().split('\n').at(-1)!;
    const res = await t.app.request('/v1/me', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ email: 'frank@acme.example' });
  }, 120_000);

  it('fails clearly with a wrong token', async () => {
    const wrong = await createDb(standIn.url, 'not-the-token');
    await expect(wrong.client.execute('SELECT 1')).rejects.toThrow(/401|Unauthorized/i);
    wrong.close();
  });
});
