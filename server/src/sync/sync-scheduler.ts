import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '../db/client';
import { mailAccounts } from '../db/schema/index';
import type { AccountSyncer, SyncPassResult } from './account-syncer';

/**
 * Periodic sync inside the server process: every account that is active and whose last pass started
 * more than `intervalMs` ago (default 5 minutes) gets a pass, one account at a time (the quota is per
 * mailbox, and two cores are better spent on the API). `requestSync` runs one account now (POST
 * /v1/accounts/:id/sync). Leases in the database keep several server processes from syncing the same
 * mailbox at once.
 */
export interface SyncScheduler {
  start(): void;
  stop(): Promise<void>;
  /** Queues a pass for the account now; resolves when it has run. */
  requestSync(accountId: string): Promise<SyncPassResult>;
  /** One scheduling round (used by start's timer, and by tests). */
  tick(): Promise<void>;
}

export interface SyncSchedulerDeps {
  database: Database;
  syncer: AccountSyncer;
  clock: () => Date;
  intervalMs?: number;
  onResult?: (accountId: string, result: SyncPassResult) => void;
}

export const defaultSyncIntervalMs = 5 * 60_000;

export function createSyncScheduler(deps: SyncSchedulerDeps): SyncScheduler {
  const intervalMs = deps.intervalMs ?? defaultSyncIntervalMs;
  let timer: NodeJS.Timeout | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  let ticking: Promise<void> | null = null;

  // Passes are serialised through one chain so on-demand and periodic passes never overlap in-process.
  const enqueue = (accountId: string): Promise<SyncPassResult> => {
    const run = chain.then(() => deps.syncer.syncAccount(accountId));
    chain = run.catch(() => undefined);
    return run.then((result) => {
      deps.onResult?.(accountId, result);
      return result;
    });
  };

  const tick = async (): Promise<void> => {
    const due = new Date(deps.clock().getTime() - intervalMs).toISOString();
    const rows = await deps.database.db
      .select({ id: mailAccounts.id })
      .from(mailAccounts)
      .where(and(eq(mailAccounts.status, 'active'), or(isNull(mailAccounts.lastSyncStartedAt), lt(mailAccounts.lastSyncStartedAt, due))))
      .all();
    for (const row of rows) await enqueue(row.id);
  };

  return {
    tick,
    requestSync: enqueue,
    start() {
      if (timer) return;
      const run = () => {
        if (ticking) return;
        ticking = tick()
          .catch(() => undefined)
          .finally(() => {
            ticking = null;
          });
      };
      // Check every minute (or the interval, if shorter), so a 5-minute cadence drifts by at most that.
      timer = setInterval(run, Math.min(60_000, intervalMs));
      timer.unref();
      run();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await ticking;
      await chain.catch(() => undefined);
    },
  };
}
