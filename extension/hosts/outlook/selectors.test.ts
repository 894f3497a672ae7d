import { describe } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { checkSelectorFixtures } from '../selector-fixture-check';
import { outlookFixtureExpectations, outlookSelectors } from './selectors';

describe('outlook selectors against the dated fixture pages', () => {
  checkSelectorFixtures(join(dirname(fileURLToPath(import.meta.url)), 'fixtures'), outlookSelectors, outlookFixtureExpectations);
});
