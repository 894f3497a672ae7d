import { launchChromiumWithExtension, launchChromiumWithoutExtension } from '../harness/chromium-launch';
import { configureThroughOptionsPage } from '../harness/extension-ui';
import type { BenchBrowser, BenchSession, PlainPageFunction } from './bench-browser';

/** Chromium through playwright-core: the extension is configured through its options page, as a user would. */
export function createChromiumBenchBrowser(version: string): BenchBrowser {
  return {
    name: 'chromium',
    version,
    async open(mode, world, initScript, url): Promise<BenchSession> {
      const launchOptions = { fixturePort: world.fixtures.port, timeZone: world.mailbox.timeZone };
      const browser = mode === 'page only' ? await launchChromiumWithoutExtension(launchOptions) : await launchChromiumWithExtension(launchOptions);
      try {
        if ('extensionId' in browser) {
          const options = await browser.context.newPage();
          await configureThroughOptionsPage(options, `chrome-extension://${browser.extensionId}`, mode === 'server' ? { serverUrl: world.api.url, token: world.token } : null);
          await options.close();
        }
        const page = await browser.context.newPage();
        await page.addInitScript(initScript);
        await page.goto(url);
        // Stops every service worker of the profile (the extension's is the only one): the next message
        // from the content script starts it again, as Chromium does after 30 s idle.
        const cdp = mode === 'cold' ? await browser.context.newCDPSession(page) : null;
        if (cdp) await cdp.send('ServiceWorker.enable');
        return {
          ...(cdp ? { stopBackground: async () => void (await cdp.send('ServiceWorker.stopAllWorkers')) } : {}),
          page: {
            evaluate: async (fn, arg) => (await page.evaluate(fn as PlainPageFunction, arg)) as Awaited<ReturnType<typeof fn>>,
            async waitFor(fn, arg, timeoutMs) {
              const handle = await page.waitForFunction(fn as PlainPageFunction, arg, { timeout: timeoutMs, polling: 50 });
              // waitForFunction resolves only on a truthy value, so never on fn's null.
              return (await handle.jsonValue()) as Awaited<ReturnType<typeof fn>> & {};
            },
          },
          close: () => browser.close(),
        };
      } catch (error) {
        await browser.close();
        throw error;
      }
    },
  };
}
