import { existsSync, readFileSync } from 'node:fs';
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
 * Issue 11's goal for the engine chunk the content scripts import. Not met: the language rules alone
 * (visible text, promises, due dates, requests, deliveries, risks: what extractMessageFacts needs) are
 * ~35 KB gzip by themselves, and the sidebar's first paint needs all of them (README "Known gaps").
 */
export const ENGINE_GOAL_GZIP = 35 * KB;

/**
 * What `pnpm verify` enforces for engine.js until the goal above is reachable: today's size plus a
 * little room, so the chunk cannot grow unnoticed. Lower it whenever the chunk shrinks.
 */
export const ENGINE_CEILING_GZIP = 52 * KB;

/** The files a mail page loads (both content scripts, the engine chunk) and the background. */
export const MEASURED_FILES = ['content-scripts/gmail.js', 'content-scripts/outlook.js', 'engine.js', 'background.js'] as const;

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
