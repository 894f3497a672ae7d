import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createDb, migrate, type Database } from '../../src/db/index';
import { createUser } from '../../src/store/users';
import { createTokenCipher, type TokenCipher } from '../../src/crypto/token-cipher';
import type { ConnectorConfig } from '../../src/sync/provider-factory';
import { startGmailStandIn, type GmailStandIn } from '../stand-ins/gmail-stand-in';
import { startGraphStandIn, type GraphStandIn } from '../stand-ins/graph-stand-in';

/** A temp-file libSQL database, a user, both stand-ins and a connector config pointing at them. */
export interface SyncHarness {
  dir: string;
  dbUrl: string;
  database: Database;
  userId: string;
  apiToken: string;
  key: Buffer;
  cipher: TokenCipher;
  gmail: GmailStandIn;
  graph: GraphStandIn;
  config: ConnectorConfig;
  /** The same settings as environment variables, for child processes. */
  env: Record<string, string>;
  messageCount(): Promise<number>;
  close(): Promise<void>;
}

export async function startSyncHarness(email: string, options: { gmailQuota?: number } = {}): Promise<SyncHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'ft-sync-'));
  const dbUrl = `file:${join(dir, 'ft.db')}`;
  const database = await createDb(dbUrl);
  await migrate(database);
  const { userId, token } = await createUser(database.db, { email, now: new Date() });
  const key = randomBytes(32);
  const gmail = await startGmailStandIn({ quotaPerSecond: options.gmailQuota ?? 250 });
  const graph = await startGraphStandIn();
  const config: ConnectorConfig = {
    endpoints: {
      gmailApiUrl: `${gmail.url}/`,
      googleAuthUrl: `${gmail.url}/o/oauth2/v2/auth`,
      googleTokenUrl: `${gmail.url}/token`,
      graphUrl: graph.url,
      msLoginUrl: graph.url,
      msTenant: 'common',
    },
    clients: {
      google: { clientId: gmail.oauth.clientId, clientSecret: gmail.oauth.clientSecret },
      microsoft: { clientId: graph.oauth.clientId, clientSecret: graph.oauth.clientSecret },
    },
    gmailUnitsPerSecond: options.gmailQuota ?? 250,
    fullSyncDays: 180,
    backoff: { baseMs: 20 },
  };
  const env = {
    DATABASE_URL: dbUrl,
    FT_ENCRYPTION_KEY: key.toString('base64'),
    FT_GMAIL_API_URL: `${gmail.url}/`,
    FT_GOOGLE_AUTH_URL: `${gmail.url}/o/oauth2/v2/auth`,
    FT_GOOGLE_TOKEN_URL: `${gmail.url}/token`,
    FT_GRAPH_URL: graph.url,
    FT_MS_LOGIN_URL: graph.url,
    FT_GOOGLE_CLIENT_ID: gmail.oauth.clientId,
    FT_GOOGLE_CLIENT_SECRET: gmail.oauth.clientSecret,
    FT_MS_CLIENT_ID: graph.oauth.clientId,
    FT_MS_CLIENT_SECRET: graph.oauth.clientSecret,
    FT_GMAIL_UNITS_PER_SECOND: String(options.gmailQuota ?? 250),
  };
  return {
    dir,
    dbUrl,
    database,
    userId,
    apiToken: token,
    key,
    cipher: createTokenCipher(key),
    gmail,
    graph,
    config,
    env,
    async messageCount() {
      const r = await database.client.execute({ sql: 'SELECT count(*) AS n FROM messages WHERE user_id = ?', args: [userId] });
      return Number(r.rows[0]!.n);
    },
    async close() {
      await gmail.close();
      await graph.close();
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
