import { hostname } from 'node:os';
import type { AnalysisSettings } from '@followthrough/shared';
import type { AnalysisStatus } from '@followthrough/shared/contract';
import type { Database } from '../db/client';
import { analysisJobs, messages, threads, users } from '../db/schema/index';
import type { Logger } from '../http/logger';
import { settingsHash, type AnalysisContext } from './analysis-writer';
import { rederiveThreads } from './rederive-threads';
import { createYielder, names, str, strOrNull } from './sql';
import { inWriteTransaction } from './write-transaction';
import { settingsOfUser } from './users';

const J = names(analysisJobs);
const T = names(threads);
const M = names(messages);
const U = names(users);

/** Threads derived again per transaction: a key client's thousands of threads go in slices, so the write lock is never held long. */
const THREADS_PER_SLICE = 200;
const LEASE_MS = 60_000;

/**
 * Asks for the user's stored analysis to be derived again with the settings now in force (when they
 * changed what derived rows depend on). Any API process picks the job up (createRederiver).
 */
export async function requestRederivation(database: Database, userId: string, settings: AnalysisSettings, now: Date): Promise<void> {
  await inWriteTransaction(database, (tx) => tx.execute({
    sql: `INSERT INTO ${J.$} (${J.userId}, ${J.targetHash}, ${J.state}, ${J.total}, ${J.done}, ${J.requestedAt}) VALUES (?, ?, 'pending', 0, 0, ?)
          ON CONFLICT (${J.userId}) DO UPDATE SET ${J.targetHash} = excluded.${J.targetHash}, ${J.state} = 'pending', ${J.total} = 0, ${J.done} = 0,
            ${J.requestedAt} = excluded.${J.requestedAt}, ${J.finishedAt} = NULL, ${J.error} = NULL`,
    args: [userId, settingsHash(settings), now.toISOString()],
  }));
}

export async function analysisStatus(database: Database, userId: string): Promise<AnalysisStatus> {
  // One row by its key: on the event loop's connection, so GET /v1/me waits for no one's heavier read.
  const result = await database.lookups.execute({
    sql: `SELECT ${J.state}, ${J.done}, ${J.total}, ${J.requestedAt}, ${J.finishedAt}, ${J.error} FROM ${J.$} WHERE ${J.userId} = ?`,
    args: [userId],
  });
  const row = result.rows[0];
  if (!row) return { state: 'current', done: 0, total: 0, requestedAt: null, finishedAt: null, error: null };
  const state = str(row.state);
  return {
    state: state === 'done' ? 'current' : (state as AnalysisStatus['state']),
    done: Number(row.done),
    total: Number(row.total),
    requestedAt: strOrNull(row.requested_at),
    finishedAt: strOrNull(row.finished_at),
    error: strOrNull(row.error),
  };
}

export interface Rederiver {
  /** Runs every claimable job now (and keeps checking every few seconds once started). */
  kick(): void;
  start(): void;
  stop(): Promise<void>;
  /** Resolves when no job is running in this process. */
  idle(): Promise<void>;
}

/**
 * Re-derivation in the background: claims a user's job with a lease (so several API processes never run
 * the same one), then derives stale threads again a slice at a time, one write transaction per slice,
 * each leaving every client's aggregate equal to the sum of its threads (reads stay consistent; a client
 * shows old and new settings side by side only while its slices are under way). Progress is the number
 * of threads done, visible at GET /v1/me. A settings change mid-way simply moves the target: threads are
 * found by the settings they were derived with.
 */
export function createRederiver(deps: { database: Database; logger: Logger; clock: () => Date; pollMs?: number }): Rederiver {
  const owner = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const { database } = deps;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  /** One statement on the job row, retried like any write when another writer holds the database. */
  const write = (stmt: { sql: string; args: (string | number | null)[] }) => inWriteTransaction(database, (tx) => tx.execute(stmt));

  async function claim(): Promise<{ userId: string; target: string } | null> {
    const now = deps.clock();
    const result = await write({
      sql: `UPDATE ${J.$} SET ${J.state} = 'running', ${J.leaseOwner} = ?, ${J.leaseUntil} = ?, ${J.startedAt} = coalesce(${J.startedAt}, ?)
            WHERE ${J.userId} = (SELECT ${J.userId} FROM ${J.$} WHERE ${J.state} = 'pending' OR (${J.state} = 'running' AND ${J.leaseUntil} < ?)
                                 ORDER BY ${J.requestedAt} LIMIT 1)
            RETURNING ${J.userId}, ${J.targetHash}`,
      args: [owner, new Date(now.getTime() + LEASE_MS).toISOString(), now.toISOString(), now.toISOString()],
    });
    const row = result.rows[0];
    return row ? { userId: str(row.user_id), target: str(row.target_hash) } : null;
  }

  async function settingsFor(userId: string): Promise<AnalysisSettings | null> {
    const result = await database.client.execute({ sql: `SELECT ${U.email}, ${U.settingsJson} FROM ${U.$} WHERE ${U.id} = ?`, args: [userId] });
    const row = result.rows[0];
    if (!row) return null;
    return settingsOfUser({ email: str(row.email), settingsJson: strOrNull(row.settings_json) }).analysis;
  }

  // Rows derived with other settings, as two ranges of threads_derived_idx: written `derived_hash <> ?`, the
  // planner walked every thread of the user by another index (80 ms at 23,762 threads when few were left).
  const derivedElsewhere = `${T.userId} = ?1 AND (${T.derivedHash} < ?2 OR ${T.derivedHash} > ?2)`;
  // Messages whose thread has no row yet (stored by an older version): finding them walks every message of
  // the user (40 ms at 100,000), so they are looked for only once no row is left to derive again.
  const orphanedThreads = `FROM ${M.$} m WHERE m.${M.userId} = ?1 AND NOT EXISTS (SELECT 1 FROM ${T.$} t WHERE t.${T.userId} = ?1 AND t.${T.threadId} = m.${M.threadId})`;

  /** Threads to derive again: rows derived with other settings, then messages whose thread has no row yet (an upgrade). */
  async function staleThreads(userId: string, target: string, limit: number): Promise<string[]> {
    const rows = await database.client.execute({ sql: `SELECT ${T.threadId} AS id FROM ${T.$} WHERE ${derivedElsewhere} LIMIT ?3`, args: [userId, target, limit] });
    if (rows.rows.length > 0) return rows.rows.map((r) => str(r.id));
    const orphans = await database.client.execute({ sql: `SELECT DISTINCT m.${M.threadId} AS id ${orphanedThreads} LIMIT ?2`, args: [userId, limit] });
    return orphans.rows.map((r) => str(r.id));
  }

  async function countStale(userId: string, target: string): Promise<number> {
    const result = await database.client.execute({
      sql: `SELECT (SELECT count(*) FROM ${T.$} WHERE ${derivedElsewhere}) + (SELECT count(DISTINCT m.${M.threadId}) ${orphanedThreads}) AS n`,
      args: [userId, target],
    });
    return Number(result.rows[0]?.n ?? 0);
  }

  async function runJob(job: { userId: string; target: string }): Promise<void> {
    const settings = await settingsFor(job.userId);
    if (!settings) return;
    const hash = settingsHash(settings);
    const total = await countStale(job.userId, hash);
    await write({ sql: `UPDATE ${J.$} SET ${J.total} = ?, ${J.done} = 0, ${J.targetHash} = ? WHERE ${J.userId} = ?`, args: [total, hash, job.userId] });
    let done = 0;
    const breathe = createYielder();
    for (;;) {
      if (stopped) return;
      // The settings may have changed again: start over towards the new target.
      const current = await settingsFor(job.userId);
      if (!current || settingsHash(current) !== hash) return;
      const slice = await staleThreads(job.userId, hash, THREADS_PER_SLICE);
      if (slice.length === 0) break;
      await inWriteTransaction(database, (tx) => rederiveThreads({ tx, userId: job.userId, settings, hash, breathe } satisfies AnalysisContext, slice));
      done += slice.length;
      await write({
        sql: `UPDATE ${J.$} SET ${J.done} = ?, ${J.leaseUntil} = ? WHERE ${J.userId} = ? AND ${J.leaseOwner} = ?`,
        args: [done, new Date(deps.clock().getTime() + LEASE_MS).toISOString(), job.userId, owner],
      });
      await breathe();
    }
    await write({
      sql: `UPDATE ${J.$} SET ${J.state} = 'done', ${J.done} = ${J.total}, ${J.finishedAt} = ?, ${J.leaseOwner} = NULL, ${J.leaseUntil} = NULL
            WHERE ${J.userId} = ? AND ${J.leaseOwner} = ? AND ${J.targetHash} = ?`,
      args: [deps.clock().toISOString(), job.userId, owner, hash],
    });
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      for (;;) {
        if (stopped) return;
        const job = await claim();
        if (!job) break;
        try {
          await runJob(job);
        } catch (err) {
          deps.logger.error('re-derivation failed', { userId: job.userId, error: err instanceof Error ? err.message : String(err) });
          // If even this fails (the database is gone or busy), the lease runs out and another pass resumes the job.
          await write({
              sql: `UPDATE ${J.$} SET ${J.state} = 'failed', ${J.error} = ?, ${J.leaseOwner} = NULL, ${J.leaseUntil} = NULL WHERE ${J.userId} = ? AND ${J.leaseOwner} = ?`,
              args: [err instanceof Error ? err.message : String(err), job.userId, owner],
            }).catch(() => undefined);
        }
      }
    } while (again);
  }

  const kick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((err: unknown) => {
        // Claiming or reporting progress failed (a busy or unreachable database): the job keeps its
        // state, its lease runs out, and the next poll or kick resumes it.
        deps.logger.warn('re-derivation paused', { error: err instanceof Error ? err.message : String(err) });
      })
      .finally(() => {
        running = null;
      });
  };

  return {
    kick,
    start() {
      if (timer || stopped) return;
      timer = setInterval(kick, deps.pollMs ?? 5_000);
      timer.unref();
      kick();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
    idle: async () => {
      while (running) await running;
    },
  };
}
