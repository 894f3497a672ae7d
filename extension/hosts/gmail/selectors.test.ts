import { describe } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { checkSelectorFixtures } from '../selector-fixture-check';
import { gmailFixtureExpectations, gmailSelectors } from './selectors';

describe('gmail selectors against the dated fixture pages', () => {
  checkSelectorFixtures(join(dirname(fileURLToPath(import.meta.url)), 'fixtures'), gmailSelectors, gmailFixtureExpectations);
});
