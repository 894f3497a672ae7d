import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realSizeMailbox } from '../../bench/real-size-mailbox';
import { removeMessages } from '../../src/sync/message-removal';
import { settingsOfUser } from '../../src/store/users';
import { eraseUser } from '../../src/store/erase';
import { createTestDb } from '../support/test-db';
import { createTestApp, putSettings, type Client, type TestApp } from '../support/test-app';

// counterpart_counts is kept by triggers (migration 0006), and the reads trust it instead of counting a
// client's promises and waits: after every kind of write the stored counts must equal a fresh count.

const ME = 'maya@brightlane.example';
let env: Awaited<ReturnType<typeof createTestDb>>;
let t: TestApp;
let maya: Client;
let userId: string;

beforeAll(async () => {
  env = await createTestDb();
  t = createTestApp(env.database, { now: '2026-11-30T10:00:00Z' });
  maya = await t.addUser(ME);
  await putSettings(maya);
  userId = String((await env.database.client.execute({ sql: 'SELECT id FROM users WHERE email = ?', args: [ME] })).rows[0]!.id);
});
afterAll(() => env.cleanup());

type Counts = Record<string, number>;

async function stored(): Promise<Counts> {
  const rows = (await env.database.client.execute({ sql: 'SELECT counterpart, what, n FROM counterpart_counts WHERE user_id = ? AND n <> 0', args: [userId] })).rows;
  return Object.fromEntries(rows.map((r) => [`${r.counterpart} ${r.what}`, Number(r.n)]));
}

async function recounted(): Promise<Counts> {
  const rows = (
    await env.database.client.execute({
      sql: `SELECT counterpart, 'promise:' || state AS what, count(*) AS n FROM promises WHERE user_id = ?1 AND counterpart IS NOT NULL GROUP BY 1, 2
            UNION ALL
            SELECT counterpart, 'awaiting:' || awaiting_side, count(*) FROM threads WHERE user_id = ?1 AND counterpart IS NOT NULL AND awaiting_side IS NOT NULL GROUP BY 1, 2`,
      args: [userId],
    })
  ).rows;
  return Object.fromEntries(rows.map((r) => [`${r.counterpart} ${r.what}`, Number(r.n)]));
}

async function expectCountsTrue(): Promise<Counts> {
  const now = await recounted();
  expect(await stored()).toEqual(now);
  return now;
}

const mailbox = [
  ...realSizeMailbox({ messages: 3_000, keyClientMessages: 900, keyClientThreads: 140, smallClients: 12, endMs: Date.parse('2026-11-28T12:00:00Z'), me: { name: 'Maya Chen', address: ME } }),
];

describe('counterpart_counts', () => {
  it('matches a fresh count after ingest, in batches and out of order', async () => {
    // Newest first for the second half: threads are re-formed and promises re-folded as older mail arrives.
    const batches = [mailbox.slice(0, 1_500), mailbox.slice(1_500).reverse()];
    for (const messages of batches) {
      for (let i = 0; i < messages.length; i += 500) {
        const res = await maya.send('POST', '/v1/messages', { messages: messages.slice(i, i + 500) });
        expect(res.status).toBe(200);
      }
      await expectCountsTrue();
    }
    const counts = await recounted();
    // The mailbox exercises every kind the reads take from the table.
    const kinds = new Set(Object.keys(counts).map((k) => k.split(' ')[1]));
    for (const kind of ['promise:pending', 'promise:kept', 'promise:kept-late', 'awaiting:us', 'awaiting:them']) expect(kinds).toContain(kind);
  });

  it('matches after verdicts, a re-post of the same mail, and a settings change re-derived in the background', async () => {
    const open = await maya.get('/v1/promises?status=open&limit=20');
    const overdue = await maya.get('/v1/promises?status=overdue&limit=20');
    const some = [...open.body.promises, ...overdue.body.promises].slice(0, 6);
    expect(some.length).toBeGreaterThan(2);
    const verdicts = ['done', 'dismissed', 'not-kept', 'open', 'done', 'dismissed'] as const;
    for (const [i, p] of some.entries()) expect((await maya.send('PATCH', `/v1/promises/${encodeURIComponent(p.id)}`, { status: verdicts[i] })).status).toBe(200);
    await expectCountsTrue();

    expect((await maya.send('POST', '/v1/messages', { messages: mailbox.slice(0, 500) })).status).toBe(200);
    await expectCountsTrue();

    const before = await recounted();
    // Other hours and zone: due dates, kept-late verdicts and who waits can all move.
    await putSettings(maya, { timeZone: 'America/Los_Angeles', workingHours: { start: '07:00', end: '12:00', days: [1, 2, 3, 4] } });
    await t.deps.rederiver!.idle();
    const after = await expectCountsTrue();
    expect(after).not.toEqual(before);
  });

  it('matches after messages are deleted from the mailbox, and nothing is left after the user is erased', async () => {
    const user = (await env.database.client.execute({ sql: 'SELECT email, settings_json FROM users WHERE id = ?', args: [userId] })).rows[0]!;
    const settings = settingsOfUser({ email: String(user.email), settingsJson: String(user.settings_json) }).analysis;
    const doomed = mailbox.filter((_, i) => i % 7 === 0).map((m) => m.id.replace(/^<|>$/g, ''));
    expect(await removeMessages(env.database, userId, doomed, settings)).toBeGreaterThan(0);
    await expectCountsTrue();

    await eraseUser(env.database, userId);
    const left = await env.database.client.execute({ sql: 'SELECT count(*) AS n FROM counterpart_counts WHERE user_id = ?', args: [userId] });
    expect(Number(left.rows[0]!.n)).toBe(0);
  });
});
