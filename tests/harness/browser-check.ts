import { accessSync, constants } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { CHROMIUM_PATH, FIREFOX_PATH } from './paths';

/**
 * The e2e suite drives the machine's own browsers (no browser downloads are possible here), so a missing
 * browser is a setup error with instructions, never a silent skip.
 */
export function assertBrowsersInstalled(): { chromium: string; firefox: string } {
  const missing: string[] = [];
  const versions = { chromium: '', firefox: '' };
  for (const [name, file, pkg] of [
    ['chromium', CHROMIUM_PATH, 'chromium'],
    ['firefox', FIREFOX_PATH, 'firefox-esr'],
  ] as const) {
    try {
      accessSync(file, constants.X_OK);
      versions[name] = execFileSync(file, ['--version'], { encoding: 'utf8', timeout: 30_000 }).trim();
    } catch {
      missing.push(`${name} (${file}): install it with \`apt-get update && apt-get install -y ${pkg}\``);
    }
  }
  if (missing.length > 0) {
    throw new Error(
      `The end-to-end tests need real browsers that are not installed:\n  - ${missing.join('\n  - ')}\n` +
        'Set FOLLOWTHROUGH_CHROMIUM / FOLLOWTHROUGH_FIREFOX to use browsers installed elsewhere.',
    );
  }
  return versions;
}
