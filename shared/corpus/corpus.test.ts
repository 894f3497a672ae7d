import { describe, expect, it } from 'vitest';
import corpusText from './promises.jsonl?raw';
import { parseCorpus, scoreCorpus } from './evaluate';

const records = parseCorpus(corpusText);

describe('labelled promise corpus', () => {
  it('is big and balanced enough to mean something', () => {
    expect(records.length).toBeGreaterThanOrEqual(200);
    const positives = records.filter((r) => r.promise).length;
    expect(positives / records.length).toBeGreaterThan(0.35);
    expect(positives / records.length).toBeLessThan(0.6);
    expect(records.filter((r) => r.split === 'holdout').length).toBeGreaterThanOrEqual(40);
    expect(records.filter((r) => r.split === 'fresh').length).toBeGreaterThanOrEqual(40);
    // Labels are consistent: only promises have due dates, and a promise has a date or the default.
    for (const r of records) {
      if (!r.promise) expect({ line: r.line, due: r.due, dueIsDefault: r.dueIsDefault }).toEqual({ line: r.line, due: null, dueIsDefault: false });
      else expect({ line: r.line, dated: r.due !== null !== r.dueIsDefault }).toEqual({ line: r.line, dated: true });
    }
  });

  for (const split of ['all', 'holdout', 'fresh'] as const) {
    it(`meets the aims on ${split === 'all' ? 'every sentence' : `the ${split} split`}`, () => {
      const score = scoreCorpus(split === 'all' ? records : records.filter((r) => r.split === split));
      const report = score.failures.map((f) => `line ${f.line}: ${f.text} (expected ${f.expected}, got ${f.got})`);
      expect(score.precision, report.join('\n')).toBeGreaterThanOrEqual(0.95);
      expect(score.recall, report.join('\n')).toBeGreaterThanOrEqual(0.9);
      expect(score.dueAccuracy, report.join('\n')).toBeGreaterThanOrEqual(0.95);
    });
  }
});
