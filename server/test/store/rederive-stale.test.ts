import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, putSettings, type Client, type TestApp } from '../support/test-app';
import { createTestDb } from '../support/test-db';

/** Two threads of a client: an ask and our promise in each. */
function mailbox(): Record<string, unknown>[] {
  const them = 'Cleo Client <cleo@client.example>';
  return [0, 1].flatMap((t) => [
    { id: `ask-${t}@client.example`, from: them, to: ['ann@ours.example'], date: `2026-11-1${t}T09:00:00Z`, subject: `Rollout ${t}`, text: 'Could you send the plan by Friday?' },
    {
      id: `promise-${t}@ours.example`,
      from: 'Ann <ann@ours.example>',
      to: [them],
      date: `2026-11-1${t}T11:00:00Z`,
      subject: `Re: Rollout ${t}`,
      inReplyTo: `ask-${t}@client.example`,
      references: [`ask-${t}@client.example`],
      text: "I'll send you the plan on Friday.",
    },
  ]);
}

describe('re-derivation after a settings change', () => {
  let env: Awaited<ReturnType<typeof createTestDb>>;
  let app: TestApp;
  let ann: Client;

  beforeAll(async () => {
    env = await createTestDb();
    app = createTestApp(env.database, { now: '2026-11-20T09:00:00Z' });
    ann = await app.addUser('ann@ours.example');
    await putSettings(ann, { internalDomains: ['ours.example'], timeZone: 'Europe/Berlin' });
    await app.deps.rederiver!.idle();
    expect((await ann.send('POST', '/v1/messages', { messages: mailbox() })).body).toMatchObject({ accepted: 4, rejected: [] });
  });
  afterAll(() => env.cleanup());

  it('derives again the rows derived with other settings, and the threads of messages stored without a row', async () => {
    const rowOf = async (threadId: string) =>
      (await env.database.client.execute({ sql: 'SELECT derived_hash, facts_json FROM threads WHERE thread_id = ?', args: [threadId] })).rows[0];
    const before = await rowOf('ask-0@client.example');
    // As an older version left it: the messages of a thread stored, and no row for the thread.
    await env.database.client.execute({ sql: 'DELETE FROM threads WHERE thread_id = ?', args: ['ask-1@client.example'] });

    await putSettings(ann, { internalDomains: ['ours.example'], timeZone: 'America/New_York' });
    await app.deps.rederiver!.idle();

    // One row derived with the old settings, one thread without a row: both counted, both derived.
    expect((await ann.get('/v1/me')).body.analysis).toMatchObject({ state: 'current', done: 2, total: 2 });
    const again = await rowOf('ask-0@client.example');
    expect(again?.derived_hash).not.toBe(before?.derived_hash);
    const rebuilt = await rowOf('ask-1@client.example');
    expect(rebuilt?.derived_hash).toBe(again?.derived_hash);
    const summary = await ann.get(`/v1/threads/${encodeURIComponent('ask-1@client.example')}/summary`);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ messageCount: 2, counterpart: 'client.example' });
    // Friday 17:00 in the new zone.
    expect(summary.body.promises).toMatchObject([{ dueAt: '2026-11-13T22:00:00.000Z' }]);
  });
});
