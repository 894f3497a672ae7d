// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { privacyPolicyPage, privacySection } from './privacy-policy';

const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../README.md'), 'utf8');

describe('privacy policy page', () => {
  it('is the README\'s Privacy section, rendered, and nothing from the other sections', () => {
    const section = privacySection(readme);
    const page = privacyPolicyPage(readme, '0.1.0', '2026-12-03');
    expect(page).toContain('Followthrough privacy policy');
    expect(page).toContain('version 0.1.0');
    // Each sentence of the section reaches the page.
    for (const sentence of section.split(/(?<=\.)\s+/).filter((s) => /^[A-Z]/.test(s)).slice(0, 5)) {
      expect(page).toContain(sentence.replace(/`([^`]+)`/g, '<code>$1</code>').replace(/\*\*/g, '').split(' ').slice(0, 4).join(' '));
    }
    expect(page).not.toContain('## ');
    expect(page).not.toContain('pnpm followthrough analyze');
    expect(page).not.toMatch(/<script|https?:\/\/(?!www\.w3)/);
  });
});
