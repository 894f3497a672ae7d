import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { createInFlight } from './http/in-flight';
import type { ServerConfig } from './config';
import { createDb, migrate, type Database } from './db/index';
import type { Logger } from './http/logger';
import { createMailSync, type MailSyncDeps } from './sync/mail-sync';
import { createRederiver, type Rederiver } from './store/rederive';

export interface RunningServer {
  url: string;
  port: number;
  database: Database;
  /** Mailbox sync (issue 4): main.ts starts its periodic scheduler. */
  mailSync: MailSyncDeps;
  /** Background re-derivation after settings changes: main.ts starts it. */
  rederiver: Rederiver;
  /** Stops accepting connections, lets in-flight requests finish (those whose client left too), closes the database. */
  close(): Promise<void>;
}

/** How long an idle keep-alive connection stays open. */
export const KEEP_ALIVE_MS = 65_000;

/** Opens and migrates the database, then serves the API. Used by main.ts, the tests and the benchmark. */
export async function startServer(config: ServerConfig, logger: Logger, clock: () => Date = () => new Date()): Promise<RunningServer> {
  const database = await createDb(config.databaseUrl, config.databaseAuthToken, { checkpointInBackground: true });
  await migrate(database);
  const mailSync = createMailSync({ database, clock, logger });
  const rederiver = createRederiver({ database, logger, clock });
  const inFlight = createInFlight();
  const app = createApp({ database, clock, logger, config, mailSync, rederiver, inFlight });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
  });
  if ('keepAliveTimeout' in server) {
    // Node closes an idle keep-alive connection after 5 s. A client whose own idle timer runs late (a busy
    // machine: undici reuses a socket until the server's advertised timeout less a second) sends its next
    // request on a socket the server is closing, and gets ECONNRESET (seen in the CLI/server parity test on a
    // loaded machine, between requests several seconds apart). 65 s also outlasts the 60 s idle timeout of
    // common load balancers, which must close first. headersTimeout stays above it, as Node requires.
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    port,
    database,
    mailSync,
    rederiver,
    close: () =>
      Promise.all([mailSync.scheduler.stop(), rederiver.stop()]).then(() => new Promise<void>((resolve, reject) => {
        // closeIdleConnections: keep-alive sockets would otherwise hold close() open for their timeout.
        server.close((err) => {
          // Every connection has ended, but a request whose client left may still be running.
          void inFlight
            .idle()
            .then(() => {
              database.close();
              return database.whenClosed();
            })
            .then(() => (err ? reject(err) : resolve()));
        });
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      })),
  };
}
