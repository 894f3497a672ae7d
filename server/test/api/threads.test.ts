import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('GET /v1/threads/:threadId/summary', () => {
  it('gives the sidebar everything for the open thread in one call', async () => {
    const res = await alice.get('/v1/threads/18c2f0a9b1d4e7f3/summary');
    expect(res.status).toBe(200);
    const s = res.body;
    expect(s).toMatchObject({
      threadId: '18c2f0a9b1d4e7f3',
      subject: 'Statement of work for the warehouse rollout',
      counterpart: 'northwind.example',
      messageCount: 3,
      initiatedBy: 'them',
      awaiting: { side: 'us', lastMessageId: 'AM0PR-unhappy@northwind.example' },
      link: 'https://mail.google.com/mail/u/0/#all/18c2f0a9b1d4e7f3',
    });
    // Bob wrote Mon 09:12, Alice answered 11:40 the same morning: 148 minutes, all inside working hours.
    expect(s.lags.ours).toMatchObject({ count: 1, medianMinutes: 148, medianBusinessMinutes: 148 });
    // Alice Mon 11:40 -> Bob Wed 14:05: 2 days 2h25m wall clock; business time counts only 09:00-17:00.
    expect(s.lags.theirs.count).toBe(1);
    expect(s.lags.theirs.medianMinutes).toBe(3025);
    expect(s.lags.theirs.medianBusinessMinutes).toBe(320 + 480 + 305);
    expect(s.promises.map((p: { status: string }) => p.status)).toEqual(['overdue']);
    expect(s.risks.map((r: { kind: string }) => r.kind)).toEqual(['dissatisfaction']);
    // Bob's "Could you send us the revised statement of work" was answered by Alice's reply: not an open request.
    expect(s.requests).toEqual([]);
    expect(s.counterpartSummary.key).toBe('northwind.example');
    expect(s.counterpartSummary.health.components.length).toBeGreaterThan(0);
    // The client as its page has it, figures, counts and health alike, read without the client's lists
    // (its oldest waits either way, requests, risks), which the summary leaves to that page.
    const page = await alice.get('/v1/counterparts/northwind.example');
    const { awaitingOurReply, awaitingThem, requests, risks, notes: _notes, ...figures } = page.body.counterpart;
    expect(awaitingOurReply.length).toBeGreaterThan(0);
    expect(risks.length).toBeGreaterThan(0);
    expect([awaitingThem, requests]).toBeDefined();
    expect(s.counterpartSummary).toEqual(figures);
  });

  it('links an Outlook thread to Outlook on the web', async () => {
    const msg = fabrikamOutlookMessage();
    const res = await alice.get(`/v1/threads/${encodeURIComponent(msg.threadId!)}/summary`);
    expect(res.status).toBe(200);
    expect(res.body.link).toBe(`https://outlook.office.com/mail/deeplink/read/${encodeURIComponent(msg.id)}`);
    expect(res.body.awaiting).toMatchObject({ side: 'us' });
  });

  it("lists the client's few most urgent open promises of its other threads, and counts them all", async () => {
    const carol = await t.addUser('carol@acme.example');
    await putSettings(carol);
    const dues = ['November 20', 'November 27', 'November 25', 'December 2', 'November 30', 'December 7', 'November 19', 'December 10'];
    await carol.send('POST', '/v1/messages', {
      messages: dues.map((due, i) => ({
        id: `<promise-${i}@acme.example>`,
        threadId: `contoso-thread-${i}`,
        from: 'Carol Diaz <carol@acme.example>',
        to: ['Dana Ode <dana@contoso.example>'],
        date: `2026-11-${String(10 + i).padStart(2, '0')}T10:00:00Z`,
        subject: `Rollout part ${i}`,
        text: `Hi Dana,\n\nI'll send you the plan for part ${i} by ${due}.\n\nCarol`,
      })),
    });
    const own = await Promise.all(dues.map(async (_, i) => (await carol.get(`/v1/threads/contoso-thread-${i}/summary`)).body.promises[0]));
    expect(new Set(own.map((p: { dueAt: string }) => p.dueAt)).size).toBe(dues.length);
    const s = (await carol.get('/v1/threads/contoso-thread-0/summary')).body;
    expect(s.otherOpenPromiseCount).toBe(7);
    const expected = own
      .slice(1)
      .sort((a: { dueAt: string }, b: { dueAt: string }) => a.dueAt.localeCompare(b.dueAt))
      .slice(0, 5)
      .map((p: { threadId: string }) => p.threadId);
    expect(s.otherOpenPromises.map((p: { threadId: string }) => p.threadId)).toEqual(expected);
    expect(expected).toEqual(['contoso-thread-6', 'contoso-thread-2', 'contoso-thread-1', 'contoso-thread-4', 'contoso-thread-3']);
    // Each is the whole promise, as the thread's own summary gives it.
    expect(s.otherOpenPromises[0]).toEqual(own[6]);
  });

  it("is a 404 for another user's thread, with the API's error shape", async () => {
    const res = await eve.get('/v1/threads/18c2f0a9b1d4e7f3/summary');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'not_found' });
    expect(typeof res.body.error.requestId).toBe('string');
  });
});
