import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../support/test-db';
import { createTestApp, putSettings, type Client, type TestApp } from '../support/test-app';
import { deliveryMessage, northwindThread } from '../support/mail';

let env: Awaited<ReturnType<typeof createTestDb>>;
let t: TestApp;
let alice: Client;
let eve: Client;
let promiseId: string;

beforeAll(async () => {
  env = await createTestDb();
  // Monday 23 Nov 2026, 10:00 in Berlin: the "by Friday" promise (Fri 20 Nov, end of day) has lapsed.
  t = createTestApp(env.database, { now: '2026-11-23T09:00:00Z' });
  alice = await t.addUser('alice@acme.example');
  eve = await t.addUser('eve@rival.example');
  await putSettings(alice);
  await alice.send('POST', '/v1/messages', { messages: northwindThread() });
  const list = await alice.get('/v1/promises');
  promiseId = list.body.promises[0].id;
});
afterAll(() => env.cleanup());

describe('GET /v1/promises', () => {
  it('finds the promise in our reply and judges it overdue after its due date', async () => {
    const res = await alice.get('/v1/promises');
    expect(res.status).toBe(200);
    expect(res.body.promises).toHaveLength(1);
    expect(res.body.promises[0]).toMatchObject({
      text: "I'll send you the revised statement of work by Friday.",
      counterpart: 'northwind.example',
      threadId: '18c2f0a9b1d4e7f3',
      messageId: 'CAG2-promise@mail.acme.example',
      status: 'overdue',
      dueIsDefault: false,
      verdict: null,
    });
    // Friday 20 Nov, end of the working day in Berlin (17:00 CET = 16:00 UTC).
    expect(res.body.promises[0].dueAt).toBe('2026-11-20T16:00:00.000Z');
  });

  it('computes status at read time: before the due date the same promise is open', async () => {
    t.setNow('2026-11-18T09:00:00Z');
    const res = await alice.get('/v1/promises');
    expect(res.body.promises[0].status).toBe('open');
    t.setNow('2026-11-23T09:00:00Z');
  });

  it('filters by status, counterpart and due date', async () => {
    expect((await alice.get('/v1/promises?status=overdue')).body.promises).toHaveLength(1);
    expect((await alice.get('/v1/promises?status=open')).body.promises).toHaveLength(0);
    expect((await alice.get('/v1/promises?counterpart=northwind.example')).body.promises).toHaveLength(1);
    expect((await alice.get('/v1/promises?counterpart=fabrikam.example')).body.promises).toHaveLength(0);
    expect((await alice.get('/v1/promises?dueBefore=2026-11-20T00:00:00Z')).body.promises).toHaveLength(0);
    expect((await alice.get('/v1/promises?dueBefore=2026-11-21T00:00:00Z')).body.promises).toHaveLength(1);
    const bad = await alice.get('/v1/promises?status=lapsed');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('query.status');
  });

  it('a second user neither sees nor changes the promise', async () => {
    expect((await eve.get('/v1/promises')).body.promises).toEqual([]);
    const patch = await eve.send('PATCH', `/v1/promises/${promiseId}`, { status: 'done' });
    expect(patch.status).toBe(404);
    expect(patch.body.error.code).toBe('not_found');
    const mine = await alice.get('/v1/promises');
    expect(mine.body.promises[0]).toMatchObject({ status: 'overdue', verdict: null });
  });
});

describe('PATCH /v1/promises/:id', () => {
  it('moves the due date (a schedule change) and keeps the detected one', async () => {
    const res = await alice.send('PATCH', `/v1/promises/${promiseId}`, { status: 'open', dueAt: '2026-11-27T17:00:00+01:00' });
    expect(res.status).toBe(200);
    expect(res.body.promise).toMatchObject({ status: 'open', dueAt: '2026-11-27T16:00:00.000Z', originalDueAt: '2026-11-20T16:00:00.000Z' });
    expect(res.body.history).toHaveLength(1);
  });

  it('marks it done; the verdict and its audit trail survive re-ingest of the thread', async () => {
    t.setNow('2026-11-23T10:00:00Z');
    const res = await alice.send('PATCH', `/v1/promises/${promiseId}`, { status: 'done' });
    expect(res.body.promise.status).toBe('done');
    expect(res.body.history.map((h: { status: string }) => h.status)).toEqual(['open', 'done']);

    // The mailbox is synced again, and the thread grows by one message.
    await alice.send('POST', '/v1/messages', { messages: [...northwindThread(), deliveryMessage('2026-11-24T09:00:00+01:00')] });
    t.setNow('2026-11-25T10:00:00Z');
    const after = await alice.get('/v1/promises');
    expect(after.body.promises).toHaveLength(1);
    expect(after.body.promises[0]).toMatchObject({ id: promiseId, status: 'done', verdict: { status: 'done' } });
    const events = await env.database.client.execute('SELECT count(*) AS n FROM promise_verdict_events');
    expect(Number(events.rows[0]!.n)).toBe(2);
  });

  it('"not a promise" dismisses it; reopening lets the analysis decide again', async () => {
    expect((await alice.send('PATCH', `/v1/promises/${promiseId}`, { status: 'dismissed' })).body.promise.status).toBe('dismissed');
    const reopened = await alice.send('PATCH', `/v1/promises/${promiseId}`, { status: 'open' });
    // Reopening without a dueAt clears the moved due date, so the detected Friday 20 Nov applies again:
    // the delivery on Tuesday 24 Nov kept the promise, late.
    expect(reopened.body.promise.status).toBe('kept-late');
    expect(reopened.body.promise.keptBy).toBe('CAG3-delivery@mail.acme.example');
    expect(reopened.body.history).toHaveLength(4);
  });

  it('rejects statuses the user cannot set, and unknown ids', async () => {
    const bad = await alice.send('PATCH', `/v1/promises/${promiseId}`, { status: 'kept' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('body.status');
    const missing = await alice.send('PATCH', '/v1/promises/0000000000000000', { status: 'done' });
    expect(missing.status).toBe(404);
  });
});
