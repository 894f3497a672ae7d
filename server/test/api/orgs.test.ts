import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedMessageInput } from '@followthrough/shared';
import { ORG_SHARING_NOTICE } from '@followthrough/shared/contract';
import { createTestDb } from '../support/test-db';
import { createTestApp, putSettings, type Client, type TestApp } from '../support/test-app';
import { northwindThread } from '../support/mail';

// Two colleagues at Acme deal with the same client, Northwind: Alice (sales, the organisation's admin) and
// Carol (delivery). Mallory, at another company, is in no organisation of theirs.
let env: Awaited<ReturnType<typeof createTestDb>>;
let t: TestApp;
let alice: Client;
let carol: Client;
let mallory: Client;
let orgId: string;
let carolId: string;
let aliceId: string;

/** Carol's own conversation with Northwind about the rollout checklist. */
function carolsThread(me = 'carol@acme.example'): NormalizedMessageInput[] {
  return [
    {
      id: '<carol-1@mail.acme.example>',
      threadId: 'carol-thread-1',
      from: `Carol Ng <${me}>`,
      to: ['Bob Lindqvist <bob@northwind.example>', 'Jo Park <jo@northwind.example>'],
      date: '2026-11-19T10:00:00+01:00',
      subject: 'Rollout checklist',
      text: "Hi Bob,\n\nI'll send you the rollout checklist by Thursday.\n\nBest,\nCarol",
    },
    {
      id: '<bob-2@northwind.example>',
      threadId: 'carol-thread-1',
      from: 'Jo Park <jo@northwind.example>',
      to: [me],
      date: '2026-11-20T15:30:00+01:00',
      subject: 'Re: Rollout checklist',
      inReplyTo: '<carol-1@mail.acme.example>',
      references: ['<carol-1@mail.acme.example>'],
      text: 'Hi Carol,\n\nCould you also include the cut-over plan for the Hamburg site?\nWe are worried the go-live will slip again.\n\nJo',
    },
  ];
}

// Sentences that are Alice's or Carol's alone until they share them.
const ALICE_SENTENCES = ["I'll send you the revised statement of work by Friday.", 'Could you send us the revised statement of work', 'disappointed'];
const CAROL_SENTENCES = ["I'll send you the rollout checklist by Thursday.", 'cut-over plan for the Hamburg site', 'worried the go-live will slip'];

beforeAll(async () => {
  env = await createTestDb();
  t = createTestApp(env.database, { now: '2026-11-23T09:00:00Z' });
  alice = await t.addUser('alice@acme.example');
  carol = await t.addUser('carol@acme.example');
  mallory = await t.addUser('mallory@rival.example');
  await putSettings(alice);
  await putSettings(carol);
  await putSettings(mallory);
  await alice.send('POST', '/v1/messages', { messages: northwindThread() });
  await carol.send('POST', '/v1/messages', { messages: carolsThread() });
  aliceId = (await alice.get('/v1/me')).body.id;
  carolId = (await carol.get('/v1/me')).body.id;
});
afterAll(() => env.cleanup());

describe('organisations and invitations', () => {
  it('creates an organisation whose creator is its admin', async () => {
    const res = await alice.send('POST', '/v1/orgs', { name: 'Acme client team' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Acme client team', role: 'admin', shareSentences: false, memberCount: 1 });
    orgId = res.body.id;
    expect((await alice.get('/v1/orgs')).body.orgs.map((o: { id: string }) => o.id)).toEqual([orgId]);
    expect((await alice.send('POST', '/v1/orgs', { name: '  ' })).status).toBe(400);
  });

  it('invites by address; the invitation says what joining shares; nothing is shared before it is accepted', async () => {
    const res = await alice.send('POST', `/v1/orgs/${orgId}/members`, { email: 'Carol@Acme.example', role: 'member' });
    expect(res.status).toBe(201);
    expect(res.body.invitation).toMatchObject({ email: 'carol@acme.example', role: 'member', accountExists: true, orgName: 'Acme client team', sharingNotice: ORG_SHARING_NOTICE });
    expect(res.body.invitation.invitedBy).toEqual({ email: 'alice@acme.example', name: null });
    const mine = await carol.get('/v1/invitations');
    expect(mine.body.invitations).toHaveLength(1);
    expect(mine.body.invitations[0].sharingNotice).toContain('promise, request and risk sentences stay yours');
    // Until Carol accepts she is not a member: her figures are not in the team's view, and the team's view is not hers.
    expect((await carol.get(`/v1/orgs/${orgId}/counterparts`)).status).toBe(404);
    const team = await alice.get(`/v1/orgs/${orgId}/counterparts`);
    expect(team.body.counterparts.find((c: { key: string }) => c.key === 'northwind.example').members.map((m: { email: string }) => m.email)).toEqual(['alice@acme.example']);
    // An address without an account waits for one.
    const later = await alice.send('POST', `/v1/orgs/${orgId}/members`, { email: 'dev@acme.example' });
    expect(later.body.invitation).toMatchObject({ accountExists: false, role: 'member' });
    expect((await mallory.get('/v1/invitations')).body.invitations).toEqual([]);
  });

  it('an invitation is accepted only by the person it is addressed to', async () => {
    const invitation = (await carol.get('/v1/invitations')).body.invitations[0];
    expect((await mallory.send('POST', `/v1/invitations/${invitation.id}/accept`)).status).toBe(404);
    const accepted = await carol.send('POST', `/v1/invitations/${invitation.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.org).toMatchObject({ id: orgId, role: 'member', shareSentences: false, memberCount: 2 });
    expect((await carol.get('/v1/invitations')).body.invitations).toEqual([]);
    const members = await carol.get(`/v1/orgs/${orgId}/members`);
    expect(members.body.members.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([
      ['alice@acme.example', 'admin'],
      ['carol@acme.example', 'member'],
    ]);
    expect(members.body.invitations.map((i: { email: string }) => i.email)).toEqual(['dev@acme.example']);
    // Inviting a member again is a conflict.
    expect((await alice.send('POST', `/v1/orgs/${orgId}/members`, { email: 'carol@acme.example' })).status).toBe(409);
  });

  it('a member cannot invite, change roles or turn on someone else\'s sharing', async () => {
    expect((await carol.send('POST', `/v1/orgs/${orgId}/members`, { email: 'x@acme.example' })).status).toBe(403);
    expect((await carol.send('PATCH', `/v1/orgs/${orgId}/members/${aliceId}`, { role: 'member' })).status).toBe(403);
    expect((await carol.send('PATCH', `/v1/orgs/${orgId}/members/${carolId}`, { role: 'admin' })).status).toBe(403);
    expect((await alice.send('PATCH', `/v1/orgs/${orgId}/members/${carolId}`, { shareSentences: true })).status).toBe(403);
    expect((await carol.send('DELETE', `/v1/orgs/${orgId}/members/${aliceId}`)).status).toBe(403);
    expect((await carol.send('PATCH', `/v1/orgs/${orgId}`, { name: 'Mine now' })).status).toBe(403);
    expect((await carol.get(`/v1/orgs/${orgId}/team`)).status).toBe(403);
    // The last admin cannot step down or leave.
    expect((await alice.send('PATCH', `/v1/orgs/${orgId}/members/${aliceId}`, { role: 'manager' })).status).toBe(409);
    expect((await alice.send('DELETE', `/v1/orgs/${orgId}/members/${aliceId}`)).status).toBe(409);
  });

  it('anyone not in the organisation gets 404 on every org route, and changes nothing', async () => {
    const key = 'northwind.example';
    const calls: [string, string, unknown?][] = [
      ['GET', `/v1/orgs/${orgId}`],
      ['PATCH', `/v1/orgs/${orgId}`, { name: 'Taken' }],
      ['DELETE', `/v1/orgs/${orgId}`],
      ['GET', `/v1/orgs/${orgId}/members`],
      ['POST', `/v1/orgs/${orgId}/members`, { email: 'mallory@rival.example', role: 'admin' }],
      ['PATCH', `/v1/orgs/${orgId}/members/${carolId}`, { role: 'admin' }],
      ['DELETE', `/v1/orgs/${orgId}/members/${carolId}`],
      ['DELETE', `/v1/orgs/${orgId}/invitations/whatever`],
      ['GET', `/v1/orgs/${orgId}/team`],
      ['GET', `/v1/orgs/${orgId}/counterparts`],
      ['GET', `/v1/orgs/${orgId}/counterparts/${key}`],
      ['PATCH', `/v1/orgs/${orgId}/counterparts/${key}`, { notes: 'pwned' }],
      ['GET', `/v1/orgs/${orgId}/counterparts/${key}/timeline`],
    ];
    for (const [method, path, body] of calls) {
      const res = await mallory.send(method, path, body);
      expect([method, path, res.status]).toEqual([method, path, 404]);
      expect(res.body.error.code).toBe('not_found');
    }
    // An organisation that does not exist answers the same.
    expect((await mallory.get('/v1/orgs/no-such-org/counterparts')).status).toBe(404);
    expect((await alice.get(`/v1/orgs/${orgId}`)).body.name).toBe('Acme client team');
    expect((await alice.get(`/v1/orgs/${orgId}/members`)).body.members).toHaveLength(2);
  });
});

describe("the team's view of its clients", () => {
  it('composes both members\' figures, touchpoints by department and each member\'s part', async () => {
    await carol.send('POST', '/v1/touchpoints', {
      id: 'a4c9e0b2-5d1f-4b7a-9e3c-2f6d8a1b0c4e',
      counterpart: 'northwind.example',
      kind: 'call',
      at: '2026-11-21T10:00:00+01:00',
      summary: 'Went through the Hamburg cut-over with Jo',
      department: 'delivery',
    });
    await alice.send('POST', '/v1/touchpoints', {
      id: 'b5d0f1c3-6e2a-4c8b-8f4d-3a7e9b2c1d5f',
      counterpart: 'northwind.example',
      kind: 'invoice',
      at: '2026-11-20T09:00:00+01:00',
      summary: 'November invoice sent',
      department: 'finance',
    });
    const res = await carol.get(`/v1/orgs/${orgId}/counterparts`);
    expect(res.status).toBe(200);
    const northwind = res.body.counterparts.find((c: { key: string }) => c.key === 'northwind.example');
    expect(northwind).toMatchObject({
      threads: 2,
      initiated: { us: 1, them: 1 },
      lastContactAt: '2026-11-21T09:00:00.000Z',
      lastContactBy: { email: 'carol@acme.example' },
      contacts: ['bob@northwind.example', 'jo@northwind.example'],
      promises: { open: 0, overdue: 2 },
    });
    expect(northwind.departments.map((d: { department: string; touchpoints: number }) => [d.department, d.touchpoints])).toEqual([
      ['delivery', 1],
      ['finance', 1],
    ]);
    expect(northwind.members).toEqual([
      expect.objectContaining({ email: 'alice@acme.example', threads: 1, overduePromises: 1, touchpoints: 1, lastContactAt: '2026-11-18T13:05:00.000Z' }),
      expect.objectContaining({ email: 'carol@acme.example', threads: 1, overduePromises: 1, touchpoints: 1, lastContactAt: '2026-11-21T09:00:00.000Z' }),
    ]);
    expect(northwind.health.components.map((c: { id: string }) => c.id)).toContain('promises');
    expect(res.body.total).toBe(1);
  });

  it('a member without sharing: nobody else sees their promise, request or risk sentences, managers included', async () => {
    for (const [viewer, others] of [
      [carol, ALICE_SENTENCES],
      [alice, CAROL_SENTENCES],
    ] as const) {
      const list = JSON.stringify((await viewer.get(`/v1/orgs/${orgId}/counterparts`)).body);
      const page = await viewer.get(`/v1/orgs/${orgId}/counterparts/northwind.example`);
      expect(page.status).toBe(200);
      const text = JSON.stringify(page.body);
      for (const sentence of others) {
        expect(list).not.toContain(sentence);
        expect(text).not.toContain(sentence);
      }
      // Counted, not shown.
      expect(page.body.withheld).toMatchObject({ members: 1, openPromises: 1 });
      expect(page.body.withheld.requests + page.body.withheld.risks).toBeGreaterThan(0);
    }
    // One's own sentences are one's own to see.
    const own = await alice.get(`/v1/orgs/${orgId}/counterparts/northwind.example`);
    expect(own.body.sentences.promises.map((p: { text: string; member: { email: string } }) => [p.member.email, p.text])).toEqual([
      ['alice@acme.example', "I'll send you the revised statement of work by Friday."],
    ]);
  });

  it('shares a member\'s sentences once that member turns sharing on, and only then', async () => {
    const on = await carol.send('PATCH', `/v1/orgs/${orgId}/members/${carolId}`, { shareSentences: true });
    expect(on.status).toBe(200);
    expect(on.body.member).toMatchObject({ email: 'carol@acme.example', shareSentences: true });
    const page = await alice.get(`/v1/orgs/${orgId}/counterparts/northwind.example`);
    expect(page.body.sentences.promises.map((p: { text: string; member: { email: string } }) => [p.member.email, p.text]).sort()).toEqual([
      ['alice@acme.example', "I'll send you the revised statement of work by Friday."],
      ['carol@acme.example', "I'll send you the rollout checklist by Thursday."],
    ]);
    expect(page.body.sentences.requests.map((r: { text: string }) => r.text)).toEqual(['Could you also include the cut-over plan for the Hamburg site?']);
    expect(page.body.withheld).toMatchObject({ members: 0, openPromises: 0 });
    // Alice still shares nothing: Carol sees her counts, not her words.
    const carols = JSON.stringify((await carol.get(`/v1/orgs/${orgId}/counterparts/northwind.example`)).body);
    for (const sentence of ALICE_SENTENCES) expect(carols).not.toContain(sentence);
    await carol.send('PATCH', `/v1/orgs/${orgId}/members/${carolId}`, { shareSentences: false });
    expect(JSON.stringify((await alice.get(`/v1/orgs/${orgId}/counterparts/northwind.example`)).body)).not.toContain(CAROL_SENTENCES[0]);
  });

  it('the 360° page merges the members\' timeline by department, newest first, and pages it', async () => {
    const page = await alice.get(`/v1/orgs/${orgId}/counterparts/northwind.example`);
    expect(page.body.timeline.map((x: { kind: string; department: string; member: { email: string } }) => [x.kind, x.department, x.member.email])).toEqual([
      ['call', 'delivery', 'carol@acme.example'],
      ['invoice', 'finance', 'alice@acme.example'],
    ]);
    expect(page.body.timelineCount).toBe(2);
    const first = await alice.get(`/v1/orgs/${orgId}/counterparts/northwind.example/timeline?limit=1`);
    expect(first.body.touchpoints).toHaveLength(1);
    const second = await alice.get(`/v1/orgs/${orgId}/counterparts/northwind.example/timeline?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.touchpoints[0].kind).toBe('invoice');
    expect(second.body.nextCursor).toBeNull();
    expect((await alice.get(`/v1/orgs/${orgId}/counterparts/northwind.example/timeline?cursor=garbage`)).status).toBe(400);
    expect((await alice.get(`/v1/orgs/${orgId}/counterparts/nobody.example`)).status).toBe(404);
  });

  it('keeps a quarterly review with its SWOT on the 360° page, and says when the next is due', async () => {
    const before = await carol.get(`/v1/orgs/${orgId}/counterparts/northwind.example`);
    // No review yet: due 90 days after the first contact anyone had (Bob's mail of 16 Nov).
    expect(before.body.latestReview).toBeNull();
    expect(before.body.reviewDueAt).toBe('2027-02-14T08:12:00.000Z');
    const review = { strengths: 'Trusted by ops', weaknesses: 'Slow change requests', opportunities: 'Hamburg site', threats: 'A competitor pitched to their CFO', risks: 'Go-live slip' };
    const logged = await carol.send('POST', '/v1/touchpoints', { id: 'c6e1a2d4-7f3b-4d9c-9a5e-4b8f0c3d2e6a', counterpart: 'northwind.example', kind: 'review', at: '2026-11-22T16:00:00+01:00', department: 'delivery', review });
    expect(logged.status).toBe(201);
    expect(logged.body.touchpoint.review).toEqual(review);
    // A SWOT belongs to a review only.
    expect((await carol.send('POST', '/v1/touchpoints', { id: 'd7f2b3e5-8a4c-4e0d-8b6f-5c9a1d4e3f7b', counterpart: 'northwind.example', kind: 'note', at: '2026-11-22T16:00:00+01:00', review })).status).toBe(400);
    const after = await alice.get(`/v1/orgs/${orgId}/counterparts/northwind.example`);
    expect(after.body.latestReview).toMatchObject({ at: '2026-11-22T15:00:00.000Z', member: { email: 'carol@acme.example' }, review });
    expect(after.body.reviewDueAt).toBe('2027-02-20T15:00:00.000Z');
    // Alice's report draft for the client carries her colleague's review: its threats and the risks reviewed.
    const report = await alice.get('/v1/counterparts/northwind.example/report');
    expect(report.body.text).toContain('Risks and threats we are watching\n- Threats (quarterly review of Sun 22 Nov 2026): A competitor pitched to their CFO\n- Risks reviewed (Sun 22 Nov 2026): Go-live slip');
  });

  it('sets the team profile: owner (a member), cadence, renewal, review and feedback intervals', async () => {
    const bad = await carol.send('PATCH', `/v1/orgs/${orgId}/counterparts/northwind.example`, { ownerUserId: (await mallory.get('/v1/me')).body.id });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('body.ownerUserId');
    const res = await carol.send('PATCH', `/v1/orgs/${orgId}/counterparts/northwind.example`, {
      name: 'Northwind Traders',
      ownerUserId: aliceId,
      cadenceDays: 14,
      renewalDate: '2027-02-01',
      reviewIntervalDays: 60,
      feedbackIntervalDays: 45,
    });
    expect(res.status).toBe(200);
    expect(res.body.profile).toMatchObject({ name: 'Northwind Traders', ownerUserId: aliceId, reviewIntervalDays: 60, feedbackIntervalDays: 45, notes: null });
    const list = await alice.get(`/v1/orgs/${orgId}/counterparts?filter=renewal`);
    expect(list.body.counterparts.map((c: { key: string; owner: { email: string }; renewalDate: string; cadenceDays: number }) => [c.key, c.owner.email, c.renewalDate, c.cadenceDays])).toEqual([
      ['northwind.example', 'alice@acme.example', '2027-02-01', 14],
    ]);
    expect((await alice.get(`/v1/orgs/${orgId}/counterparts/northwind.example`)).body.reviewDueAt).toBe('2027-01-21T15:00:00.000Z');
    // A client nobody in the team has is not created by a typo.
    expect((await carol.send('PATCH', `/v1/orgs/${orgId}/counterparts/nobody.example`, { name: 'x' })).status).toBe(404);
  });

  it('gives managers each member\'s keep rate, initiation share and reply lag', async () => {
    const res = await alice.get(`/v1/orgs/${orgId}/team`);
    expect(res.status).toBe(200);
    expect(res.body.members.map((m: { email: string; clients: number; initiated: { us: number; them: number } }) => [m.email, m.clients, m.initiated.us, m.initiated.them])).toEqual([
      ['alice@acme.example', 1, 0, 1],
      ['carol@acme.example', 1, 1, 0],
    ]);
    const a = res.body.members[0];
    expect(a.replyLag.count).toBe(1);
    expect(a.promises.overdue).toBe(1);
    expect(a.keepRate).toBe(0);
    // Counts, never a colleague's sentences (Carol does not share hers).
    for (const sentence of CAROL_SENTENCES) expect(JSON.stringify(res.body)).not.toContain(sentence);
    // A plain member does not get it; a manager who is not admin does.
    const plain = await carol.get(`/v1/orgs/${orgId}/team`);
    expect([plain.status, plain.body.error.code]).toEqual([403, 'forbidden']);
    await alice.send('PATCH', `/v1/orgs/${orgId}/members/${carolId}`, { role: 'manager' });
    const asManager = await carol.get(`/v1/orgs/${orgId}/team`);
    expect(asManager.status).toBe(200);
    for (const sentence of ALICE_SENTENCES) expect(JSON.stringify(asManager.body)).not.toContain(sentence);
  });
});

describe('leaving and erasing', () => {
  it('a member who leaves takes their figures with them; their data stays theirs', async () => {
    const second = await carol.send('POST', '/v1/orgs', { name: 'Carol solo' });
    expect((await carol.send('DELETE', `/v1/orgs/${second.body.id}/members/${carolId}`)).status).toBe(200);
    // The only member leaving ends the organisation.
    expect((await carol.get(`/v1/orgs/${second.body.id}`)).status).toBe(404);
    expect((await carol.get('/v1/orgs')).body.orgs.map((o: { id: string }) => o.id)).toEqual([orgId]);
  });

  it('erasing the last admin hands the organisation to the longest-standing manager', async () => {
    expect((await alice.send('DELETE', '/v1/me')).status).toBe(200);
    const org = await carol.get(`/v1/orgs/${orgId}`);
    expect(org.body).toMatchObject({ role: 'admin', memberCount: 1 });
    const page = await carol.get(`/v1/orgs/${orgId}/counterparts/northwind.example`);
    expect(page.body.counterpart.owner).toBeNull();
    expect(page.body.counterpart.members.map((m: { email: string }) => m.email)).toEqual(['carol@acme.example']);
    expect(JSON.stringify(page.body)).not.toContain('alice@acme.example');
    expect((await carol.get(`/v1/orgs/${orgId}/members`)).body.invitations.map((i: { invitedBy: unknown }) => i.invitedBy)).toEqual([null]);
  });
});
