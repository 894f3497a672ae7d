import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { UnofficialStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './env';

/** nginx's "client closed request": logged for a request whose client left while it waited its turn. */
const CLIENT_CLOSED_REQUEST = 499 as UnofficialStatusCode;

/** A user's requests being served now, and those waiting for a turn (in arrival order). */
interface Turns {
  serving: number;
  waiting: (() => void)[];
}

/**
 * Each user's requests take turns: at most `perUser` of one user's requests are served at once by this
 * process; the others wait, before doing any work, until one of them finishes.
 *
 * Why: a request's work (its SQL on the read connection, the figures) runs on the event loop, and the
 * loop starts requests in the order their bytes arrive. A burst from one user (the 120 requests the rate
 * limit allows at once, a client retrying in a loop, 50 connections in the real-size bench) was served
 * whole before anyone else's next request: another user's GET /v1/me waited 654 ms behind one user's
 * reminders. With turns, it waits for the few requests of that user being served.
 *
 * A finished request hands its turn to the next waiter through setImmediate, not at once: the loop first
 * reads the sockets that became readable meanwhile, so other users' requests start in between. A request
 * whose client went away while it waited (a sidebar closed, a client that gave up and retried) is not
 * served when its turn comes: the turn passes on.
 */
export function userTurns(perUser: number) {
  return takeTurns(perUser, (c) => c.get('user').id);
}

/**
 * Ingest (POST /v1/messages) takes turns across the whole process, one request at a time. Its writes are
 * one at a time anyway (one write lock); two batches at once only interleave their work on the event loop
 * and hold two parsed bodies in memory. At real size a client keeping two batches in flight gained at most
 * 5% over one at a time (bench/suites/real-size.ts), and other users' requests queue behind whatever the
 * loop has to do. A waiting batch is not read or parsed until its turn.
 */
export function ingestTurns() {
  return takeTurns(1, () => 'ingest');
}

/**
 * Whether the request's client has gone. Over Node's HTTP server (@hono/node-server) its socket says so;
 * the request's `signal` would say the same, but it is made on first use, an AbortController for every
 * request that waited (1.4% of the event loop's time under 50 connections of one user).
 */
function clientLeft(c: Context<AppEnv>): boolean {
  const socket = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket;
  return socket ? socket.destroyed : c.req.raw.signal.aborted;
}

/** At most `perKey` requests of a key served at once by this process; the others wait their turn, in arrival order. */
function takeTurns(perKey: number, keyOf: (c: Context<AppEnv>) => string) {
  const byKey = new Map<string, Turns>();

  const release = (key: string, turns: Turns) => {
    const next = turns.waiting.shift();
    if (next) {
      // The turn passes on, so `serving` stays as it is.
      setImmediate(next);
      return;
    }
    turns.serving--;
    if (turns.serving === 0) byKey.delete(key);
  };

  return createMiddleware<AppEnv>(async (c, next) => {
    const key = keyOf(c);
    let turns = byKey.get(key);
    if (!turns) {
      turns = { serving: 0, waiting: [] };
      byKey.set(key, turns);
    }
    const waits = turns.serving >= perKey;
    if (waits) await new Promise<void>((resolve) => turns.waiting.push(resolve));
    else turns.serving++;
    try {
      if (waits && clientLeft(c)) return c.body(null, CLIENT_CLOSED_REQUEST);
      await next();
    } finally {
      release(key, turns);
    }
  });
}
