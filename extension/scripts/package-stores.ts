/**
 * One command for the store packages:
 *   pnpm --filter @followthrough/extension package
 * builds and zips the Chrome Web Store package and the Firefox Add-ons package with the sources
 * archive AMO asks for (WXT's `zip`; wxt.config.ts says what the sources hold), checks the Firefox build
 * with `web-ext lint` (errors fail the command; warnings are printed), and writes the privacy policy
 * page both stores ask for from the README's Privacy section. Everything lands in .output/store/.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { privacyPolicyPage } from './privacy-policy';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, '.output');
const store = join(output, 'store');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
// A production build: a test runner's NODE_ENV would compile React for development.
const env = { ...process.env, NODE_ENV: 'production' };

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
rmSync(store, { recursive: true, force: true });
mkdirSync(store, { recursive: true });
for (const old of readdirSync(output).filter((file) => file.endsWith('.zip'))) rmSync(join(output, old));

run(bin('wxt'), ['zip', '-b', 'chrome']);
run(bin('wxt'), ['zip', '-b', 'firefox', '--mv3']);
const zips = readdirSync(output).filter((file) => file.endsWith('.zip'));
for (const zip of zips) copyFileSync(join(output, zip), join(store, zip));
const expected = ['chrome.zip', 'firefox.zip', 'sources.zip'];
const missing = expected.filter((suffix) => !zips.some((zip) => zip.endsWith(`-${suffix}`)));
if (missing.length > 0) throw new Error(`wxt zip did not write the ${missing.join(', ')} package(s); it wrote: ${zips.join(', ')}`);

let lintJson: string;
try {
  lintJson = run(bin('web-ext'), ['lint', '--source-dir', join(output, 'firefox-mv3'), '--output', 'json', '--no-input']);
} catch (error) {
  lintJson = (error as { stdout?: string }).stdout ?? '';
}
const lint = JSON.parse(lintJson) as { summary: { errors: number; warnings: number }; errors: { code: string; message: string }[]; warnings: { code: string; file?: string }[] };
for (const warning of lint.warnings) console.log(`web-ext lint warning: ${warning.code} ${warning.file ?? ''}`);
if (lint.summary.errors > 0) throw new Error(`web-ext lint found errors:\n${lint.errors.map((e) => `${e.code}: ${e.message}`).join('\n')}`);

const date = new Date().toISOString().slice(0, 10);
writeFileSync(join(store, 'privacy-policy.html'), privacyPolicyPage(readFileSync(join(root, '..', 'README.md'), 'utf8'), version, date));
console.log(`Store packages in ${store}: ${readdirSync(store).join(', ')} (web-ext lint: 0 errors, ${lint.summary.warnings} warnings)`);
