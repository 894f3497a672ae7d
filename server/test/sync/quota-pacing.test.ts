import { afterEach, describe, expect, it } from 'vitest';
import { createGmailProvider, createGoogleAuth } from '../../src/connectors/gmail/gmail-provider';
import type { MailProvider } from '../../src/connectors/mail-provider';
import { createQuotaLimiter } from '../../src/sync/quota-limiter';
import { startGmailStandIn, type GmailStandIn } from '../stand-ins/gmail-stand-in';
import { generateMailbox, me } from '../stand-ins/mailbox-fixture';

async function fullSync(provider: MailProvider): Promise<number> {
  let cursor: string | null = null;
  const ids = new Set<string>();
  for (;;) {
    const page = await provider.getSyncPage(cursor);
    page.upserted.forEach((u) => ids.add(u.providerId));
    cursor = page.nextCursor;
    if (page.done) return ids.size;
  }
}

describe('Gmail quota pacing against the stand-in quota meter', () => {
  let stand: GmailStandIn;
  afterEach(() => stand.close());

  async function setup(standInQuota: number, clientQuota: number, messages: number, onRetry?: (waitMs: number) => void, pageSize = 50): Promise<MailProvider> {
    stand = await startGmailStandIn({ quotaPerSecond: standInQuota });
    stand.addMailbox(me);
    for (const m of generateMailbox(messages, Date.now(), 60)) stand.addMessage(me, m);
    const auth = createGoogleAuth({ clientId: stand.oauth.clientId, clientSecret: stand.oauth.clientSecret, tokenUrl: `${stand.url}/token`, refreshToken: stand.oauth.issueRefreshToken(me) });
    return createGmailProvider({
      auth,
      rootUrl: `${stand.url}/`,
      limiter: createQuotaLimiter({ unitsPerSecond: clientQuota }),
      fullSyncSince: new Date(Date.now() - 180 * 86_400_000),
      bodies: false,
      pageSize,
      backoff: { baseMs: 50, maxAttempts: 8, onRetry: ({ waitMs }) => onRetry?.(waitMs) },
    });
  }

  it('never exceeds 250 units per user per second: zero 429s at the real quota', async () => {
    const provider = await setup(250, 250, 120);
    expect(await fullSync(provider)).toBe(120);
    expect(stand.stats.quota429).toBe(0);
    expect(stand.stats.peakUnitsPerSecond).toBeLessThanOrEqual(250);
    // 120 gets at 5 units plus the listing: the stand-in really was asked for more than one second's quota.
    expect(stand.stats.units).toBeGreaterThan(600);
  });

  it('without pacing the stand-in answers 429, and the retries wait as long as Retry-After says', async () => {
    const waits: number[] = [];
    // The client believes it may spend 40x the stand-in's quota.
    const provider = await setup(100, 4000, 40, (ms) => waits.push(ms));
    expect(await fullSync(provider)).toBe(40);
    expect(stand.stats.quota429).toBeGreaterThan(0);
    expect(waits.length).toBeGreaterThan(0);
    // The stand-in sends Retry-After: 1, so no retry came sooner than a second.
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(1000);
  });

  it('lists the next page while this one is fetched, so gets keep flowing across the page boundary, still within quota', async () => {
    const provider = await setup(250, 250, 150);
    const first = await provider.getSyncPage(null);
    expect(first.upserted).toHaveLength(50);
    // Page 1's 50 gets alone need more than a second of quota; page 2 was listed (and its gets queued) meanwhile.
    expect(stand.stats.requests['messages.list']).toBe(2);
    let cursor = first.nextCursor;
    const ids = new Set(first.upserted.map((u) => u.providerId));
    for (;;) {
      const page = await provider.getSyncPage(cursor);
      page.upserted.forEach((u) => ids.add(u.providerId));
      cursor = page.nextCursor;
      if (page.done) break;
    }
    expect(ids.size).toBe(150);
    // Every message fetched exactly once, the pages listed once each (3 pages and the empty end of the listing).
    expect(stand.stats.requests['messages.get']).toBe(150);
    expect(stand.stats.requests['messages.list']).toBe(3);
    expect(stand.stats.quota429).toBe(0);
    expect(stand.stats.peakUnitsPerSecond).toBeLessThanOrEqual(250);
  });

  it('a page listed ahead that nobody asks for only fills the tail of the page that was asked for', async () => {
    const provider = await setup(250, 250, 300, undefined, 100);
    const first = await provider.getSyncPage(null);
    // The caller stops here (a crash, an abort): wait until the client sends nothing more.
    let gets = -1;
    while (gets !== (stand.stats.requests['messages.get'] ?? 0)) {
      gets = stand.stats.requests['messages.get'] ?? 0;
      await new Promise((resolve) => setTimeout(resolve, 1200));
    }
    // The first page's 100, plus at most one batch (50 gets at this quota) for the page nobody asked for,
    // however long the first page's tail took.
    expect(gets).toBeLessThanOrEqual(150);
    // Asked for after all, the page listed ahead is completed, not fetched again.
    const second = await provider.getSyncPage(first.nextCursor);
    expect(second.upserted).toHaveLength(100);
    expect(new Set([...first.upserted, ...second.upserted].map((u) => u.providerId)).size).toBe(200);
    expect(stand.stats.requests['messages.get']).toBeLessThanOrEqual(300);
    expect(stand.stats.quota429).toBe(0);
  });
});
