import type { Database } from '../db/client';
import type { ServerConfig } from '../config';
import type { AuthUser } from '../store/users';
import type { Logger } from './logger';

/** What createApp needs: passed in, never read from globals, so tests give a temp database and a fixed clock. */
export interface AppDeps {
  database: Database;
  clock: () => Date;
  logger: Logger;
  config: Pick<ServerConfig, 'corsOrigins' | 'bodyLimitBytes' | 'rateLimit'>;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    /** Set by the auth middleware on /v1 routes. */
    user: AuthUser;
  };
}
