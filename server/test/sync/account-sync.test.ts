import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccountSyncer } from '../../src/sync/account-syncer';
import { getAccount, upsertAccount } from '../../src/sync/account-store';
import { conversation, generateMailbox, me } from '../stand-ins/mailbox-fixture';
import { startSyncHarness, type SyncHarness } from './sync-harness';

const now = Date.now();

async function promiseCount(h: SyncHarness): Promise<number> {
  const r = await h.database.client.execute({ sql: 'SELECT count(*) AS n FROM promises WHERE user_id = ?', args: [h.userId] });
  return Number(r.rows[0]!.n);
}

async function threadMessageTotal(h: SyncHarness): Promise<number> {
  const r = await h.database.client.execute({ sql: 'SELECT coalesce(sum(message_count), 0) AS n FROM threads WHERE user_id = ?', args: [h.userId] });
  return Number(r.rows[0]!.n);
}

describe.each(['google', 'microsoft'] as const)('%s mailbox sync into the server database', (provider) => {
  let h: SyncHarness;
  let addMessage: (m: Parameters<SyncHarness['gmail']['addMessage']>[1]) => string;
  let change: (id: string) => void;
  let remove: (id: string) => void;
  let expire: () => void;
  let ids: () => string[];
  let revoke: () => void;

  beforeEach(async () => {
    h = await startSyncHarness(me);
    h.gmail.addMailbox(me);
    h.graph.addMailbox(me);
    if (provider === 'google') {
      addMessage = (m) => h.gmail.addMessage(me, m);
      change = (id) => h.gmail.modifyLabels(me, id, ['STARRED'], ['UNREAD']);
      remove = (id) => h.gmail.deleteMessage(me, id);
      expire = () => h.gmail.expireHistory(me);
      ids = () => h.gmail.messageIds(me);
      revoke = () => h.gmail.oauth.revoke(me);
    } else {
      addMessage = (m) => h.graph.addMessage(me, m);
      change = (id) => h.graph.markRead(me, id);
      remove = (id) => h.graph.deleteMessage(me, id);
      expire = () => h.graph.expireDeltaTokens(me);
      ids = () => h.graph.messageIds(me);
      revoke = () => h.graph.oauth.revoke(me);
    }
    for (const mail of generateMailbox(60, now, 90)) addMessage(mail);
  });
  afterEach(() => h.close());

  const attach = async () => {
    const oauth = provider === 'google' ? h.gmail.oauth : h.graph.oauth;
    return upsertAccount(h.database, h.cipher, { userId: h.userId, provider, email: me, access: 'bodies', refreshToken: oauth.issueRefreshToken(me), now: new Date() });
  };

  it('full sync, then new, changed and deleted messages, without double counting', async () => {
    const account = await attach();
    const syncer = createAccountSyncer({ database: h.database, cipher: h.cipher, config: { ...h.config, gmailPageSize: 25, graphPageSize: 25 }, clock: () => new Date() });
    const first = await syncer.syncAccount(account.id);
    expect(first.status).toBe('ok');
    expect(await h.messageCount()).toBe(60);
    expect(await threadMessageTotal(h)).toBe(60);
    // Every reply from Dana holds a promise ("I'll send you ... by Wednesday EOD").
    expect(await promiseCount(h)).toBe(20);
    expect((await getAccount(h.database, account.id))!).toMatchObject({ phase: 'idle', messageCount: 60, status: 'active' });

    const fresh = conversation(777, now - 3_600_000).map(addMessage);
    const [changed, deleted] = ids();
    change(changed!);
    remove(deleted!);
    const second = await syncer.syncAccount(account.id);
    expect(second.status).toBe('ok');
    expect(fresh).toHaveLength(3);
    expect(await h.messageCount()).toBe(62);
    expect(await threadMessageTotal(h)).toBe(62);
    expect((await getAccount(h.database, account.id))!.messageCount).toBe(62);

    // Nothing new: nothing changes.
    await syncer.syncAccount(account.id);
    expect(await h.messageCount()).toBe(62);
  });

  it('an expired cursor leads to a clean full resync: deletions made meanwhile applied, nothing doubled', async () => {
    const account = await attach();
    const syncer = createAccountSyncer({ database: h.database, cipher: h.cipher, config: h.config, clock: () => new Date() });
    await syncer.syncAccount(account.id);
    expect(await h.messageCount()).toBe(60);
    const [gone] = ids();
    remove(gone!);
    conversation(778, now - 7_200_000).forEach(addMessage);
    expire();
    const result = await syncer.syncAccount(account.id);
    expect(result.status).toBe('ok');
    expect(await h.messageCount()).toBe(62);
    expect(await threadMessageTotal(h)).toBe(62);
    expect((await getAccount(h.database, account.id))!.messageCount).toBe(62);
  });

  it('a revoked grant marks the account "reconnect needed" and stops syncing it', async () => {
    const account = await attach();
    const syncer = createAccountSyncer({ database: h.database, cipher: h.cipher, config: h.config, clock: () => new Date() });
    revoke();
    const result = await syncer.syncAccount(account.id);
    expect(result).toMatchObject({ status: 'failed', error: { code: 'AUTH_REVOKED' } });
    const row = (await getAccount(h.database, account.id))!;
    expect(row.status).toBe('reconnect_needed');
    expect(row.lastError).toMatch(/invalid_grant|revoked|refused the grant/i);
  });
});
