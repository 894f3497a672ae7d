import type { Page } from 'playwright-core';
import { OWNER, TIME_ZONE, WORKING_HOURS } from '../fixtures/client-threads';

/**
 * The extension's test hooks (data-testids and the sidebar host element), from extension/components
 * and extension/entrypoints/options. The sidebar lives in an open shadow root under
 * <followthrough-sidebar>; Playwright's CSS locators pierce open shadow roots.
 */
export const SIDEBAR_HOST_TAG = 'followthrough-sidebar';
export const SIDEBAR = `${SIDEBAR_HOST_TAG} [data-testid="ft-sidebar"]`;
export const MARK_THREAD_OPEN = 'followthrough:thread-open';
export const MARK_SIDEBAR_PAINTED = 'followthrough:sidebar-painted';

export function testId(id: string): string {
  return `[data-testid="${id}"]`;
}

export interface ExtensionSettingsForm {
  serverUrl: string;
  token: string;
}

/**
 * Fills and saves the options page as a user would: server URL and token, own address, time zone and
 * working hours. "Test connection" is not pressed here: in Chromium it asks for the server's host
 * permission through a browser prompt that no automation can answer (see README of tests/).
 */
export async function configureThroughOptionsPage(page: Page, extensionOrigin: string, form: ExtensionSettingsForm | null): Promise<void> {
  await page.goto(`${extensionOrigin}/options.html`);
  await page.locator(testId('ft-options')).waitFor();
  // The form loads stored settings asynchronously; wait for that before typing over it.
  await page.waitForTimeout(200);
  await page.locator(testId('ft-options-server-url')).fill(form?.serverUrl ?? '');
  await page.locator(testId('ft-options-token')).fill(form?.token ?? '');
  await page.locator(testId('ft-options-addresses')).fill(OWNER.address);
  await page.locator(testId('ft-options-timezone')).fill(TIME_ZONE);
  await page.locator(testId('ft-options-start')).fill(WORKING_HOURS.start);
  await page.locator(testId('ft-options-end')).fill(WORKING_HOURS.end);
  await page.locator(testId('ft-options-save')).click();
  const status = page.locator(testId('ft-options-status'));
  await status.filter({ hasText: 'Saved.' }).waitFor({ timeout: 10_000 }).catch(async () => {
    const errors = await page.locator(testId('ft-options-errors')).allTextContents();
    throw new Error(`The options page did not save: status "${await status.textContent()}", errors ${JSON.stringify(errors)}`);
  });
}
