import { analysisSettingsSchema, MessageRejectedError, type NormalizedMessage } from '@followthrough/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestMessages } from '../../src/store/ingest';
import { ingestBatch } from '../../src/sync/ingest-batch';
import { createTestDbWithUser } from '../support/test-db';

/**
 * How import and the syncs store a batch (src/sync/ingest-batch.ts), on a real database: the good messages
 * are stored whatever the bad ones do, and a failure that is not one message's is never turned into
 * skipped mail.
 */
const settings = analysisSettingsSchema.parse({ me: ['ann@ours.example'] });
const mail = (id: string, over: Partial<NormalizedMessage> = {}): NormalizedMessage => ({
  id,
  from: 'Cleo <cleo@client.example>',
  to: ['ann@ours.example'],
  date: '2026-03-02T09:15:00+01:00',
  subject: `s ${id}`,
  text: 'Could you send the plan?',
  ...over,
});

let env: Awaited<ReturnType<typeof createTestDbWithUser>>;
beforeAll(async () => {
  env = await createTestDbWithUser();
});
afterAll(() => env.cleanup());
const stored = async (ids: string[]) =>
  (await env.database.client.execute({ sql: `SELECT id FROM messages WHERE id IN (${ids.map(() => '?').join(',')})`, args: ids })).rows.map((r) => String(r.id)).sort();

describe('ingestBatch', () => {
  it('screens out what the engine refuses before ingest sees it, and stores the rest', async () => {
    const outcome = await ingestBatch(env.database, env.userId, [mail('a1'), mail('a2', { from: 'MAILER-DAEMON' }), mail('a3', { date: '9999-12-31T10:00:00Z' }), mail('a4')], settings);
    expect(outcome).toMatchObject({ accepted: 2, rejected: [{ id: 'a2', code: 'sender_unusable' }, { id: 'a3', code: 'date_out_of_range' }] });
    expect(await stored(['a1', 'a2', 'a3', 'a4'])).toEqual(['a1', 'a4']);
  });

  it('when the engine fails on one message inside ingest, that one is skipped with its code and the batch is stored', async () => {
    const ingest = async (batch: NormalizedMessage[]) => {
      if (batch.some((m) => m.id === 'b2' || m.id === 'b3')) throw new Error('the engine failed somewhere in the batch');
      return ingestMessages(env.database, env.userId, batch, settings);
    };
    const extract = (m: NormalizedMessage) => {
      if (m.id === 'b2') throw new MessageRejectedError('unreadable', 'a rule refused it', m.id);
      if (m.id === 'b3') throw new TypeError(`cannot read the body of ${m.text}`);
    };
    const outcome = await ingestBatch(env.database, env.userId, [mail('b1'), mail('b2'), mail('b3'), mail('b4')], settings, ingest, extract);
    expect(outcome.accepted).toBe(2);
    expect(outcome.rejected).toEqual([
      { id: 'b2', code: 'unreadable', reason: 'a rule refused it' },
      // The engine's own message could quote the mail: only the error's kind is kept.
      { id: 'b3', code: 'analysis_failed', reason: 'the analysis failed on this message (TypeError)' },
    ]);
    expect(await stored(['b1', 'b2', 'b3', 'b4'])).toEqual(['b1', 'b4']);
  });

  it('a failure no single message explains is thrown, never turned into skipped mail', async () => {
    const failing = async () => {
      throw new Error('something else went wrong');
    };
    await expect(ingestBatch(env.database, env.userId, [mail('c1'), mail('c2')], settings, failing)).rejects.toThrow('something else went wrong');
    const full = async () => {
      throw Object.assign(new Error('SQLITE_FULL: database or disk is full'), { name: 'LibsqlError', code: 'SQLITE_FULL' });
    };
    // Not even asked of the engine: a full disk must stop the sync, so its cursor does not move past the mail.
    let asked = 0;
    await expect(ingestBatch(env.database, env.userId, [mail('d1')], settings, full, () => asked++)).rejects.toThrow('SQLITE_FULL');
    expect(asked).toBe(0);
    expect(await stored(['c1', 'c2', 'd1'])).toEqual([]);
  });

  it('takes the rejections of an ingest that isolates per message itself (the contract of `rejected`)', async () => {
    const isolating = async (batch: NormalizedMessage[]) => ({
      ...(await ingestMessages(env.database, env.userId, batch.filter((m) => m.id !== 'e2'), settings)),
      rejected: [{ id: 'e2', code: 'unreadable' as const, reason: 'refused inside ingest' }],
    });
    const outcome = await ingestBatch(env.database, env.userId, [mail('e1'), mail('e2')], settings, isolating);
    expect(outcome).toMatchObject({ accepted: 1, rejected: [{ id: 'e2', code: 'unreadable' }] });
  });
});
