import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'puppeteer-core';
import { OWNER } from '../fixtures/client-threads';
import { launchFirefoxWithExtension, launchFirefoxWithoutExtension } from '../harness/firefox-launch';
import type { BenchBrowser, BenchPage, BenchSession, PlainPageFunction } from './bench-browser';

const EVENT_PAGE_IDLE_MS = 1000;

/**
 * Firefox through puppeteer-core over WebDriver BiDi. Its BiDi cannot open moz-extension:// pages (see
 * harness/firefox-ui.ts), so the settings Chromium's run types into the options page (address, time
 * zone, and the server's URL and token in server mode) arrive as managed storage instead; working hours
 * are the extension's default, which is what the options page is filled with too.
 */
export function createFirefoxBenchBrowser(version: string): BenchBrowser {
  return {
    name: 'firefox',
    version,
    async open(mode, world, initScript, url): Promise<BenchSession> {
      const launchOptions = { fixturePort: world.fixtures.port, timeZone: world.mailbox.timeZone };
      const settings = { addresses: [OWNER.address], timeZone: world.mailbox.timeZone };
      const browser =
        mode === 'page only'
          ? await launchFirefoxWithoutExtension(launchOptions)
          : await launchFirefoxWithExtension({
              ...launchOptions,
              managedSettings: mode === 'server' ? { ...settings, serverUrl: world.api.url, token: world.token } : settings,
              // Cold mode: the event page is suspended after 1 s idle (30 s by default), then waited out.
              ...(mode === 'cold' ? { prefs: { 'extensions.background.idle.timeout': EVENT_PAGE_IDLE_MS } } : {}),
            });
      try {
        const page = await browser.browser.newPage();
        await page.evaluateOnNewDocument(initScript);
        await page.goto(url);
        return {
          page: puppeteerBenchPage(page),
          close: () => browser.close(),
          ...(mode === 'cold' ? { stopBackground: () => sleep(EVENT_PAGE_IDLE_MS * 3) } : {}),
        };
      } catch (error) {
        await browser.close();
        throw error;
      }
    },
  };
}

function puppeteerBenchPage(page: Page): BenchPage {
  return {
    evaluate: async (fn, arg) => (await page.evaluate(fn as PlainPageFunction, arg)) as Awaited<ReturnType<typeof fn>>,
    async waitFor(fn, arg, timeoutMs) {
      const handle = await page.waitForFunction(fn as PlainPageFunction, { timeout: timeoutMs, polling: 50 }, arg);
      return (await handle.jsonValue()) as Awaited<ReturnType<typeof fn>> & {};
    },
  };
}
