import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Absolute paths the harness needs; everything is derived from this file's place in the repo. */
export const TESTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(TESTS_DIR, '..');
export const EXTENSION_DIR = path.join(REPO_ROOT, 'extension');
export const SERVER_DIR = path.join(REPO_ROOT, 'server');
export const SHARED_DIR = path.join(REPO_ROOT, 'shared');
export const CHROME_BUILD_DIR = path.join(EXTENSION_DIR, '.output', 'chrome-mv3');
export const FIREFOX_BUILD_DIR = path.join(EXTENSION_DIR, '.output', 'firefox-mv3');
export const SCREENSHOTS_DIR = path.join(TESTS_DIR, 'screenshots');
/** Traces and failure screenshots: git-ignored by the root eslint/gitignore rules (tests/artifacts). */
export const ARTIFACTS_DIR = path.join(TESTS_DIR, 'artifacts');
export const BENCH_RESULTS_DIR = path.join(REPO_ROOT, 'bench-results');

export const CHROMIUM_PATH = process.env.FOLLOWTHROUGH_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FOLLOWTHROUGH_FIREFOX ?? '/usr/bin/firefox-esr';
