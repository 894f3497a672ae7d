/**
 * Reports of a thing done or found in the fewest words, the subject left out or reduced to a pronoun, as developers
 * write them in a thread they share with the reader: "Fixed in CVS.", "This should be fixed in r15022.", "These are all
 * done.", "Worked great.", "I seem to have things working OK". Read by deliveries.ts (what kind of delivery a sentence
 * is) and fulfilment-reports.ts (whether it tells what a promised look or try found), so both read them alike.
 *
 * Each says where the fix landed or how the thing turned out; none is read alone as keeping a promise that names
 * something else (fulfilment.ts still ties a report to its promise by the thread and the promise's words).
 */

/**
 * A fix that landed, told by where: source control ("Fixed in CVS", "committed to trunk", "should be fixed in r15022",
 * "fixed in revision 1234", "should be fixed in the latest SVN revision"), or the patches told in a tree of source control
 * ("They're in the linuxtv.org git tree"), or a build or library named ("This has been fixed in the gnu.hylafax library"), also in a
 * relative clause ("an oversight in the Shadows class that has been fixed in the latest trunk build"). The place is what
 * makes it a report: "should be fixed" alone is a wish, and "fixed in the next release" a plan.
 */
/**
 * A build or a library the fix landed in, told by name, not by source control: "fixed in the latest trunk build", "fixed
 * in the gnu.hylafax library". Not "the next build" (a plan).
 */
const BUILT_PLACE = String.raw`the (?!next |upcoming |coming |future |following )(?:latest |current |newest |nightly |development |dev )*(?:[\w.-]+ ){0,2}(?:build|snapshot|library|nightly)`;
export const FIX_LANDED = new RegExp(
  String.raw`^(?:they're|they are|it's|it is|the (?:patch|patches|fix|fixes) (?:is|are)) (?:now |already )?(?:in|on) the (?:[\w.-]+ )?(?:cvs|svn|subversion|git|hg|mercurial|bzr|darcs) (?:tree|repository|repo|trunk|master|branch)\b(?! of\b)|^(?:(?:ok|okay|done|thanks|yes|yep|yeah)[\s,.!-]+)?(?:(?:this|it|that|which|these|those|they|the (?:bug|problem|issue|crash|leak|error|test|tests|typo|link|links))(?: (?:should|has|have|is|are|was|were))?(?: (?:now|all|both|already|finally))?(?: (?:been|be))? )?(?:now |finally |just )?(?:fixed|committed|checked in|merged|landed) (?:now )?(?:in|into|on|to) (?:cvs|svn|subversion|trunk|head|master|git|bzr|hg|darcs|the (?:trunk|repository|repo|tree|main branch)|the (?:latest |current |newest )?(?:[\w.-]+ )?(?:cvs|svn|subversion|git|hg|mercurial|bzr|darcs) (?:revision|version|tree|trunk|repository|repo|snapshot|head|master)|r\d+|revision \d+|changeset \d+|\[\d+\]|${BUILT_PLACE})\b|\b(?:that|which) (?:has|have) (?:now |already )?been (?:fixed|committed|merged) (?:in|into) (?:${BUILT_PLACE}|trunk|cvs|svn|git|the (?:trunk|repository|repo|tree))\b`,
  'i',
);

/** Done told of the items the reader listed: "These are all done.", "Both are done now", a bare "Done." in a reply. */
export const ITEMS_DONE = /^(?:(?:these|those|they|both|all of (?:these|those|them)) (?:are|have been) (?:now )?(?:all |both )?(?:done|complete|completed|finished)\b|done\s*[.!]*\s*$)/i;

/**
 * How a try turned out, the thing tried left out: "Worked great.", "Works perfectly now", "I seem to have things working
 * OK", "we finally have it running", "This solves the crash in the module!", "installing it with macports did the trick". Not "works for me" (a time that suits) and not a hope ("should work").
 */
export const TRY_WORKED =
  /^(?:(?:it|that|this|which) )?(?:works|worked) (?:now )?(?:great|fine|perfectly|beautifully|nicely|flawlessly|like a charm)\b|^(?:(?:it|that|this|which) )?(?:solves|solved|fixes|fixed|cures|cured) (?:the|my|this|that) (?:[\w-]+ ){0,2}?(?:crash|crashes|problem|issue|bug|error|hang|freeze|oops|panic|leak)\b|\bdid the trick\b|\b(?:i|we) (?:seem to |now |finally |already )*(?:have|got) (?:things|it|everything|this|that|them) (?:all )?(?:working|running)(?: (?:ok|okay|fine|now|well|nicely))?\b/i;

/**
 * A build told clean: "everything compiled and insmoded ok", "It loads fine". How a try to get something going turned out,
 * but it says nothing of a look at something else in the thread ("I'll look into TileCache then": "It compiled OK"), so
 * fulfilment.ts takes it for a try only, not for any look (reportsTerseFinding leaves it out).
 */
export const BUILT_OK =
  /\b(?:everything|it|all|this|that) (?:now )?(?:compiled|compiles|built|builds|installed|installs|loaded|loads)(?: and \w+)? (?:ok|okay|fine|cleanly|successfully|without (?:any )?(?:errors?|problems?|issues?))\b/i;

/** Whether a sentence reports a fix landed or how a try turned out: a finding, for a promise to look or try. */
export function reportsTerseFinding(sentence: string): boolean {
  return FIX_LANDED.test(sentence) || TRY_WORKED.test(sentence);
}
