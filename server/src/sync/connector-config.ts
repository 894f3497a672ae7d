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
 * FT_SYNC_FULL_DAYS (how far back a first sync reaches, 180).
 */
export function loadConnectorConfig(env: Record<string, string | undefined> = process.env): ConnectorConfig {
  return {
    endpoints: loadProviderEndpoints(env),
    clients: loadOAuthClients(env),
    gmailUnitsPerSecond: positiveNumber(env, 'FT_GMAIL_UNITS_PER_SECOND', 250),
    fullSyncDays: positiveNumber(env, 'FT_SYNC_FULL_DAYS', defaultFullSyncDays),
  };
}
