import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createClientHistory } from '../fixtures/client-history';
import { CLIENT_DOMAIN, OWNER } from '../fixtures/client-threads';
import { gmailThreadUrl } from '../fixtures/gmail-page';
import { openOptions, signInFromOptions, withPairingCode } from '../harness/account-ui';
import { launchChromiumWithExtension, type ChromiumSession } from '../harness/chromium-launch';
import { createE2eWorld, type E2eWorld } from '../harness/e2e-world';
import { testId, waitForSidebar } from '../harness/extension-ui';

/**
 * Local-only mode that remembers (issue 12): without a server, each thread opened is kept in the
 * browser as the facts the server would store (no bodies), the client's figures build up across threads
 * with the same engine, the popup lists their reminders, and signing in later offers to upload them.
 */
const history = createClientHistory('19c3d4e5f6a7b8');

describe('Chromium, local-only: three threads of one client, remembered', () => {
  let world: E2eWorld;
  let browser: ChromiumSession;
  let page: Page;
  const extensionOrigin = (): string => `chrome-extension://${browser.extensionId}`;

  beforeAll(async () => {
    // A server that knows nothing of the mailbox: the extension is not signed in to it until the last test.
    world = await createE2eWorld(history.mailbox, { ingest: false });
    browser = await launchChromiumWithExtension({ fixturePort: world.fixtures.port, timeZone: history.mailbox.timeZone });
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await world?.dispose();
  });

  it("builds the client's figures up across the three threads opened", async () => {
    await page.goto(gmailThreadUrl(history.rollout));
    let sidebar = await waitForSidebar(page, { threadId: history.rollout.id, source: 'local' });
    expect(await sidebar.locator(testId('ft-source')).innerText()).toBe('This thread, analysed on your computer');
    expect(await sidebar.locator(testId('ft-initiated-share')).innerText()).toContain('We started 0 of 1 conversations');

    await page.goto(gmailThreadUrl(history.invoice));
    await waitForSidebar(page, { threadId: history.invoice.id, source: 'local' });
    await page.goto(gmailThreadUrl(history.checkIn));
    sidebar = await waitForSidebar(page, { threadId: history.checkIn.id, source: 'local' });
    expect(await sidebar.locator(testId('ft-source')).innerText()).toBe('The 3 threads with this client you opened, analysed in this browser');
    // The check-in is ours; the rollout and the invoice question were theirs.
    expect(await sidebar.locator(testId('ft-initiated-share')).innerText()).toContain('We started 1 of 3 conversations with this client (33%; target 80%)');
    // The rollout thread's overdue promise shows beside this thread, from memory.
    expect(await sidebar.locator(testId('ft-promises-other')).innerText()).toContain('I will confirm the room booking by tomorrow');
    // Nothing of it went anywhere: the server still knows no thread.
    expect((await world.client.get<{ threads: number }>('/v1/me/data')).threads).toBe(0);
  });

  it('lists the remembered reminders in the popup, and one opens its thread', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`${extensionOrigin()}/popup.html`);
    expect(await popup.locator(testId('ft-popup-local-only')).innerText()).toContain('from the threads you opened in this browser');
    const overdue = popup.locator(`${testId('ft-popup-item')}[data-kind="promise-overdue"]`);
    const waiting = popup.locator(`${testId('ft-popup-item')}[data-kind="awaiting-reply"]`);
    await expect.poll(() => overdue.count(), { timeout: 15_000 }).toBe(1);
    expect(await overdue.innerText()).toContain(`Overdue promise to ${CLIENT_DOMAIN}: “I will confirm the room booking by tomorrow`);
    expect(await waiting.innerText()).toContain(`${CLIENT_DOMAIN} is waiting for our reply: “Invoice 2026-114: new VAT number”`);
    const [opened] = await Promise.all([browser.context.waitForEvent('page'), overdue.locator(testId('ft-popup-open')).click()]);
    await opened.waitForLoadState('domcontentloaded');
    // The link the page gave for the thread when it was read: Gmail's own id, as the server's links use.
    expect(opened.url()).toBe(`https://mail.google.com/mail/u/0/#all/${history.rollout.id}`);
    await waitForSidebar(opened, { threadId: history.rollout.id, source: 'local' });
    await opened.close();
  });

  it('offers, after signing in, to upload the remembered threads, and the server has them', async () => {
    const options = await openOptions(browser.context, extensionOrigin());
    await signInFromOptions(options, world.api.url, async (signIn) => withPairingCode(signIn, await world.api.pairingCode(OWNER.address)));
    const offer = options.locator(testId('ft-memory-offer'));
    await offer.waitFor();
    expect(await offer.innerText()).toContain('This browser remembers 3 threads (8 messages)');
    await offer.locator(testId('ft-memory-upload')).click();
    // Some may have reached the server already: a sidebar still open on a thread pushes it once signed in.
    await expect.poll(() => options.locator(testId('ft-memory-message')).innerText()).toMatch(/^Sent 3 threads \(\d+ new messages?\)\.$/);
    const client = await world.client.get<{ counterpart: { threads: number; initiated: { us: number; them: number } } }>(`/v1/counterparts/${CLIENT_DOMAIN}`);
    expect(client.counterpart).toMatchObject({ threads: 3, initiated: { us: 1, them: 2 } });
    // The sidebar now shows the server's figures for the thread.
    await page.goto(gmailThreadUrl(history.rollout));
    await waitForSidebar(page, { threadId: history.rollout.id, source: 'server' });
  });
});
