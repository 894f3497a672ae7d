import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../support/test-db';
import { createTestApp, putSettings, type Client, type TestApp } from '../support/test-app';
import { deliveryMessage, northwindThread } from '../support/mail';

let env: Awaited<ReturnType<typeof createTestDb>>;
let t: TestApp;
let alice: Client;
let eve: Client;

const call = {
  id: '6f1c2b9e-3d4a-4f5b-8c7d-1e2f3a4b5c6d',
  counterpart: 'northwind.example',
  kind: 'call',
  at: '2026-11-19T15:30:00+01:00',
  summary: 'Walked Bob through the revised statement of work on the phone',
  department: 'delivery',
  threadId: '18c2f0a9b1d4e7f3',
};

beforeAll(async () => {
  env = await createTestDb();
  t = createTestApp(env.database, { now: '2026-11-23T09:00:00Z' });
  alice = await t.addUser('alice@acme.example');
  eve = await t.addUser('eve@rival.example');
  await putSettings(alice);
  await alice.send('POST', '/v1/messages', { messages: northwindThread() });
});
afterAll(() => env.cleanup());

describe('touchpoints', () => {
  it('logs a call once even when the offline queue retries it', async () => {
    const first = await alice.send('POST', '/v1/touchpoints', call);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: true, touchpoint: { id: call.id, kind: 'call', at: '2026-11-19T14:30:00.000Z' } });
    const retry = await alice.send('POST', '/v1/touchpoints', call);
    expect(retry.status).toBe(200);
    expect(retry.body.created).toBe(false);
    const list = await alice.get('/v1/touchpoints?counterpart=northwind.example');
    expect(list.body.touchpoints).toHaveLength(1);
    expect(list.body.touchpoints[0]).toMatchObject({ summary: call.summary, department: 'delivery', threadId: call.threadId });
  });

  it('resets the silence clock and keeps the promise made to that client', async () => {
    const detail = await alice.get('/v1/counterparts/northwind.example');
    // The last e-mail was Bob's on Wed 18 Nov; the call on Thu 19 Nov is later contact.
    expect(detail.body.counterpart.lastContactAt).toBe('2026-11-19T14:30:00.000Z');
    expect(detail.body.touchpoints.map((x: { id: string }) => x.id)).toEqual([call.id]);
    const promise = detail.body.promises[0];
    expect(promise).toMatchObject({ status: 'kept', keptBy: call.id });
  });

  it('a second user neither sees, deletes nor overwrites it', async () => {
    expect((await eve.get('/v1/touchpoints')).body.touchpoints).toEqual([]);
    expect((await eve.get('/v1/touchpoints?counterpart=northwind.example')).body.touchpoints).toEqual([]);
    const del = await eve.send('DELETE', `/v1/touchpoints/${call.id}`);
    expect(del.status).toBe(404);
    // The same client-made id from another user is that user's own touchpoint.
    const own = await eve.send('POST', '/v1/touchpoints', { ...call, summary: 'Eve was here' });
    expect(own.status).toBe(201);
    const mine = await alice.get('/v1/touchpoints');
    expect(mine.body.touchpoints).toHaveLength(1);
    expect(mine.body.touchpoints[0].summary).toBe(call.summary);
  });

  it('rejects unknown kinds and ids that are not UUIDs, naming the field', async () => {
    const res = await alice.send('POST', '/v1/touchpoints', { ...call, id: 'retry-1', kind: 'lunch' });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.id', 'body.kind']);
  });

  it('deletes it; the promise is overdue again', async () => {
    const del = await alice.send('DELETE', `/v1/touchpoints/${call.id}`);
    expect(del.status).toBe(200);
    expect((await alice.send('DELETE', `/v1/touchpoints/${call.id}`)).status).toBe(404);
    expect((await alice.get('/v1/touchpoints')).body.touchpoints).toEqual([]);
    expect((await alice.get('/v1/promises')).body.promises[0].status).toBe('overdue');
    // Eve's twin is untouched by Alice's delete.
    expect((await eve.get('/v1/touchpoints')).body.touchpoints).toHaveLength(1);
  });

  it('a call logged a moment ago keeps the promise for a read in the same second', async () => {
    // Reads take `now` to a whole second; the call (10:00:05.300) must not look later than a read at .800.
    t.setNow('2026-11-23T10:00:05.800Z');
    const res = await alice.send('POST', '/v1/touchpoints', { ...call, id: '0b8e3a52-6c1d-4f7e-9a2b-3c4d5e6f7a8b', at: '2026-11-23T10:00:05.300Z' });
    expect(res.status).toBe(201);
    const [promise] = (await alice.get('/v1/promises')).body.promises;
    expect(promise).toMatchObject({ status: 'kept-late', keptAt: '2026-11-23T10:00:05.300Z' });
    const summary = await alice.get('/v1/threads/18c2f0a9b1d4e7f3/summary');
    expect(summary.body.promises[0]).toMatchObject({ status: 'kept-late' });
  });
});

describe('a touchpoint that says nothing about a promise', () => {
  it('leaves the promise row as it was, and mail that arrives later with an earlier time still keeps it', async () => {
    const carol = await t.addUser('carol@acme.example');
    await putSettings(carol, { addresses: ['carol@acme.example'] });
    await carol.send('POST', '/v1/messages', { messages: northwindThread('carol@acme.example') });
    const row = async () =>
      (await env.database.client.execute({
        sql: `SELECT p.state, p.kept_by, p.folded_through FROM promises p JOIN users u ON u.id = p.user_id WHERE u.email = ?`,
        args: [carol.email],
      })).rows.map((r) => ({ state: r.state, keptBy: r.kept_by, foldedThrough: r.folded_through }));
    const before = await row();
    expect(before).toEqual([{ state: 'pending', keptBy: null, foldedThrough: null }]);

    // A note of lunch with the client names nothing that was promised: judged null, so nothing is written.
    const lunch = { id: '2b7d9e41-5a3c-4f8e-9d1b-7c6a5e4f3d2c', counterpart: 'northwind.example', kind: 'note', at: '2026-11-21T12:30:00Z', summary: 'Lunch with Bob, talked about the holidays' };
    expect((await carol.send('POST', '/v1/touchpoints', lunch)).status).toBe(201);
    expect(await row()).toEqual(before);
    expect((await carol.get('/v1/promises')).body.promises[0]).toMatchObject({ status: 'overdue' });

    // The delivery, sent before the lunch but stored after it, keeps the promise on time, as a fold of
    // everything in time order would.
    expect((await carol.send('POST', '/v1/messages', { messages: [deliveryMessage('2026-11-20T10:00:00+01:00', 'carol@acme.example')] })).status).toBe(200);
    const [promise] = (await carol.get('/v1/promises')).body.promises;
    expect(promise).toMatchObject({ status: 'kept', keptBy: 'CAG3-delivery@mail.acme.example', keptAt: '2026-11-20T09:00:00.000Z' });
  });
});
