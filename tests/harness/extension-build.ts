import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS_DIR, CHROME_BUILD_DIR, EXTENSION_DIR, FIREFOX_BUILD_DIR, REPO_ROOT, SHARED_DIR } from './paths';

/** Everything whose change means the production build in extension/.output is out of date. */
const BUILD_INPUTS = [
  path.join(EXTENSION_DIR, 'entrypoints'),
  path.join(EXTENSION_DIR, 'hosts'),
  path.join(EXTENSION_DIR, 'components'),
  path.join(EXTENSION_DIR, 'utils'),
  path.join(EXTENSION_DIR, 'assets'),
  path.join(EXTENSION_DIR, 'public'),
  path.join(EXTENSION_DIR, 'wxt.config.ts'),
  path.join(EXTENSION_DIR, 'package.json'),
  path.join(SHARED_DIR, 'src'),
];

function newestMtime(file: string): number {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(file)) {
    // Unit tests and fixtures of the extension do not end up in the build.
    if (entry === 'node_modules' || entry.endsWith('.test.ts') || entry.endsWith('.test.tsx')) continue;
    newest = Math.max(newest, newestMtime(path.join(file, entry)));
  }
  return newest;
}

export interface BuildState {
  fresh: boolean;
  reason: string;
}

export function extensionBuildState(): BuildState {
  const manifests = [CHROME_BUILD_DIR, FIREFOX_BUILD_DIR].map((dir) => path.join(dir, 'manifest.json'));
  const missing = manifests.filter((file) => !existsSync(file));
  if (missing.length > 0) return { fresh: false, reason: `missing ${missing.join(', ')}` };
  const builtAt = Math.min(...manifests.map((file) => statSync(file).mtimeMs));
  const sourcesAt = Math.max(...BUILD_INPUTS.map(newestMtime));
  if (sourcesAt > builtAt) {
    return { fresh: false, reason: `sources changed ${Math.round((sourcesAt - builtAt) / 1000)} s after the last build` };
  }
  return { fresh: true, reason: 'up to date' };
}

/**
 * The environment for the build: the caller's, minus what Vitest sets for its own workers. Vitest runs
 * the global setup with NODE_ENV=test, and a WXT/Vite build that inherits it compiles React's JSX for
 * the development runtime (jsxDEV), which the production react/jsx-runtime does not have: every sidebar
 * mount then throws "jsxDEV is not a function".
 */
function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
  for (const key of Object.keys(env)) {
    if (key === 'NODE_ENV' || key === 'MODE' || key.startsWith('VITEST') || key.startsWith('VITE_')) delete env[key];
  }
  return env;
}

/**
 * Builds the production extension once per run when it is missing or older than its sources.
 * FOLLOWTHROUGH_E2E_NO_BUILD=1 uses whatever is in .output (e.g. while another process is building).
 */
export function ensureExtensionBuilt(log: (line: string) => void = console.log): void {
  const state = extensionBuildState();
  if (state.fresh || process.env.FOLLOWTHROUGH_E2E_NO_BUILD === '1') {
    if (!state.fresh && ![CHROME_BUILD_DIR, FIREFOX_BUILD_DIR].every((dir) => existsSync(dir))) {
      throw new Error(`FOLLOWTHROUGH_E2E_NO_BUILD=1 but the extension build is ${state.reason}`);
    }
    return;
  }
  log(`[e2e] building the extension (${state.reason}): pnpm --filter @followthrough/extension build`);
  const startedAt = Date.now();
  try {
    // flock: the bench and the test suite may start at once; two WXT builds into one .output clobber each other.
    execFileSync('flock', ['/tmp/followthrough-extension-build.lock', 'pnpm', '--filter', '@followthrough/extension', 'build'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 300_000,
      env: buildEnv(),
    });
  } catch (error) {
    const err = error as { stdout?: Buffer; stderr?: Buffer; message: string };
    throw new Error(
      `The extension build failed (pnpm --filter @followthrough/extension build):\n${err.stdout?.toString() ?? ''}\n${err.stderr?.toString() ?? err.message}`,
    );
  }
  // Sources may change while the build runs (someone is editing): the output only has to be this build's.
  for (const dir of [CHROME_BUILD_DIR, FIREFOX_BUILD_DIR]) {
    const manifest = path.join(dir, 'manifest.json');
    if (!existsSync(manifest) || statSync(manifest).mtimeMs < startedAt - 1000) {
      throw new Error(`The extension build finished but ${manifest} was not written by it`);
    }
  }
}

/** Private copies of the builds the browsers load, so a rebuild by someone else mid-run cannot tear them. */
export const SNAPSHOT_DIR = path.join(ARTIFACTS_DIR, 'extension-build');

interface ManifestFiles {
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { js?: string[] }[];
}

/**
 * Copies .output/chrome-mv3 and .output/firefox-mv3 to tests/artifacts/extension-build and checks every
 * script the manifest names arrived; returns the copies' paths.
 */
export function snapshotExtensionBuild(): { chrome: string; firefox: string } {
  rmSync(SNAPSHOT_DIR, { recursive: true, force: true });
  const result = { chrome: path.join(SNAPSHOT_DIR, 'chrome-mv3'), firefox: path.join(SNAPSHOT_DIR, 'firefox-mv3') };
  for (const [from, to] of [[CHROME_BUILD_DIR, result.chrome], [FIREFOX_BUILD_DIR, result.firefox]] as const) {
    cpSync(from, to, { recursive: true });
    const manifest = JSON.parse(readFileSync(path.join(to, 'manifest.json'), 'utf8')) as ManifestFiles;
    const named = [
      ...(manifest.background?.service_worker ? [manifest.background.service_worker] : []),
      ...(manifest.background?.scripts ?? []),
      ...(manifest.content_scripts ?? []).flatMap((script) => script.js ?? []),
    ];
    const missing = named.filter((file) => !existsSync(path.join(to, file)));
    if (missing.length > 0) throw new Error(`The extension build in ${from} is incomplete (a build running right now?): missing ${missing.join(', ')}`);
  }
  return result;
}

/** The snapshot the global setup made; the launchers load these, never .output directly. */
export function extensionSnapshot(browser: 'chrome' | 'firefox'): string {
  const dir = path.join(SNAPSHOT_DIR, browser === 'chrome' ? 'chrome-mv3' : 'firefox-mv3');
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No extension snapshot in ${dir}: run the e2e tests through vitest (its global setup builds and copies the extension)`);
  }
  return dir;
}
