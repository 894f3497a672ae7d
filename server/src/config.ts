import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isExtensionOrigin, type ExtensionCorsPolicy } from './http/middleware';

/** The server package folder: the default database lives in its data/ folder, wherever `pnpm start` runs. */
const serverRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface ServerConfig {
  host: string;
  port: number;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  /** Origins allowed besides the published extension ids (FT_CORS_ORIGINS, comma-separated). */
  corsOrigins: string[];
  /** Which extension origins pass CORS (FT_CORS_EXTENSIONS: installed | configured; see http/middleware.ts). */
  corsExtensions: ExtensionCorsPolicy;
  /** Largest request body in bytes (FT_BODY_LIMIT_BYTES). */
  bodyLimitBytes: number;
  /** Token bucket per API token: burst size and refill per second (FT_RATE_LIMIT_BURST, FT_RATE_LIMIT_PER_SECOND). */
  rateLimit: { burst: number; perSecond: number };
  /**
   * One user's requests served at once by a process (FT_REQUESTS_PER_USER_AT_ONCE); the user's others wait
   * their turn, so a burst from one user does not put everyone else behind it (http/user-turns.ts).
   */
  requestsPerUserAtOnce: number;
  /**
   * Serve every figure as of this instant instead of the wall clock (FT_NOW, ISO 8601): reproducible
   * answers for tests, demos, and support looking at what a user saw. Unset in production.
   */
  fixedNow?: string;
  /**
   * API processes serving the port (FT_WORKERS, default 1). Above 1 the started process migrates the
   * database, then runs that many workers (node:cluster) that share the port; each serves requests and
   * runs the sync scheduler and re-derivation, which take leases in the database, so nothing runs twice.
   * Rate limits are kept per process: with N workers a token's budget is up to N times the setting.
   */
  workers: number;
  /**
   * Run the everyday routes once against a throwaway database before listening (warm-up.ts), so the first
   * requests after a start do not hold the event loop while their code compiles. FT_WARM_UP=0 skips it.
   */
  warmUp: boolean;
}

export const DEFAULT_DATABASE_URL = `file:${resolve(serverRoot, 'data/followthrough.db')}`;

export const defaultConfig: ServerConfig = {
  host: '127.0.0.1',
  port: 8787,
  databaseUrl: DEFAULT_DATABASE_URL,
  databaseAuthToken: undefined,
  corsOrigins: [],
  corsExtensions: 'installed',
  bodyLimitBytes: 16 * 1024 * 1024,
  rateLimit: { burst: 120, perSecond: 20 },
  requestsPerUserAtOnce: 4,
  workers: 1,
  warmUp: true,
};

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name}: expected an integer >= ${min}, got "${raw}"`);
  }
  return value;
}

function fixedNowFrom(env: NodeJS.ProcessEnv): { fixedNow?: string } {
  const raw = env.FT_NOW?.trim();
  if (!raw) return {};
  const ms = Date.parse(raw);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}T/.test(raw)) throw new Error(`FT_NOW: expected an ISO 8601 instant, got "${raw}"`);
  return { fixedNow: new Date(ms).toISOString() };
}

/**
 * FT_CORS_ORIGINS: each entry a whole origin. An extension origin needs its id (an empty
 * "chrome-extension://" would have allowed every extension); a web origin is scheme://host[:port].
 */
function corsOriginsFrom(raw: string | undefined): string[] {
  const origins = (raw ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of origins) {
    const extension = /^(chrome-extension|moz-extension):/.test(origin);
    const web = /^https?:\/\/[^/\s]+$/.test(origin);
    if (extension ? !isExtensionOrigin(origin) : !web) {
      throw new Error(
        `FT_CORS_ORIGINS: "${origin}" is not an origin (expected https://host[:port], chrome-extension://<32-letter id> or moz-extension://<uuid>)`,
      );
    }
  }
  return origins;
}

function corsExtensionsFrom(raw: string | undefined): ExtensionCorsPolicy {
  const value = raw?.trim() || 'installed';
  if (value !== 'installed' && value !== 'configured') throw new Error(`FT_CORS_EXTENSIONS: expected installed or configured, got "${raw}"`);
  return value;
}

/**
 * Reads the environment once, at start (never at import time). A relative `file:` DATABASE_URL is
 * resolved against the server package folder, so `pnpm start` from the repository root and from
 * server/ use the same file.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  let databaseUrl = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  if (databaseUrl.startsWith('file:') && !databaseUrl.startsWith('file:/')) {
    databaseUrl = `file:${resolve(serverRoot, databaseUrl.slice('file:'.length))}`;
  }
  return {
    host: env.HOST?.trim() || defaultConfig.host,
    port: intFrom(env, 'PORT', defaultConfig.port, 0),
    databaseUrl,
    databaseAuthToken: env.DATABASE_AUTH_TOKEN || undefined,
    corsOrigins: corsOriginsFrom(env.FT_CORS_ORIGINS),
    corsExtensions: corsExtensionsFrom(env.FT_CORS_EXTENSIONS),
    bodyLimitBytes: intFrom(env, 'FT_BODY_LIMIT_BYTES', defaultConfig.bodyLimitBytes, 1024),
    rateLimit: {
      burst: intFrom(env, 'FT_RATE_LIMIT_BURST', defaultConfig.rateLimit.burst, 1),
      perSecond: intFrom(env, 'FT_RATE_LIMIT_PER_SECOND', defaultConfig.rateLimit.perSecond, 1),
    },
    requestsPerUserAtOnce: intFrom(env, 'FT_REQUESTS_PER_USER_AT_ONCE', defaultConfig.requestsPerUserAtOnce, 1),
    workers: intFrom(env, 'FT_WORKERS', defaultConfig.workers, 1),
    warmUp: intFrom(env, 'FT_WARM_UP', 1, 0) !== 0,
    ...fixedNowFrom(env),
  };
}
