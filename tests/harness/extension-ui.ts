import type { Locator, Page } from 'playwright-core';
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
/** The engine's figures painted (the same frame as MARK_SIDEBAR_PAINTED, or later): extension/utils/mount-sidebar.tsx. */
export const MARK_FIGURES_PAINTED = 'followthrough:figures-painted';
/** The background compiled the engine's rules for this open (it had been stopped): extension/utils/mount-sidebar.tsx. */
export const MARK_ENGINE_STARTED = 'followthrough:engine-started';
/** The extension's main-thread task for a newly opened thread (read, analysis, React commit). */
export const MEASURE_OPEN_TASK = 'followthrough:open-task';

export function testId(id: string): string {
  return `[data-testid="${id}"]`;
}

export interface ExtensionSettingsForm {
  serverUrl: string;
  token: string;
}

/**
 * Fills and saves the options page as a user would: server URL and a pasted token under "Advanced" (empty =
 * local-only mode; issue 12's scenarios sign in instead, harness/account-ui.ts), own
 * address, time zone and working hours; then reloads the page and checks the values came back from
 * extension storage. "Test connection" is not pressed: in Chromium it asks for the server's host
 * permission through a browser prompt that automation cannot answer (see tests/README.md).
 */
export async function configureThroughOptionsPage(page: Page, extensionOrigin: string, form: ExtensionSettingsForm | null): Promise<void> {
  const serverUrl = form?.serverUrl ?? '';
  for (let attempt = 1; ; attempt += 1) {
    await page.goto(`${extensionOrigin}/options.html`);
    await page.locator(testId('ft-options')).waitFor();
    // The form fills itself from storage asynchronously; typing before that lands would be overwritten.
    await page.waitForTimeout(300);
    await page.locator(testId('ft-options-server-url')).fill(serverUrl);
    // The token field is under "Advanced" (signing in needs no token): open it.
    const token = page.locator(testId('ft-options-token'));
    if (!(await token.isVisible())) await page.locator('details:has([data-testid="ft-options-token"]) > summary').click();
    await token.fill(form?.token ?? '');
    await page.locator(testId('ft-options-addresses')).fill(OWNER.address);
    await page.locator(testId('ft-options-timezone')).fill(TIME_ZONE);
    await page.locator(testId('ft-options-start')).fill(WORKING_HOURS.start);
    await page.locator(testId('ft-options-end')).fill(WORKING_HOURS.end);
    await page.locator(testId('ft-options-save')).click();
    const status = page.locator(testId('ft-options-status'));
    try {
      await status.filter({ hasText: 'Saved.' }).waitFor({ timeout: 10_000 });
    } catch {
      const errors = await page.locator(testId('ft-options-errors')).allTextContents().catch(() => []);
      throw new Error(`The options page did not save: status "${await status.textContent()}", errors ${JSON.stringify(errors)}`);
    }
    await page.reload();
    await page.locator(testId('ft-options')).waitFor();
    const stored = page.locator(testId('ft-options-server-url'));
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline && (await stored.inputValue()) !== serverUrl) await page.waitForTimeout(100);
    if ((await stored.inputValue()) === serverUrl && (await page.locator(testId('ft-options-addresses')).inputValue()) === OWNER.address) return;
    if (attempt === 2) throw new Error(`The options page saved but reloading it shows server URL "${await stored.inputValue()}" instead of "${serverUrl}"`);
  }
}

export interface SidebarWait {
  threadId: string;
  /** 'server' once the server's mailbox-wide summary is shown; 'local' in local-only mode. */
  source: 'server' | 'local';
  timeoutMs?: number;
}

/** Waits until the sidebar shows the given thread, fully rendered from the expected source. */
export async function waitForSidebar(page: Page, wait: SidebarWait): Promise<Locator> {
  const sidebar = page.locator(SIDEBAR);
  const deadline = Date.now() + (wait.timeoutMs ?? 20_000);
  let seen = 'no sidebar';
  while (Date.now() < deadline) {
    const state = await sidebar
      .evaluate((el) => [el.getAttribute('data-thread-id'), el.getAttribute('data-state'), el.getAttribute('data-source'), el.getAttribute('data-memory')].join('|'), undefined, { timeout: 1000 })
      .catch(() => 'no sidebar');
    seen = state;
    // Local figures are final once this browser's memory of the client's other threads has answered.
    if (state.startsWith(`${wait.threadId}|ready|${wait.source}|`) && !state.endsWith('|pending')) return sidebar;
    await page.waitForTimeout(100);
  }
  throw new Error(`The sidebar never showed thread ${wait.threadId} ready from the ${wait.source}; last seen (thread|state|source|memory): ${seen}`);
}
