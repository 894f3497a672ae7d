import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * The plumbing every provider stand-in shares: a loopback HTTP server on a random port, JSON helpers,
 * injectable faults and added latency, and a request log the tests and the benchmark read.
 */
export type FaultKind = 'status-500' | 'status-503' | 'status-429' | 'timeout' | 'drop' | 'rate-403';

export interface Fault {
  /** Only requests whose path (with query) matches are hit; default all. */
  match?: RegExp;
  kind: FaultKind;
  /** How many matching requests to hit (default 1). */
  times?: number;
  /** Seconds sent as Retry-After for 429 / 503 faults. */
  retryAfter?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  at: number;
}

export interface StandInHttp {
  readonly url: string;
  readonly log: LoggedRequest[];
  injectFault(fault: Fault): void;
  /** Added latency per request, in ms (used to slow a sync down enough to kill it mid-way). */
  setLatency(ms: number): void;
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, body: Buffer, url: URL) => Promise<HttpAnswer>;

export interface HttpAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Raw text body (e.g. the OAuth redirect or a multipart answer); wins over `body`. */
  raw?: string;
}

/** What a fault answers with, in the provider's own error style. */
export type FaultBody = (kind: 'status-500' | 'status-503' | 'status-429' | 'rate-403') => unknown;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpAnswer {
  return { status, body, headers };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startStandInHttp(handler: Handler, faultBody: FaultBody): Promise<StandInHttp> {
  const faults: (Fault & { left: number })[] = [];
  const log: LoggedRequest[] = [];
  const sockets = new Set<Socket>();
  let latency = 0;

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = await readBody(req);
      if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
      const pathWithQuery = url.pathname + url.search;
      const fault = faults.find((f) => f.left > 0 && (!f.match || f.match.test(pathWithQuery)));
      if (fault) {
        fault.left--;
        log.push({ method: req.method ?? 'GET', path: pathWithQuery, status: 0, at: Date.now() });
        if (fault.kind === 'drop') {
          req.socket.destroy();
          return;
        }
        if (fault.kind === 'timeout') {
          // Never answer; the client's timeout (or the test's end) closes the socket.
          return;
        }
        const status = fault.kind === 'status-500' ? 500 : fault.kind === 'status-503' ? 503 : fault.kind === 'status-429' ? 429 : 403;
        const headers: Record<string, string> = { 'content-type': 'application/json; charset=UTF-8' };
        if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
        log[log.length - 1]!.status = status;
        res.writeHead(status, headers).end(JSON.stringify(faultBody(fault.kind)));
        return;
      }
      let answer: HttpAnswer;
      try {
        answer = await handler(req, body, url);
      } catch (error) {
        answer = json(500, { error: { code: 500, message: `stand-in failure: ${String(error)}` } });
      }
      log.push({ method: req.method ?? 'GET', path: pathWithQuery, status: answer.status, at: Date.now() });
      if (answer.raw !== undefined) {
        res.writeHead(answer.status, answer.headers ?? {}).end(answer.raw);
      } else {
        res
          .writeHead(answer.status, { 'content-type': 'application/json; charset=UTF-8', ...(answer.headers ?? {}) })
          .end(answer.body === undefined ? '' : JSON.stringify(answer.body));
      }
    })();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    injectFault(fault) {
      faults.push({ ...fault, left: fault.times ?? 1 });
    },
    setLatency(ms) {
      latency = ms;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Sliding one-second window of quota units per user, as the providers describe their per-user limits. */
export function createUnitMeter(limitPerSecond: () => number) {
  const windows = new Map<string, { at: number; units: number }[]>();
  let peak = 0;
  return {
    /** Records the spend and returns true, or returns false (nothing recorded) when it would exceed the limit. */
    spend(user: string, units: number, now: number = performance.now()): boolean {
      const entries = windows.get(user) ?? [];
      while (entries.length > 0 && entries[0]!.at <= now - 1000) entries.shift();
      const used = entries.reduce((sum, e) => sum + e.units, 0);
      if (used + units > limitPerSecond()) return false;
      entries.push({ at: now, units });
      windows.set(user, entries);
      peak = Math.max(peak, used + units);
      return true;
    },
    get peak() {
      return peak;
    },
  };
}
