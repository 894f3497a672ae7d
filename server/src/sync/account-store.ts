import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { and, eq } from 'drizzle-orm';
import type { Transaction } from '@libsql/client';
import type { Database } from '../db/client';
import { names, selectIn, str } from '../store/sql';
import { mailAccountMessages, mailAccounts } from '../db/schema/index';
import { requireTokenCipher, type TokenCipher } from '../crypto/token-cipher';
import type { SyncedMessage } from '../connectors/mail-provider';
import { encodeSkipSummary, readSkipSummary, SKIPPED_CODE, type SkipSummary } from './skip-record';
import type { AccountView, MailAccess, MailProviderName, SyncPhase } from '@followthrough/shared/contract';

const R = names(mailAccountMessages);

export type AccountRow = typeof mailAccounts.$inferSelect;

export function toAccountView(row: AccountRow, now: Date): AccountView {
  return {
    id: row.id,
    provider: row.provider,
    email: row.email,
    access: row.access,
    status: row.status,
    reconnectNeeded: row.status === 'reconnect_needed',
    phase: row.phase,
    messageCount: row.messageCount,
    lastSyncStartedAt: row.lastSyncStartedAt,
    lastSuccessAt: row.lastSuccessAt,
    lastError: row.lastError && row.lastErrorCode !== SKIPPED_CODE ? { code: row.lastErrorCode, message: row.lastError, at: row.lastErrorAt } : null,
    syncing: row.leaseUntil !== null && row.leaseUntil > now.toISOString(),
    skipped: readSkipSummary(row),
  };
}

/**
 * Attaches (or re-attaches after "reconnect needed") a mailbox with its refresh token, encrypted. The same
 * user + provider + address updates the existing row, so reconnecting keeps the cursor and history.
 */
export async function upsertAccount(
  database: Database,
  cipher: TokenCipher | null,
  input: { userId: string; provider: MailProviderName; email: string; access: MailAccess; refreshToken: string; now: Date },
): Promise<AccountRow> {
  const key = requireTokenCipher(cipher);
  const email = input.email.trim().toLowerCase();
  const now = input.now.toISOString();
  const existing = await database.db
    .select()
    .from(mailAccounts)
    .where(and(eq(mailAccounts.userId, input.userId), eq(mailAccounts.provider, input.provider), eq(mailAccounts.email, email)))
    .get();
  const id = existing?.id ?? randomUUID();
  const refreshTokenEnc = key.encrypt(input.refreshToken, id);
  if (existing) {
    await database.db
      .update(mailAccounts)
      .set({ refreshTokenEnc, access: input.access, status: 'active', lastError: null, lastErrorCode: null, lastErrorAt: null, updatedAt: now })
      .where(eq(mailAccounts.id, id));
  } else {
    await database.db.insert(mailAccounts).values({
      id,
      userId: input.userId,
      provider: input.provider,
      email,
      access: input.access,
      refreshTokenEnc,
      status: 'active',
      phase: 'new',
      cursor: null,
      createdAt: now,
      updatedAt: now,
    });
  }
  const row = await database.db.select().from(mailAccounts).where(eq(mailAccounts.id, id)).get();
  if (!row) throw new Error(`account ${id} vanished after write`);
  return row;
}

/**
 * The account's refresh token. An envelope under an old key (FT_ENCRYPTION_KEYS_OLD) is re-encrypted
 * under the current key on the way, so rotation completes as accounts sync.
 */
export async function readRefreshToken(database: Database, cipher: TokenCipher | null, row: AccountRow): Promise<string> {
  const key = requireTokenCipher(cipher);
  const { plaintext, stale } = key.decrypt(row.refreshTokenEnc, row.id);
  if (stale) await storeRefreshToken(database, key, row.id, plaintext);
  return plaintext;
}

export async function storeRefreshToken(database: Database, cipher: TokenCipher, accountId: string, refreshToken: string): Promise<void> {
  await database.db.update(mailAccounts).set({ refreshTokenEnc: cipher.encrypt(refreshToken, accountId) }).where(eq(mailAccounts.id, accountId));
}

/** Re-encrypts every account token still under an old key; returns how many were rewritten. */
export async function reencryptAllTokens(database: Database, cipher: TokenCipher): Promise<number> {
  const rows = await database.db.select({ id: mailAccounts.id, enc: mailAccounts.refreshTokenEnc }).from(mailAccounts).all();
  let rewritten = 0;
  for (const row of rows) {
    const { plaintext, stale } = cipher.decrypt(row.enc, row.id);
    if (stale) {
      await storeRefreshToken(database, cipher, row.id, plaintext);
      rewritten++;
    }
  }
  return rewritten;
}

export const leaseOwner = (): string => `${hostname()}:${process.pid}`;

function ownerIsDeadLocally(owner: string | null): boolean {
  if (!owner) return true;
  const [host, pid] = owner.split(':');
  if (host !== hostname() || !pid) return false;
  if (Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Takes the account's sync lease (one pass at a time across processes). A lease whose owner process on
 * this host is gone (killed mid-sync) is taken over at once instead of waiting for it to expire.
 */
export async function acquireLease(database: Database, accountId: string, now: Date, ttlMs: number): Promise<boolean> {
  const row = await database.db.select({ owner: mailAccounts.leaseOwner, until: mailAccounts.leaseUntil }).from(mailAccounts).where(eq(mailAccounts.id, accountId)).get();
  if (!row) return false;
  const free = row.until === null || row.until <= now.toISOString() || ownerIsDeadLocally(row.owner);
  if (!free) return false;
  // Compare-and-set on the values we read, so two processes racing for a free lease cannot both win.
  const result = await database.client.execute({
    sql: `UPDATE mail_accounts SET lease_owner = ?, lease_until = ?, last_sync_started_at = ?
          WHERE id = ? AND lease_owner IS ? AND lease_until IS ?`,
    args: [leaseOwner(), new Date(now.getTime() + ttlMs).toISOString(), now.toISOString(), accountId, row.owner, row.until],
  });
  return result.rowsAffected === 1;
}

export async function releaseLease(database: Database, accountId: string): Promise<void> {
  await database.client.execute({ sql: 'UPDATE mail_accounts SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?', args: [accountId, leaseOwner()] });
}

/**
 * Commits one page's bookkeeping in one transaction: the provider-id refs of what was stored, the refs of
 * what was deleted, the new cursor, phase and counts. The messages themselves were ingested just before
 * (ingest is idempotent by message id), so a crash between the two replays the page harmlessly: the
 * cursor only ever moves past a page whose messages are already stored.
 */
export async function commitPage(
  database: Database,
  input: {
    account: AccountRow;
    upserted: SyncedMessage[];
    deletedProviderIds: string[];
    cursor: string;
    phase: SyncPhase;
    reset: { sweepSince: string } | null;
    now: Date;
    leaseTtlMs: number;
  },
): Promise<{ generation: number; messageCount: number }> {
  const { account } = input;
  const tx = await database.client.transaction('write');
  try {
    let generation = account.generation;
    const current = await tx.execute({ sql: 'SELECT generation FROM mail_accounts WHERE id = ?', args: [account.id] });
    generation = Number(current.rows[0]?.generation ?? generation);
    if (input.reset) generation++;
    // The account's count of distinct messages moves only by the messages this page touches: counted over all
    // of the account's refs on every page, `count(DISTINCT message_id)` took 44 ms a page at 100,000 refs.
    const touchedIds = await touchedMessageIds(tx, account, input.upserted, input.deletedProviderIds);
    const before = await presentAmong(tx, account, touchedIds);
    const statements = [];
    for (const u of input.upserted) {
      statements.push({
        sql: `INSERT INTO mail_account_messages (account_id, user_id, provider_id, message_id, sent_at, generation) VALUES (?, ?, ?, ?, ?, ?)
              ON CONFLICT (account_id, provider_id) DO UPDATE SET message_id = excluded.message_id, sent_at = excluded.sent_at, generation = excluded.generation`,
        args: [account.id, account.userId, u.providerId, u.message.id, new Date(u.message.date).toISOString(), generation],
      });
    }
    for (const id of input.deletedProviderIds) {
      statements.push({ sql: 'DELETE FROM mail_account_messages WHERE account_id = ? AND provider_id = ?', args: [account.id, id] });
    }
    statements.push({
      sql: `UPDATE mail_accounts SET cursor = ?, phase = ?, generation = ?, pages_committed = pages_committed + 1,
              sweep_pending = CASE WHEN ? THEN 1 ELSE sweep_pending END, sweep_since = CASE WHEN ? THEN ? ELSE sweep_since END,
              lease_until = ?, updated_at = ? WHERE id = ?`,
      args: [
        input.cursor,
        input.phase,
        generation,
        input.reset ? 1 : 0,
        input.reset ? 1 : 0,
        input.reset?.sweepSince ?? null,
        new Date(input.now.getTime() + input.leaseTtlMs).toISOString(),
        input.now.toISOString(),
        account.id,
      ],
    });
    await tx.batch(statements);
    const after = await presentAmong(tx, account, touchedIds);
    if (after !== before) await tx.execute({ sql: 'UPDATE mail_accounts SET message_count = message_count + ? WHERE id = ?', args: [after - before, account.id] });
    const count = await tx.execute({ sql: 'SELECT message_count FROM mail_accounts WHERE id = ?', args: [account.id] });
    await tx.commit();
    return { generation, messageCount: Number(count.rows[0]?.message_count ?? 0) };
  } finally {
    tx.close();
  }
}

/**
 * The message ids a page can add to or take from the account's count: those it stores, and those its
 * upserted and deleted provider ids pointed at before (a provider id can come back naming another message).
 */
async function touchedMessageIds(tx: Transaction, account: AccountRow, upserted: readonly SyncedMessage[], deletedProviderIds: readonly string[]): Promise<string[]> {
  const before = await selectIn(tx, `SELECT ${R.messageId} FROM ${R.$} WHERE ${R.accountId} = ? AND ${R.providerId} IN`, [account.id], [
    ...upserted.map((u) => u.providerId),
    ...deletedProviderIds,
  ]);
  return [...new Set([...upserted.map((u) => u.message.id), ...before.map((r) => str(r.message_id))])];
}

/** How many of these message ids the account has a ref to (a seek each on the user's message index). */
async function presentAmong(tx: Transaction, account: AccountRow, messageIds: readonly string[]): Promise<number> {
  const rows = await selectIn(tx, `SELECT DISTINCT ${R.messageId} FROM ${R.$} WHERE ${R.userId} = ? AND ${R.accountId} = ? AND ${R.messageId} IN`, [account.userId, account.id], messageIds);
  return rows.length;
}

/** Stored message ids the given provider ids point at, that no other ref of this user still needs. */
export async function orphanedByDeletion(database: Database, account: AccountRow, providerIds: string[]): Promise<string[]> {
  if (providerIds.length === 0) return [];
  const marks = providerIds.map(() => '?').join(',');
  const rows = await database.client.execute({
    sql: `SELECT DISTINCT r.message_id AS id FROM mail_account_messages r WHERE r.account_id = ? AND r.provider_id IN (${marks})
          AND NOT EXISTS (SELECT 1 FROM mail_account_messages o WHERE o.user_id = r.user_id AND o.message_id = r.message_id
                          AND NOT (o.account_id = r.account_id AND o.provider_id IN (${marks})))`,
    args: [account.id, ...providerIds, ...providerIds],
  });
  return rows.rows.map((r) => String(r.id));
}

/**
 * After a reset full resync: refs inside the resync window that were not seen again are messages that
 * vanished while the cursor was dead. Returns their provider ids.
 */
export async function staleAfterResync(database: Database, accountId: string): Promise<string[]> {
  const rows = await database.client.execute({
    sql: `SELECT r.provider_id AS id FROM mail_account_messages r JOIN mail_accounts a ON a.id = r.account_id
          WHERE r.account_id = ? AND a.sweep_pending = 1 AND r.generation < a.generation AND r.sent_at >= coalesce(a.sweep_since, '')`,
    args: [accountId],
  });
  return rows.rows.map((r) => String(r.id));
}

/**
 * A pass ended well. The error of an earlier pass is cleared; what this pass skipped is recorded (see
 * skip-record.ts), and a pass that skipped nothing keeps the record of the last one that did.
 */
export async function finishPass(database: Database, accountId: string, now: Date, skipped: SkipSummary | null = null): Promise<void> {
  const at = now.toISOString();
  // Every SET expression reads the row as it was, so "last_error_code = ?4" tests the old code throughout.
  await database.client.execute({
    sql: `UPDATE mail_accounts SET phase = 'idle', sweep_pending = 0, sweep_since = NULL, last_success_at = ?1, updated_at = ?1,
            last_error_code = CASE WHEN ?2 IS NOT NULL THEN ?4 WHEN last_error_code = ?4 THEN last_error_code ELSE NULL END,
            last_error = CASE WHEN ?2 IS NOT NULL THEN ?2 WHEN last_error_code = ?4 THEN last_error ELSE NULL END,
            last_error_at = CASE WHEN ?2 IS NOT NULL THEN ?1 WHEN last_error_code = ?4 THEN last_error_at ELSE NULL END
          WHERE id = ?3`,
    args: [at, skipped ? encodeSkipSummary(skipped) : null, accountId, SKIPPED_CODE],
  });
}

export async function recordFailure(database: Database, accountId: string, input: { code: string; message: string; now: Date }): Promise<void> {
  await database.db
    .update(mailAccounts)
    .set({
      phase: 'error',
      lastError: input.message.slice(0, 500),
      lastErrorCode: input.code,
      lastErrorAt: input.now.toISOString(),
      updatedAt: input.now.toISOString(),
      ...(input.code === 'AUTH_REVOKED' ? { status: 'reconnect_needed' } : {}),
    })
    .where(eq(mailAccounts.id, accountId));
}

export async function getAccount(database: Database, accountId: string): Promise<AccountRow | undefined> {
  return database.db.select().from(mailAccounts).where(eq(mailAccounts.id, accountId)).get();
}

export async function listAccounts(database: Database, userId: string): Promise<AccountRow[]> {
  return database.readDb.select().from(mailAccounts).where(eq(mailAccounts.userId, userId)).all();
}

export { mailAccountMessages };
