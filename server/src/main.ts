// `pnpm start`: serve the API. Configuration comes from the environment (see config.ts):
// HOST (127.0.0.1), PORT (8787), DATABASE_URL (file:<server>/data/followthrough.db; relative file: URLs
// are taken from the server folder), DATABASE_AUTH_TOKEN (libSQL server / Turso), FT_CORS_ORIGINS,
// FT_BODY_LIMIT_BYTES, FT_RATE_LIMIT_BURST, FT_RATE_LIMIT_PER_SECOND, FT_NOW (a fixed clock for tests and demos),
// FT_WORKERS (API processes sharing the port; workers.ts), FT_WARM_UP (0 to skip warm-up.ts before listening).
import cluster from 'node:cluster';
import { loadConfig } from './config';
import { createJsonLogger } from './http/logger';
import { startServer } from './server';
import { warmUp } from './warm-up';
import { runWorkers } from './workers';

const logger = createJsonLogger(undefined, cluster.isWorker ? { pid: process.pid } : {});

try {
  const config = loadConfig();
  if (config.workers > 1 && cluster.isPrimary) {
    await runWorkers(config, logger);
  } else {
    await serveInThisProcess(config);
  }
} catch (err) {
  logger.error('failed to start', { error: err instanceof Error ? err.message : String(err) });
  process.exit(1);
}

async function serveInThisProcess(config: ReturnType<typeof loadConfig>): Promise<void> {
  const fixed = config.fixedNow;
  if (config.warmUp) {
    const started = performance.now();
    await warmUp(config).then(
      () => logger.info('warmed up', { ms: Math.round(performance.now() - started) }),
      (err: unknown) => logger.warn('warm-up failed; serving anyway', { error: err instanceof Error ? err.message : String(err) }),
    );
  }
  const server = await startServer(config, logger, fixed ? () => new Date(fixed) : undefined);
  const where = config.databaseUrl.startsWith('file:') ? config.databaseUrl : new URL(config.databaseUrl).origin;
  logger.info('listening', { url: server.url, port: server.port, database: where });
  // Periodic mailbox sync (every FT_SYNC_INTERVAL_MINUTES, default 5) runs in this process.
  server.mailSync.scheduler.start();
  // Re-derivation after settings changes (and after an upgrade that stores facts differently).
  server.rederiver.start();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    // A hard deadline so a stuck connection cannot keep the process alive forever.
    const deadline = setTimeout(() => {
      logger.error('shutdown timed out', { signal });
      process.exit(1);
    }, 10_000);
    deadline.unref();
    server.close().then(
      () => {
        logger.info('stopped', { signal });
        process.exit(0);
      },
      (err: unknown) => {
        logger.error('shutdown failed', { error: String(err) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
