import { mkdirSync } from 'node:fs';
import { assertBrowsersInstalled } from './browser-check';
import { ensureExtensionBuilt, snapshotExtensionBuild } from './extension-build';
import { ARTIFACTS_DIR, SCREENSHOTS_DIR } from './paths';

/** Vitest global setup: runs once before every e2e file. */
export function setup(): void {
  const versions = assertBrowsersInstalled();
  console.log(`[e2e] ${versions.chromium}; ${versions.firefox}`);
  ensureExtensionBuilt();
  snapshotExtensionBuild();
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
}
