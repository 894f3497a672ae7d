import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGmailProvider, createGoogleAuth } from '../../src/connectors/gmail/gmail-provider';
import type { MailProvider, SyncPage } from '../../src/connectors/mail-provider';
import { ConnectorError } from '../../src/connectors/connector-error';
import { createQuotaLimiter } from '../../src/sync/quota-limiter';
import { startGmailStandIn, type GmailStandIn } from '../stand-ins/gmail-stand-in';
import { conversation, generateMailbox, me } from '../stand-ins/mailbox-fixture';

const now = Date.parse('2026-03-10T12:00:00Z');

async function drain(provider: MailProvider, cursor: string | null): Promise<{ pages: SyncPage[]; cursor: string }> {
  const pages: SyncPage[] = [];
  let next = cursor;
  for (let i = 0; i < 100; i++) {
    const page = await provider.getSyncPage(next);
    pages.push(page);
    next = page.nextCursor;
    if (page.done) return { pages, cursor: next };
  }
  throw new Error('sync never finished');
}

describe('Gmail provider against the Gmail stand-in (real @googleapis/gmail over HTTP)', () => {
  let stand: GmailStandIn;
  let provider: MailProvider;

  beforeAll(async () => {
    stand = await startGmailStandIn();
    stand.addMailbox(me);
    for (const mail of generateMailbox(30, now, 60)) stand.addMessage(me, mail);
    const refreshToken = stand.oauth.issueRefreshToken(me);
    const auth = createGoogleAuth({ clientId: stand.oauth.clientId, clientSecret: stand.oauth.clientSecret, tokenUrl: `${stand.url}/token`, refreshToken });
    provider = createGmailProvider({
      auth,
      rootUrl: `${stand.url}/`,
      limiter: createQuotaLimiter({ unitsPerSecond: 250 }),
      fullSyncSince: new Date(now - 180 * 86_400_000),
      bodies: true,
      pageSize: 8,
      backoff: { baseMs: 5 },
    });
  });
  afterAll(() => stand.close());

  it('lists every message once in a full sync, then only the changes', async () => {
    const full = await drain(provider, null);
    const ids = full.pages.flatMap((p) => p.upserted.map((u) => u.message.id));
    expect(new Set(ids).size).toBe(30);
    expect(ids.length).toBe(30);
    const reply = full.pages.flatMap((p) => p.upserted).find((u) => u.message.id === 'reply-0@mail.gmail.com')!;
    expect(reply.message.text).toContain("I'll send you the revised Q3 rollout plan by Wednesday EOD.");
    expect(reply.message.inReplyTo).toBe('ask-0@mail.contoso-retail.com');
    expect(reply.message.date).toMatch(/\+00:00$|Z$/);
    expect(stand.oauth.stats.refreshes).toBe(1);

    // A new conversation arrives, one message is read (label change) and one is deleted.
    const added = conversation(500, now - 3_600_000).map((m) => stand.addMessage(me, m));
    const someId = stand.messageIds(me)[0]!;
    stand.modifyLabels(me, someId, [], ['UNREAD']);
    const victim = stand.messageIds(me)[1]!;
    stand.deleteMessage(me, victim);
    const inc = await drain(provider, full.cursor);
    const upserted = inc.pages.flatMap((p) => p.upserted.map((u) => u.providerId));
    expect(upserted.sort()).toEqual([...added].sort());
    expect(inc.pages.flatMap((p) => p.deletedIds)).toEqual([victim]);
    expect(inc.pages.every((p) => !p.reset)).toBe(true);

    // Nothing changed: an empty, caught-up page.
    const idle = await provider.getSyncPage(inc.cursor);
    expect(idle).toMatchObject({ upserted: [], deletedIds: [], done: true, reset: false });
  });

  it('answers an expired history id with a reset full sync', async () => {
    const full = await drain(provider, null);
    // A week passes: mail arrives and Google drops the history the cursor points into.
    conversation(600, now - 600_000).forEach((m) => stand.addMessage(me, m));
    stand.expireHistory(me);
    const again = await drain(provider, full.cursor);
    expect(again.pages[0]!.reset).toBe(true);
    expect(new Set(again.pages.flatMap((p) => p.upserted.map((u) => u.providerId))).size).toBe(stand.messageIds(me).length);
  });

  it('turns a hung request into a retry (client timeout), not a stuck sync', async () => {
    const impatient = createGmailProvider({
      auth: createGoogleAuth({ clientId: stand.oauth.clientId, clientSecret: stand.oauth.clientSecret, tokenUrl: `${stand.url}/token`, refreshToken: stand.oauth.issueRefreshToken(me) }),
      rootUrl: `${stand.url}/`,
      limiter: createQuotaLimiter({ unitsPerSecond: 250 }),
      fullSyncSince: new Date(now - 180 * 86_400_000),
      bodies: false,
      pageSize: 8,
      timeoutMs: 400,
      backoff: { baseMs: 5 },
    });
    stand.http.injectFault({ match: /\/batch\/gmail|\/messages/, kind: 'timeout', times: 2 });
    const full = await drain(impatient, null);
    expect(new Set(full.pages.flatMap((p) => p.upserted.map((u) => u.providerId))).size).toBe(stand.messageIds(me).length);
  });

  it('retries 5xx, dropped connections and 403 userRateLimitExceeded, refreshes an expired token, and gives AUTH_REVOKED for a revoked grant', async () => {
    stand.http.injectFault({ match: /\/messages\//, kind: 'status-503', times: 2 });
    stand.http.injectFault({ match: /\/messages\//, kind: 'drop', times: 1 });
    stand.http.injectFault({ match: /\/messages\//, kind: 'rate-403', times: 1 });
    const full = await drain(provider, null);
    expect(new Set(full.pages.flatMap((p) => p.upserted.map((u) => u.providerId))).size).toBe(stand.messageIds(me).length);

    // Access token revoked early on the server side: google-auth-library refreshes on the 401 and retries.
    stand.oauth.expireAccessTokens();
    const refreshesBefore = stand.oauth.stats.refreshes;
    const afterExpiry = await drain(provider, full.cursor);
    expect(afterExpiry.pages.at(-1)!.done).toBe(true);
    expect(stand.oauth.stats.refreshes).toBe(refreshesBefore + 1);

    stand.oauth.revoke(me);
    const error = await provider.getSyncPage(full.cursor).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).code).toBe('AUTH_REVOKED');
  });
});
