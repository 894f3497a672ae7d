import { analysisSettingsSchema, type NormalizedMessage } from '@followthrough/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestMessages } from '../../src/store/ingest';
import type { ReadPool } from '../../src/store/read-pool';
import { readMany } from '../../src/store/message-reader';
import { createTestDbWithUser } from '../support/test-db';

/**
 * Ingest reads a batch's slices ahead of storing them (the first before the write lock is taken, the next
 * while one is stored). What must hold: every slice is read once, reading starts before the lock is
 * held, and a read that fails fails the batch, stores nothing of it, and is never an unhandled rejection.
 */
const settings = analysisSettingsSchema.parse({ me: ['ann@ours.example'] });
const mail = (id: string): NormalizedMessage => ({
  id,
  from: 'Cleo <cleo@client.example>',
  to: ['ann@ours.example'],
  date: '2026-03-02T09:15:00+01:00',
  subject: `plan ${id}`,
  text: 'Could you send the plan?',
});
const batchOf = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => mail(`${prefix}${i}`));

/** A pool that reads in the process, records when each slice was asked for, and can fail one slice. */
function recordingPool(options: { failAtOffset?: number; onRead?: (offset: number) => void } = {}): ReadPool & { asked: number[] } {
  const asked: number[] = [];
  return {
    asked,
    async read(messages, offset, readSettings, validate) {
      asked.push(offset);
      options.onRead?.(offset);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (offset === options.failAtOffset) throw new Error(`the reader failed on the slice at ${offset}`);
      return readMany(messages, offset, readSettings, validate);
    },
    stats: () => ({ threads: 0, readOnThreads: 0 }),
    close: async () => {},
  };
}

let env: Awaited<ReturnType<typeof createTestDbWithUser>>;
beforeAll(async () => {
  env = await createTestDbWithUser();
});
afterAll(() => env.cleanup());
const storedCount = async (prefix: string) =>
  Number((await env.database.client.execute({ sql: 'SELECT count(*) AS n FROM messages WHERE id LIKE ?', args: [`${prefix}%`] })).rows[0]!.n);

describe('ingest reading ahead', () => {
  it('reads each slice once, the first while another batch holds the write lock', async () => {
    // Another writer holds the lock; the batch's first slice must be read meanwhile, not after.
    const tx = await env.database.client.transaction('write');
    let readWhileLocked = false;
    const pool = recordingPool({ onRead: () => (readWhileLocked ||= !tx.closed) });
    const ingesting = ingestMessages(env.database, env.userId, batchOf('a', 1_100), settings, { pool });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pool.asked).toEqual([0]);
    await tx.commit();
    const result = await ingesting;
    expect(readWhileLocked).toBe(true);
    // 1,100 messages: slices at 0, 500 and 1,000, each asked for once.
    expect(pool.asked).toEqual([0, 500, 1000]);
    expect(result.accepted).toBe(1_100);
    expect(await storedCount('a')).toBe(1_100);
  });

  it('a slice that cannot be read fails the batch, stores nothing of its transaction, and leaves no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      // The first slice of the second transaction fails: it is read ahead, before its transaction starts.
      await expect(ingestMessages(env.database, env.userId, batchOf('b', 1_500), settings, { pool: recordingPool({ failAtOffset: 1000 }) })).rejects.toThrow(
        'the reader failed on the slice at 1000',
      );
      // The second slice of a transaction fails while the first is stored.
      await expect(ingestMessages(env.database, env.userId, batchOf('c', 1_000), settings, { pool: recordingPool({ failAtOffset: 500 }) })).rejects.toThrow(
        'the reader failed on the slice at 500',
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
    // What committed before the failure stays; the failed transaction left nothing.
    expect(await storedCount('b')).toBe(1_000);
    expect(await storedCount('c')).toBe(0);
  });
});
