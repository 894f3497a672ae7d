import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedMessageInput } from '@followthrough/shared';
import { defaultConfig } from '../../src/config';
import { silentLogger } from '../../src/http/logger';
import { startServer, type RunningServer } from '../../src/server';
import { createUser } from '../../src/store/users';
import { createTestDb } from '../support/test-db';

/**
 * Issue 11: a risk in client mail raises a reminder until we answer it, and a promise close to its due date
 * with no slip notice nudges us to break the news early. A real libSQL file, the real server on a loopback
 * socket, a clock the test moves.
 */
interface Reminder {
  id: string;
  kind: string;
  counterpart: string;
  name: string | null;
  threadId: string | null;
  messageId: string | null;
  dueAt: string | null;
  since: string | null;
  title: string;
  link: string | null;
}
interface Listing {
  reminders: Reminder[];
  counts: Record<string, number>;
}

let env: Awaited<ReturnType<typeof createTestDb>>;
let server: RunningServer;
let now = new Date('2026-11-16T10:00:00Z');
const tokens: Record<'alice' | 'eve', string> = { alice: '', eve: '' };

async function call<T>(who: keyof typeof tokens, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens[who]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}
const list = async (who: keyof typeof tokens = 'alice', query = '') => (await call<Listing>(who, 'GET', `/v1/reminders${query}`)).body;
const ingest = async (messages: NormalizedMessageInput[]) => expect((await call('alice', 'POST', '/v1/messages', { messages })).status).toBe(200);

const ALICE = 'alice@acme.example';
const TOM = 'Tom Baker <tom@contoso.example>';

const renewalThread: NormalizedMessageInput[] = [
  {
    id: '<r0@mail.acme.example>',
    threadId: '18c3000000000001',
    from: `Alice Meyer <${ALICE}>`,
    to: [TOM],
    date: '2026-11-10T10:00:00+01:00',
    subject: 'Next year',
    text: 'Hi Tom,\n\nshall we set up a call about next year?\n\nBest,\nAlice',
  },
  {
    id: '<r1@contoso.example>',
    threadId: '18c3000000000001',
    from: TOM,
    to: [ALICE],
    date: '2026-11-16T10:00:00+01:00',
    subject: 'RE: Next year',
    inReplyTo: '<r0@mail.acme.example>',
    references: ['<r0@mail.acme.example>'],
    text: [
      'Alice,',
      '',
      'Before we renew, procurement will run a formal tender for next year, so we will be getting quotes from other agencies.',
      '',
      'Tom',
      '',
      'From: Alice Meyer <alice@acme.example>',
      'Sent: Tuesday, November 10, 2026 10:00 AM',
      'Subject: Next year',
      '',
      'shall we set up a call about next year?',
    ].join('\n'),
  },
];
const ourAnswer: NormalizedMessageInput = {
  id: '<r2@mail.acme.example>',
  threadId: '18c3000000000001',
  from: `Alice Meyer <${ALICE}>`,
  to: [TOM],
  date: '2026-11-16T15:00:00+01:00',
  subject: 'Re: Next year',
  inReplyTo: '<r1@contoso.example>',
  references: ['<r0@mail.acme.example>', '<r1@contoso.example>'],
  text: 'Hi Tom,\n\nunderstood, thank you for telling us early. Could we talk tomorrow about what matters most to you in the tender?\n\nAlice',
};

// Tuesday 17 November: "by Thursday" is Thursday the 19th, 17:00 in Berlin (16:00 UTC).
const sowPromise: NormalizedMessageInput = {
  id: '<p1@mail.acme.example>',
  threadId: '18c3000000000002',
  from: `Alice Meyer <${ALICE}>`,
  to: [TOM],
  date: '2026-11-17T11:00:00+01:00',
  subject: 'Revised SOW',
  text: "Hi Tom,\n\nthanks for the call. I'll send you the revised SOW by Thursday.\n\nBest,\nAlice",
};
const sowSlip: NormalizedMessageInput = {
  id: '<p2@mail.acme.example>',
  threadId: '18c3000000000002',
  from: `Alice Meyer <${ALICE}>`,
  to: [TOM],
  date: '2026-11-18T16:00:00+01:00',
  subject: 'Re: Revised SOW',
  inReplyTo: '<p1@mail.acme.example>',
  references: ['<p1@mail.acme.example>'],
  text: "Hi Tom,\n\nthe SOW is taking longer than planned, you'll have it Monday.\n\nAlice",
};
const pricingPromise: NormalizedMessageInput = {
  id: '<k1@mail.acme.example>',
  threadId: '18c3000000000003',
  from: `Alice Meyer <${ALICE}>`,
  to: [TOM],
  date: '2026-11-17T11:30:00+01:00',
  subject: 'Pricing',
  text: "Hi Tom,\n\nI'll send you the pricing sheet by Thursday.\n\nAlice",
};
const pricingKept: NormalizedMessageInput = {
  id: '<k2@mail.acme.example>',
  threadId: '18c3000000000003',
  from: `Alice Meyer <${ALICE}>`,
  to: [TOM],
  date: '2026-11-18T12:00:00+01:00',
  subject: 'Re: Pricing',
  inReplyTo: '<k1@mail.acme.example>',
  references: ['<k1@mail.acme.example>'],
  text: 'Hi Tom,\n\nattached is the pricing sheet.\n\nAlice',
  attachments: ['Contoso pricing 2027.pdf'],
};

beforeAll(async () => {
  env = await createTestDb();
  server = await startServer({ ...defaultConfig, port: 0, databaseUrl: env.url, rateLimit: { burst: 10_000, perSecond: 10_000 } }, silentLogger, () => new Date(now));
  tokens.alice = (await createUser(server.database.db, { email: ALICE, now })).token;
  tokens.eve = (await createUser(server.database.db, { email: 'eve@rival.example', now })).token;
  for (const who of ['alice', 'eve'] as const) {
    const res = await call(who, 'PUT', '/v1/me/settings', { addresses: [who === 'alice' ? ALICE : 'eve@rival.example'], timeZone: 'Europe/Berlin', workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] } });
    expect(res.status).toBe(200);
  }
});
afterAll(async () => {
  await server.close();
  env.cleanup();
});

describe('client-risk reminders', () => {
  it('a tender in client mail is a reminder at once: the risk in words, its phrase, the exact thread', async () => {
    await ingest(renewalThread);
    expect((await call('alice', 'PATCH', '/v1/counterparts/contoso.example', { name: 'Contoso' })).status).toBe(200);
    now = new Date('2026-11-16T09:30:00Z');
    const { reminders, counts } = await list();
    const risk = reminders.find((r) => r.kind === 'client-risk');
    expect(risk).toMatchObject({
      counterpart: 'contoso.example',
      name: 'Contoso',
      threadId: '18c3000000000001',
      since: '2026-11-16T09:00:00.000Z',
      link: 'https://mail.google.com/mail/u/0/#all/18c3000000000001',
    });
    expect(risk!.id).toBe(`client-risk:${risk!.messageId}`);
    expect(risk!.title).toBe('Risk from Contoso, looking at alternatives: “Before we renew, procurement will run a formal tender for next year, so we will be getting quotes from other agencies.”');
    expect(counts['client-risk']).toBe(1);
  });

  it('is the one reminder of its thread once the reply target has passed too', async () => {
    now = new Date('2026-11-18T09:00:00Z');
    const { reminders, counts } = await list();
    expect(reminders.filter((r) => r.threadId === '18c3000000000001').map((r) => r.kind)).toEqual(['client-risk']);
    expect(counts['awaiting-reply']).toBe(0);
    now = new Date('2026-11-16T09:30:00Z');
  });

  it('another user never sees it, and their snooze of its id changes nothing for its owner', async () => {
    const eve = await list('eve');
    expect(eve.reminders).toEqual([]);
    expect(eve.counts['client-risk']).toBe(0);
    const id = (await list()).reminders.find((r) => r.kind === 'client-risk')!.id;
    expect((await call('eve', 'PUT', '/v1/reminders/snooze', { id, until: '2026-11-30T08:00:00Z' })).status).toBe(200);
    expect((await list()).reminders.map((r) => r.id)).toContain(id);
  });

  it('snoozes and wakes by its id', async () => {
    const id = (await list()).reminders.find((r) => r.kind === 'client-risk')!.id;
    expect((await call('alice', 'PUT', '/v1/reminders/snooze', { id, until: '2026-11-17T08:00:00Z' })).status).toBe(200);
    const snoozed = await list();
    expect(snoozed.reminders.map((r) => r.id)).not.toContain(id);
    expect(snoozed.counts['client-risk']).toBe(0);
    expect((await call('alice', 'PUT', '/v1/reminders/snooze', { id, until: null })).status).toBe(200);
    expect((await list()).reminders.map((r) => r.id)).toContain(id);
  });

  it('goes away when we reply in the thread', async () => {
    await ingest([ourAnswer]);
    now = new Date('2026-11-16T14:30:00Z');
    const { reminders, counts } = await list();
    expect(reminders.filter((r) => r.kind === 'client-risk')).toEqual([]);
    expect(counts['client-risk']).toBe(0);
  });
});

describe('promise-at-risk: break bad news early', () => {
  it('nudges 10 hours before the due date, in place of "promise due"', async () => {
    await ingest([sowPromise, pricingPromise]);
    now = new Date('2026-11-19T06:00:00Z');
    const { reminders, counts } = await list();
    const nudges = reminders.filter((r) => r.kind === 'promise-at-risk');
    expect(nudges.map((r) => r.messageId).sort()).toEqual(['k1@mail.acme.example', 'p1@mail.acme.example'].sort());
    const sow = nudges.find((r) => r.messageId === 'p1@mail.acme.example')!;
    expect(sow).toMatchObject({ threadId: '18c3000000000002', dueAt: '2026-11-19T16:00:00.000Z', link: 'https://mail.google.com/mail/u/0/#all/18c3000000000002' });
    expect(sow.title).toBe('Tell Contoso now if “I\'ll send you the revised SOW by Thursday.” will slip (due in 10 hours)');
    expect(counts['promise-at-risk']).toBe(2);
    expect(counts['promise-due']).toBe(0);
  });

  it('30 hours ahead it is a plain "promise due"', async () => {
    now = new Date('2026-11-18T10:00:00Z');
    const { reminders, counts } = await list('alice', '?until=2026-11-20T10:00:00Z');
    expect(reminders.filter((r) => r.messageId === 'p1@mail.acme.example').map((r) => r.kind)).toEqual(['promise-due']);
    expect(counts['promise-at-risk']).toBe(0);
  });

  it('disappears once a slip notice is sent or the promise is kept', async () => {
    await ingest([sowSlip, pricingKept]);
    now = new Date('2026-11-19T06:00:00Z');
    const today = await list();
    expect(today.reminders.filter((r) => r.kind === 'promise-at-risk')).toEqual([]);
    expect(today.counts['promise-at-risk']).toBe(0);
    // The slipped promise is due on its new date (Monday), a plain promise; the kept one is gone.
    const week = await list('alice', '?until=2026-11-24T06:00:00Z');
    expect(week.reminders.filter((r) => r.id.startsWith('promise:')).map((r) => [r.messageId, r.kind, r.dueAt?.slice(0, 10)])).toEqual([['p1@mail.acme.example', 'promise-due', '2026-11-23']]);
  });

  it('another user never sees it', async () => {
    const eve = await list('eve');
    expect(eve.reminders).toEqual([]);
    expect(eve.counts['promise-at-risk']).toBe(0);
  });
});
