import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keywords } from './keywords';

/** The plain reading keywords must keep to: three replacements, then split on everything but [a-z0-9]. */
function splitReading(text: string): string[] {
  const spaced = text
    .replace(/https?:\/\/[^/\s]+/gi, ' ')
    .replace(/\.(?:pdf|docx?|xlsx?|pptx?|csv|txt|zip|png|jpe?g|key|numbers|pages|odt|ods|rtf|msg|eml)\b/gi, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return spaced.split(/[^a-z0-9]+/).filter((raw) => raw.length >= 2 && !/^\d+$/.test(raw) && !/^v\d+$/.test(raw));
}

describe('keywords', () => {
  it('names the thing: content words, singular, without links, extensions, numbers and versions', () => {
    expect([...keywords("I'll send the revised SOW and the invoices by Friday")]).toEqual(['revis', 'sow', 'invoic']);
    expect([...keywords('See https://cran.r-project.org/web/packages/lme4 and report_Q3Final.pdf v2 2026')]).toEqual(['web', 'packag', 'lme4', 'report', 'q3final']);
    expect([...keywords('HTTP://Example.COM/Budget.XLSX, budgetPlan-v10')]).toEqual(['budget', 'plan']);
  });

  it('reads every text as splitting it on what is not a letter or digit would', () => {
    const pieces = ['the', 'Revised', 'SOW', 'https://x.org', 'http://A.b/c', 'plan.pdf', '.docx', 'camelCase', 'v12', 'v', '42', 'a1', 'İstanbul', 'ß', 'é', '-', '_', ' ', '\n', '.', ':', '//', 'invoices', 'reproducing', 'x'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const expected = new Set(splitReading(text).map((raw) => [...keywords(raw)][0] ?? null));
        // Each raw word read alone gives its folded form, or nothing when it is a stop word; together they are the set.
        expected.delete(null);
        expect([...keywords(text)].sort()).toEqual([...expected].sort());
      }),
      { numRuns: 5_000 },
    );
  });
});
