import { analysisSettingsSchema, readMessage, type NormalizedMessageInput } from '@followthrough/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { northwindThread } from '../support/mail';
import { createTestApp, putSettings, type Client, type TestApp } from '../support/test-app';
import { createTestDb } from '../support/test-db';

/** What the Clients view reads and sets: profiles with the initiation target, a client's threads, remembered facts, the data summary. */
let env: Awaited<ReturnType<typeof createTestDb>>;
let t: TestApp;
let alice: Client;
let eve: Client;

/** A thread Northwind starts (so we start 0 of 2 conversations with them). */
const secondThread = (me = 'alice@acme.example'): NormalizedMessageInput[] => [
  {
    id: '<CAF9-ask@mail.northwind.example>',
    threadId: '18c2f0a9b1d4e800',
    from: 'Bob Lindqvist <bob@northwind.example>',
    to: [me],
    date: '2026-11-20T10:00:00+01:00',
    subject: 'Training dates',
    text: 'Hi Alice,\n\nwhich dates work for the training in December?\n\nBob',
  },
  {
    id: '<CAG9-answer@mail.acme.example>',
    threadId: '18c2f0a9b1d4e800',
    from: `Alice Meyer <${me}>`,
    to: ['bob@northwind.example'],
    date: '2026-11-20T11:00:00+01:00',
    subject: 'Re: Training dates',
    inReplyTo: '<CAF9-ask@mail.northwind.example>',
    text: 'Hi Bob,\n\nthe 8th and the 10th both work for us.\n\nAlice',
  },
];

beforeAll(async () => {
  env = await createTestDb();
  t = createTestApp(env.database, { now: '2026-11-23T09:00:00Z' });
  alice = await t.addUser('alice@acme.example');
  eve = await t.addUser('eve@rival.example');
  await putSettings(alice);
  await alice.send('POST', '/v1/messages', { messages: [...northwindThread(), ...secondThread()] });
});
afterAll(() => env.cleanup());

const initiation = (body: { counterpart: { health: { components: { id: string; target: number; explanation: string }[] } } }) =>
  body.counterpart.health.components.find((c) => c.id === 'initiation')!;

describe('client profiles', () => {
  it("measures initiation against the user's target, then the client's own", async () => {
    const start = await alice.get('/v1/counterparts/northwind.example');
    expect(start.body.profile).toEqual({ name: null, cadenceDays: null, renewalDate: null, notes: null, initiationTargetPercent: null, reviewIntervalDays: null, feedbackIntervalDays: null });
    expect(initiation(start.body)).toMatchObject({ target: 80 });
    await putSettings(alice, { initiationTargetPercent: 50 });
    expect(initiation((await alice.get('/v1/counterparts/northwind.example')).body).target).toBe(50);
    const patched = await alice.send('PATCH', '/v1/counterparts/northwind.example', { initiationTargetPercent: 30, name: 'Northwind Traders', cadenceDays: 14, notes: 'Bob prefers calls on Fridays.' });
    expect(patched.body.profile).toMatchObject({ initiationTargetPercent: 30, name: 'Northwind Traders' });
    const detail = (await alice.get('/v1/counterparts/northwind.example')).body;
    expect(initiation(detail)).toMatchObject({ target: 30 });
    expect(initiation(detail).explanation).toContain('below the 30% target');
    expect(detail.profile).toEqual({ name: 'Northwind Traders', cadenceDays: 14, renewalDate: null, notes: 'Bob prefers calls on Fridays.', initiationTargetPercent: 30, reviewIntervalDays: null, feedbackIntervalDays: null });
    // The list shows the same figure as the detail.
    const listed = (await alice.get('/v1/counterparts')).body.counterparts.find((c: { key: string }) => c.key === 'northwind.example');
    expect(listed.health.components.find((c: { id: string }) => c.id === 'initiation').target).toBe(30);
    // Back to the user's target.
    await alice.send('PATCH', '/v1/counterparts/northwind.example', { initiationTargetPercent: null });
    expect(initiation((await alice.get('/v1/counterparts/northwind.example')).body).target).toBe(50);
    expect((await alice.send('PATCH', '/v1/counterparts/northwind.example', { initiationTargetPercent: 0 })).status).toBe(400);
  });
});

describe("a client's threads", () => {
  it('pages them latest contact first, with links, for their owner only', async () => {
    const first = await alice.get('/v1/counterparts/northwind.example/threads?limit=1');
    expect(first.body).toMatchObject({ total: 2 });
    expect(first.body.threads).toEqual([
      {
        threadId: '18c2f0a9b1d4e800',
        subject: 'Training dates',
        messageCount: 2,
        initiatedBy: 'them',
        firstAt: '2026-11-20T09:00:00.000Z',
        lastContactAt: '2026-11-20T10:00:00.000Z',
        awaiting: { side: 'them', since: '2026-11-20T10:00:00.000Z' },
        link: 'https://mail.google.com/mail/u/0/#all/18c2f0a9b1d4e800',
      },
    ]);
    const second = await alice.get(`/v1/counterparts/northwind.example/threads?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.threads.map((th: { subject: string }) => th.subject)).toEqual(['Statement of work for the warehouse rollout']);
    expect(second.body.nextCursor).toBeNull();
    expect((await eve.get('/v1/counterparts/northwind.example/threads')).body).toEqual({ threads: [], total: 0, nextCursor: null });
    expect((await alice.get('/v1/counterparts/northwind.example/threads?cursor=bogus')).status).toBe(400);
  });
});

describe('remembered facts and the data summary', () => {
  it('stores what the extension remembered (no body) as the same figures, once', async () => {
    const settings = analysisSettingsSchema.parse({ me: ['alice@acme.example'], timeZone: 'Europe/Berlin' });
    // What the extension keeps of an opened Gmail thread: readMessage's facts, computed in the browser.
    const facts = [
      readMessage({ id: '<r1@fabrikam.example>', threadId: '18c2f0a9b1d4e900', from: 'Lena <lena@fabrikam.example>', to: ['alice@acme.example'], date: '2026-11-21T09:00:00Z', subject: 'Pilot', text: 'Could you send the pilot plan?', references: [], cc: [], headers: {} }, settings),
      readMessage({ id: '<r2@acme.example>', threadId: '18c2f0a9b1d4e900', from: 'alice@acme.example', to: ['lena@fabrikam.example'], date: '2026-11-21T10:00:00Z', subject: 'Re: Pilot', text: "Hi Lena,\n\nthanks for your patience with us.\n\nI'll send the pilot plan by Wednesday.\n\nAlice", references: ['<r1@fabrikam.example>'], inReplyTo: '<r1@fabrikam.example>', cc: [], headers: {} }, settings),
    ];
    expect(JSON.stringify(facts)).not.toContain('thanks for your patience');
    const res = await alice.send('POST', '/v1/memory', { messages: facts });
    expect(res.body).toEqual({ accepted: 2, duplicates: 0, threadsUpdated: 1 });
    expect((await alice.send('POST', '/v1/memory', { messages: facts })).body).toMatchObject({ accepted: 0, duplicates: 2 });
    const summary = (await alice.get('/v1/threads/18c2f0a9b1d4e900/summary')).body;
    expect(summary).toMatchObject({ counterpart: 'fabrikam.example', messageCount: 2, initiatedBy: 'them' });
    expect(summary.promises.map((p: { text: string; dueText: string }) => [p.text, p.dueText])).toEqual([["I'll send the pilot plan by Wednesday.", 'by Wednesday']]);
    expect((await alice.send('POST', '/v1/memory', { messages: [{ ...facts[0], text: 'a body' }] })).status).toBe(400);
  });

  it('counts what erase would remove', async () => {
    const res = await alice.get('/v1/me/data');
    expect(res.body).toEqual({ email: 'alice@acme.example', messages: 7, threads: 3, clients: 2, promises: 2, touchpoints: 0, mailboxes: [], tokens: 1 });
    expect((await eve.get('/v1/me/data')).body).toMatchObject({ messages: 0, clients: 0 });
  });
});
