import type { BrowserContext, Page } from 'playwright-core';
import { testId } from './extension-ui';

/**
 * Signing the extension in as a user does (extension/components/options/server-section.tsx and the
 * server's sign-in page, server/src/routes/auth.ts), for Playwright (Chromium).
 */
export async function openOptions(context: BrowserContext, extensionOrigin: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${extensionOrigin}/options.html`);
  await page.locator(testId('ft-options')).waitFor();
  return page;
}

/**
 * Types the server's address, presses "Sign in to <host>", and hands the sign-in tab that opens to
 * `complete` (which signs in there); resolves when the options page says who is signed in. The tab's code
 * must be the one the options page shows.
 */
export async function signInFromOptions(options: Page, serverUrl: string, complete: (signInPage: Page) => Promise<void>): Promise<string> {
  const server = options.locator(testId('ft-options-server-url'));
  await server.fill(serverUrl);
  const [signInPage] = await Promise.all([options.context().waitForEvent('page'), options.locator(testId('ft-options-sign-in')).click()]);
  await signInPage.waitForLoadState('domcontentloaded');
  const status = options.locator(`${testId('ft-options-sign-in-status')}[data-state="waiting"]`);
  await status.waitFor();
  const checkCode = (await signInPage.locator(testId('ft-signin-check')).innerText()).trim();
  if (!(await status.innerText()).includes(checkCode)) throw new Error(`The sign-in page shows ${checkCode}, the options page "${await status.innerText()}"`);
  const closed = new Promise<void>((resolve) => signInPage.once('close', () => resolve()));
  await complete(signInPage);
  await options.locator(testId('ft-options-signed-in')).waitFor({ timeout: 30_000 });
  // The background closes the server's tab once it has the token.
  await closed;
  return checkCode;
}

export async function withPairingCode(page: Page, code: string): Promise<void> {
  await page.locator(testId('ft-signin-code')).fill(code);
  await page.locator(testId('ft-signin-submit')).click();
  await signedInPage(page);
}

/** The server's "Signed in as" page; the background may close the tab right after it showed. */
async function signedInPage(page: Page): Promise<void> {
  await page.locator(testId('ft-signin-done')).waitFor().catch((error: unknown) => {
    if (!page.isClosed()) throw error;
  });
}

/** "Sign in with Google / Microsoft": the provider's stand-in consents for its one user and sends the browser back. */
export async function withProvider(page: Page, provider: 'google' | 'microsoft'): Promise<void> {
  await page.locator(testId(`ft-signin-${provider}`)).click();
  await signedInPage(page);
}
