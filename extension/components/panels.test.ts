import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PANELS } from './panels/index';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'panels');

describe('panel registry', () => {
  it('lists every panel file exactly once, under the id that is its file name', () => {
    const files = readdirSync(dir)
      .filter((name) => name.endsWith('.tsx') && !name.endsWith('.test.tsx'))
      .map((name) => name.replace(/\.tsx$/, ''))
      .sort();
    expect(PANELS.map((panel) => panel.id).sort()).toEqual(files);
    expect(new Set(PANELS.map((panel) => panel.id)).size).toBe(PANELS.length);
  });

  it('puts the health score first, then what needs action, then the figures', () => {
    expect(PANELS.map((panel) => panel.id)).toEqual([
      'health-panel',
      'risk-panel',
      'awaiting-panel',
      'promises-panel',
      'initiation-panel',
      'response-lag-panel',
      'contact-panel',
      'touchpoint-panel',
      'report-panel',
    ]);
  });

  it('gives every panel a title for its heading', () => {
    for (const panel of PANELS) expect(panel.title.length, panel.id).toBeGreaterThan(3);
  });
});
