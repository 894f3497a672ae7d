import type { Page } from 'puppeteer-core';
import { SIDEBAR_HOST_TAG } from './extension-ui';

/**
 * The same test hooks as extension-ui.ts, for puppeteer-core over WebDriver BiDi (Firefox). Reads go
 * through the page's own world: the sidebar's shadow root is open, so document.querySelector(host)
 * .shadowRoot reaches it.
 *
 * Firefox's WebDriver BiDi refuses to navigate to moz-extension:// pages ("Navigation to ... is not
 * allowed in this context", firefox-esr 153), and pages cannot open them either, so the options page
 * and the popup cannot be driven in Firefox: the Firefox scenarios run in local-only mode, where the
 * extension takes the user's address from the signed-in account the page shows.
 */
export interface FirefoxSidebarState {
  threadId: string | null;
  state: string | null;
  source: string | null;
  /** Local-only mode's memory of the client's other threads: 'pending' until it answered. */
  memory: string | null;
  /** data-testid -> text of the elements asked for. */
  texts: Record<string, string[]>;
}

export async function readFirefoxSidebar(page: Page, ids: string[]): Promise<FirefoxSidebarState | null> {
  return page.evaluate(
    (tag, wanted) => {
      const root = document.querySelector(tag)?.shadowRoot;
      const sidebar = root?.querySelector('[data-testid="ft-sidebar"]');
      if (!root || !sidebar) return null;
      const texts: Record<string, string[]> = {};
      for (const id of wanted) texts[id] = Array.from(root.querySelectorAll(`[data-testid="${id}"]`), (el) => (el as HTMLElement).innerText);
      return { threadId: sidebar.getAttribute('data-thread-id'), state: sidebar.getAttribute('data-state'), source: sidebar.getAttribute('data-source'), memory: sidebar.getAttribute('data-memory'), texts };
    },
    SIDEBAR_HOST_TAG,
    ids,
  );
}

export async function waitForFirefoxSidebar(page: Page, threadId: string, source: 'local' | 'server', ids: string[], timeoutMs = 20_000): Promise<FirefoxSidebarState> {
  const deadline = Date.now() + timeoutMs;
  let last: FirefoxSidebarState | null = null;
  while (Date.now() < deadline) {
    last = await readFirefoxSidebar(page, ids).catch(() => null);
    if (last && last.threadId === threadId && last.state === 'ready' && last.source === source && last.memory !== 'pending') return last;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`Firefox: the sidebar never showed thread ${threadId} ready from the ${source}; last seen ${JSON.stringify(last)}`);
}

/** Clicks an element of the sidebar's shadow root (puppeteer over BiDi has no piercing locator for it). */
export async function clickInSidebar(page: Page, id: string): Promise<void> {
  const clicked = await page.evaluate(
    (tag, wanted) => {
      const el = document.querySelector(tag)?.shadowRoot?.querySelector<HTMLElement>(`[data-testid="${wanted}"]`);
      el?.click();
      return Boolean(el);
    },
    SIDEBAR_HOST_TAG,
    id,
  );
  if (!clicked) throw new Error(`Firefox: no ${id} in the sidebar`);
}

/** Types into a sidebar field the way React sees typing (the native value setter, then an input event). */
export async function fillInSidebar(page: Page, id: string, value: string): Promise<void> {
  const filled = await page.evaluate(
    (tag, wanted, text) => {
      const input = document.querySelector(tag)?.shadowRoot?.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-testid="${wanted}"]`);
      if (!input) return false;
      const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!.set!;
      setter.call(input, text);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return true;
    },
    SIDEBAR_HOST_TAG,
    id,
    value,
  );
  if (!filled) throw new Error(`Firefox: no ${id} in the sidebar`);
}

/** Waits until the sidebar shows an element (its text, or null when it never did). */
export async function waitInSidebar(page: Page, id: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await page
      .evaluate((tag, wanted) => (document.querySelector(tag)?.shadowRoot?.querySelector<HTMLElement>(`[data-testid="${wanted}"]`)?.innerText ?? null), SIDEBAR_HOST_TAG, id)
      .catch(() => null);
    if (text !== null) return text;
    if (Date.now() > deadline) throw new Error(`Firefox: the sidebar never showed ${id}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
