import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../support/test-db';
import { createTestApp, putSettings, type Client } from '../support/test-app';

// Batches larger than one INSERT statement (1,000 rows): the store splits the rows over several
// statements. A stored message's thread is its row in messages; thread_refs holds only ids that messages
// reference and the user never stored (first writer wins).

let env: Awaited<ReturnType<typeof createTestDb>>;
let alice: Client;

beforeAll(async () => {
  env = await createTestDb();
  const t = createTestApp(env.database);
  alice = await t.addUser('alice@acme.example');
  await putSettings(alice);
});
afterAll(() => env.cleanup());

/** Thread `n` of a client: an inbound question and four replies, each referencing every earlier one. */
function thread(n: number) {
  const ids = Array.from({ length: 5 }, (_, i) => `<t${n}-m${i}@mail.example>`);
  const client = `client${n % 40}.example`;
  return ids.map((id, i) => {
    const inbound = i % 2 === 0;
    return {
      id,
      from: inbound ? `Dana <dana@${client}>` : 'Alice Meyer <alice@acme.example>',
      to: [inbound ? 'alice@acme.example' : `dana@${client}`],
      date: new Date(Date.UTC(2026, 9, 1 + (n % 28), 8 + i)).toISOString(),
      subject: i === 0 ? `Order ${n}` : `Re: Order ${n}`,
      ...(i > 0 ? { inReplyTo: ids[i - 1], references: ids.slice(0, i) } : {}),
      text: inbound ? 'Could you send the signed contract?' : 'I will send it by Friday.',
    };
  });
}

async function count(table: string): Promise<number> {
  const result = await env.database.client.execute({ sql: `SELECT count(*) AS n FROM ${table}`, args: [] });
  return Number(result.rows[0]!.n);
}

async function tableCounts() {
  const [messages, subjectKeys, threadRefs, promises, snippets, threads] = await Promise.all(
    ['messages', 'subject_threads', 'thread_refs', 'promises', 'snippets', 'threads', 'evidence', 'counterpart_aggregates'].map(count),
  );
  return { messages: messages!, subjectKeys: subjectKeys!, threadRefs: threadRefs!, promises: promises!, snippets: snippets!, threads: threads! };
}

describe('POST /v1/messages with large batches', () => {
  const first = Array.from({ length: 300 }, (_, n) => thread(n)).flat(); // 1,500 messages

  it('stores 1,500 messages in one request, each thread whole, and no thread_refs row for a stored message', async () => {
    const res = await alice.send('POST', '/v1/messages', { messages: first });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 1500, duplicates: 0, threadsUpdated: 300 });
    const threadOf = new Map<string, string>(res.body.threads.map((x: { messageId: string; threadId: string }) => [x.messageId, x.threadId]));
    for (let n = 0; n < 300; n++) {
      expect(new Set([0, 1, 2, 3, 4].map((i) => threadOf.get(`t${n}-m${i}@mail.example`))).size).toBe(1);
    }
    // Every reference here names a message of the batch, and each is stored in the thread it was assigned.
    expect(await count('thread_refs')).toBe(0);
    const stored = await env.database.client.execute({ sql: 'SELECT id, thread_id FROM messages', args: [] });
    expect(stored.rows).toHaveLength(1500);
    for (const row of stored.rows) expect(row.thread_id).toBe(threadOf.get(String(row.id)));
    expect((await alice.get(`/v1/threads/${encodeURIComponent(threadOf.get('t7-m0@mail.example')!)}/summary`)).body.messageCount).toBe(5);
  });

  it('re-posting the batch changes nothing and counts everything as a duplicate', async () => {
    const before = await tableCounts();
    const res = await alice.send('POST', '/v1/messages', { messages: first });
    expect(res.body).toMatchObject({ accepted: 0, duplicates: 1500, threadsUpdated: 0 });
    expect(await tableCounts()).toEqual(before);
  });

  it('a batch mixing stored messages and replies to them adds only the replies, in the stored threads', async () => {
    const before = await tableCounts();
    const stored = first.slice(0, 600);
    const replies = Array.from({ length: 120 }, (_, n) => ({
      id: `<t${n}-late@mail.example>`,
      from: `Dana <dana@client${n % 40}.example>`,
      to: ['alice@acme.example'],
      date: new Date(Date.UTC(2026, 9, 1 + (n % 28), 20)).toISOString(),
      subject: `Re: Order ${n}`,
      inReplyTo: `<t${n}-m4@mail.example>`,
      // A reference to a message the user never stored: its thread_refs row is written once.
      references: [`<t${n}-m4@mail.example>`, `<elsewhere-${n % 3}@mail.example>`],
      text: 'Thanks, received.',
    }));
    const res = await alice.send('POST', '/v1/messages', { messages: [...stored, ...replies] });
    expect(res.body).toMatchObject({ accepted: 120, duplicates: 600, threadsUpdated: 120 });
    const after = await tableCounts();
    expect(after.messages - before.messages).toBe(120);
    // The three outside ids, each once (first writer wins for the shared ones).
    expect(after.threadRefs - before.threadRefs).toBe(3);
    const threadOf = new Map<string, string>(res.body.threads.map((x: { messageId: string; threadId: string }) => [x.messageId, x.threadId]));
    for (let n = 0; n < 120; n++) expect(threadOf.get(`t${n}-late@mail.example`)).toBe(threadOf.get(`t${n}-m4@mail.example`));
    const summary = await alice.get(`/v1/threads/${encodeURIComponent(threadOf.get('t0-late@mail.example')!)}/summary`);
    expect(summary.body.messageCount).toBe(6);
  });
});
