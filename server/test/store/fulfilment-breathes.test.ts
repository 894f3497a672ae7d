import { analysisSettingsSchema, type NormalizedMessageInput } from '@followthrough/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsHash, type AnalysisContext } from '../../src/store/analysis-writer';
import { updateFulfilment } from '../../src/store/fulfilment-store';
import { ingestMessages } from '../../src/store/ingest';
import { inWriteTransaction } from '../../src/store/write-transaction';
import { createTestDbWithUser } from '../support/test-db';

/**
 * A logged call or a message for a key client reaches every promise of the client's last 90 days, each
 * judged against it in JavaScript. That work offers the event loop a turn between promises (ctx.breathe,
 * which yields once its budget is spent): at real size the first call after a start held the loop 41 ms in
 * one stretch. Here the breathe is counted: once per promise judged and once per promise settled.
 */
const settings = analysisSettingsSchema.parse({ me: ['ann@ours.example'] });
const PROMISES = 30;

let env: Awaited<ReturnType<typeof createTestDbWithUser>>;
beforeAll(async () => {
  env = await createTestDbWithUser();
  const mail: NormalizedMessageInput[] = Array.from({ length: PROMISES }, (_, i) => ({
    id: `promise-${i}@ours.example`,
    from: 'Ann <ann@ours.example>',
    to: ['cleo@client.example'],
    date: new Date(Date.UTC(2026, 2, 2, 9, i)).toISOString(),
    subject: `Topic ${i}`,
    text: `I'll call you about topic ${i} tomorrow.`,
  }));
  await ingestMessages(env.database, env.userId, mail, settings);
});
afterAll(() => env.cleanup());

describe('folding new evidence into many promises', () => {
  it('gives the event loop a chance between promises', async () => {
    let breaths = 0;
    const touched = await inWriteTransaction(env.database, (tx) => {
      const ctx: AnalysisContext = { tx, userId: env.userId, settings, hash: settingsHash(settings), breathe: async () => void breaths++ };
      return updateFulfilment(ctx, {
        newEvidence: [{ kind: 'touchpoint', id: 'call-1', at: '2026-03-03T10:00:00.000Z', counterpart: 'client.example', touchpointKind: 'call', summary: 'Went through the topics' }],
      });
    });
    expect(touched).toBe(PROMISES);
    expect(breaths).toBeGreaterThanOrEqual(2 * PROMISES);
  });
});
