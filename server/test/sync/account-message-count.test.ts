import type { NormalizedMessage } from '@followthrough/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncedMessage } from '../../src/connectors/mail-provider';
import { commitPage, getAccount, upsertAccount, type AccountRow } from '../../src/sync/account-store';
import { me } from '../stand-ins/mailbox-fixture';
import { startSyncHarness, type SyncHarness } from './sync-harness';

/** A ref from a provider id to a message: only the fields commitPage reads. */
const synced = (providerId: string, messageId: string): SyncedMessage =>
  ({ providerId, message: { id: messageId, date: '2026-11-02T09:00:00Z' } as NormalizedMessage }) as SyncedMessage;

describe("an account's count of distinct messages, kept page by page", () => {
  let h: SyncHarness;
  let account: AccountRow;
  let page = 0;

  beforeAll(async () => {
    h = await startSyncHarness(me);
    account = await upsertAccount(h.database, h.cipher, { userId: h.userId, provider: 'microsoft', email: me, access: 'bodies', refreshToken: 'r', now: new Date() });
  });
  afterAll(() => h.close());

  const commit = async (upserted: SyncedMessage[], deletedProviderIds: string[] = []) => {
    const committed = await commitPage(h.database, { account, upserted, deletedProviderIds, cursor: `c${++page}`, phase: 'full', reset: null, now: new Date(), leaseTtlMs: 60_000 });
    const truth = await h.database.client.execute({ sql: 'SELECT count(DISTINCT message_id) AS n FROM mail_account_messages WHERE account_id = ?', args: [account.id] });
    // What the page answered, what the account holds and what its refs say are one number.
    expect(committed.messageCount).toBe(Number(truth.rows[0]!.n));
    expect((await getAccount(h.database, account.id))!.messageCount).toBe(committed.messageCount);
    return committed.messageCount;
  };

  it('counts a message in two folders once, and only when its last ref goes', async () => {
    expect(await commit([synced('p1', 'm1'), synced('p2', 'm2'), synced('p3', 'm1')])).toBe(2);
    // The same page again (a replay after a crash) counts nothing twice.
    expect(await commit([synced('p1', 'm1'), synced('p2', 'm2'), synced('p3', 'm1')])).toBe(2);
    expect(await commit([], ['p1'])).toBe(2);
    expect(await commit([], ['p3'])).toBe(1);
    // A provider id that now names another message: the old one leaves, the new one comes.
    expect(await commit([synced('p2', 'm9')])).toBe(1);
    expect(await commit([synced('p4', 'm9'), synced('p5', 'm5')], ['p2', 'nowhere'])).toBe(2);
    // Added and deleted in one page.
    expect(await commit([synced('p6', 'm6')], ['p5'])).toBe(2);
  });
});
