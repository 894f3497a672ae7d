import type { NormalizedMessageInput } from '@followthrough/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readPool } from '../../src/store/read-pool';
import { createTestDb } from '../support/test-db';
import { createTestApp, serveOnLoopback, type Client, type TestApp } from '../support/test-app';

// Ingest takes turns across the process (src/http/user-turns.ts, ingestTurns): a batch is not read, parsed or
// stored while another batch is being ingested, whoever sent it. Over real HTTP on loopback; the read pool is
// held at a gate the test opens, so "being ingested" is something the test can see.

let env: Awaited<ReturnType<typeof createTestDb>>;
let t: TestApp;
let server: Awaited<ReturnType<typeof serveOnLoopback>>;
let base: string;
let alice: Client;
let bob: Client;

beforeAll(async () => {
  env = await createTestDb();
  t = createTestApp(env.database);
  alice = await t.addUser('alice@acme.example');
  bob = await t.addUser('bob@acme.example');
  server = await serveOnLoopback(t.app);
  base = server.base;
});
afterAll(async () => {
  vi.restoreAllMocks();
  await server.close();
  env.cleanup();
});

const batch = (who: string, n: number): NormalizedMessageInput[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `<${who}-${i}@client.example>`,
    from: 'Cleo <cleo@client.example>',
    to: [`${who}@acme.example`],
    date: '2026-03-02T09:15:00+01:00',
    subject: `plan ${i}`,
    text: 'Could you send the plan?',
  }));
const post = (who: Client, messages: NormalizedMessageInput[]) =>
  fetch(`${base}/v1/messages`, { method: 'POST', headers: { authorization: `Bearer ${who.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ messages }) });

describe('ingest takes turns across the process', () => {
  it("another user's batch waits, unread, while one is being ingested, and goes in once it is done", async () => {
    const read = readPool.read.bind(readPool);
    const asked: string[] = [];
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    vi.spyOn(readPool, 'read').mockImplementation(async (messages, offset, settings, validate) => {
      asked.push(`${String((messages[0] as { id: string }).id).split('-')[0]!.slice(1)}@${offset}`);
      await gate;
      return read(messages, offset, settings, validate);
    });

    const alices = post(alice, batch('alice', 600));
    for (let i = 0; i < 200 && asked.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    const bobs = post(bob, batch('bob', 600));
    // Time for bob's request to arrive and, if it were let in, to be read.
    await new Promise((r) => setTimeout(r, 200));
    expect(asked).toEqual(['alice@0']);

    openGate();
    const [a, b] = await Promise.all([alices, bobs]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(((await a.json()) as { accepted: number }).accepted).toBe(600);
    expect(((await b.json()) as { accepted: number }).accepted).toBe(600);
    // Every slice of alice's batch was asked for before any of bob's.
    expect(asked).toEqual(['alice@0', 'alice@500', 'bob@0', 'bob@500']);
  });
});
