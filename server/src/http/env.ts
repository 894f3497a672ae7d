import type { Database } from '../db/client';
import type { ServerConfig } from '../config';
import type { AuthUser } from '../store/users';
import type { Logger } from './logger';
import type { MailSyncDeps } from '../sync/mail-sync';
import type { Rederiver } from '../store/rederive';
import type { StorageHealth } from './storage-health';
import type { RateLimitStore } from './rate-limit';
import type { InFlight } from './in-flight';
import type { TokenUsers } from '../store/token-users';

/** What createApp needs: passed in, never read from globals, so tests give a temp database and a fixed clock. */
export interface AppDeps {
  database: Database;
  clock: () => Date;
  logger: Logger;
  config: Pick<ServerConfig, 'corsOrigins' | 'bodyLimitBytes' | 'rateLimit'> & Partial<Pick<ServerConfig, 'corsExtensions' | 'requestsPerUserAtOnce'>>;
  /** Mailbox connect / accounts routes and periodic sync (issue 4); absent = those routes answer 400. */
  mailSync?: MailSyncDeps;
  /** Background re-derivation after a settings change (store/rederive.ts); kicked when settings change. */
  rederiver?: Rederiver;
  /** Rate-limit buckets of this app (createApp makes them when absent). */
  rateLimits?: RateLimitStore;
  /** Whether this process's database writes work (createApp makes one when absent). */
  storageHealth?: StorageHealth;
  /** Who each token names, remembered while the database is unchanged (createApp makes it when absent). */
  tokenUsers?: TokenUsers;
  /** The requests being handled, for a shutdown that waits for them (createApp makes it when absent). */
  inFlight?: InFlight;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    /** Set by the auth middleware on /v1 routes. */
    user: AuthUser;
  };
}
