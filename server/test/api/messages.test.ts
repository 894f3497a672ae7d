import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../support/test-db';
import { createTestApp, putSettings, type Client, type TestApp } from '../support/test-app';
import { headerlessReply, newsletter, northwindThread } from '../support/mail';

let env: Awaited<ReturnType<typeof createTestDb>>;
let t: TestApp;
let alice: Client;
let eve: Client;

beforeAll(async () => {
  env = await createTestDb();
  t = createTestApp(env.database);
  alice = await t.addUser('alice@acme.example');
  eve = await t.addUser('eve@rival.example');
  await putSettings(alice);
});
afterAll(() => env.cleanup());

describe('POST /v1/messages', () => {
  it('stores a thread and reports where each message landed', async () => {
    const res = await alice.send('POST', '/v1/messages', { messages: northwindThread() });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 3, duplicates: 0, threadsUpdated: 1 });
    expect(new Set(res.body.threads.map((x: { threadId: string }) => x.threadId))).toEqual(new Set(['18c2f0a9b1d4e7f3']));
  });

  it('is idempotent by message id: a re-sent batch counts nothing twice', async () => {
    const again = await alice.send('POST', '/v1/messages', { messages: northwindThread() });
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 3, threadsUpdated: 0 });
    const summary = await alice.get('/v1/threads/18c2f0a9b1d4e7f3/summary');
    expect(summary.body.messageCount).toBe(3);
    expect(summary.body.promises).toHaveLength(1);
    const rows = await env.database.client.execute('SELECT count(*) AS n FROM messages');
    expect(Number(rows.rows[0]!.n)).toBe(3);
  });

  it('threads a reply without headers by subject and people, and does not count a newsletter as contact', async () => {
    const res = await alice.send('POST', '/v1/messages', { messages: [headerlessReply(), newsletter()] });
    expect(res.body.accepted).toBe(2);
    const reply = res.body.threads.find((x: { messageId: string }) => x.messageId === 'loose-reply@mail.acme.example');
    expect(reply.threadId).toBe('18c2f0a9b1d4e7f3');
    const summary = await alice.get('/v1/threads/18c2f0a9b1d4e7f3/summary');
    expect(summary.body.messageCount).toBe(4);
    // Our headerless reply is now the last word: the client no longer waits on us.
    expect(summary.body.awaiting).toMatchObject({ side: 'them' });
    const detail = await alice.get('/v1/counterparts/northwind.example');
    expect(detail.body.counterpart.lastContactAt).toBe('2026-11-19T09:00:00.000Z');
  });

  it('puts an original that arrives after its reply into the reply\'s thread', async () => {
    const reply = {
      id: '<reply-first@mail.acme.example>',
      from: 'Alice Meyer <alice@acme.example>',
      to: ['dana@contoso.example'],
      date: '2026-11-20T10:00:00+01:00',
      subject: 'Re: Kick-off agenda',
      inReplyTo: '<original-late@contoso.example>',
      references: ['<original-late@contoso.example>'],
      text: 'Hi Dana,\n\nThe agenda works for us. See you Tuesday.\n\nAlice',
    };
    const original = {
      id: '<original-late@contoso.example>',
      from: 'Dana Whitfield <dana@contoso.example>',
      to: ['alice@acme.example'],
      date: '2026-11-19T17:45:00+01:00',
      subject: 'Kick-off agenda',
      text: 'Hi Alice,\n\nHere is the agenda for the kick-off. Does it work for you?\n\nDana',
    };
    const first = await alice.send('POST', '/v1/messages', { messages: [reply] });
    const second = await alice.send('POST', '/v1/messages', { messages: [original] });
    // One thread, named after its earliest message as the engine names it; the name the reply got first still finds it.
    expect(second.body.threads[0].threadId).toBe('original-late@contoso.example');
    const summary = await alice.get(`/v1/threads/${encodeURIComponent(first.body.threads[0].threadId)}/summary`);
    expect(summary.body).toMatchObject({ threadId: 'original-late@contoso.example', messageCount: 2, initiatedBy: 'them', awaiting: { side: 'them' } });
    expect(summary.body.lags.ours.count).toBe(1);
  });

  it('keeps facts and snippets but never the body text, and each sentence once', async () => {
    const rows = await env.database.client.execute("SELECT facts_json FROM messages WHERE id = 'CAG2-promise@mail.acme.example'");
    const stored = String(rows.rows[0]!.facts_json);
    // Addresses and the subject are the message's facts; the promise sentence lives in promises, only there.
    expect(stored).toContain('"subject":"Re: Statement of work for the warehouse rollout"');
    expect(stored).not.toContain("I'll send you the revised statement of work by Friday.");
    expect(stored).not.toContain('Thanks for the nudge');
    expect(stored).not.toContain('wrote:');
    const promises = await env.database.client.execute("SELECT text, due_text FROM promises WHERE message_id = 'CAG2-promise@mail.acme.example'");
    expect(promises.rows.map((r) => [r.text, r.due_text])).toEqual([["I'll send you the revised statement of work by Friday.", 'by Friday']]);
    const snippets = await env.database.client.execute('SELECT kind, text FROM snippets ORDER BY at');
    expect(snippets.rows.map((r) => r.kind)).toContain('dissatisfaction');
  });

  it('keeps of a short client mail only the sentences a feature shows: no names, numbers or small talk', async () => {
    const text = [
      'Hi Alice,',
      '',
      'Thanks for the call this morning. Our CFO, Maria Lopez, signed off on the $48,500 budget for phase two.',
      'You can reach her directly on +1 415 555 0199 if anything comes up. Could you send the updated timeline',
      'by Thursday? We are frustrated that the last invoice was late again. The warehouse team starts on 12',
      'January. Please confirm the kickoff date. Our office is closed on the 24th. Best regards, and thanks again.',
      '',
      'Tom',
    ].join('\n');
    const res = await alice.send('POST', '/v1/messages', {
      messages: [{ id: '<phase-two@fabrikam.example>', from: 'Tom Berg <tom@fabrikam.example>', to: ['alice@acme.example'], date: '2026-11-23T09:00:00+01:00', subject: 'Phase two', text }],
    });
    expect(res.body.accepted).toBe(1);
    const snippets = await env.database.client.execute("SELECT kind, text FROM snippets WHERE message_id = 'phase-two@fabrikam.example' ORDER BY text");
    expect(snippets.rows.map((r) => [r.kind, r.text])).toEqual([
      ['request', 'Could you send the updated timeline by Thursday?'],
      ['request', 'Please confirm the kickoff date.'],
      ['dissatisfaction', 'We are frustrated that the last invoice was late again.'],
    ].sort((a, b) => a[1]!.localeCompare(b[1]!)));
    // Nothing else of the body is anywhere in the database: not in the message's facts, not in another table.
    const tables = await env.database.client.execute("SELECT name FROM sqlite_master WHERE type = 'table'");
    let everything = '';
    for (const table of tables.rows) everything += JSON.stringify((await env.database.client.execute(`SELECT * FROM "${String(table.name)}"`)).rows);
    expect(everything.split('Please confirm the kickoff date.').length - 1).toBe(1);
    for (const secret of ['Maria Lopez', '48,500', '555 0199', 'warehouse team', 'closed on the 24th']) {
      expect(everything).not.toContain(secret);
    }
    const facts = String((await env.database.client.execute("SELECT facts_json FROM messages WHERE id = 'phase-two@fabrikam.example'")).rows[0]!.facts_json);
    expect(facts).not.toContain('frustrated');
    expect(facts).not.toContain('kickoff');
  });

  it('rejects a bad message with its field path and stores the rest of the batch', async () => {
    const good = { ...northwindThread()[0]!, id: '<good-in-a-bad-batch@northwind.example>', threadId: 'a-thread-of-its-own' };
    const bad = { ...northwindThread()[1]!, id: '<bad-date@northwind.example>', date: 'Monday morning' };
    const res = await alice.send('POST', '/v1/messages', { messages: [good, bad] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 1, rejected: [{ id: 'bad-date@northwind.example', code: 'date_invalid' }] });
    expect(res.body.rejected[0].reason).toMatch(/^messages\.1\.date: /);
    const rows = await env.database.client.execute("SELECT id FROM messages WHERE id IN ('good-in-a-bad-batch@northwind.example', 'bad-date@northwind.example')");
    expect(rows.rows.map((r) => r.id)).toEqual(['good-in-a-bad-batch@northwind.example']);
  });

  it('still refuses a request that is not a batch of messages, naming the field', async () => {
    const notArray = await alice.send('POST', '/v1/messages', { messages: 'all of them' });
    expect(notArray.status).toBe(400);
    expect(notArray.body.error.issues[0].path).toBe('body.messages');
    const notObject = await alice.send('POST', '/v1/messages', { messages: [northwindThread()[0], 42] });
    expect(notObject.status).toBe(400);
    expect(notObject.body.error.issues[0].path).toBe('body.messages.1');
  });

  it('serves reads while batches are being ingested, on the one shared connection', async () => {
    const batches = [0, 1, 2, 3].map((n) =>
      northwindThread().map((m) => ({ ...m, id: m.id.replace('@', `-load${n}@`), threadId: `18c2f0a9b1d4e${n}00` })),
    );
    const results = await Promise.all([
      ...batches.map((messages) => alice.send('POST', '/v1/messages', { messages })),
      ...Array.from({ length: 12 }, () => alice.get('/v1/threads/18c2f0a9b1d4e7f3/summary')),
    ]);
    expect(results.map((r) => r.status)).toEqual(new Array(16).fill(200));
    for (let n = 0; n < 4; n++) {
      expect((await alice.get(`/v1/threads/18c2f0a9b1d4e${n}00/summary`)).body.messageCount).toBe(3);
    }
  });

  it("another user's ingest of the same message ids neither sees nor changes the first user's data", async () => {
    const res = await eve.send('POST', '/v1/messages', { messages: northwindThread('eve@rival.example') });
    // The same Message-IDs are new for Eve: ingest is idempotent per user, not across users.
    expect(res.body).toMatchObject({ accepted: 3, duplicates: 0 });
    const aliceSummary = await alice.get('/v1/threads/18c2f0a9b1d4e7f3/summary');
    expect(aliceSummary.body.messageCount).toBe(4);
    expect((await eve.get('/v1/threads/18c2f0a9b1d4e7f3/summary')).body.counterpart).toBe('northwind.example');
    const eveSummary = await eve.get('/v1/threads/18c2f0a9b1d4e7f3/summary');
    expect(eveSummary.body.messageCount).toBe(3);
  });
});
