import type { UserSettingsInput } from '@followthrough/shared/contract';
import { OWNER, TIME_ZONE, WORKING_HOURS } from '../fixtures/client-threads';
import { createMailSites } from '../fixtures/mail-sites';
import type { FixtureMailbox } from '../fixtures/mail-thread';
import { toNormalizedMessages } from '../fixtures/normalized';
import { createApiClient, type ApiClient } from './api-client';
import { startApiServer, type ApiServer } from './api-server';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { MAIL_HOSTS } from './mail-origins';
import { createSelfSignedCertificate } from './tls-certificate';

/** Everything a scenario needs besides the browser: mail origins, a real server, a user who owns the mailbox. */
export interface E2eWorld {
  mailbox: FixtureMailbox;
  fixtures: FixtureServer;
  api: ApiServer;
  token: string;
  client: ApiClient;
  /** Replaces the mailbox the fixture pages render (next page load). */
  setMailbox(next: FixtureMailbox): void;
  /** Sends threads' messages to POST /v1/messages, as the mailbox sync would have. */
  ingest(mailbox: FixtureMailbox): Promise<void>;
  dispose(): Promise<void>;
}

export interface E2eWorldOptions {
  /** Push the mailbox to the server at start (mailbox-wide history); false = the server knows nothing yet. */
  ingest?: boolean;
  /** More environment for the API server (provider stand-ins, FT_ENCRYPTION_KEY). */
  serverEnv?: Record<string, string>;
}

export async function createE2eWorld(mailbox: FixtureMailbox, options: E2eWorldOptions = {}): Promise<E2eWorld> {
  let current = mailbox;
  const fixtures = await startFixtureServer(createSelfSignedCertificate(MAIL_HOSTS), () => undefined);
  fixtures.setHandler(createMailSites(() => current));
  let api: ApiServer | undefined;
  try {
    api = await startApiServer(options.serverEnv ? { env: options.serverEnv } : {});
    const token = await api.addUser(OWNER.address);
    const client = createApiClient(api.url, token);
    const settings: UserSettingsInput = {
      addresses: [OWNER.address],
      timeZone: TIME_ZONE,
      workingHours: WORKING_HOURS,
      defaultCadenceDays: 14,
    };
    await client.send('PUT', '/v1/me/settings', settings);
    const ingest = async (box: FixtureMailbox): Promise<void> => {
      const messages = box.threads.flatMap(toNormalizedMessages);
      if (messages.length > 0) await client.send('POST', '/v1/messages', { messages });
    };
    if (options.ingest !== false) await ingest(mailbox);
    const started = api;
    return {
      get mailbox() {
        return current;
      },
      fixtures,
      api: started,
      token,
      client,
      setMailbox(next) {
        current = next;
      },
      ingest,
      async dispose() {
        await started.dispose();
        await fixtures.close();
      },
    };
  } catch (error) {
    // The server's own log says why a request failed (a 500 body only carries a request id).
    const serverLog = api?.log().split('\n').slice(-40).join('\n') ?? '';
    await api?.dispose();
    await fixtures.close();
    throw new Error(`${(error as Error).message}\n--- API server log (last lines) ---\n${serverLog}`, { cause: error });
  }
}
