import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gmailHexThreadId, threadLink } from '../../src/store/links';
import { northwindThread } from '../support/mail';
import { createTestApp, putSettings, type Client, type TestApp } from '../support/test-app';
import { createTestDb } from '../support/test-db';

/** Issue 12: every reminder leads somewhere (its exact thread, or the client's page), with the client's name; snoozes of every kind. */
interface Reminder {
  id: string;
  kind: string;
  counterpart: string;
  name: string | null;
  threadId: string | null;
  title: string;
  link: string | null;
}

let env: Awaited<ReturnType<typeof createTestDb>>;
let t: TestApp;
let alice: Client;
let eve: Client;

const reminders = async (client: Client = alice) => (await client.get('/v1/reminders')).body as { reminders: Reminder[]; counts: Record<string, number> };
const byId = async (id: string) => (await reminders()).reminders.find((r) => r.id === id);

/** A Takeout mbox thread: X-GM-THRID is Gmail's thread id in decimal. */
const takeoutThread = (me = 'alice@acme.example') => [
  {
    id: '<takeout-1@contoso.example>',
    threadId: '1785464019839590400',
    from: 'Dana Fox <dana@contoso.example>',
    to: [me],
    date: '2026-11-19T10:00:00+01:00',
    subject: 'Invoice 2026-114',
    text: 'Hi Alice,\n\ncould you resend invoice 2026-114 with our new VAT number?\n\nThanks,\nDana',
  },
];

beforeAll(async () => {
  env = await createTestDb();
  t = createTestApp(env.database, { now: '2026-11-23T09:00:00Z' });
  alice = await t.addUser('alice@acme.example');
  eve = await t.addUser('eve@rival.example');
  await putSettings(alice);
  await alice.send('POST', '/v1/messages', { messages: [...northwindThread(), ...takeoutThread()] });
  await alice.send('PATCH', '/v1/counterparts/northwind.example', { cadenceDays: 3, renewalDate: '2027-01-10', name: 'Northwind Traders' });
});
afterAll(() => env.cleanup());

describe('reminders lead somewhere', () => {
  it('names the client and opens the exact thread, a Takeout thread included', async () => {
    const { reminders: list } = await reminders();
    const overdue = list.find((r) => r.kind === 'promise-overdue')!;
    expect(overdue).toMatchObject({ name: 'Northwind Traders', link: 'https://mail.google.com/mail/u/0/#all/18c2f0a9b1d4e7f3' });
    expect(overdue.title).toMatch(/^Overdue promise to Northwind Traders: “/);
    const silence = list.find((r) => r.id === 'silence:northwind.example')!;
    expect(silence.title).toBe('No contact with Northwind Traders for 4 days (agreed cadence: every 3 days)');
    expect(silence.link).toBe('https://mail.google.com/mail/u/0/#all/18c2f0a9b1d4e7f3');
    const waiting = list.find((r) => r.kind === 'awaiting-reply' && r.counterpart === 'contoso.example')!;
    // 1785464019839590400 written in hex: the id Gmail's web client opens.
    expect(waiting.link).toBe('https://mail.google.com/mail/u/0/#all/18c73e10f5c7a000');
    // Kinds without a thread carry no link: the extension opens the client's page.
    expect(list.find((r) => r.kind === 'renewal')!.link).toBeNull();
    expect(list.find((r) => r.id === 'feedback:northwind.example')!.link).toBeNull();
  });

  it('snoozes any kind for a week, counts it out meanwhile, and wakes it on request', async () => {
    const before = await reminders();
    const res = await alice.send('PUT', '/v1/reminders/snooze', { id: 'silence:northwind.example', until: '2026-11-30T09:00:00Z' });
    expect(res.body).toEqual({ id: 'silence:northwind.example', until: '2026-11-30T09:00:00.000Z' });
    expect(await byId('silence:northwind.example')).toBeUndefined();
    expect((await reminders()).counts.silence).toBe(before.counts.silence! - 1);
    // Another user's snooze of the same id changes nothing for Alice, and Alice's nothing for them.
    await eve.send('PUT', '/v1/reminders/snooze', { id: 'renewal:northwind.example:2027-01-10', until: '2026-12-30T09:00:00Z' });
    expect(await byId('renewal:northwind.example:2027-01-10')).toBeDefined();
    // The snooze ends by itself.
    t.setNow('2026-11-30T10:00:00Z');
    expect(await byId('silence:northwind.example')).toBeDefined();
    t.setNow('2026-11-23T09:00:00Z');
    await alice.send('PUT', '/v1/reminders/snooze', { id: 'awaiting-reply:1785464019839590400', until: '2026-11-24T09:00:00Z' });
    expect((await reminders()).reminders.some((r) => r.id === 'awaiting-reply:1785464019839590400')).toBe(false);
    await alice.send('PUT', '/v1/reminders/snooze', { id: 'awaiting-reply:1785464019839590400', until: null });
    expect((await reminders()).reminders.some((r) => r.id === 'awaiting-reply:1785464019839590400')).toBe(true);
  });

  it("a promise's snooze survives a change of its due date", async () => {
    const overdue = (await reminders()).reminders.find((r) => r.kind === 'promise-overdue')!;
    const promiseId = overdue.id.slice('promise:'.length);
    expect((await alice.send('PUT', '/v1/reminders/snooze', { id: overdue.id, until: '2026-11-30T09:00:00Z' })).status).toBe(200);
    expect(await byId(overdue.id)).toBeUndefined();
    const moved = await alice.send('PATCH', `/v1/promises/${promiseId}`, { status: 'open', dueAt: '2026-11-24T17:00:00+01:00' });
    expect(moved.body.promise).toMatchObject({ dueAt: '2026-11-24T16:00:00.000Z', snoozedUntil: '2026-11-30T09:00:00.000Z' });
    expect(await byId(overdue.id)).toBeUndefined();
    // Snoozing again keeps the moved due date.
    const again = await alice.send('PUT', '/v1/reminders/snooze', { id: overdue.id, until: '2026-11-25T09:00:00Z' });
    expect(again.status).toBe(200);
    const after = (await alice.get(`/v1/promises?counterpart=northwind.example`)).body.promises[0];
    expect(after).toMatchObject({ dueAt: '2026-11-24T16:00:00.000Z', snoozedUntil: '2026-11-25T09:00:00.000Z' });
  });

  it('refuses unknown ids and promises that are not the caller’s', async () => {
    expect((await alice.send('PUT', '/v1/reminders/snooze', { id: 'birthday:bob', until: null })).status).toBe(400);
    const overdue = (await alice.get('/v1/promises')).body.promises[0];
    expect((await eve.send('PUT', '/v1/reminders/snooze', { id: `promise:${overdue.id}`, until: '2026-11-30T09:00:00Z' })).status).toBe(404);
  });
});

describe('thread links', () => {
  it('opens Graph-synced mail by its item id, on outlook.live.com for personal mailboxes', () => {
    const synced = { provider: 'microsoft', providerMessageId: 'AAMkAGI2TG93AAA=', mailbox: 'marco.rossi@outlook.com' };
    expect(threadLink({ providedThreadId: 'AAQkAGI2conversation=', messageId: '<m1@outlook.com>', subject: 'x', userAddress: 'marco.rossi@outlook.com', synced })).toBe(
      'https://outlook.live.com/mail/deeplink/read/AAMkAGI2TG93AAA%3D',
    );
    expect(threadLink({ providedThreadId: null, messageId: '<m1@x>', subject: 'x', userAddress: 'alice@acme.example', synced: { ...synced, mailbox: 'alice@acme.example' } })).toBe(
      'https://outlook.office.com/mail/deeplink/read/AAMkAGI2TG93AAA%3D',
    );
    expect(threadLink({ providedThreadId: null, messageId: '<m1@x>', subject: 'x', userAddress: 'a@acme.example', synced: { provider: 'google', providerMessageId: '18c2f0a9b1d4e7f4', mailbox: 'a@acme.example' } })).toBe(
      'https://mail.google.com/mail/u/0/#all/18c2f0a9b1d4e7f4',
    );
    expect(gmailHexThreadId('42')).toBeNull();
  });
});
