import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedMessageInput } from '@followthrough/shared';
import { createTestDb } from '../support/test-db';
import { createTestApp, putSettings, type Client } from '../support/test-app';

// The popup's late promises come a page at a time, latest due date first and by id among equal dates,
// with every late promise in the count. The page is cut from the index at the limit-th due date, so these
// cases check the cut: many equal dates across it, every limit, and a promise whose snooze ran out.

let env: Awaited<ReturnType<typeof createTestDb>>;
let alice: Client;

interface Reminder {
  id: string;
  kind: string;
  dueAt: string | null;
}

/** One sent message a day to Contoso, each with the promises given (sentences), sent at 10:00 Berlin. */
function promiseMail(day: string, sentences: string[]): NormalizedMessageInput {
  return {
    id: `<promise-${day}@mail.acme.example>`,
    threadId: `thread-${day}`,
    from: 'Alice Meyer <alice@acme.example>',
    to: ['Dana Park <dana@contoso.example>'],
    date: `${day}T10:00:00+01:00`,
    subject: `Follow-up ${day}`,
    text: ['Hi Dana,', '', ...sentences, '', 'Best,', 'Alice'].join('\n'),
  };
}

const late = (list: Reminder[]) => list.filter((r) => r.kind === 'promise-overdue');

beforeAll(async () => {
  env = await createTestDb();
  const t = createTestApp(env.database, { now: '2026-11-30T09:00:00Z' });
  alice = await t.addUser('alice@acme.example');
  await putSettings(alice);
  const res = await alice.send('POST', '/v1/messages', {
    messages: [
      // Two promises in each message: equal due dates, told apart by id.
      promiseMail('2026-11-02', ["I'll send you the signed order by Friday.", 'I will also call you by Friday.']),
      promiseMail('2026-11-09', ["I'll send you the revised plan by Friday.", 'I will also send the minutes by Friday.']),
      promiseMail('2026-11-16', ["I'll send you the invoice copies by Friday.", 'I will also share the test report by Friday.']),
      promiseMail('2026-11-23', ["I'll send you the rollout dates by Wednesday."]),
    ],
  });
  expect(res.status).toBe(200);
});
afterAll(() => env.cleanup());

describe('GET /v1/reminders: late promises a page at a time', () => {
  it('gives, at every limit, the first of the same order, and counts them all', async () => {
    const all = await alice.get('/v1/reminders?limit=500');
    const everyLate = late(all.body.reminders);
    expect(everyLate).toHaveLength(7);
    expect(all.body.counts['promise-overdue']).toBe(7);
    const dues = everyLate.map((r) => r.dueAt!);
    // Latest due first; equal due dates come together.
    expect([...dues].sort().reverse()).toEqual(dues);
    expect(new Set(dues).size).toBe(4);
    for (let limit = 1; limit <= 7; limit++) {
      const page = await alice.get(`/v1/reminders?limit=${limit}`);
      expect(page.status).toBe(200);
      // Late promises are the first kind the popup lists, so a page of `limit` holds that many of them.
      expect(late(page.body.reminders).map((r) => r.id)).toEqual(everyLate.slice(0, limit).map((r) => r.id));
      expect(page.body.counts['promise-overdue']).toBe(7);
    }
  });

  it('counts and lists a promise whose snooze ran out, and leaves out one snoozed until later', async () => {
    const everyLate = late((await alice.get('/v1/reminders?limit=500')).body.reminders);
    const [first, second] = everyLate;
    const promiseId = (reminderId: string) => reminderId.replace(/^promise:/, '');
    // Snoozed until before now: late again, at the date its snooze ended.
    expect((await alice.send('PATCH', `/v1/promises/${promiseId(first!.id)}`, { status: 'open', snoozedUntil: '2026-11-29T12:00:00Z' })).status).toBe(200);
    // Snoozed until after now: neither listed nor counted.
    expect((await alice.send('PATCH', `/v1/promises/${promiseId(second!.id)}`, { status: 'open', snoozedUntil: '2026-12-02T12:00:00Z' })).status).toBe(200);
    const after = await alice.get('/v1/reminders?limit=500');
    const ids = late(after.body.reminders).map((r) => r.id);
    expect(after.body.counts['promise-overdue']).toBe(6);
    expect(ids).toContain(first!.id);
    expect(ids).not.toContain(second!.id);
    for (let limit = 1; limit <= 6; limit++) {
      expect(late((await alice.get(`/v1/reminders?limit=${limit}`)).body.reminders).map((r) => r.id)).toEqual(ids.slice(0, limit));
    }
  });
});
