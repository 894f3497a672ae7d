import { describe, expect, it } from 'vitest';

// Vite's import.meta.glob (vitest runs on Vite): lists files at test time without Node APIs, which
// shared/ may not import. Declared here because shared/ has no Vite client typings.
declare global {
  interface ImportMeta {
    glob<T = unknown>(pattern: string | string[], options: { eager: true; query: '?raw'; import: 'default' }): Record<string, T>;
  }
}

// Every .ts file in this folder except tests and the index itself is a rule (sub-folders such as time/
// and text/ hold helpers that rules share).
const sources = import.meta.glob<string>(['./*.ts', '!./*.test.ts'], { eager: true, query: '?raw', import: 'default' });
const tests = import.meta.glob<string>('./*.test.ts', { eager: true, query: '?raw', import: 'default' });
const index = sources['./index.ts'] ?? '';
const rules = Object.keys(sources)
  .filter((path) => path !== './index.ts')
  .map((path) => path.slice(2, -3))
  .sort();

describe('analysis rule registry (index.ts is the only place rules are listed)', () => {
  it('finds the rules', () => {
    expect(rules).toContain('promises');
    expect(rules).toContain('mailbox-analyzer');
    expect(rules.length).toBeGreaterThanOrEqual(20);
  });

  it.each(rules)('%s is exported from index.ts', (rule) => {
    expect(index).toContain(`export * from './${rule}';`);
  });

  it.each(rules)('%s has a test file beside it', (rule) => {
    expect(Object.keys(tests)).toContain(`./${rule}.test.ts`);
  });

  it('exports the time-zone helpers every date rule goes through', () => {
    expect(index).toContain(`export * from './time/zoned';`);
  });

  it('lists no file that does not exist', () => {
    const listed = [...index.matchAll(/export \* from '\.\/([\w-]+)';/g)].map((m) => m[1]);
    expect(listed.filter((name) => !rules.includes(name ?? ''))).toEqual([]);
  });
});
