import { describe, expect, it } from 'vitest';
import { BUILT_OK, FIX_LANDED, ITEMS_DONE, TRY_WORKED, reportsTerseFinding } from './terse-reports';

describe('reports in the fewest words', () => {
  it('reads a fix told by where it landed, and not a wish or a plan', () => {
    expect(FIX_LANDED.test('Fixed in CVS.')).toBe(true);
    expect(FIX_LANDED.test('OK, fixed in SVN, with a test for the bug.')).toBe(true);
    expect(FIX_LANDED.test('This should be fixed in r4521.')).toBe(true);
    expect(FIX_LANDED.test('It has been committed to trunk.')).toBe(true);
    expect(FIX_LANDED.test('The bug is fixed in revision 9.')).toBe(true);
    expect(FIX_LANDED.test('This should be fixed.')).toBe(false);
    expect(FIX_LANDED.test('It will be fixed in the next release.')).toBe(false);
    expect(FIX_LANDED.test('Not fixed in trunk yet.')).toBe(false);
    expect(FIX_LANDED.test('Someone said it was fixed in CVS but I doubt it.')).toBe(false);
  });

  it('reads the listed items told done and a bare "Done.", and not done told of something in a longer sentence', () => {
    expect(ITEMS_DONE.test('These are all done.')).toBe(true);
    expect(ITEMS_DONE.test('Both are done now.')).toBe(true);
    expect(ITEMS_DONE.test('Done.')).toBe(true);
    expect(ITEMS_DONE.test('Done!')).toBe(true);
    expect(ITEMS_DONE.test('I have done this before in another package.')).toBe(false);
    expect(ITEMS_DONE.test('Done that way it breaks the build.')).toBe(false);
    expect(ITEMS_DONE.test('These are not done.')).toBe(false);
  });

  it('reads how a try turned out, and not a time that suits or a hope', () => {
    expect(TRY_WORKED.test('Worked great.')).toBe(true);
    expect(TRY_WORKED.test('Works like a charm, thanks.')).toBe(true);
    expect(TRY_WORKED.test('I seem to have things working OK with the daemon.')).toBe(true);
    expect(TRY_WORKED.test('Works for me.')).toBe(false);
    expect(TRY_WORKED.test('That should work fine.')).toBe(false);
    expect(TRY_WORKED.test('I hope to have it working next week.')).toBe(false);
    expect(reportsTerseFinding('Fixed in CVS.')).toBe(true);
    expect(reportsTerseFinding('Done.')).toBe(false);
  });
});

// Round 15 (corpus README "Round 15 (fulfilment)").
describe('fixes told landed in the latest revision, and tries told by the problem they solved', () => {
  it('reads a fix in the latest revision of source control, and not one in the next release', () => {
    expect(FIX_LANDED.test('This should be fixed in the latest SVN revision.')).toBe(true);
    expect(FIX_LANDED.test('Fixed in the current git tree.')).toBe(true);
    expect(FIX_LANDED.test('This should be fixed in the latest release.')).toBe(false);
    expect(FIX_LANDED.test("They're in the linuxtv.org git tree, they should hit mainline ASAP.")).toBe(true);
    expect(FIX_LANDED.test("It's in the git tree of a friend, not public yet.")).toBe(false);
  });

  it('reads a build told clean, apart from the findings any look may take', () => {
    expect(BUILT_OK.test('I had to export a few functions and everything compiled and insmoded ok.')).toBe(true);
    expect(BUILT_OK.test('It compiled OK and the TypeError is away.')).toBe(true);
    expect(BUILT_OK.test('It should compile fine on your box.')).toBe(false);
    expect(reportsTerseFinding('It compiled OK and the TypeError is away.')).toBe(false);
  });

  it('reads "this solves the crash" and "did the trick" as how a try turned out, and not a plan or a wish', () => {
    expect(TRY_WORKED.test('This solves the crash in the module!')).toBe(true);
    expect(TRY_WORKED.test('Installing it from macports did the trick.')).toBe(true);
    expect(TRY_WORKED.test('This patch should solve the crash.')).toBe(false);
    expect(TRY_WORKED.test('That might do the trick.')).toBe(false);
  });

  it('reads a fix told landed after a "yep" as landed, and not a plan', () => {
    expect(FIX_LANDED.test('Yep, fixed in r645')).toBe(true);
    expect(FIX_LANDED.test('Yes, it will be fixed in the next release.')).toBe(false);
  });
});

// Round 17 (corpus README "Round 17 (fulfilment)").
describe('a fix told landed in a build or a library, also in a relative clause', () => {
  it('reads a build or a library named as where the fix landed, and not the next one', () => {
    expect(FIX_LANDED.test('This has been fixed in the libfoo-java library, so the next release will include the bug fix, too.')).toBe(true);
    expect(FIX_LANDED.test('It was a missing null check in the exporter that has been fixed in the latest nightly build.')).toBe(true);
    expect(FIX_LANDED.test('A race in the cache which has been fixed in trunk.')).toBe(true);
    expect(FIX_LANDED.test('This will be fixed in the next build.')).toBe(false);
    expect(FIX_LANDED.test('This has been fixed in the next nightly build.')).toBe(false);
    expect(FIX_LANDED.test('The bug that has not been fixed in the latest build still bites.')).toBe(false);
  });
});
