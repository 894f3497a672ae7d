// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SCRIPT_BUDGET_GZIP, ENGINE_CEILING_GZIP, KB, engineRuleFingerprints, gzipSize, webAccessibleScripts } from './sizes';

/**
 * Checks on the production build (run by `pnpm verify`, after `pnpm build`): the manifest says what
 * the README says, Firefox's linter finds no errors, each content script fits its budget and loads no
 * more of the engine than issue 11 allows (build-checks/sizes.ts).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = (target: string) => join(root, '.output', target);
const MAIL_HOSTS = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
];

interface Manifest {
  manifest_version: number;
  permissions: string[];
  host_permissions: string[];
  optional_host_permissions: string[];
  content_scripts: { matches: string[]; js: string[] }[];
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string } };
  content_security_policy?: unknown;
}

function manifest(target: string): Manifest {
  const file = join(out(target), 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`pnpm build\` first`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

describe.each(['chrome-mv3', 'firefox-mv3'])('%s build', (target) => {
  it('is Manifest V3 with only storage, alarms and notifications, and host access only to the mail sites', () => {
    const m = manifest(target);
    expect(m.manifest_version).toBe(3);
    expect([...m.permissions].sort()).toEqual(['alarms', 'notifications', 'storage']);
    expect([...m.host_permissions].sort()).toEqual([...MAIL_HOSTS].sort());
    expect(m.content_scripts.flatMap((c) => c.matches).sort()).toEqual([...MAIL_HOSTS].sort());
    // The server origin is optional: asked for at run time, never granted at install.
    expect(m.optional_host_permissions.sort()).toEqual(['http://*/*', 'https://*/*']);
    expect(m.content_security_policy).toBeUndefined();
  });

  it(`keeps each content script under ${CONTENT_SCRIPT_BUDGET_GZIP / KB} KB gzip`, () => {
    const dir = join(out(target), 'content-scripts');
    const sizes = readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => ({ file: f, gzip: gzipSize(readFileSync(join(dir, f))) }));
    expect(sizes.map((s) => s.file).sort()).toEqual(['gmail.js', 'outlook.js']);
    for (const size of sizes) expect(size.gzip, size.file).toBeLessThan(CONTENT_SCRIPT_BUDGET_GZIP);
  });

  it(`lets the content scripts load at most ${ENGINE_CEILING_GZIP / KB} KB gzip of engine chunk (none: nothing is web-accessible)`, () => {
    const chunks = webAccessibleScripts(join(root, '.output'), target);
    expect(Object.keys(chunks)).toEqual([]);
    const total = Object.values(chunks).reduce((sum, size) => sum + size.gzip, 0);
    expect(total).toBeLessThan(ENGINE_CEILING_GZIP);
  });

  it("bundles none of the engine's rules into the content scripts; the background, which runs them, has them", () => {
    const prints = engineRuleFingerprints(join(root, '..', 'shared', 'src', 'analysis'));
    // Enough of them to mean something (169 when this was written).
    expect(prints.length).toBeGreaterThan(50);
    const found = (file: string) => {
      const code = readFileSync(join(out(target), file), 'utf8');
      return prints.filter((print) => code.includes(print)).length;
    };
    // The check can see the rules where they are: the background holds nearly all (a few are dropped as unused).
    expect(found('background.js')).toBeGreaterThan(prints.length * 0.8);
    expect(found('content-scripts/gmail.js')).toBe(0);
    expect(found('content-scripts/outlook.js')).toBe(0);
  });

  it('contains no eval, no remote script URLs and no token', () => {
    const files = ['background.js', 'content-scripts/gmail.js', 'content-scripts/outlook.js'];
    for (const file of files) {
      const code = readFileSync(join(out(target), file), 'utf8');
      expect(code, file).not.toMatch(/\beval\(/);
      expect(code, file).not.toMatch(/<script[^>]+src=["']https?:/);
      expect(code, file).not.toMatch(/ft_[A-Za-z0-9]{20,}/);
    }
  });
});

describe('firefox build', () => {
  it('has a gecko id', () => {
    expect(manifest('firefox-mv3').browser_specific_settings?.gecko?.id).toBe('followthrough@followthrough.app');
  });

  it('passes web-ext lint with no errors', () => {
    const bin = join(root, 'node_modules', '.bin', 'web-ext');
    let stdout: string;
    try {
      stdout = execFileSync(bin, ['lint', '--source-dir', out('firefox-mv3'), '--output', 'json', '--no-input'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch (error) {
      // web-ext exits non-zero when it finds errors; its JSON report is still on stdout.
      stdout = (error as { stdout?: string }).stdout ?? '';
    }
    const report = JSON.parse(stdout) as { summary: { errors: number }; errors: { code: string; message: string; file?: string }[] };
    expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 120_000);
});
