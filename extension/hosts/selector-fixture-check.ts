import { expect, it } from 'vitest';
import { fixtureNames, loadFixture } from './fixture-loader';
import type { FixtureExpectations, SelectorTable } from './selector-kit';

/** How many elements the first matching strategy of each element finds in `doc`. */
export function winningCounts<K extends string>(doc: Document, table: SelectorTable<K>, keys: readonly K[]): Partial<Record<K, number>> {
  const counts: Partial<Record<K, number>> = {};
  for (const key of keys) {
    counts[key] = 0;
    for (const strategy of table[key].strategies) {
      const found = doc.querySelectorAll(strategy.css).length;
      if (found > 0) {
        counts[key] = found;
        break;
      }
    }
  }
  return counts;
}

/**
 * The selector evidence tests shared by both hosts: every dated fixture on disk has expectations,
 * each element's winning strategy matches the expected number of elements, every strategy cites its
 * evidence, and every element is found on at least one fixture.
 */
export function checkSelectorFixtures<K extends string>(dir: string, table: SelectorTable<K>, expectations: FixtureExpectations<K>): void {
  it('has expectations for exactly the fixture files on disk, each dated in its name', () => {
    expect(Object.keys(expectations).sort()).toEqual(fixtureNames(dir));
    for (const name of fixtureNames(dir)) expect(name).toMatch(/^\d{4}-\d{2}-/);
  });

  for (const [name, expected] of Object.entries(expectations)) {
    it(`${name}: each element's winning strategy matches the expected number of elements`, () => {
      const { doc } = loadFixture(dir, name);
      expect(winningCounts(doc, table, Object.keys(expected) as K[])).toEqual(expected);
    });
  }

  it('every strategy names its evidence and is valid CSS', () => {
    const doc = document.implementation.createHTMLDocument('');
    for (const [key, spec] of Object.entries(table) as [K, SelectorTable<K>[K]][]) {
      expect(spec.strategies.length, key).toBeGreaterThan(0);
      for (const strategy of spec.strategies) {
        expect(strategy.evidence.length, `${key}: ${strategy.css}`).toBeGreaterThan(10);
        expect(() => doc.querySelectorAll(strategy.css), `${key}: ${strategy.css}`).not.toThrow();
      }
    }
  });

  it('every element is found on at least one fixture', () => {
    const unmatched = (Object.keys(table) as K[]).filter((key) => !Object.values(expectations).some((counts) => ((counts as Partial<Record<K, number>>)[key] ?? 0) > 0));
    expect(unmatched).toEqual([]);
  });
}
