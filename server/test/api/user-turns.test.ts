import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createTestDb } from '../support/test-db';
import { createTestApp, serveOnLoopback, type Client, type TestApp } from '../support/test-app';

// Each user's requests take turns (src/http/user-turns.ts), over real HTTP on loopback against the real app:
// a route added for the test behind the app's /v1 middleware (auth, rate limit, turns) waits on a gate the
// test opens, so "being served" is something the test can see and end.

let env: Awaited<ReturnType<typeof createTestDb>>;
let t: TestApp;
let server: Awaited<ReturnType<typeof serveOnLoopback>>;
let base: string;
let alice: Client;
let bob: Client;

/** Requests that reached the gated handler, by user, and the gates holding them. */
const entered: string[] = [];
const gates: { email: string; open: () => void }[] = [];

beforeAll(async () => {
  env = await createTestDb();
  t = createTestApp(env.database, { config: { requestsPerUserAtOnce: 3 } });
  t.app.get('/v1/test-gate', async (c) => {
    const email = c.var.user.email;
    entered.push(email);
    if (c.req.query('fail') === '1') throw new Error('handler failed');
    await new Promise<void>((open) => gates.push({ email, open }));
    return c.json({ ok: true });
  });
  alice = await t.addUser('alice@acme.example');
  bob = await t.addUser('bob@acme.example');
  server = await serveOnLoopback(t.app);
  base = server.base;
});
afterAll(async () => {
  await server.close();
  env.cleanup();
});

const ask = (who: Client, query = '') => fetch(`${base}/v1/test-gate${query}`, { headers: { authorization: `Bearer ${who.token}` } });
const count = (email: string) => entered.filter((e) => e === email).length;

/** Waits until `check` holds, turning the event loop over (the server runs in this process). */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Lets the server read whatever the client has sent: if more were going to be served, they would be by now. */
const settle = () => new Promise((r) => setTimeout(r, 150));

function openGate(email: string): void {
  const i = gates.findIndex((g) => g.email === email);
  if (i < 0) throw new Error(`no request of ${email} is waiting at the gate`);
  gates.splice(i, 1)[0]!.open();
}

describe('one user\'s requests take turns', () => {
  it('serves at most the configured number of one user\'s requests at once; another user is served meanwhile; each finished request lets one more in', async () => {
    entered.length = 0;
    const alices = Array.from({ length: 8 }, () => ask(alice));
    await until(() => count(alice.email) === 3, 'three of alice\'s requests to be served');
    await settle();
    expect(count(alice.email)).toBe(3);

    // Bob is not behind alice's five waiting requests.
    const bobs = ask(bob);
    await until(() => count(bob.email) === 1, 'bob\'s request to be served');
    openGate(bob.email);
    expect((await bobs).status).toBe(200);
    expect(count(alice.email)).toBe(3);

    // One of alice's finishes: exactly one more of hers is let in.
    openGate(alice.email);
    await until(() => count(alice.email) === 4, 'a fourth request of alice');
    await settle();
    expect(count(alice.email)).toBe(4);

    while (count(alice.email) < 8 || gates.length > 0) {
      await until(() => gates.length > 0, 'a request at the gate');
      openGate(alice.email);
    }
    const statuses = await Promise.all(alices.map(async (r) => (await r).status));
    expect(statuses).toEqual(Array(8).fill(200));
  });

  it('a request that fails gives its turn back: the user is served again, as many at once as before', async () => {
    entered.length = 0;
    const failed = await Promise.all([ask(alice, '?fail=1'), ask(alice, '?fail=1'), ask(alice, '?fail=1'), ask(alice, '?fail=1')]);
    expect(failed.map((r) => r.status)).toEqual([500, 500, 500, 500]);
    expect((await failed[0]!.json()) as unknown).toMatchObject({ error: { code: 'internal' } });

    entered.length = 0;
    const again = Array.from({ length: 4 }, () => ask(alice));
    await until(() => count(alice.email) === 3, 'three of alice\'s requests to be served');
    await settle();
    expect(count(alice.email)).toBe(3);
    while (gates.length > 0 || count(alice.email) < 4) {
      await until(() => gates.length > 0, 'a request at the gate');
      openGate(alice.email);
    }
    expect((await Promise.all(again.map(async (r) => (await r).status)))).toEqual([200, 200, 200, 200]);
  });
});

describe('a request whose client left while it waited', () => {
  it('is not served when its turn comes, and its turn passes on', async () => {
    entered.length = 0;
    const served = Array.from({ length: 3 }, () => ask(alice));
    await until(() => count(alice.email) === 3, 'three of alice\'s requests to be served');
    const leaving = new AbortController();
    const left = fetch(`${base}/v1/test-gate`, { headers: { authorization: `Bearer ${alice.token}` }, signal: leaving.signal }).catch((error: unknown) => error);
    await settle();
    leaving.abort();
    expect(await left).toBeInstanceOf(Error);
    await settle();

    for (let i = 0; i < 3; i++) openGate(alice.email);
    expect((await Promise.all(served.map(async (r) => (await r).status)))).toEqual([200, 200, 200]);
    await settle();
    expect(count(alice.email)).toBe(3);

    // Its turn was given back: alice is served as many at once as before.
    const again = Array.from({ length: 3 }, () => ask(alice));
    await until(() => count(alice.email) === 6, 'three more of alice\'s requests to be served');
    for (let i = 0; i < 3; i++) openGate(alice.email);
    expect((await Promise.all(again.map(async (r) => (await r).status)))).toEqual([200, 200, 200]);
  });
});

describe('FT_REQUESTS_PER_USER_AT_ONCE', () => {
  it('defaults to 4, takes a whole number from 1, and names a bad value', () => {
    expect(loadConfig({}).requestsPerUserAtOnce).toBe(4);
    expect(loadConfig({ FT_REQUESTS_PER_USER_AT_ONCE: '2' }).requestsPerUserAtOnce).toBe(2);
    expect(() => loadConfig({ FT_REQUESTS_PER_USER_AT_ONCE: '0' })).toThrow(/FT_REQUESTS_PER_USER_AT_ONCE: expected an integer >= 1, got "0"/);
  });
});
