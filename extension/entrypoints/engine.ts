import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { analyzeSnapshot, localReport, rememberedFacts, type LocalEngine } from '../utils/local-analysis';
import { ENGINE_GLOBAL } from '../utils/engine-loader';

/**
 * The shared engine as its own chunk. Content scripts bundle React (~69 KB gzip) and must stay under
 * 100 KB gzip each; the engine (~20 KB gzip) is loaded from here instead, once, right when the
 * content script starts (long before a thread is usually opened), and cached by the browser after.
 * It defines pure functions only, so a page that loads this web-accessible file gains nothing.
 */
export default defineUnlistedScript(() => {
  const engine: LocalEngine = { analyzeSnapshot, localReport, rememberedFacts };
  (globalThis as Record<string, unknown>)[ENGINE_GLOBAL] = engine;
});
