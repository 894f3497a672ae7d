import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config';
import { silentLogger } from '../../src/http/logger';
import { startServer, type RunningServer } from '../../src/server';
import { createUser } from '../../src/store/users';
import { createTestDb } from '../support/test-db';

/**
 * A full disk, as SQLite meets it: the server's own connection may not grow the database file past its
 * current size (PRAGMA max_page_count), so every write that needs a new page fails with SQLITE_FULL, "database
 * or disk is full", exactly as on a full volume. Before issue 10 every request was a 500 then (the rate limiter
 * writes on every request, reads included) while /healthz said 200.
 */
let env: Awaited<ReturnType<typeof createTestDb>>;
let server: RunningServer;
let token: string;
let now = Date.parse('2026-11-23T09:00:00Z');

beforeAll(async () => {
  env = await createTestDb();
  token = (await createUser(env.database.db, { email: 'ann@ours.example', now: new Date() })).token;
  server = await startServer({ ...defaultConfig, port: 0, databaseUrl: env.url, rateLimit: { burst: 10_000, perSecond: 10_000 } }, silentLogger, () => new Date(now));
});
afterAll(async () => {
  await server.close();
  env.cleanup();
});

const get = (path: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
const touchpoint = () =>
  fetch(`${server.url}/v1/touchpoints`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    // A long summary, so the row needs pages the full database cannot have.
    body: JSON.stringify({ id: crypto.randomUUID(), counterpart: 'client.example', kind: 'note', at: '2026-03-02T09:15:00Z', summary: 'n'.repeat(1999) }),
  });

describe('a full disk', () => {
  it('keeps reads working, answers writes with a clear 503, and says so on /healthz until writes work again', async () => {
    expect((await get('/v1/me')).status).toBe(200);
    const pages = Number((await server.database.client.execute('PRAGMA page_count')).rows[0]![0]);
    await server.database.client.execute(`PRAGMA max_page_count = ${pages}`);
    // Fill what free pages are left, so the next write has nowhere to go.
    for (let i = 0; i < 200 && (await touchpoint()).status === 201; i++);

    const reads = await Promise.all(['/v1/me', '/v1/counterparts', '/v1/reminders', '/v1/me/settings'].map(async (p) => [p, (await get(p)).status]));
    expect(reads).toEqual([
      ['/v1/me', 200],
      ['/v1/counterparts', 200],
      ['/v1/reminders', 200],
      ['/v1/me/settings', 200],
    ]);
    const write = await touchpoint();
    expect(write.status).toBe(503);
    const body = (await write.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('unavailable');
    expect(body.error.message).toMatch(/database or its disk is full; reads still work/);
    expect(write.headers.get('retry-after')).toBe('60');
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'degraded', database: 'read-only', reason: 'the database or its disk is full' });

    // Space again: writes work at once; the health check recovers a minute after the last failed write.
    await server.database.client.execute(`PRAGMA max_page_count = ${pages * 100}`);
    expect((await touchpoint()).status).toBe(201);
    expect((await get('/v1/me')).status).toBe(200);
    now += 61_000;
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
