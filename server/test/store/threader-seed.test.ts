import { analysisSettingsSchema, type NormalizedMessageInput } from '@followthrough/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestMessages } from '../../src/store/ingest';
import { createTestDbWithUser } from '../support/test-db';

/**
 * The threader's memory on the server: a stored message's thread is its row in messages; thread_refs
 * holds only ids that were referenced and never stored. A reply must land in the thread its parent is
 * stored in, even where thread_refs says otherwise (a reference that claimed the id for another thread
 * before the message arrived, or a row written by an older version for every message).
 */
const settings = analysisSettingsSchema.parse({ me: ['ann@ours.example'] });
const mail = (id: string, extra: Partial<NormalizedMessageInput>): NormalizedMessageInput => ({
  id,
  from: 'Cleo <cleo@client.example>',
  to: ['ann@ours.example'],
  date: '2026-03-02T09:00:00Z',
  subject: 'Renewal',
  text: 'Could you send the renewal terms?',
  ...extra,
});

let env: Awaited<ReturnType<typeof createTestDbWithUser>>;
beforeAll(async () => {
  env = await createTestDbWithUser();
});
afterAll(() => env.cleanup());

const threadOf = async (id: string) =>
  String((await env.database.client.execute({ sql: 'SELECT thread_id FROM messages WHERE user_id = ? AND id = ?', args: [env.userId, id] })).rows[0]?.thread_id);

describe('where a reply to a stored message goes', () => {
  it("follows the parent's stored thread, not an older claim in thread_refs", async () => {
    await ingestMessages(env.database, env.userId, [mail('parent@client.example', {})], settings);
    const parentThread = await threadOf('parent@client.example');
    // No copy of a stored message's thread in thread_refs.
    expect((await env.database.client.execute({ sql: 'SELECT count(*) AS n FROM thread_refs WHERE user_id = ?', args: [env.userId] })).rows[0]!.n).toBe(0);
    // What an older version (or a reference before the message arrived) may have left there.
    await env.database.client.execute({ sql: "INSERT INTO thread_refs (user_id, message_id, thread_id) VALUES (?, 'parent@client.example', 'some-other-thread')", args: [env.userId] });

    await ingestMessages(
      env.database,
      env.userId,
      [mail('reply@ours.example', { from: 'Ann <ann@ours.example>', to: ['cleo@client.example'], date: '2026-03-02T11:00:00Z', subject: 'Re: Renewal', inReplyTo: 'parent@client.example', references: ['parent@client.example'], text: 'Here are the terms.' })],
      settings,
    );
    expect(await threadOf('reply@ours.example')).toBe(parentThread);
  });

  it('keeps an id only ever referenced in thread_refs, so its message joins the thread when it comes', async () => {
    await ingestMessages(
      env.database,
      env.userId,
      [mail('late-reply@ours.example', { from: 'Ann <ann@ours.example>', to: ['cleo@client.example'], date: '2026-03-05T11:00:00Z', subject: 'Re: Invoice', inReplyTo: 'invoice@client.example', references: ['invoice@client.example'], text: 'Attached.' })],
      settings,
    );
    const claimed = (await env.database.client.execute({ sql: "SELECT thread_id FROM thread_refs WHERE user_id = ? AND message_id = 'invoice@client.example'", args: [env.userId] })).rows;
    expect(claimed.map((r) => r.thread_id)).toEqual([await threadOf('late-reply@ours.example')]);

    await ingestMessages(env.database, env.userId, [mail('invoice@client.example', { date: '2026-03-05T09:00:00Z', subject: 'Invoice', text: 'Could you send the invoice copies?' })], settings);
    // One thread, renamed after its earliest message (the original); both messages in it.
    expect(await threadOf('invoice@client.example')).toBe(await threadOf('late-reply@ours.example'));
  });
});
