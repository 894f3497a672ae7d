import { ConnectorError } from '../connectors/connector-error';
import { fullSyncSince } from '../connectors/mail-provider';
import type { TokenCipher } from '../crypto/token-cipher';
import type { Database } from '../db/client';
import type { SkippedMessage } from '../connectors/mail-provider';
import type { Logger } from '../http/logger';
import { ingestBatch } from './ingest-batch';
import { getUserSettings, toAnalysisSettings } from '../store/users';
import {
  acquireLease,
  commitPage,
  finishPass,
  getAccount,
  orphanedByDeletion,
  readRefreshToken,
  recordFailure,
  releaseLease,
  staleAfterResync,
  storeRefreshToken,
} from './account-store';
import { decodeCursor } from './cursor';
import { removeMessages } from './message-removal';
import { SKIPPED_LISTED } from './skip-record';
import { createProviderFor, type ConnectorConfig } from './provider-factory';

/**
 * The per-account sync state machine:
 *
 *   new ──► full ──(pages)──► incremental ──(caught up)──► idle ──(timer / on demand)──► incremental ...
 *             ▲                    │
 *             └── cursor rejected ─┘ (reset: a new generation; at its end, refs not seen again are swept)
 *   any ──► error (TEMPORARY after retries, UNKNOWN)   any ──► error + reconnect_needed (AUTH_REVOKED)
 *
 * Pages are committed strictly in order (messages via the idempotent ingest, then refs + cursor in one
 * transaction), so a crash resumes from the last committed page. Fetching runs ahead of committing (the
 * next page here, and the Gmail provider lists one more ahead of that), but only in memory.
 */
export interface SyncProgress {
  accountId: string;
  phase: string;
  pages: number;
  upserted: number;
  deleted: number;
  messageCount: number;
  /** Messages this pass could not take in (the rest of their page was stored). */
  skipped: number;
}

export interface SyncPassResult {
  status: 'ok' | 'busy' | 'failed';
  pages: number;
  upserted: number;
  deleted: number;
  messageCount: number;
  /** Messages skipped with their reasons (at most SKIPPED_LISTED named; `skipped` counts them all). */
  skipped: number;
  skippedMessages: SkippedMessage[];
  error?: { code: string; message: string };
}

export interface AccountSyncerDeps {
  database: Database;
  cipher: TokenCipher | null;
  config: ConnectorConfig;
  clock: () => Date;
  /** How long a pass may go without committing a page before another process may take over. */
  leaseTtlMs?: number;
  /** Where a skipped message is logged (provider id and reason code only, never content). */
  logger?: Logger;
}

export interface AccountSyncer {
  syncAccount(accountId: string, options?: { onProgress?: (p: SyncProgress) => void; signal?: AbortSignal }): Promise<SyncPassResult>;
}

/**
 * Messages per ingest call: a whole page (Gmail's are at most 500, Graph's at most 1,000). Each call is a
 * write transaction, and a commit writes every page it touched, most of them index pages hit at random:
 * in calls of 50, a Graph full sync of 20,000 messages took 15.1-15.3 s against 11.1 s a page at a time
 * (`bench/run.ts sync`, same run). Ingest reads bodies on the reader threads and yields between its own
 * slices, so the next page's requests keep moving meanwhile.
 */
const INGEST_AT_ONCE = 1000;

export function createAccountSyncer(deps: AccountSyncerDeps): AccountSyncer {
  const leaseTtlMs = deps.leaseTtlMs ?? 10 * 60_000;
  return {
    async syncAccount(accountId, options = {}) {
      const { database } = deps;
      const totals = { pages: 0, upserted: 0, deleted: 0, messageCount: 0, skipped: 0 };
      const skippedMessages: SkippedMessage[] = [];
      const noteSkipped = (entry: SkippedMessage): void => {
        totals.skipped++;
        if (skippedMessages.length < SKIPPED_LISTED) skippedMessages.push(entry);
        deps.logger?.warn('message skipped', { accountId, providerId: entry.providerId, code: entry.code });
      };
      if (!(await acquireLease(database, accountId, deps.clock(), leaseTtlMs))) return { status: 'busy', ...totals, skippedMessages };
      try {
        let account = await getAccount(database, accountId);
        if (!account) throw new Error(`account ${accountId} vanished`);
        if (account.status === 'reconnect_needed') {
          return { status: 'failed', ...totals, skippedMessages, error: { code: 'AUTH_REVOKED', message: 'reconnect needed: the grant was revoked' } };
        }
        const refreshToken = await readRefreshToken(database, deps.cipher, account);
        const settings = toAnalysisSettings((await getUserSettings(database.db, account.userId)).settings);
        const since = fullSyncSince(deps.config.fullSyncDays, deps.clock().getTime());
        const provider = createProviderFor(account, refreshToken, deps.config, {
          fullSyncSince: since,
          onRefreshTokenRotated: async (token) => {
            if (deps.cipher) await storeRefreshToken(database, deps.cipher, accountId, token);
          },
        });
        let cursor = account.cursor;
        // The next page is fetched while this one is stored (fetching is quota-bound, storing CPU-bound),
        // but pages are still committed strictly in order, each before the cursor moves past it.
        let next = provider.getSyncPage(cursor);
        for (;;) {
          if (options.signal?.aborted) break;
          const page = await next;
          if (!page.done) {
            next = provider.getSyncPage(page.nextCursor);
            // Observed later by the await above; this only keeps an early failure from being "unhandled".
            next.catch(() => undefined);
          }
          const mode = decodeCursor(page.nextCursor, provider.provider).mode;
          for (const skip of page.skipped) noteSkipped(skip);
          // Each call stores its good messages; one the engine refuses is skipped, not the rest.
          const refused = new Set<string>();
          for (let i = 0; i < page.upserted.length; i += INGEST_AT_ONCE) {
            const slice = page.upserted.slice(i, i + INGEST_AT_ONCE);
            const outcome = await ingestBatch(database, account.userId, slice.map((u) => u.message), settings);
            for (const r of outcome.rejected) {
              refused.add(r.id);
              const providerId = slice.find((u) => u.message.id === r.id)?.providerId ?? r.id;
              noteSkipped({ providerId, messageId: r.id, code: r.code, reason: r.reason });
            }
            await new Promise((resolve) => setImmediate(resolve));
          }
          const stored = refused.size === 0 ? page.upserted : page.upserted.filter((u) => !refused.has(u.message.id));
          const orphaned = await orphanedByDeletion(database, account, page.deletedIds);
          await removeMessages(database, account.userId, orphaned, settings);
          const committed = await commitPage(database, {
            account,
            upserted: stored,
            deletedProviderIds: page.deletedIds,
            cursor: page.nextCursor,
            phase: page.done ? 'idle' : mode,
            reset: page.reset ? { sweepSince: since.toISOString() } : null,
            now: deps.clock(),
            leaseTtlMs,
          });
          cursor = page.nextCursor;
          totals.pages++;
          totals.upserted += stored.length;
          totals.deleted += orphaned.length;
          totals.messageCount = committed.messageCount;
          options.onProgress?.({ accountId, phase: page.done ? 'idle' : mode, ...totals });
          if (page.done) {
            // A resync just finished: what it did not see again inside its window is gone from the mailbox.
            const stale = await staleAfterResync(database, accountId);
            if (stale.length > 0) {
              account = (await getAccount(database, accountId))!;
              const gone = await orphanedByDeletion(database, account, stale);
              await removeMessages(database, account.userId, gone, settings);
              const after = await commitPage(database, {
                account,
                upserted: [],
                deletedProviderIds: stale,
                cursor,
                phase: 'idle',
                reset: null,
                now: deps.clock(),
                leaseTtlMs,
              });
              totals.deleted += gone.length;
              totals.messageCount = after.messageCount;
            }
            await finishPass(database, accountId, deps.clock(), totals.skipped > 0 ? { count: totals.skipped, at: deps.clock().toISOString(), messages: skippedMessages } : null);
            break;
          }
        }
        return { status: 'ok', ...totals, skippedMessages };
      } catch (error) {
        const code = error instanceof ConnectorError ? error.code : 'UNKNOWN';
        const message = error instanceof Error ? error.message : String(error);
        await recordFailure(database, accountId, { code, message, now: deps.clock() });
        return { status: 'failed', ...totals, skippedMessages, error: { code, message } };
      } finally {
        await releaseLease(database, accountId);
      }
    },
  };
}
