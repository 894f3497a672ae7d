import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createMailbox, createRolloutThread, createHostileThread, TIME_ZONE } from '../fixtures/client-threads';
import { GMAIL_INBOX_URL, gmailThreadUrl } from '../fixtures/gmail-page';
import { launchChromiumWithExtension, type ChromiumSession } from '../harness/chromium-launch';
import { createE2eWorld, type E2eWorld } from '../harness/e2e-world';
import { configureThroughOptionsPage, SIDEBAR, testId } from '../harness/extension-ui';

const rollout = createRolloutThread({ thread: '19a4c2e8b7d10f3a', messages: ['19a4c2e8b7d10f3a', '19a4c2e8b7d10f3b', '19a4c2e8b7d10f3c', '19a4c2e8b7d10f3d'] });
const hostile = createHostileThread({ thread: '19a4d0c1e2f3a401', messages: ['19a4d0c1e2f3a401', '19a4d0c1e2f3a402'] });

describe('Gmail in Chromium with a connected server', () => {
  let world: E2eWorld;
  let browser: ChromiumSession;
  let page: Page;

  beforeAll(async () => {
    world = await createE2eWorld(createMailbox([rollout, hostile]));
    browser = await launchChromiumWithExtension({ fixturePort: world.fixtures.port, timeZone: TIME_ZONE });
    const options = await browser.context.newPage();
    await configureThroughOptionsPage(options, `chrome-extension://${browser.extensionId}`, { serverUrl: world.api.url, token: world.token });
    await options.close();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await world?.dispose();
  });

  it('shows who started the thread, reply times both ways and the promises', async () => {
    await page.goto(GMAIL_INBOX_URL);
    await page.locator('tr.zA').first().click();
    expect(page.url()).toBe(gmailThreadUrl(rollout));
    const sidebar = page.locator(SIDEBAR);
    await expect.poll(() => sidebar.getAttribute('data-source'), { timeout: 20_000 }).toBe('server');
    console.log(await sidebar.innerText());
    await page.screenshot({ path: 'artifacts/gmail.png' });
    expect(await sidebar.locator(testId('ft-initiator')).innerText()).toBe('The client started this thread.');
  });
});
