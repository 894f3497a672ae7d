import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CLIENT_DOMAIN, createMailbox, createRolloutThread } from '../fixtures/client-threads';
import { outlookConversationId, outlookMessageId } from '../fixtures/outlook-ids';
import { outlookInboxUrl, outlookThreadUrl } from '../fixtures/outlook-page';
import { launchChromiumWithExtension, type ChromiumSession } from '../harness/chromium-launch';
import { createE2eWorld, type E2eWorld } from '../harness/e2e-world';
import { configureThroughOptionsPage, testId, waitForSidebar } from '../harness/extension-ui';
import { SCREENSHOTS_DIR } from '../harness/paths';

const rollout = createRolloutThread(
  { thread: outlookConversationId('r5lQ8yX'), messages: [1, 2, 3, 4].map((n) => outlookMessageId('r5', n)) },
  'outlook',
);
const mailbox = createMailbox([rollout]);

describe('Outlook on the web in Chromium, connected to a server that holds the mailbox', () => {
  let world: E2eWorld;
  let browser: ChromiumSession;
  let page: Page;

  beforeAll(async () => {
    world = await createE2eWorld(mailbox);
    browser = await launchChromiumWithExtension({ fixturePort: world.fixtures.port, timeZone: mailbox.timeZone });
    const options = await browser.context.newPage();
    await configureThroughOptionsPage(options, `chrome-extension://${browser.extensionId}`, { serverUrl: world.api.url, token: world.token });
    await options.close();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await world?.dispose();
  });

  async function expectRolloutFacts(target: Page, screenshot?: string): Promise<void> {
    const sidebar = await waitForSidebar(target, { threadId: rollout.id, source: 'server' });
    // Taken before the checks: a failing check should still leave a picture of what the user saw.
    if (screenshot) await target.screenshot({ path: path.join(SCREENSHOTS_DIR, screenshot) });
    expect(await sidebar.locator(testId('ft-client')).innerText()).toBe(CLIENT_DOMAIN);
    expect(await sidebar.locator(testId('ft-initiator')).innerText()).toBe('The client started this thread.');
    expect(await sidebar.locator(testId('ft-lag-ours')).innerText()).toMatch(/^We reply in\s+4 working hours\s+6 working hours/);
    expect(await sidebar.locator(testId('ft-lag-theirs')).innerText()).toMatch(/^They reply in\s+7 working hours\s+7 working hours/);
    const statuses = await sidebar.locator(`${testId('ft-promises-thread')} ${testId('ft-promise')}`).evaluateAll((items) =>
      items.map((item) => `${item.getAttribute('data-status')}: ${item.textContent ?? ''}`),
    );
    expect(statuses).toHaveLength(2);
    expect(statuses.find((line) => line.startsWith('overdue:'))).toContain('I will confirm the room booking by tomorrow');
    expect(statuses.find((line) => line.startsWith('kept:'))).toContain("I'll send the revised statement of work by Thursday");
  }

  it('selecting a conversation on outlook.office.com shows initiator, reply times and promises from the server', async () => {
    await page.goto(outlookInboxUrl());
    await expect.poll(() => page.locator(testId('ft-sidebar')).count()).toBe(0);
    // Outlook routes by history.pushState: the conversation id lands in the path, URL-encoded.
    await page.locator(`[role="option"][data-convid="${rollout.id}"]`).click();
    expect(page.url()).toBe(outlookThreadUrl(rollout));
    await expectRolloutFacts(page, 'outlook-light.png');
  });

  it('shows the same on outlook.live.com, opened straight from a conversation URL', async () => {
    const live = await browser.context.newPage();
    await live.goto(outlookThreadUrl(rollout, 'outlook.live.com'));
    await expectRolloutFacts(live);
    await live.close();
  });

  it('reading the open conversation does not add copies of messages the server already has', async () => {
    // The sidebar pushes what it reads to the server; the server got the same four messages from mailbox sync.
    await page.goto(outlookThreadUrl(rollout));
    await waitForSidebar(page, { threadId: rollout.id, source: 'server' });
    await page.waitForTimeout(1000);
    const summary = await world.client.get<{ messageCount: number; promises: unknown[] }>(`/v1/threads/${encodeURIComponent(rollout.id)}/summary`);
    expect(summary.messageCount).toBe(4);
    expect(summary.promises).toHaveLength(2);
  });

  it("follows Outlook's dark theme and the system dark preference", async () => {
    world.setMailbox({ ...mailbox, theme: 'dark' });
    try {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(outlookThreadUrl(rollout));
      const sidebar = await waitForSidebar(page, { threadId: rollout.id, source: 'server' });
      const channels = ((await sidebar.evaluate((el) => getComputedStyle(el).backgroundColor)).match(/\d+/g) ?? []).slice(0, 3).map(Number);
      expect(channels).toHaveLength(3);
      expect(Math.max(...channels)).toBeLessThan(80);
      await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'outlook-dark.png') });
    } finally {
      world.setMailbox(mailbox);
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });
});
