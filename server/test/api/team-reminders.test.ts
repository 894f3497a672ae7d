import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedMessageInput } from '@followthrough/shared';
import { createTestDb } from '../support/test-db';
import { createTestApp, putSettings, type Client, type TestApp } from '../support/test-app';
import { northwindThread } from '../support/mail';

// Alice and Carol at Acme deal with Northwind (first contact 2026-11-16). The quarterly review and the
// feedback question are the team's: one review or one question by anyone counts for everyone.
let env: Awaited<ReturnType<typeof createTestDb>>;
let t: TestApp;
let alice: Client;
let carol: Client;
let dave: Client;
let orgId: string;
let carolId: string;

const KEY = 'northwind.example';

function carolsThread(): NormalizedMessageInput[] {
  return [
    {
      id: '<carol-r1@mail.acme.example>',
      threadId: 'carol-r-thread-1',
      from: 'Carol Ng <carol@acme.example>',
      to: ['Jo Park <jo@northwind.example>'],
      date: '2026-11-20T10:00:00+01:00',
      subject: 'Hamburg cut-over',
      text: 'Hi Jo,\n\nthe cut-over plan is attached.\n\nBest,\nCarol',
    },
  ];
}

/** Carol asks Northwind for feedback by mail, no touchpoint logged. */
function carolsFeedbackQuestion(date: string): NormalizedMessageInput[] {
  return [
    {
      id: `<carol-fb-${date.slice(0, 10)}@mail.acme.example>`,
      threadId: `carol-fb-${date.slice(0, 10)}`,
      from: 'Carol Ng <carol@acme.example>',
      to: ['Jo Park <jo@northwind.example>'],
      date,
      subject: 'Quick question',
      text: 'Hi Jo,\n\nhow are we doing? Any feedback on the rollout so far is welcome.\n\nBest,\nCarol',
    },
  ];
}

interface Reminder {
  id: string;
  kind: string;
  counterpart: string;
  title: string;
  dueAt: string | null;
  since: string | null;
  link: string | null;
}

async function reminders(client: Client, kind: string): Promise<Reminder[]> {
  const res = await client.get('/v1/reminders?limit=500');
  expect(res.status).toBe(200);
  return (res.body.reminders as Reminder[]).filter((r) => r.kind === kind && r.counterpart === KEY);
}

beforeAll(async () => {
  env = await createTestDb();
  t = createTestApp(env.database, { now: '2026-11-23T09:00:00Z' });
  alice = await t.addUser('alice@acme.example');
  carol = await t.addUser('carol@acme.example');
  dave = await t.addUser('dave@acme.example');
  await putSettings(alice);
  await putSettings(carol);
  await putSettings(dave);
  await alice.send('POST', '/v1/messages', { messages: northwindThread() });
  await carol.send('POST', '/v1/messages', { messages: carolsThread() });
  carolId = (await carol.get('/v1/me')).body.id;
  orgId = (await alice.send('POST', '/v1/orgs', { name: 'Acme' })).body.id;
  for (const [who, email] of [
    [carol, 'carol@acme.example'],
    [dave, 'dave@acme.example'],
  ] as const) {
    const invitation = (await alice.send('POST', `/v1/orgs/${orgId}/members`, { email, role: 'member' })).body.invitation;
    expect((await who.send('POST', `/v1/invitations/${invitation.id}/accept`)).status).toBe(200);
  }
});
afterAll(() => env.cleanup());

describe('the quarterly review reminder', () => {
  it('is not due in the first 90 days of a relationship', async () => {
    expect(await reminders(alice, 'review')).toEqual([]);
    expect(await reminders(carol, 'review')).toEqual([]);
  });

  it('after 90 days without a review, reminds every member who deals with the client (not the others)', async () => {
    t.setNow('2027-02-15T09:00:00Z');
    const [forAlice] = await reminders(alice, 'review');
    expect(forAlice).toMatchObject({
      id: `review:${KEY}`,
      dueAt: '2027-02-14T08:12:00.000Z',
      since: '2026-11-16T08:12:00.000Z',
      link: null,
    });
    expect(forAlice!.title).toBe('Quarterly review of northwind.example due: never reviewed, in touch for 91 days (a SWOT and the risks)');
    expect(await reminders(carol, 'review')).toHaveLength(1);
    // Dave is in the team but deals with no one at Northwind.
    expect(await reminders(dave, 'review')).toEqual([]);
    const counts = (await alice.get('/v1/reminders')).body.counts;
    expect(counts.review).toBe(1);
  });

  it("goes to the client's owner only, once the team sets one", async () => {
    const res = await alice.send('PATCH', `/v1/orgs/${orgId}/counterparts/${KEY}`, { ownerUserId: carolId, name: 'Northwind Traders' });
    expect(res.status).toBe(200);
    expect(await reminders(alice, 'review')).toEqual([]);
    const [forCarol] = await reminders(carol, 'review');
    expect(forCarol!.title).toContain('Quarterly review of Northwind Traders due');
  });

  it('can be snoozed like any reminder', async () => {
    expect((await carol.send('PUT', '/v1/reminders/snooze', { id: `review:${KEY}`, until: '2027-02-16T09:00:00Z' })).status).toBe(200);
    expect(await reminders(carol, 'review')).toEqual([]);
    expect((await carol.send('PUT', '/v1/reminders/snooze', { id: `review:${KEY}`, until: null })).status).toBe(200);
    expect(await reminders(carol, 'review')).toHaveLength(1);
  });

  it('clears when anyone logs a review, and comes back after the interval the team set', async () => {
    // Alice logs the review, though Carol owns the client: the review is the team's.
    const logged = await alice.send('POST', '/v1/touchpoints', {
      id: '0f5e2c1a-7b3d-4e9f-a1c2-3d4e5f6a7b8c',
      counterpart: KEY,
      kind: 'review',
      at: '2027-02-15T08:00:00Z',
      department: 'leadership',
      review: { strengths: 'Trusted by ops', weaknesses: '', opportunities: 'Hamburg site', threats: 'Budget review in Q2', risks: 'Go-live slip' },
    });
    expect(logged.status).toBe(201);
    expect(await reminders(carol, 'review')).toEqual([]);
    expect((await alice.send('PATCH', `/v1/orgs/${orgId}/counterparts/${KEY}`, { reviewIntervalDays: 30 })).status).toBe(200);
    t.setNow('2027-03-16T09:00:00Z');
    expect(await reminders(carol, 'review')).toEqual([]);
    t.setNow('2027-03-18T09:00:00Z');
    const [again] = await reminders(carol, 'review');
    expect(again).toMatchObject({ dueAt: '2027-03-17T08:00:00.000Z', since: '2027-02-15T08:00:00.000Z' });
    expect(again!.title).toBe('Quarterly review of Northwind Traders due: last reviewed 31 days ago (a SWOT and the risks)');
  });
});

describe('the feedback reminder', () => {
  it("counts a colleague's feedback question sent by mail as asked, for the whole team", async () => {
    t.setNow('2026-11-23T09:00:00Z');
    // Nobody ever asked: the members in touch are reminded.
    const before = await reminders(alice, 'feedback');
    expect(before).toHaveLength(1);
    expect(before[0]!.title).toContain('never asked');
    await carol.send('POST', '/v1/messages', { messages: carolsFeedbackQuestion('2026-11-22T10:00:00+01:00') });
    expect(await reminders(alice, 'feedback')).toEqual([]);
    expect(await reminders(carol, 'feedback')).toEqual([]);
  });

  it("uses the client's feedback interval (default 90 days)", async () => {
    await carol.send('POST', '/v1/messages', {
      messages: [
        {
          id: '<jo-dec@northwind.example>',
          threadId: 'jo-dec',
          from: 'Jo Park <jo@northwind.example>',
          to: ['carol@acme.example'],
          date: '2026-12-20T10:00:00+01:00',
          subject: 'Hamburg go-live',
          text: 'Hi Carol,\n\nthe go-live went well.\n\nJo',
        },
      ],
    });
    t.setNow('2026-12-23T09:00:00Z');
    expect(await reminders(carol, 'feedback')).toEqual([]);
    expect((await carol.send('PATCH', `/v1/orgs/${orgId}/counterparts/${KEY}`, { feedbackIntervalDays: 30 })).status).toBe(200);
    const [due] = await reminders(carol, 'feedback');
    expect(due).toMatchObject({ dueAt: '2026-12-22T09:00:00.000Z', since: '2026-11-22T09:00:00.000Z' });
    expect(due!.title).toBe('Ask Northwind Traders for feedback: last asked 31 days ago');
  });
});

describe('a user in no organisation', () => {
  it("sets a client's own review and feedback intervals on its profile, and the reminders follow them", async () => {
    t.setNow('2026-11-23T09:00:00Z');
    const erin = await t.addUser('erin@solo.example');
    await putSettings(erin);
    await erin.send('POST', '/v1/messages', { messages: northwindThread('erin@solo.example') });
    const review = async () => (await erin.get('/v1/reminders')).body.reminders.filter((r: Reminder) => r.kind === 'review');
    expect(await review()).toEqual([]);
    const res = await erin.send('PATCH', `/v1/counterparts/${KEY}`, { reviewIntervalDays: 7, feedbackIntervalDays: 30 });
    expect(res.status).toBe(200);
    expect(res.body.profile).toMatchObject({ reviewIntervalDays: 7, feedbackIntervalDays: 30 });
    expect((await erin.get(`/v1/counterparts/${KEY}`)).body.profile).toMatchObject({ reviewIntervalDays: 7, feedbackIntervalDays: 30 });
    const [due] = await review();
    expect(due).toMatchObject({ id: `review:${KEY}`, dueAt: '2026-11-23T08:12:00.000Z' });
    expect((await erin.send('PATCH', `/v1/counterparts/${KEY}`, { reviewIntervalDays: 3 })).status).toBe(400);
  });
});
