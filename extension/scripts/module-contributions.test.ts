// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SourceMapGenerator } from 'source-map-js';
import { moduleContributions } from './module-contributions';

/** A built file of three modules on one line: a repetitive one, a random-looking one and a tiny one. */
function built() {
  const parts = [
    { source: '../shared/src/analysis/a.ts', text: 'const a="' + 'abcabc'.repeat(500) + '";' },
    { source: '../shared/src/analysis/b.ts', text: 'const b="' + Array.from({ length: 400 }, (_, i) => ((i * 7919) % 9973).toString(36)).join('') + '";' },
    { source: '../node_modules/.pnpm/wxt@0.20.27/node_modules/wxt/dist/c.mjs', text: 'c();' },
  ];
  const map = new SourceMapGenerator({ file: 'engine.js' });
  let column = 0;
  for (const part of parts) {
    map.addMapping({ generated: { line: 1, column }, original: { line: 1, column: 0 }, source: part.source });
    column += part.text.length;
  }
  return { code: parts.map((p) => p.text).join(''), map: map.toJSON(), parts };
}

describe('moduleContributions', () => {
  it('attributes every byte to its module and ranks modules by what they cost compressed', () => {
    const { code, map, parts } = built();
    const { total, modules } = moduleContributions(code, map);
    expect(modules.map((m) => m.source)).toEqual(['shared/src/analysis/b.ts', 'shared/src/analysis/a.ts', 'wxt/dist/c.mjs']);
    expect(Object.fromEntries(modules.map((m) => [m.source, m.raw]))).toEqual({
      'shared/src/analysis/a.ts': parts[0]!.text.length,
      'shared/src/analysis/b.ts': parts[1]!.text.length,
      'wxt/dist/c.mjs': parts[2]!.text.length,
    });
    // The repetitive module is large raw but cheap compressed.
    const a = modules.find((m) => m.source.endsWith('a.ts'))!;
    expect(a.gzip).toBeGreaterThan(0);
    expect(a.gzip).toBeLessThan(a.raw / 20);
    expect(modules.every((m) => m.gzip < total)).toBe(true);
  });
});
