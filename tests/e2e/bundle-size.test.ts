import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_SCRIPT_BUDGET_GZIP, ENGINE_CEILING_GZIP, KB, builtSizes, webAccessibleScripts } from '../../extension/build-checks/sizes';
import { SNAPSHOT_DIR, extensionSnapshot } from '../harness/extension-build';

// The global setup builds the production extension for the browser tests; its sizes are checked here
// too, so the full suite (not only `pnpm --filter @followthrough/extension verify`) fails when what a
// mail page loads grows past its budget.
describe.each(['chrome', 'firefox'] as const)('%s production build', (browser) => {
  const target = browser === 'chrome' ? 'chrome-mv3' : 'firefox-mv3';

  it(`loads at most ${CONTENT_SCRIPT_BUDGET_GZIP / KB} KB gzip per content script and ${ENGINE_CEILING_GZIP / KB} KB gzip of engine chunk`, () => {
    const dir = extensionSnapshot(browser);
    expect(readdirSync(path.join(dir, 'content-scripts')).filter((f) => f.endsWith('.js')).sort()).toEqual(['gmail.js', 'outlook.js']);
    const sizes = builtSizes(SNAPSHOT_DIR, target);
    for (const file of ['content-scripts/gmail.js', 'content-scripts/outlook.js']) expect(sizes[file]!.gzip, file).toBeLessThan(CONTENT_SCRIPT_BUDGET_GZIP);
    // The engine runs in the background: no script is web-accessible, so a content script can import none.
    const chunks = webAccessibleScripts(SNAPSHOT_DIR, target);
    expect(Object.keys(chunks)).toEqual([]);
    expect(Object.values(chunks).reduce((sum, size) => sum + size.gzip, 0)).toBeLessThan(ENGINE_CEILING_GZIP);
  });
});
