import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphProvider } from '../../src/connectors/microsoft/graph-provider';
import { createMicrosoftTokenSource, microsoftTokenUrl } from '../../src/connectors/oauth/microsoft-token-source';
import type { MailProvider, SyncPage } from '../../src/connectors/mail-provider';
import type { ConnectorError } from '../../src/connectors/connector-error';
import { startGraphStandIn, type GraphStandIn } from '../stand-ins/graph-stand-in';
import { conversation, generateMailbox, me } from '../stand-ins/mailbox-fixture';

const now = Date.parse('2026-03-10T12:00:00Z');

async function drain(provider: MailProvider, cursor: string | null): Promise<{ pages: SyncPage[]; cursor: string }> {
  const pages: SyncPage[] = [];
  let next = cursor;
  for (let i = 0; i < 200; i++) {
    const page = await provider.getSyncPage(next);
    pages.push(page);
    next = page.nextCursor;
    if (page.done) return { pages, cursor: next };
  }
  throw new Error('sync never finished');
}

describe('Graph provider against the Graph stand-in (real @microsoft/microsoft-graph-client over HTTP)', () => {
  let stand: GraphStandIn;
  let provider: MailProvider;
  const rotated: string[] = [];

  beforeAll(async () => {
    stand = await startGraphStandIn();
    stand.addMailbox(me);
    for (const mail of generateMailbox(45, now, 60)) stand.addMessage(me, mail);
    const tokens = createMicrosoftTokenSource({
      tokenUrl: microsoftTokenUrl(stand.url, 'common'),
      clientId: stand.oauth.clientId,
      clientSecret: stand.oauth.clientSecret,
      refreshToken: stand.oauth.issueRefreshToken(me),
      scopes: ['offline_access', 'Mail.Read'],
      onRotate: (t) => {
        rotated.push(t);
      },
    });
    provider = createGraphProvider({ tokens, graphUrl: stand.url, fullSyncSince: new Date(now - 180 * 86_400_000), bodies: true, pageSize: 7, backoff: { baseMs: 5 } });
  });
  afterAll(() => stand.close());

  it('syncs Inbox and Sent Items in full, then only created, updated and deleted messages', async () => {
    const full = await drain(provider, null);
    const all = full.pages.flatMap((p) => p.upserted);
    expect(all.length).toBe(45);
    expect(new Set(all.map((u) => u.message.id)).size).toBe(45);
    const reply = all.find((u) => u.message.id === 'reply-0@mail.gmail.com')!;
    expect(reply.message.from).toBe(`Dana Whitfield <${me}>`);
    expect(reply.message.inReplyTo).toBe('ask-0@mail.contoso-retail.com');
    expect(reply.message.text).toContain("I'll send you the revised");
    expect(reply.message.threadId).toMatch(/^graph-conv:/);
    // Never more than 4 requests at once against one mailbox, and never throttled.
    expect(stand.stats.peakConcurrency).toBeLessThanOrEqual(4);
    expect(stand.stats.throttled).toBe(0);
    // Headers came through $batch, at most 20 per batch.
    expect(stand.stats.requests.batch).toBeGreaterThanOrEqual(Math.ceil(45 / 20));

    const added = conversation(900, now - 60_000).map((m) => stand.addMessage(me, m));
    const [readOne, deleted] = stand.messageIds(me);
    stand.markRead(me, readOne!);
    stand.deleteMessage(me, deleted!);
    const inc = await drain(provider, full.cursor);
    const upserted = inc.pages.flatMap((p) => p.upserted.map((u) => u.providerId));
    expect(upserted.sort()).toEqual([...added, readOne!].sort());
    expect(inc.pages.flatMap((p) => p.deletedIds)).toEqual([deleted]);
  });

  it('answers 410 SyncStateNotFound with a reset full sync', async () => {
    const full = await drain(provider, null);
    conversation(901, now - 30_000).forEach((m) => stand.addMessage(me, m));
    stand.expireDeltaTokens(me);
    const again = await drain(provider, full.cursor);
    expect(again.pages[0]!.reset).toBe(true);
    expect(new Set(again.pages.flatMap((p) => p.upserted.map((u) => u.providerId)))).toEqual(new Set(stand.messageIds(me)));
  });

  it('retries 503 and 429 honouring Retry-After, refreshes on 401, and reports a revoked grant', async () => {
    stand.http.injectFault({ match: /delta/, kind: 'status-503', times: 1 });
    stand.http.injectFault({ match: /batch/, kind: 'status-429', times: 1, retryAfter: 1 });
    const started = Date.now();
    const full = await drain(provider, null);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(new Set(full.pages.flatMap((p) => p.upserted.map((u) => u.providerId)))).toEqual(new Set(stand.messageIds(me)));

    stand.oauth.expireAccessTokens();
    const before = stand.oauth.stats.refreshes;
    await drain(provider, full.cursor);
    expect(stand.oauth.stats.refreshes).toBe(before + 1);

    stand.oauth.revoke(me);
    const error = await provider.getSyncPage(full.cursor).catch((e: unknown) => e);
    expect((error as ConnectorError).code).toBe('AUTH_REVOKED');
  });
});

describe('Graph provider: every mail folder, and a move is a move', () => {
  let stand: GraphStandIn;
  let provider: MailProvider;

  beforeAll(async () => {
    stand = await startGraphStandIn();
    stand.addMailbox(me);
    const tokens = createMicrosoftTokenSource({
      tokenUrl: microsoftTokenUrl(stand.url, 'common'),
      clientId: stand.oauth.clientId,
      clientSecret: stand.oauth.clientSecret,
      refreshToken: stand.oauth.issueRefreshToken(me),
      scopes: ['offline_access', 'Mail.Read'],
    });
    provider = createGraphProvider({ tokens, graphUrl: stand.url, fullSyncSince: new Date(now - 180 * 86_400_000), bodies: true, pageSize: 5, backoff: { baseMs: 5 } });
  });
  afterAll(() => stand.close());

  it('syncs Inbox, Sent Items, Archive and nested folders of the user, never Junk, Deleted Items or Drafts; moving a message between watched folders deletes nothing', async () => {
    const projects = stand.addFolder(me, 'Projects');
    const acme = stand.addFolder(me, 'Acme', projects);
    const [a, b, c, d, e, f, g] = generateMailbox(21, now, 60).filter((_m, i) => i % 3 === 0);
    const inInbox = stand.addMessage(me, a!);
    const inArchive = stand.addMessage(me, b!, 'archive');
    const inAcme = stand.addMessage(me, c!, acme);
    const inSent = stand.addMessage(me, { ...d!, sent: true });
    stand.addMessage(me, e!, 'junkemail');
    stand.addMessage(me, f!, 'deleteditems');
    stand.addMessage(me, g!, 'drafts');

    const full = await drain(provider, null);
    expect(new Set(full.pages.flatMap((p) => p.upserted.map((u) => u.providerId)))).toEqual(new Set([inInbox, inArchive, inAcme, inSent]));

    // Archiving and filing are moves: the old folder's delta reports a removal, and nothing is deleted.
    stand.moveMessage(me, inInbox, 'archive');
    stand.moveMessage(me, inArchive, acme);
    const moved = await drain(provider, full.cursor);
    expect(moved.pages.flatMap((p) => p.deletedIds)).toEqual([]);
    expect(new Set(moved.pages.flatMap((p) => p.upserted.map((u) => u.providerId)))).toEqual(new Set([inInbox, inArchive]));

    // Into Deleted Items or Junk, or deleted outright, it has left the conversation.
    stand.moveMessage(me, inAcme, 'deleteditems');
    stand.moveMessage(me, inInbox, 'junkemail');
    stand.deleteMessage(me, inSent);
    const gone = await drain(provider, moved.cursor);
    expect(new Set(gone.pages.flatMap((p) => p.deletedIds))).toEqual(new Set([inAcme, inInbox, inSent]));

    // A folder created later joins at the next round.
    const later = stand.addFolder(me, 'Later');
    const [h1] = generateMailbox(3, now - 86_400_000, 2).map((m) => ({ ...m, messageId: `later-${m.messageId}` }));
    const inLater = stand.addMessage(me, h1!, later);
    const next = await drain(provider, gone.cursor);
    expect(next.pages.flatMap((p) => p.upserted.map((u) => u.providerId))).toEqual([inLater]);
    expect(next.pages.flatMap((p) => p.deletedIds)).toEqual([]);
  });

  it('reads a cursor written before every folder was watched (v1: Inbox and Sent Items by name) without a resync', async () => {
    const v1 = Buffer.from(JSON.stringify({ v: 1, p: 'graph', mode: 'incremental', folders: { inbox: { caughtUp: false }, sentitems: { caughtUp: false } } })).toString('base64url');
    const pages = await drain(provider, v1);
    expect(pages.pages[0]!.reset).toBe(false);
  });
});
