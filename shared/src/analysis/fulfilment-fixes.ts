/**
 * Promises to fix or ship something, and the later mail that shows it shipped (PRODUCT.md "Kept").
 *
 * A fix is done when it is released, pushed, merged or live, not when someone tested something: "I just
 * tested against trunk and I get: ... 1 error" after "I'll have a fix available by the end of the week" is a
 * test report, and keeps nothing. And when the promise names what it will ship ("I will push the update
 * Monday night"), a later "This update has been submitted for stable" names the same thing shipped, even
 * though "update" is too general a word to tie a document to a promise.
 */

/** The things a fix is shipped as. */
const SHIPPABLE = '(fix|patch|update|release|version|build|package)';

/** A shipping verb: the fix left our hands ("released", "pushed", "is live"). A test or a try is not one. */
const SHIPPED =
  /\b(?:fixed|resolved|deployed|released|shipped|live|merged|committed|pushed|submitted|uploaded|published|applied|patched|rolled out|in production)\b/i;

/** "This update has been submitted", "the new release is out", "the patch is now live". */
const NOUN_SHIPPED = new RegExp(
  `\\b${SHIPPABLE}e?s?\\b[^.;]{0,30}?\\b(?:is|are|has been|have been|was|were) (?:now |just |finally )?(?:submitted|pushed|released|live|out|merged|committed|uploaded|published|deployed|available|on cran)\\b`,
  'i',
);
/** "I pushed the update", "we have released a new version". */
const SHIPPED_NOUN = new RegExp(
  `\\b(?:i|we)(?:'ve| have)? (?:just |now |finally |also )?(?:pushed|released|uploaded|submitted|committed|merged|deployed|posted|published) (?:the|a|an|my|our|this) (?:new |updated |fixed )?${SHIPPABLE}\\b`,
  'i',
);
/** The thing the promise will ship, after its article ("release a patch": patch, not the verb "release"). */
const PROMISED_NOUN = new RegExp(`\\b(?:the|a|an|my|our|this|that|new) (?:new |updated |fixed )?${SHIPPABLE}\\b`, 'i');

/** Whether a sentence that reports an act ("happened") says a fix shipped, not merely that something was tested. */
export function saysShipped(sentence: string): boolean {
  return SHIPPED.test(sentence);
}

/** Whether the sentence says the very thing the promise would ship (its noun: update, patch, release...) shipped. */
export function shipsPromisedThing(commitment: string, sentence: string): boolean {
  const promised = PROMISED_NOUN.exec(commitment)?.[1]?.toLowerCase();
  if (!promised) return false;
  const shipped = (NOUN_SHIPPED.exec(sentence) ?? SHIPPED_NOUN.exec(sentence))?.[1]?.toLowerCase();
  return shipped === promised;
}
