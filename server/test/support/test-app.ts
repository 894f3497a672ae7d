import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, type AppDeps } from '../../src/app';
import { defaultConfig } from '../../src/config';
import type { Database } from '../../src/db/index';
import { createMemoryLogger } from '../../src/http/logger';
import { createUser } from '../../src/store/users';
import { createRederiver } from '../../src/store/rederive';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  logger: ReturnType<typeof createMemoryLogger>;
  /** The clock the app reads; tests move it. */
  setNow(iso: string): void;
  addUser(email: string): Promise<Client>;
}

export interface ApiResponse<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  status: number;
  body: T;
  headers: Headers;
}

export interface Client {
  token: string;
  email: string;
  get<T = any>(path: string): Promise<ApiResponse<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  send<T = any>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** createApp with a temp database, a settable clock and a memory logger: what every route test starts from. */
export function createTestApp(database: Database, options: { now?: string; config?: Partial<AppDeps['config']> } = {}): TestApp {
  let now = new Date(options.now ?? '2026-11-23T09:00:00Z');
  const logger = createMemoryLogger();
  const clock = () => new Date(now);
  const deps: AppDeps = {
    database,
    clock,
    logger,
    // A generous rate limit unless a test is about the limit.
    config: { ...defaultConfig, rateLimit: { burst: 10_000, perSecond: 10_000 }, ...options.config },
    // Not started: a settings change kicks it, and tests wait for it with rederiver.idle().
    rederiver: createRederiver({ database, logger, clock }),
  };
  const app = createApp(deps);
  const call = async (token: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const res = await app.request(path, init);
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };
  return {
    app,
    deps,
    logger,
    setNow: (iso) => {
      now = new Date(iso);
    },
    addUser: async (email) => {
      const { token } = await createUser(database.db, { email, now });
      return {
        token,
        email,
        get: (path) => call(token, 'GET', path),
        send: (method, path, body) => call(token, method, path, body),
      };
    },
  };
}

export async function putSettings(client: Client, overrides: Record<string, unknown> = {}): Promise<void> {
  const res = await client.send('PUT', '/v1/me/settings', {
    addresses: [client.email],
    timeZone: 'Europe/Berlin',
    workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
    ...overrides,
  });
  if (res.status !== 200) throw new Error(`settings: ${res.status} ${JSON.stringify(res.body)}`);
}

/** The app served over real HTTP on loopback (an ephemeral port), for tests about what happens between requests. */
export async function serveOnLoopback(app: TestApp['app']): Promise<{ base: string; close(): Promise<void> }> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
