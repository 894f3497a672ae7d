import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createHostileThread, createMailbox, HOSTILE_DOMAIN, HOSTILE_IMG, PWNED_FLAG } from '../fixtures/client-threads';
import { gmailThreadUrl } from '../fixtures/gmail-page';
import { outlookConversationId, outlookMessageId } from '../fixtures/outlook-ids';
import { outlookThreadUrl } from '../fixtures/outlook-page';
import { launchChromiumWithExtension, type ChromiumSession } from '../harness/chromium-launch';
import { createE2eWorld, type E2eWorld } from '../harness/e2e-world';
import { configureThroughOptionsPage, SIDEBAR_HOST_TAG, testId, waitForSidebar } from '../harness/extension-ui';

const gmailThread = createHostileThread({ thread: '19a4d0c1e2f3a401', messages: ['19a4d0c1e2f3a401', '19a4d0c1e2f3a402', '19a4d0c1e2f3a403'] });
const outlookThread = createHostileThread({ thread: outlookConversationId('hXs1kQ'), messages: [outlookMessageId('hx', 1), outlookMessageId('hx', 2), outlookMessageId('hx', 3)] });

/** How many times the payload ran in the page's own world (undefined = never). */
function pwnedCount(page: Page): Promise<unknown> {
  return page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], PWNED_FLAG);
}

/** Elements the payload would create if it were parsed as HTML anywhere in the sidebar's shadow root. */
function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate((tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    if (!root) return ['no sidebar shadow root'];
    return Array.from(root.querySelectorAll('img, script, iframe, a[href^="javascript:"], [onerror], [onload], b'), (el) => el.outerHTML);
  }, SIDEBAR_HOST_TAG);
}

describe('a hostile e-mail (markup and script in subject, sender name and body) renders as inert text', () => {
  let world: E2eWorld;
  let browser: ChromiumSession;

  beforeAll(async () => {
    world = await createE2eWorld(createMailbox([gmailThread, outlookThread]));
    browser = await launchChromiumWithExtension({ fixturePort: world.fixtures.port, timeZone: world.mailbox.timeZone });
    const options = await browser.context.newPage();
    await configureThroughOptionsPage(options, `chrome-extension://${browser.extensionId}`, { serverUrl: world.api.url, token: world.token });
    await options.close();
  });

  afterAll(async () => {
    await browser?.close();
    await world?.dispose();
  });

  it('the payload is live: inserted as HTML on the same origin it runs', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://mail.google.com/__e2e/payload-control');
    await expect.poll(() => pwnedCount(page)).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  for (const [host, url, threadId] of [
    ['Gmail', gmailThreadUrl(gmailThread), gmailThread.id],
    ['Outlook', outlookThreadUrl(outlookThread), outlookThread.id],
  ] as const) {
    it(`${host}: the sidebar shows the attacker's markup as literal text and nothing in it runs`, async () => {
      const page = await browser.context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(url);
      const sidebar = await waitForSidebar(page, { threadId, source: 'server' });
      expect(await sidebar.locator(testId('ft-client')).innerText()).toBe(HOSTILE_DOMAIN);

      // Our reply quoted the payload inside a promise: the sidebar must show it character for character.
      // (Every copy: duplicates of Outlook messages are a separate, known problem tested in outlook-chromium.)
      const promiseTexts = sidebar.locator(`${testId('ft-promises-thread')} ${testId('ft-promise')} .ft-promise-text`);
      await expect.poll(() => promiseTexts.count()).toBeGreaterThanOrEqual(1);
      for (const text of await promiseTexts.allTextContents()) {
        expect(text).toBe(`“I'll send the corrected invoice ${HOSTILE_IMG} by Friday.”`);
      }
      // The client's unanswered request quotes a <script> element: listed under "They asked us", as text.
      expect(await sidebar.locator(testId('ft-requests')).innerText()).toContain('<script>window.__followthroughPwned');

      // An onerror handler fires asynchronously after the image fails: give it time to, then check.
      await page.waitForTimeout(750);
      expect(await injectedElements(page)).toEqual([]);
      expect(await pwnedCount(page)).toBeUndefined();
      expect(pageErrors).toEqual([]);
      await page.close();
    });
  }
});
