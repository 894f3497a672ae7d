import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What a mail page loads of ours, measured one way everywhere (the build checks, `pnpm bench`,
 * `pnpm sizes` and the README's table): each built file gzipped at level 9.
 */
export const KB = 1024;

/** Each content script (React, the hosts and the sidebar) must stay under this. */
export const CONTENT_SCRIPT_BUDGET_GZIP = 100 * KB;

/**
 * Issue 11's goal for the engine the content scripts load: under 35 KB gzip. Met by loading none of it:
 * the engine runs in the background (utils/remote-engine.ts), which the sidebar asks over messaging.
 * What a content script loads of the engine is every script it can import at run time (a
 * web-accessible script: none now) plus the engine modules bundled into it (only two small formatting
 * helpers of shared/src/analysis, ~0.2 KB; `pnpm sizes` lists them).
 */
export const ENGINE_GOAL_GZIP = 35 * KB;

/** What the build checks enforce for the engine the content scripts load: the goal itself. */
export const ENGINE_CEILING_GZIP = ENGINE_GOAL_GZIP;

/** The files a mail page loads (both content scripts) and the background (which runs the engine for them). */
export const MEASURED_FILES = ['content-scripts/gmail.js', 'content-scripts/outlook.js', 'background.js'] as const;

export interface FileSize {
  raw: number;
  gzip: number;
}

export function gzipSize(data: Uint8Array | string): number {
  return gzipSync(data, { level: 9 }).length;
}

/** Sizes of MEASURED_FILES in one built target (.output/<target>); throws when it was not built. */
export function builtSizes(outputDir: string, target: string): Record<string, FileSize> {
  const dir = join(outputDir, target);
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir} is missing: run \`pnpm build\` first`);
  const sizes: Record<string, FileSize> = {};
  for (const file of MEASURED_FILES) {
    const data = readFileSync(join(dir, file));
    sizes[file] = { raw: data.length, gzip: gzipSize(data) };
  }
  return sizes;
}

interface BuiltManifest {
  web_accessible_resources?: ({ resources: string[] } | string)[];
}

/**
 * The scripts a content script can load at run time besides itself: the web-accessible ones (an
 * `import(runtime.getURL(...))` of anything else fails), with their gzip sizes. Empty since the engine
 * moved to the background.
 */
export function webAccessibleScripts(outputDir: string, target: string): Record<string, FileSize> {
  const dir = join(outputDir, target);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BuiltManifest;
  const resources = (manifest.web_accessible_resources ?? []).flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.resources));
  const sizes: Record<string, FileSize> = {};
  for (const resource of resources) {
    const file = resource.replace(/^\//, '');
    if (!/\.m?js$/.test(file) && !file.includes('*')) continue;
    // A wildcard could expose any script of the build: it counts as unbounded.
    const data = existsSync(join(dir, file)) ? readFileSync(join(dir, file)) : Buffer.from('');
    sizes[file] = { raw: data.length, gzip: file.includes('*') ? Number.POSITIVE_INFINITY : gzipSize(data) };
  }
  return sizes;
}

/**
 * The regular expressions of the engine's rules (shared/src/analysis, tests excluded), as written in
 * the source: a minifier keeps a regular-expression literal as it is, so a built file that contains the
 * rules contains these. The language rules (promises, due dates, requests, risks...) are mostly them.
 */
export function engineRuleFingerprints(analysisDir: string): string[] {
  const prints = new Set<string>();
  const files = readdirSync(analysisDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
  for (const file of files) {
    const source = readFileSync(join(analysisDir, file), 'utf8');
    // A /.../flags literal: escapes and character classes (which may hold a /) taken whole.
    for (const match of source.matchAll(/\/((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+)\/[dgimsuyv]*/g)) {
      const body = match[1]!;
      // Long enough to be a rule's, and not a comment's /* ... */.
      if (body.length >= 24 && !body.includes('*')) prints.add(body);
    }
  }
  return [...prints];
}
