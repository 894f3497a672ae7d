import { analysisSettingsSchema, type NormalizedMessageInput } from '@followthrough/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestMessages } from '../../src/store/ingest';
import { createTestDbWithUser } from '../support/test-db';

/**
 * A large batch is stored in slices, several to a transaction, and each client's aggregate is kept in
 * memory across a transaction's slices and written once before its commit (ingest.ts, heldAggregates).
 * What must hold: the aggregates stored are those of the same mail stored in small batches, each slice
 * reading the aggregate the one before wrote.
 */
const settings = analysisSettingsSchema.parse({ me: ['ann@ours.example'] });
const START = Date.parse('2026-03-02T08:00:00Z');
const HOUR = 3_600_000;

/** 600 threads of two clients, each a request and our answer a day and a half later: 1,200 messages in time order. */
function mailbox(): NormalizedMessageInput[] {
  const out: { at: number; message: NormalizedMessageInput }[] = [];
  for (let i = 0; i < 600; i++) {
    const client = i % 3 === 0 ? 'cleo@north.example' : 'dev@south.example';
    const asked = START + i * HOUR;
    const id = `ask-${i}@client.example`;
    out.push({ at: asked, message: { id, from: client, to: ['ann@ours.example'], date: new Date(asked).toISOString(), subject: `Order ${i}`, text: 'Could you confirm the delivery date?' } });
    const answered = asked + 36 * HOUR + (i % 7) * 600_000;
    out.push({
      at: answered,
      message: { id: `answer-${i}@ours.example`, from: 'ann@ours.example', to: [client], date: new Date(answered).toISOString(), subject: `Re: Order ${i}`, inReplyTo: id, references: [id], text: 'Confirmed for Friday.' },
    });
  }
  return out.sort((a, b) => a.at - b.at).map((m) => m.message);
}

let whole: Awaited<ReturnType<typeof createTestDbWithUser>>;
let small: Awaited<ReturnType<typeof createTestDbWithUser>>;
beforeAll(async () => {
  whole = await createTestDbWithUser();
  small = await createTestDbWithUser();
});
afterAll(() => {
  whole.cleanup();
  small.cleanup();
});

const aggregatesOf = async (env: typeof whole) =>
  (await env.database.client.execute({ sql: 'SELECT key, threads, aggregate_json, figures_json FROM counterpart_aggregates WHERE user_id = ? ORDER BY key', args: [env.userId] })).rows.map(
    (r) => [r.key, r.threads, r.aggregate_json, r.figures_json],
  );

describe('client aggregates held across the slices of a transaction', () => {
  it('are stored as when every slice wrote its own', async () => {
    const messages = mailbox();
    // One batch: slices of 500 at 0, 500 (one transaction) and 1,000 (another); threads span the slices.
    expect((await ingestMessages(whole.database, whole.userId, messages, settings)).accepted).toBe(1_200);
    for (let i = 0; i < messages.length; i += 100) await ingestMessages(small.database, small.userId, messages.slice(i, i + 100), settings);

    const stored = await aggregatesOf(whole);
    expect(stored.map(([key, threads]) => [key, threads])).toEqual([
      ['north.example', 200],
      ['south.example', 400],
    ]);
    expect(stored).toEqual(await aggregatesOf(small));
  });
});
