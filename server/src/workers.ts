import cluster, { type Worker } from 'node:cluster';
import type { ServerConfig } from './config';
import { createDb, migrate } from './db/index';
import type { Logger } from './http/logger';

/** A worker that dies sooner than this after it started is not restarted (a crash at start would loop). */
const RESTART_AFTER_MS = 10_000;

/**
 * The started process when FT_WORKERS > 1: migrates the database once (workers starting together would
 * race to apply the same migration), then forks the workers, which share the listening port (node:cluster
 * hands each connection to one of them). A worker that dies after running a while is replaced; SIGINT or
 * SIGTERM is passed on to every worker, and this process exits when they have all stopped.
 */
export async function runWorkers(config: ServerConfig, logger: Logger): Promise<void> {
  const database = await createDb(config.databaseUrl, config.databaseAuthToken);
  try {
    await migrate(database);
  } finally {
    database.close();
  }
  const startedAt = new Map<Worker, number>();
  const fork = () => startedAt.set(cluster.fork(), Date.now());
  for (let i = 0; i < config.workers; i++) fork();
  logger.info('workers started', { workers: config.workers });

  let stopping = false;
  let failed = false;
  cluster.on('exit', (worker, code, signal) => {
    const ranMs = Date.now() - (startedAt.get(worker) ?? Date.now());
    startedAt.delete(worker);
    if (!stopping && code !== 0 && ranMs >= RESTART_AFTER_MS) {
      logger.error('worker stopped; starting another', { pid: worker.process.pid, code, signal });
      fork();
      return;
    }
    if (!stopping && code !== 0) {
      logger.error('worker failed at start; not restarting it', { pid: worker.process.pid, code, signal });
      failed = true;
    }
    if (startedAt.size === 0) process.exit(failed ? 1 : 0);
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal, workers: startedAt.size });
    for (const worker of startedAt.keys()) worker.process.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
