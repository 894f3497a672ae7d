import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientMatchesFilter } from '@followthrough/shared';
import { createTestDb } from '../support/test-db';
import { createTestApp, putSettings, type Client, type TestApp } from '../support/test-app';
import { fabrikamOutlookMessage, northwindThread } from '../support/mail';

let env: Awaited<ReturnType<typeof createTestDb>>;
let t: TestApp;
let alice: Client;
let eve: Client;

beforeAll(async () => {
  env = await createTestDb();
  t = createTestApp(env.database, { now: '2026-11-23T09:00:00Z' });
  alice = await t.addUser('alice@acme.example');
  eve = await t.addUser('eve@rival.example');
  await putSettings(alice);
  await alice.send('POST', '/v1/messages', { messages: [...northwindThread(), fabrikamOutlookMessage()] });
});
afterAll(() => env.cleanup());

describe('GET /v1/counterparts', () => {
  it('lists each client with health and its reasons, worst first', async () => {
    const res = await alice.get('/v1/counterparts');
    expect(res.status).toBe(200);
    const keys = res.body.counterparts.map((c: { key: string }) => c.key);
    expect(keys.sort()).toEqual(['fabrikam.example', 'northwind.example']);
    const scores = res.body.counterparts.map((c: { health: { score: number } }) => c.health.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    const northwind = res.body.counterparts.find((c: { key: string }) => c.key === 'northwind.example');
    expect(northwind).toMatchObject({ contacts: ['bob@northwind.example'], threads: 1, initiated: { us: 0, them: 1 }, name: null });
    expect(northwind.health.components.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining(['initiation', 'responsiveness', 'silence', 'promises', 'awaiting', 'risk']),
    );
    const best = await alice.get('/v1/counterparts?sort=-health&limit=1');
    expect(best.body.counterparts).toHaveLength(1);
    expect(best.body.counterparts[0].health.score).toBe(Math.max(...scores));
  });

  it('filters by what each client\'s own page says: overdue, awaiting our reply, silent, renewal due', async () => {
    await alice.send('PATCH', '/v1/counterparts/fabrikam.example', { renewalDate: '2026-12-20' });
    const pages = await Promise.all(['fabrikam.example', 'northwind.example'].map(async (key) => (await alice.get(`/v1/counterparts/${key}`)).body.counterpart));
    const kept = new Set<string>();
    for (const filter of ['overdue', 'awaiting', 'silent', 'renewal'] as const) {
      const listed = (await alice.get(`/v1/counterparts?filter=${filter}`)).body.counterparts.map((c: { key: string }) => c.key).sort();
      const expected = pages.filter((page) => clientMatchesFilter(page, page.renewalDate, filter, '2026-11-23T09:00:00Z')).map((page) => page.key).sort();
      expect(listed, filter).toEqual(expected);
      for (const key of listed) kept.add(`${filter}:${key}`);
    }
    // Not every filter keeps every client: the filters are told apart.
    expect(kept.size).toBeGreaterThan(0);
    expect(kept.size).toBeLessThan(8);
    expect(kept.has('renewal:fabrikam.example') && !kept.has('renewal:northwind.example')).toBe(true);
  });

  it('a second user sees none of them', async () => {
    expect((await eve.get('/v1/counterparts')).body.counterparts).toEqual([]);
  });
});

describe('GET and PATCH /v1/counterparts/:key', () => {
  it('adds promises, touchpoints, cadence, renewal date and notes', async () => {
    const patch = await alice.send('PATCH', '/v1/counterparts/northwind.example', {
      name: 'Northwind Traders',
      cadenceDays: 14,
      renewalDate: '2027-01-10',
      notes: 'Board meets monthly; Bob prefers calls.',
    });
    expect(patch.status).toBe(200);
    const res = await alice.get('/v1/counterparts/Northwind.example');
    expect(res.body.counterpart).toMatchObject({
      key: 'northwind.example',
      name: 'Northwind Traders',
      cadenceDays: 14,
      renewalDate: '2027-01-10',
      notes: 'Board meets monthly; Bob prefers calls.',
    });
    expect(res.body.promises).toHaveLength(1);
    expect(res.body.touchpoints).toEqual([]);
    // A partial PATCH changes only what it names; null clears.
    await alice.send('PATCH', '/v1/counterparts/northwind.example', { notes: null });
    const after = await alice.get('/v1/counterparts/northwind.example');
    expect(after.body.counterpart).toMatchObject({ name: 'Northwind Traders', cadenceDays: 14, notes: null });
  });

  it("another user's token gets 404 for reading and for changing it, and changes nothing", async () => {
    expect((await eve.get('/v1/counterparts/northwind.example')).status).toBe(404);
    const patch = await eve.send('PATCH', '/v1/counterparts/northwind.example', { name: 'Hijacked' });
    expect(patch.status).toBe(404);
    expect((await eve.get('/v1/counterparts/northwind.example/report')).status).toBe(404);
    expect((await alice.get('/v1/counterparts/northwind.example')).body.counterpart.name).toBe('Northwind Traders');
  });

  it('rejects bad fields with their path', async () => {
    const res = await alice.send('PATCH', '/v1/counterparts/northwind.example', { cadenceDays: -3, renewalDate: '10/01/2027' });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.cadenceDays', 'body.renewalDate']);
  });
});

describe('GET /v1/counterparts/:key/report', () => {
  it('drafts the progress report in text and HTML, ending with the open question', async () => {
    const res = await alice.get('/v1/counterparts/northwind.example/report?since=2026-11-01T00:00:00Z');
    expect(res.status).toBe(200);
    expect(res.body.counterpart).toBe('northwind.example');
    expect(res.body.since).toBe('2026-11-01T00:00:00.000Z');
    expect(res.body.text).toContain("I'll send you the revised statement of work by Friday.");
    expect(res.body.text.trim().endsWith('Are there any other issues we should discuss?')).toBe(true);
    expect(res.body.html).toContain('Are there any other issues we should discuss?');
    expect(res.body.html).toContain('I&#39;ll send you the revised statement of work by Friday.');
  });
});
