import { createGmailProvider, createGoogleAuth } from '../connectors/gmail/gmail-provider';
import type { MailProviderName } from '@followthrough/shared/contract';
import type { MailProvider } from '../connectors/mail-provider';
import { createGraphProvider } from '../connectors/microsoft/graph-provider';
import { createMicrosoftTokenSource, microsoftTokenUrl } from '../connectors/oauth/microsoft-token-source';
import { scopes, type OAuthClientCredentials, type ProviderEndpoints } from '../connectors/oauth/oauth-endpoints';
import type { BackoffOptions } from './backoff';
import type { AccountRow } from './account-store';
import { createQuotaLimiter, type QuotaLimiter } from './quota-limiter';

/** Everything a sync needs to reach the providers, built once at start from the environment. */
export interface ConnectorConfig {
  endpoints: ProviderEndpoints;
  clients: OAuthClientCredentials;
  /** Gmail's per-user quota in units per second (250; the stand-in benchmark scales it). */
  gmailUnitsPerSecond: number;
  fullSyncDays: number;
  backoff?: BackoffOptions;
  gmailPageSize?: number;
  graphPageSize?: number;
}

/** One limiter per mailbox per process: every pass for that mailbox shares the same quota window. */
const limiters = new Map<string, QuotaLimiter>();
function limiterFor(accountId: string, unitsPerSecond: number): QuotaLimiter {
  let limiter = limiters.get(accountId);
  if (!limiter || limiter.unitsPerSecond !== unitsPerSecond) {
    limiter = createQuotaLimiter({ unitsPerSecond });
    limiters.set(accountId, limiter);
  }
  return limiter;
}

export class MissingClientError extends Error {
  constructor(provider: MailProviderName) {
    const vars = provider === 'google' ? 'FT_GOOGLE_CLIENT_ID and FT_GOOGLE_CLIENT_SECRET' : 'FT_MS_CLIENT_ID and FT_MS_CLIENT_SECRET';
    super(`${provider} is not configured: set ${vars} (see the README, "Connecting a mailbox")`);
    this.name = 'MissingClientError';
  }
}

export function createProviderFor(
  account: AccountRow,
  refreshToken: string,
  config: ConnectorConfig,
  options: { fullSyncSince: Date; onRefreshTokenRotated: (token: string) => Promise<void> },
): MailProvider {
  const bodies = account.access === 'bodies';
  if (account.provider === 'google') {
    const client = config.clients.google;
    if (!client) throw new MissingClientError('google');
    const auth = createGoogleAuth({ ...client, tokenUrl: config.endpoints.googleTokenUrl, refreshToken });
    return createGmailProvider({
      auth,
      rootUrl: config.endpoints.gmailApiUrl,
      limiter: limiterFor(account.id, config.gmailUnitsPerSecond),
      fullSyncSince: options.fullSyncSince,
      bodies,
      backoff: config.backoff,
      pageSize: config.gmailPageSize,
    });
  }
  const client = config.clients.microsoft;
  if (!client) throw new MissingClientError('microsoft');
  const tokens = createMicrosoftTokenSource({
    tokenUrl: microsoftTokenUrl(config.endpoints.msLoginUrl, config.endpoints.msTenant),
    ...client,
    refreshToken,
    scopes: bodies ? scopes.microsoft.bodies : scopes.microsoft.metadata,
    onRotate: options.onRefreshTokenRotated,
  });
  return createGraphProvider({
    tokens,
    graphUrl: config.endpoints.graphUrl,
    fullSyncSince: options.fullSyncSince,
    bodies,
    backoff: config.backoff,
    pageSize: config.graphPageSize,
  });
}
