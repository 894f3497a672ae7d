import { createTokenCipherFromEnv, type TokenCipher } from '../crypto/token-cipher';
import type { Database } from '../db/client';
import type { Logger } from '../http/logger';
import { createAccountSyncer, type AccountSyncer } from './account-syncer';
import { loadConnectorConfig } from './connector-config';
import type { ConnectorConfig } from './provider-factory';
import { createSyncScheduler, type SyncScheduler } from './sync-scheduler';

/**
 * What the API's connect / accounts routes and main.ts need from mailbox sync: passed to createApp as
 * `deps.mailSync`, built once at start (never at import time).
 */
export interface MailSyncDeps {
  /** Null when FT_ENCRYPTION_KEY is unset: connecting then answers with the message saying so. */
  cipher: TokenCipher | null;
  connectors: ConnectorConfig;
  syncer: AccountSyncer;
  scheduler: SyncScheduler;
  /** Base URL the providers redirect back to (FT_PUBLIC_URL); default: the origin of the connect request. */
  publicUrl?: string;
}

export function createMailSync(input: {
  database: Database;
  clock: () => Date;
  env?: Record<string, string | undefined>;
  /** Overrides for tests: a fixed config instead of the environment's. */
  connectors?: ConnectorConfig;
  cipher?: TokenCipher | null;
  intervalMs?: number;
  /** Where skipped messages are logged (provider id and reason code, never content). */
  logger?: Logger;
}): MailSyncDeps {
  const env = input.env ?? process.env;
  const cipher = input.cipher !== undefined ? input.cipher : createTokenCipherFromEnv(env);
  const connectors = input.connectors ?? loadConnectorConfig(env);
  const syncer = createAccountSyncer({ database: input.database, cipher, config: connectors, clock: input.clock, ...(input.logger ? { logger: input.logger } : {}) });
  const minutes = env.FT_SYNC_INTERVAL_MINUTES?.trim();
  const intervalMs = input.intervalMs ?? (minutes ? Number(minutes) * 60_000 : undefined);
  if (intervalMs !== undefined && (!Number.isFinite(intervalMs) || intervalMs <= 0)) {
    throw new Error(`FT_SYNC_INTERVAL_MINUTES: expected a positive number, got "${minutes}"`);
  }
  const scheduler = createSyncScheduler({ database: input.database, syncer, clock: input.clock, ...(intervalMs ? { intervalMs } : {}) });
  return { cipher, connectors, syncer, scheduler, ...(env.FT_PUBLIC_URL?.trim() ? { publicUrl: env.FT_PUBLIC_URL.trim().replace(/\/+$/, '') } : {}) };
}
