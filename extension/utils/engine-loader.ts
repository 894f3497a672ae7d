import { browser } from 'wxt/browser';
import type { LocalEngine } from './local-analysis';

export const ENGINE_GLOBAL = '__followthroughEngine';
export const ENGINE_PATH = '/engine.js';

/**
 * Loads the engine chunk into this content script's world. import() of an extension URL runs the
 * module in the content script's isolated world (Chromium; Firefox >= 89 for content scripts), so the
 * global it sets is ours, not the page's. The file is listed in web_accessible_resources for the mail
 * sites only (Chromium: with use_dynamic_url, so pages cannot probe for it).
 */
export async function loadEngine(): Promise<LocalEngine> {
  const holder = globalThis as Record<string, unknown>;
  if (!holder[ENGINE_GLOBAL]) {
    const url = browser.runtime.getURL(ENGINE_PATH);
    await import(/* @vite-ignore */ url);
  }
  const engine = holder[ENGINE_GLOBAL] as LocalEngine | undefined;
  if (!engine || typeof engine.analyzeSnapshot !== 'function') throw new Error(`${ENGINE_PATH} loaded but did not register the engine`);
  return engine;
}
