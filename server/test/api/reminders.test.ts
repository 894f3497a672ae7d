import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../support/test-db';
import { createTestApp, putSettings, type Client, type TestApp } from '../support/test-app';
import { fabrikamOutlookMessage, northwindThread } from '../support/mail';

let env: Awaited<ReturnType<typeof createTestDb>>;
let t: TestApp;
let alice: Client;
let eve: Client;

interface Reminder {
  id: string;
  kind: string;
  counterpart: string;
  threadId: string | null;
  messageId: string | null;
  dueAt: string | null;
  since: string | null;
  title: string;
  link: string | null;
}
const ofKind = (list: Reminder[], kind: string, counterpart?: string) =>
  list.filter((r) => r.kind === kind && (!counterpart || r.counterpart === counterpart));

beforeAll(async () => {
  env = await createTestDb();
  t = createTestApp(env.database, { now: '2026-11-23T09:00:00Z' });
  alice = await t.addUser('alice@acme.example');
  eve = await t.addUser('eve@rival.example');
  await putSettings(alice);
  await alice.send('POST', '/v1/messages', { messages: [...northwindThread(), fabrikamOutlookMessage()] });
  await alice.send('PATCH', '/v1/counterparts/northwind.example', { cadenceDays: 3, renewalDate: '2027-01-10', name: 'Northwind Traders' });
});
afterAll(() => env.cleanup());

describe('GET /v1/reminders', () => {
  it('lists the overdue promise with a link that opens its Gmail thread', async () => {
    const res = await alice.get('/v1/reminders');
    expect(res.status).toBe(200);
    const [overdue] = ofKind(res.body.reminders, 'promise-overdue');
    expect(overdue).toMatchObject({
      counterpart: 'northwind.example',
      threadId: '18c2f0a9b1d4e7f3',
      messageId: 'CAG2-promise@mail.acme.example',
      dueAt: '2026-11-20T16:00:00.000Z',
      link: 'https://mail.google.com/mail/u/0/#all/18c2f0a9b1d4e7f3',
    });
    expect(overdue!.title).toContain("I'll send you the revised statement of work by Friday.");
  });

  it('lists client mail waiting past our reply target, linking Outlook items to Outlook on the web', async () => {
    const res = await alice.get('/v1/reminders');
    const waiting = ofKind(res.body.reminders, 'awaiting-reply');
    // Northwind's thread waits too, but its last mail is a complaint ("quite disappointed"): that thread's
    // one reminder is the client risk.
    expect(waiting.map((r) => r.counterpart).sort()).toEqual(['fabrikam.example']);
    expect(ofKind(res.body.reminders, 'client-risk').map((r) => r.threadId)).toEqual(['18c2f0a9b1d4e7f3']);
    const fabrikam = waiting.find((r) => r.counterpart === 'fabrikam.example')!;
    expect(fabrikam.link).toBe(`https://outlook.office.com/mail/deeplink/read/${encodeURIComponent(fabrikamOutlookMessage().id)}`);
    expect(fabrikam.since).toBe('2026-11-19T15:30:00.000Z');
  });

  it('lists silence past the agreed cadence, the renewal within 60 days, and feedback never asked', async () => {
    const res = await alice.get('/v1/reminders');
    const [silence] = ofKind(res.body.reminders, 'silence', 'northwind.example');
    expect(silence).toMatchObject({ since: '2026-11-18T13:05:00.000Z', dueAt: '2026-11-21T13:05:00.000Z', threadId: '18c2f0a9b1d4e7f3' });
    expect(silence!.title).toContain('every 3 days');
    const [renewal] = ofKind(res.body.reminders, 'renewal', 'northwind.example');
    expect(renewal!.title).toBe('Northwind Traders renews on 2027-01-10 (in 48 days)');
    expect(ofKind(res.body.reminders, 'feedback', 'northwind.example')).toHaveLength(1);
    // Fabrikam has no agreed cadence and no renewal: no such reminders for it.
    expect(ofKind(res.body.reminders, 'silence', 'fabrikam.example')).toHaveLength(0);
  });

  it('a logged feedback request and call clear the feedback and silence reminders', async () => {
    await alice.send('POST', '/v1/touchpoints', {
      id: '0b8e3c52-6f0e-4a8e-9a57-2f5f3d1c9e11',
      counterpart: 'northwind.example',
      kind: 'feedback-asked',
      at: '2026-11-23T08:30:00Z',
      summary: 'Asked Bob how the rollout feels so far',
    });
    const res = await alice.get('/v1/reminders');
    expect(ofKind(res.body.reminders, 'feedback', 'northwind.example')).toHaveLength(0);
    expect(ofKind(res.body.reminders, 'silence', 'northwind.example')).toHaveLength(0);
  });

  it('shows a promise as due (not yet overdue) when it falls before `until`, and hides snoozed ones', async () => {
    t.setNow('2026-11-19T09:00:00Z');
    const soon = await alice.get('/v1/reminders');
    expect(ofKind(soon.body.reminders, 'promise-due')).toHaveLength(0); // due Friday, beyond the next 24 hours
    const week = await alice.get('/v1/reminders?until=2026-11-21T00:00:00Z');
    expect(ofKind(week.body.reminders, 'promise-due')).toHaveLength(1);
    const id = ofKind(week.body.reminders, 'promise-due')[0]!.id.replace('promise:', '');
    await alice.send('PATCH', `/v1/promises/${id}`, { status: 'open', snoozedUntil: '2026-11-20T12:00:00Z' });
    const snoozed = await alice.get('/v1/reminders?until=2026-11-21T00:00:00Z');
    expect(ofKind(snoozed.body.reminders, 'promise-due')).toHaveLength(0);
    t.setNow('2026-11-23T09:00:00Z');
  });

  it('a second user gets none of them', async () => {
    const res = await eve.get('/v1/reminders');
    expect(res.status).toBe(200);
    expect(res.body.reminders).toEqual([]);
  });
});
