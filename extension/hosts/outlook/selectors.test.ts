import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { fixtureNames, loadFixture } from '../fixture-loader';
import { outlookFixtureExpectations, outlookSelectors, type OutlookSelectorKey } from './selectors';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

describe('outlook selectors against the dated fixture pages', () => {
  it('has expectations for exactly the fixture files on disk', () => {
    expect(Object.keys(outlookFixtureExpectations).sort()).toEqual(fixtureNames(dir));
  });

  for (const [name, expected] of Object.entries(outlookFixtureExpectations)) {
    it(`${name}: each selector matches the expected number of elements`, () => {
      const { doc } = loadFixture(dir, name);
      const actual: Partial<Record<OutlookSelectorKey, number>> = {};
      for (const key of Object.keys(expected) as OutlookSelectorKey[]) {
        actual[key] = doc.querySelectorAll(outlookSelectors[key].css).length;
      }
      expect(actual).toEqual(expected);
    });
  }

  it('every selector is exercised by at least one fixture with a match', () => {
    const unmatched = (Object.keys(outlookSelectors) as OutlookSelectorKey[]).filter(
      (key) => !Object.values(outlookFixtureExpectations).some((counts) => (counts[key] ?? 0) > 0),
    );
    expect(unmatched).toEqual([]);
  });
});
