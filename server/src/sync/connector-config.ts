import { loadOAuthClients, loadProviderEndpoints } from '../connectors/oauth/oauth-endpoints';
import { defaultFullSyncDays } from '../connectors/mail-provider';
import type { ConnectorConfig } from './provider-factory';

function positiveNumber(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}: expected a positive number, got "${raw}"`);
  return value;
}

/**
 * The connectors' configuration from the environment, read once at start: provider URLs, OAuth clients,
 * FT_GMAIL_UNITS_PER_SECOND (Gmail's per-user quota, 250; only a stand-in would differ) and
 * FT_SYNC_FULL_DAYS (how far back a first sync reaches, 180), FT_SYNC_PAGE_SIZE (messages per committed
 * page; default 500 for Gmail, 100 for Graph: smaller pages commit more often, larger ones cost fewer calls).
 */
export function loadConnectorConfig(env: Record<string, string | undefined> = process.env): ConnectorConfig {
  return {
    endpoints: loadProviderEndpoints(env),
    clients: loadOAuthClients(env),
    gmailUnitsPerSecond: positiveNumber(env, 'FT_GMAIL_UNITS_PER_SECOND', 250),
    fullSyncDays: positiveNumber(env, 'FT_SYNC_FULL_DAYS', defaultFullSyncDays),
    ...(env.FT_SYNC_PAGE_SIZE?.trim()
      ? { gmailPageSize: Math.min(500, positiveNumber(env, 'FT_SYNC_PAGE_SIZE', 500)), graphPageSize: Math.min(1000, positiveNumber(env, 'FT_SYNC_PAGE_SIZE', 100)) }
      : {}),
  };
}
