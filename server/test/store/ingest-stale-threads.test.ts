import { analysisSettingsSchema, type NormalizedMessageInput } from '@followthrough/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsHash } from '../../src/store/analysis-writer';
import { ingestMessages } from '../../src/store/ingest';
import { createTestDbWithUser } from '../support/test-db';

/**
 * New mail in a thread whose stored row was derived with other settings (a settings change whose
 * re-derivation has not reached it yet): ingest derives the thread again whole, the findings of its
 * earlier messages included, and leaves threads it does not touch to the re-derivation.
 */
const before = analysisSettingsSchema.parse({ me: ['ann@ours.example'] });
const after = analysisSettingsSchema.parse({ me: ['ann@ours.example'], timeZone: 'America/New_York' });

const message = (id: string, from: string, to: string, at: string, text: string, inReplyTo?: string): NormalizedMessageInput => ({
  id,
  from,
  to: [to],
  date: at,
  subject: inReplyTo ? 'Re: The contract' : 'The contract',
  text,
  ...(inReplyTo ? { inReplyTo, references: [inReplyTo] } : {}),
});

let env: Awaited<ReturnType<typeof createTestDbWithUser>>;
beforeAll(async () => {
  env = await createTestDbWithUser();
});
afterAll(() => env.cleanup());

describe('ingest into a thread derived with other settings', () => {
  it("derives the thread again whole, its earlier messages' findings too, and no other thread", async () => {
    const promise = message('m1@ours.example', 'ann@ours.example', 'cleo@north.example', '2026-03-02T09:00:00Z', 'I will send you the signed contract by Friday.');
    const other = message('o1@ours.example', 'ann@ours.example', 'dev@south.example', '2026-03-02T10:00:00Z', 'I will send you the invoice by Thursday.');
    await ingestMessages(env.database, env.userId, [promise, other], before);
    const reply = message('m2@north.example', 'cleo@north.example', 'ann@ours.example', '2026-03-03T09:00:00Z', 'Thanks, looking forward to it.', 'm1@ours.example');
    await ingestMessages(env.database, env.userId, [reply], after);

    const rows = async (sql: string) => (await env.database.client.execute({ sql, args: [env.userId] })).rows.map((r) => [r[0], r[1]]);
    expect(await rows('SELECT message_id, derived_hash FROM promises WHERE user_id = ? ORDER BY message_id')).toEqual([
      ['m1@ours.example', settingsHash(after)],
      ['o1@ours.example', settingsHash(before)],
    ]);
    expect(await rows('SELECT subject, derived_hash FROM threads WHERE user_id = ? ORDER BY first_at')).toEqual([
      ['The contract', settingsHash(after)],
      ['The contract', settingsHash(before)],
    ]);
  });
});
