import { analysisSettingsSchema, type NormalizedMessage } from '@followthrough/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStorageError, ingestBatch } from '../../src/sync/ingest-batch';
import { ingestMessages } from '../../src/store/ingest';
import { createTestDbWithUser } from '../support/test-db';

/**
 * Ingest's writes go ahead of the event loop (db/write-ahead.ts): nothing waits for them, and a failure
 * shows at the transaction's next read or commit. What must hold: a write that fails fails the batch with
 * the database's error, nothing of its transaction is kept, and the next batch is stored as usual.
 */
const settings = analysisSettingsSchema.parse({ me: ['ann@ours.example'] });
const mail = (id: string, text = 'Could you send the plan?'): NormalizedMessage => ({
  id,
  from: 'Cleo <cleo@client.example>',
  to: ['ann@ours.example'],
  date: '2026-03-02T09:15:00+01:00',
  subject: `plan ${id}`,
  text,
});

let env: Awaited<ReturnType<typeof createTestDbWithUser>>;
beforeAll(async () => {
  env = await createTestDbWithUser();
  // A request snippet of this one message cannot be stored: its insert fails on the writer thread, after
  // the messages' own inserts, with reads of the transaction still to come.
  await env.database.client.execute(
    "CREATE TRIGGER refuse_poison BEFORE INSERT ON snippets WHEN NEW.message_id = 'poison' BEGIN SELECT RAISE(ABORT, 'the poison snippet is refused'); END",
  );
});
afterAll(() => env.cleanup());
const stored = async (prefix: string) =>
  Number((await env.database.client.execute({ sql: 'SELECT count(*) AS n FROM messages WHERE id LIKE ?', args: [`${prefix}%`] })).rows[0]!.n);

describe('ingest with writes sent ahead', () => {
  it('a write that fails fails the batch with the database error and keeps nothing of its transaction', async () => {
    const batch = [...Array.from({ length: 30 }, (_, i) => mail(`p${i}`)), mail('poison')];
    const failed = await ingestMessages(env.database, env.userId, batch, settings).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Error);
    expect(String((failed as Error).message)).toMatch(/the poison snippet is refused/);
    // A storage error, so a sync stops rather than skipping mail (ingest-batch.ts).
    expect(isStorageError(failed)).toBe(true);
    await expect(ingestBatch(env.database, env.userId, batch, settings)).rejects.toThrow(/the poison snippet is refused/);
    expect(await stored('p')).toBe(0);
    expect(await stored('poison')).toBe(0);
    expect(Number((await env.database.client.execute("SELECT count(*) AS n FROM threads")).rows[0]!.n)).toBe(0);

    // The next batch is stored whole.
    const next = await ingestMessages(env.database, env.userId, Array.from({ length: 30 }, (_, i) => mail(`q${i}`)), settings);
    expect(next.accepted).toBe(30);
    expect(await stored('q')).toBe(30);
  });
});
