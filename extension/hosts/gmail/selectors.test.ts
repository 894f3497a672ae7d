import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { fixtureNames, loadFixture } from '../fixture-loader';
import { gmailFixtureExpectations, gmailSelectors, type GmailSelectorKey } from './selectors';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

describe('gmail selectors against the dated fixture pages', () => {
  it('has expectations for exactly the fixture files on disk', () => {
    expect(Object.keys(gmailFixtureExpectations).sort()).toEqual(fixtureNames(dir));
  });

  for (const [name, expected] of Object.entries(gmailFixtureExpectations)) {
    it(`${name}: each selector matches the expected number of elements`, () => {
      const { doc } = loadFixture(dir, name);
      const actual: Partial<Record<GmailSelectorKey, number>> = {};
      for (const key of Object.keys(expected) as GmailSelectorKey[]) {
        actual[key] = doc.querySelectorAll(gmailSelectors[key].css).length;
      }
      expect(actual).toEqual(expected);
    });
  }

  it('every selector is exercised by at least one fixture with a match', () => {
    const unmatched = (Object.keys(gmailSelectors) as GmailSelectorKey[]).filter(
      (key) => !Object.values(gmailFixtureExpectations).some((counts) => (counts[key] ?? 0) > 0),
    );
    expect(unmatched).toEqual([]);
  });
});
