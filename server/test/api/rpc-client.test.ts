import { hc } from 'hono/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppType } from '../../src/app';
import { defaultConfig } from '../../src/config';
import { silentLogger } from '../../src/http/logger';
import { startServer, type RunningServer } from '../../src/server';
import { createUser } from '../../src/store/users';
import { createTestDb } from '../support/test-db';
import { northwindThread } from '../support/mail';

// The extension talks to the server through `hc<AppType>`: this compiles only while the routers stay
// chained (so the type carries every route), and runs against a real server over loopback.
let env: Awaited<ReturnType<typeof createTestDb>>;
let server: RunningServer;
let token: string;

beforeAll(async () => {
  env = await createTestDb();
  server = await startServer({ ...defaultConfig, port: 0, databaseUrl: env.url }, silentLogger, () => new Date('2026-11-23T09:00:00Z'));
  token = (await createUser(env.database.db, { email: 'alice@acme.example', now: new Date() })).token;
});
afterAll(async () => {
  await server.close();
  env.cleanup();
});

describe('typed client (hc<AppType>)', () => {
  it('ingests, reads the thread summary and logs a touchpoint with typed requests and responses', async () => {
    const client = hc<AppType>(server.url, { headers: { authorization: `Bearer ${token}` } });
    const ingest = await client.v1.messages.$post({ json: { messages: northwindThread() } });
    expect(ingest.status).toBe(200);
    if (ingest.status === 200) expect((await ingest.json()).accepted).toBe(3);

    const summary = await client.v1.threads[':threadId'].summary.$get({ param: { threadId: '18c2f0a9b1d4e7f3' } });
    expect(summary.status).toBe(200);
    if (summary.status === 200) {
      const body = await summary.json();
      expect(body.initiatedBy).toBe('them');
      expect(body.promises[0]?.text).toBe("I'll send you the revised statement of work by Friday.");
    }

    const logged = await client.v1.touchpoints.$post({
      json: { id: '3b6f0c1e-8d2a-4f7b-9e5c-2a1d0f3e4b5c', counterpart: 'northwind.example', kind: 'meeting', at: '2026-11-23T08:00:00Z' },
    });
    expect(logged.status).toBe(201);
    const reminders = await client.v1.reminders.$get({ query: {} });
    expect(reminders.status).toBe(200);
  });
});
