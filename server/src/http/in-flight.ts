import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env';

/** The requests this app is handling, and a way to wait until there are none. */
export interface InFlight {
  /** Counts every request from its start to its end, whether or not its client is still there. */
  readonly track: ReturnType<typeof createMiddleware<AppEnv>>;
  /** Settles once no request is being handled (at once if none is). */
  idle(): Promise<void>;
}

/**
 * Shutdown closes the database once no request is being handled. Waiting for the server's connections is
 * not enough: a client that gives up (a closed sidebar, a load generator stopping, an import cut off) closes
 * its connection while its request still runs, queued for a turn or inside a write, and the database closed
 * under it (at the end of a 50-connection run, eight requests failed with "the database connection is not
 * open"; an import of 5,000 messages whose client left kept only the 1,000 it had committed).
 */
export function createInFlight(): InFlight {
  let handling = 0;
  const waiting: (() => void)[] = [];
  return {
    track: createMiddleware<AppEnv>(async (_c, next) => {
      handling++;
      try {
        await next();
      } finally {
        handling--;
        if (handling === 0) for (const settle of waiting.splice(0)) settle();
      }
    }),
    idle: () => (handling === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))),
  };
}
