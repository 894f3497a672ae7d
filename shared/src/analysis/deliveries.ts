/**
 * Sentences of our outbound mail that deliver on an earlier promise, or say it slipped (PRODUCT.md
 * "Kept"). They are stored with the message's facts, so fulfilment can be judged again later without
 * the body (fulfilment.ts reads them beside the attachments' names and the subject).
 *
 * Decisions:
 * - delivered: something is sent or shared with this mail or was just sent ("Attached is the revised SOW",
 *   "Just sent to you in a separate email", "Resending", "Faxing to you now", "I left the speech on the table
 *   outside your door",
 *   "Please find enclosed", "Here are the numbers", "I've shared the folder", "I have copied a snippet to pastebin", "As promised, ...", "You can
 *   find the deck at <link>", a forward's note alone: "Fyi", "FYI, see below"). Not a promise to send it ("I'll send it tomorrow"), not a request ("please
 *   send"), not a negation ("I haven't sent it yet").
 * - answered: the matter is answered ("To answer your question, ...", "I checked with legal and ...",
 *   "The answer is ...", "Good news: finance approved the discount", "I was able to confirm that it takes nice pictures"), and so does a talk with the one who knows
 *   ("I just talked w him", "Have spoken with ops": the subject and "with" often left out in quick replies).
 * - answered also covers an answer heard from someone else and passed on ("Tom could do 8:30am", "Lona said it is
 *   scheduled for tomorrow", "From Dave A: ...": text/reported-answers.ts).
 * - answered also covers news of what others are doing or did ("Bill Burns is checking with her", "She pulled her name
 *   off", "There is a conference call at 12:30": text/reported-news.ts), which only a promise of news can take
 *   (isNewsOnly, read by fulfilment.ts).
 * - answered also covers news under a heading that says it is news ("A few quick updates: -- India: I spoke ...",
 *   "Have update Ferry captain will sail at 1pm": text/report-headings.ts); an act the heading reports is news even when
 *   the sentence mentions the past ("as you promised PM Singh we would do late last year").
 * - answered also covers a report of what was found out, from the look or the try itself ("Had a quick look
 *   and ...", "big improvement", "another solution which works ...", "the administrator has suggested the
 *   problem is due to ..."): FINDINGS below; and how a try turned out, the thing left out ("Worked great.", "everything
 *   compiled ok"): text/terse-reports.ts.
 * - happened: an act took place ("Thanks for the call this morning", "We spoke on Tuesday", "The fix is
 *   live", "I've booked the room", "The invite is out", "I finished the PR checklist", "The issue has been resolved"), and in a reply's fewest words, a fix told by where it landed
 *   ("Fixed in CVS.") or the reader's items told done ("These are all done.", "Done."): text/terse-reports.ts.
 * - slip: it is late and the sentence says so, usually with a new time ("It's taking longer than planned,
 *   you'll have it Monday", "We need a few more days", "Running behind, I'll have it by Friday"). A slip is
 *   never a delivery; its `dueText` is the phrase that sets the new time, when one does.
 * - none of these: a duty still owed ("I should include a link to ..."), an act told as old news ("I built a
 *   standalone version earlier this year").
 * One sentence is one candidate: the first kind that fits, slip first (a slip often mentions what it will
 * deliver later: "the report is taking longer").
 */
import type { DeliveryCandidate } from '../model/facts';
import { resolveDueDate } from './due-dates';
import type { DueDateContext } from './due-dates';
import { snippet } from './text/normalize';
import { reportsAnswerHeard } from './text/reported-answers';
import { reportsHeardOrNews, reportsNews } from './text/reported-news';
import { REPORT_HEADING, isBareHeading, reportsUnderHeading } from './text/report-headings';
import { groupedAnywhereByFirstLetter, unionGroupedByFirstLetter } from './text/first-letter-alternation';
import { splitSentences } from './text/sentences';
import { BUILT_OK, FIX_LANDED, ITEMS_DONE, TRY_WORKED } from './text/terse-reports';

const SLIP =
  /\b(?:tak(?:e|es|ing) (?:a (?:bit|little) )?longer|(?:running|am running|are running|we're running|i'm running) (?:a (?:bit|little|few days) )?(?:late|behind)|behind schedule|need (?:a (?:few|couple of) )?(?:more|extra) (?:time|days?|hours?|weeks?)|(?:has|have|had) (?:been )?(?:slipped|delayed|pushed)|(?:is|are|was|were|will be|be) (?:a (?:bit|little|few days) )?(?:delayed|late)|push(?:ing|ed)? (?:it |this |the \w+ )?(?:back|out)|not (?:quite )?(?:ready|finished|done|there) yet|(?:won't|will not|can't|cannot) (?:make|meet|hit) (?:it|the (?:date|deadline)|friday|monday|tuesday|wednesday|thursday|today|tomorrow)|(?:won't|will not) be (?:ready|done|finished) (?:by|until|before|on)|(?:got|been|am|are|were|was) (?:held up|delayed|stuck)|bear with (?:me|us)|new (?:date|eta|timeline) (?:is|will be)|(?:revised|updated|new) eta)\b/i;

const DELIVERED =
  /(?:^|\b)(?:attached (?:is|are|please find|you(?:'ll| will) find|herewith)|please find (?:attached|enclosed|below|herewith|the)|(?:i(?:'ve| have)|we(?:'ve| have)) (?:just |now |also )?(?:attached|enclosed|sent|forwarded|shared|uploaded|posted|emailed|mailed|couriered|faxed|put|placed|added|circulated|dropped|submitted|delivered|included)\b|(?:i(?:'ve| have)|we(?:'ve| have)) (?:just |now |also )?copied (?:it|them|this|that|these|those|the|a|an|my|our)\b[^.;]{0,60}?\b(?:to|into|onto|on|in) (?:pastebin|dpaste|gist|github|cran|the (?:wiki|list|repo|repository|server|site|web ?site|web|page|folder|share|drive|ticket|tracker|bug|issue|ftp))\b|(?:i|we) (?:just |also )?(?:sent|forwarded|shared|uploaded|posted|emailed|mailed|couriered|faxed|circulated|submitted|delivered)\b|here(?:'s| is| are| you go| it is| they are)\b|enclosed (?:is|are|please find)|as promised\b|as requested\b|as discussed,? (?:here|attached|i(?:'ve| have))|you(?:'ll| will| can| should) (?:now )?find (?:it|them|the|our|my|attached)|(?:is|are|it's|they're) (?:now )?(?:attached|enclosed|uploaded|in (?:the|your) (?:shared |dropbox |drive )?(?:folder|drive|inbox)|on (?:the|our) (?:portal|drive|share))|(?:the )?link (?:is|to)\b|(?:here|at|from|see|find it|available|uploaded|posted|download(?:ed)?)\b[^.]{0,40}https?:\/\/|^\S*https?:\/\/[^/\s]+\/[^\s]*[\w-][^\s]*\s*$|\b(?:posted|uploaded|sent|put up|pushed|committed|submitted) (?:a|the|an|my|our) (?:new )?(?:patch|fix|version|update|preview|build|binary|package)\b|see (?:the )?attached\b|(?:i|we)(?:'ve| have)? (?:just |also |now )?(?:left|dropped off|put) (?:it|them|this|that|these|those|the|a|an|your|my|our)\b[^.]{0,60}?\b(?:on|in|outside|under|at) (?:your|the) (?:desk|chair|table|door|foyer|entry ?way|office|residence|house|inbox|mailbox|box|folder)\b|(?:i|we)(?:'re| are|'m| am) (?:attaching|enclosing|sending you|forwarding you|sharing|(?:sending|forwarding) (?:it|them|this|that|these|those) (?:as (?:an? )?attachments?|attached|over|along|to you)\b)|^(?:just |now |also )?(?:sent|resent|forwarded|emailed|faxed)(?=\s*[.!]?$|\s+(?:it|them|this|that|these|those|the|a|an|both|all|you|to|out|over|along|back|now|again|separately|earlier|already)\b)|^(?:re-?sending|(?:faxing|sending|emailing|forwarding) (?:it |this |that |them )?(?:to you|over|now))\b|^(?:fyi|fysa)(?:[\s,.:;-]+(?:(?:pls |please )?see )?(?:below|b\/l|attached|traffic below))?\s*[.!]?$)/i;

const ANSWERED =
  /(?:^|\b)(?:to answer your (?:question|query)|in answer to|(?:regarding|re|on|about) your (?:question|query)|the (?:short )?answer is|(?:(?:i|we)(?:'ve| have)? (?:just |now |also |already )?|^(?:have |just |already )+)(?:checked|confirmed|looked into|looked at|found out|heard back|spoke(?:n)? (?:to|with|w\/?(?=\s))|talked (?:to|with|w\/?(?=\s))|verified|investigated|asked)\b|(?:i|we) can (?:now )?confirm\b|confirmed:|good news\b|it turns out|turns out (?:that|it)|the reason (?:is|was)|the (?:price|cost|quote|figure|number|total|amount|date|eta) (?:is|will be|comes to)|(?:yes|no),? (?:we|it|that|you|the)\b|(?:it|this|that|everything|all|the \w+|these commands|the following(?: commands)?) (?:now |finally |then |all )?(?:works|worked|is working|are working|seems to work|runs|ran fine|installed fine)\b|(?:that|this|which|it) (?:seems to have |appears to have )?(?:solved|fixed|did the trick|cured|sorted)\b|(?:i|we) (?:got|have got|managed to get|finally got) (?:it|\w+(?: \w+)?) (?:working|installed|running|to work|to run|fixed)|(?:i|we)(?:'ve| have)? (?:finally )?found (?:the|a|what|out)\b|(?:below|here) is (?:how|what)\b|(?:i|we) (?:could|can) (?:now )?(?:reproduce|confirm|install|run)\b|(?:i|we) (?:was|were) (?:finally |now )?able to (?:reproduce|confirm|verify|install|run|build|compile|load|get (?:it|this|that|them) (?:working|running))\b|(?:i|we) (?:can|could) now (?:build|compile|load)\b)/i;

const HAPPENED =
  /(?:^|\b)(?:^(?:ok|okay|sure|yes|done)?[\s,.!-]*(?:the )?[\w.-]+(?: [\w.-]+)? (?:(?:has|have) been |is |was |now )?(?:changed|fixed|updated|corrected|renamed|uploaded|released|merged|committed|applied|done)\b|thanks? (?:you )?(?:for|again for) (?:the|your|our|a) (?:call|time|meeting|chat|conversation|visit)|(?:good|great|nice) (?:to (?:speak|talk|meet|see|catch up)|speaking|talking|meeting|seeing)|(?:we|i) (?:spoke(?! too (?:soon|fast|quickly|early|hastily))|talked|met|caught up|had (?:a|our|the) (?:call|meeting|chat))\b|(?:as|like) (?:discussed|agreed) (?:on|during|in|at) (?:the|our|today's|yesterday's|this morning's) (?:call|meeting)|(?:the )?(?:fix|patch|update|change|release|feature|new version)\b[^.]{0,30}\b(?:is|has been|was|are|have been) (?:now )?(?:live|deployed|released|shipped|out|merged|rolled out|in production|submitted|pushed|published)|(?:we|i)(?:'ve| have)? (?:now )?(?:found and |tracked down and |identified and )?(?:fixed|resolved|deployed|released|shipped|rolled out|booked|scheduled|set up|arranged|organi[sz]ed|sent (?:the|an|a) (?:calendar )?invite)\b|(?:the )?(?:invite|invitation|meeting|call|room|session) (?:is|has been|was) (?:now )?(?:out|sent|booked|scheduled|set up|confirmed|in (?:your|the) calendar)|(?:is|are|it's) now (?:live|fixed|resolved|working|done|complete)|(?:i|we)(?:'ve| have)? (?:now |finally |just |also |already )?(?:finished|completed) (?:\w+ing|the|my|our|all|it|this|that|these|those)\b|^(?:the )?(?:issue|problem|bug|crash|outage|error) (?:has been|is now|is|was) (?:now )?(?:resolved|fixed|solved)\b|^(?:just |now |also |then )?(?:installed|reinstalled|tried|tested|rebuilt|recompiled|compiled|upgraded)\b(?!:)|(?:i|we)(?:'ve| have)? (?:now |finally |just |also |already )?(?:tried|tested|reproduced|installed|upgraded|built|rebuilt|pushed|committed|edited|updated|added|removed|changed|rewritten|rewrote|implemented|introduced|patched|applied|merged|filed|opened|documented|run|ran)\b)/i;

/**
 * A report of what a look or a try found, in the words people use when the finding, not the act, is the
 * news: the look itself ("Had a quick look and ..."), an outcome ("big improvement", "a solution which
 * works"), what someone we asked said ("the cluster administrator has suggested ..."), a cause found ("the
 * problem is due to ..."), what we ran (a shell prompt "user@host:~$ ", or "user at host:~$ " as list archives
 * print it), the findings presented ("here my findings on the memleak"). Answers, for fulfilment: it decides which
 * promise they answer (fulfilment-reports.ts).
 */
const FINDINGS =
  /(?:^|\b(?:i|we)(?:'ve| have)? )(?:had|took) (?:a|another) (?:quick |brief |closer |first |short |good )?look\b|\b(?:solution|workaround|approach|fix|way) (?:which|that) (?:works|worked)\b|\b(?:is|here's|here is) (?:a|one|my|the) (?:[\w-]+ ){0,2}(?:solution|workaround)\b|\b(?:seems to have |has |have )?(?:gone|went) (?:through )?(?:ok|okay|fine|well|smoothly)\b|\b(?:the|my|our) [\w-]+(?: [\w-]+)? (?:has |have )?(?:also )?(?:suggested|replied|explained|pointed out|told (?:me|us))\b|\b(?:problem|issue|error|crash|bug|failure) (?:is|was|seems to be|appears to be) (?:due to|caused by)\b|\bhere(?:'s| is| are)? (?:are )?(?:my|our|the) (?:\w+ )?findings\b|\b[\w.-]+(?:@| at )[\w.-]+:[~/][^\s$#]*[$#] /i;

/**
 * An outcome exclaimed, not wished for: "bang!, big improvement", "that's a huge speed-up", "no improvement".
 * Read before the negations: "I could not resist, and bang!, big improvement" reports a try.
 */
const OUTCOME =
  /(?:^|[!,:;]\s*|\b(?:that's|that is|it's|it is|this is|what|gave|gives|got|saw|see|showed|shows|makes|made) (?:an? |quite an? |really an? )?)(?:big|huge|great|significant|dramatic|massive|considerable|noticeable|substantial|nice|no|little|slight|small|some) (?:improvement|speed-?up)\b/i;

/** Not a delivery: a future, a request, a question, a negation, a condition. */
const NOT_DONE =
  /\b(?:will|'ll|’ll|shall|going to|gonna|plan to|intend to|hope to|would|could|should|might|may)\s+(?:\w+\s+){0,2}?(?:send|share|attach|forward|upload|get|have|follow|provide|deliver|circulate|post)\b|\b(?:haven't|have not|hasn't|has not|didn't|did not|not yet|yet to|still (?:need|have) to|forgot to|unable to|couldn't|could not|can't|cannot|doesn't work|does not work|don't know)\b|\b(?:please|could you|can you|would you|kindly) (?:send|share|attach|forward|upload|provide)\b|^\s*if\b/i;

/**
 * What we still owe, not what we did: "looks like I should include a link to StatDocs in <url>", "we need to
 * add the manuals". A duty of ours is the opposite of a delivery, whatever it names; "I should have sent it"
 * (a regret about the past) is not one, nor "the closest we have to an official count" (what we hold, not a duty).
 */
const STILL_OWED = /\b(?:i|we)\s+(?:really |probably |still |also )?(?:should|ought to|need to|must|have to|had better|'d better)\s+(?!have\b|(?:an?|the|my|our|your|his|her|its|their)\b|(?:say|admit|confess|agree)\b)/i;

/**
 * An act told as old news: "I built a standalone version earlier this year", "we set that up years ago". It
 * happened before the promise it might seem to keep (the promise is answered with background, not done), so it
 * is no report of an act done since.
 */
const OLD_NEWS = /\b(?:earlier this (?:year|month)|last (?:year|month|spring|summer|autumn|fall|winter)|(?:years|months|long|a long time|a while|some time) ago|a (?:few|couple of) (?:years|months) ago|back in (?:19|20)\d\d|in the past)\b/i;

/**
 * Every delivery and slip pattern contains one of these; most sentences skip the full rules. An answer heard from someone
 * else has its own guard (text/reported-answers.ts), read only for the sentences this one turns away.
 */
const HINT_WRITTEN =
  /fyi|readout|status report|progress report|fysa|tried|tested|reproduc|install|upgrad|built|rebuilt|pushed|commit|edited|updated|added|removed|changed|rewr|implement|introduc|patch|appl|merg|filed|opened|document|\bran\b|\brun\b|work|solve|trick|cure|sorted|got|found|below|could|can |attach|enclos|find|sent|send|forward|shar|upload|post|mail|fax|courier|put|placed|added|circulat|dropped|submit|deliver|includ|here|promised|requested|discussed|link|http|answer|question|query|check|confirm|look|heard|spoke|talk|verif|investigat|asked|good|turns out|reason|price|cost|quote|figure|number|total|amount|date|eta|yes|no\b|thank|great|nice|met|caught|fix|patch|update|change|release|feature|version|resolved|deploy|shipp|rolled|book|schedul|set up|arrang|organi|invite|room|session|now|long|late|behind|more|slipp|delay|push|ready|held|stuck|bear|revised|new|improv|speed|solution|gone|went|finished|completed|workaround|suggest|replied|explain|pointed|told|due to|caused|\$ |left|landed|copied|compil|loads|loaded|builds|svn|cvs|\bgit\b|\bhg\b|mercurial|bzr|darcs|subversion/i;
/** HINT_WRITTEN as the engine reads it fastest (text/first-letter-alternation.ts); read with test() only. */
const HINT = groupedAnywhereByFirstLetter(HINT_WRITTEN);

/** A fixed frame: only the phrase of a slip's new time is kept; the caller dates it in the user's zone. */
const PROBE: DueDateContext = {
  sentAt: '2026-01-07T12:00:00Z',
  timeZone: 'UTC',
  workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
  defaultWorkingDays: 2,
};

// Written once out here rather than inline: a regex literal inside a function is a new object each time it is
// evaluated, and these run for every sentence.
const ENDS_AS_QUESTION = /\?\s*["'”’)]*\s*$/;
/** "not delayed", "no longer late": a slip denied. */
const NO_SLIP = /\b(?:not|no longer|never)\s+(?:\w+\s+)?(?:delayed|late|behind)\b/i;
/** The clause after ", but" or "; but". */
const BUT_CLAUSE = /[,;]\s*but\s+(.+)$/i;
/** Opens by handing something over, whatever future follows ("Attached is what I will send them"). */
const OPENS_DELIVERING = /^(?:attached|please find|here(?:'s| is| are))\b/i;

/** A question in brackets at the end: "I'm sending it as attachment (does it look good?)". */
const BRACKETED_END = /\s*\([^()]*\)\s*[.!]?\s*$/;
function isQuestion(sentence: string): boolean {
  return ENDS_AS_QUESTION.test(sentence);
}
/**
 * A copy handed over with a question about it in brackets ("I'm sending it as attachment (does it look good?)") still
 * hands it over; any other sentence that ends asking is a question, whatever it says before.
 */
function deliveredBeforeAside(sentence: string): DeliveryCandidate | null {
  if (!sentence.trimEnd().endsWith(')')) return null;
  const before = sentence.replace(BRACKETED_END, '');
  if (before === sentence || before.trim() === '' || isQuestion(before)) return null;
  const found = classifyDelivery(before);
  return found?.kind === 'delivered' ? { text: snippet(sentence), kind: 'delivered' } : null;
}

/**
 * Every kind's pattern in one, for the sentences that pass HINT (about half of our outbound sentences) and are none
 * of the kinds (most of those): one scan for all the kinds instead of up to eight, one per pattern (SLIP, OUTCOME,
 * NOT_DONE, STILL_OWED, DELIVERED, HAPPENED, ANSWERED, FINDINGS). A sentence no kind's pattern matches anywhere can
 * be found only through the clause after ", but" (DELIVERED may match at that clause's start and nowhere in the
 * sentence: "It has not been merged, but https://example.org/build/v2"), so a sentence with such a clause is read
 * in full. classifyDelivery's CPU time over every sentence of outbound mail, fastest of 5 alternated runs, twice: the
 * R-list archive's 273,218 sentences 1,128 -> 958 ms and 1,129 -> 975 ms (about -15%: technical mail has many
 * sentences that pass HINT and are no kind); the mailbox benchmark's unchanged (real sentences 457 -> 454 and
 * 475 -> 475 ms, templates 360 -> 357 ms). corpus/prefilters.test.ts checks that no sentence the rules classify is
 * skipped here.
 */
const KIND_PATTERNS = [SLIP, OUTCOME, DELIVERED, HAPPENED, ANSWERED, FINDINGS, REPORT_HEADING, FIX_LANDED, ITEMS_DONE, TRY_WORKED, BUILT_OK];
/**
 * Read only with test(), so joined in the order the engine reads fastest (text/first-letter-alternation.ts
 * unionGroupedByFirstLetter): the kinds' alternatives that start a word in one list grouped by first letter, instead of
 * each kind's list tried in turn at every place. Over the mailbox bench's outbound sentences that reach it, fastest of 3:
 * generated 606-632 -> 287-309 ms, real sentences 762-830 -> 369-383 ms (the sentences no kind matches are most of them
 * and most of its cost). Whether it matches is the same as for the kinds joined in order: corpus/prefilters.test.ts
 * checks both over the corpora.
 */
const ANY_KIND = unionGroupedByFirstLetter(KIND_PATTERNS);
/** The kinds joined in their order, as ANY_KIND was first written: for corpus/prefilters.test.ts (built when called). */
export function kindsJoinedInOrder(): RegExp {
  return new RegExp(KIND_PATTERNS.map((pattern) => `(?:${pattern.source})`).join('|'), 'i');
}

/** Whether some kind's pattern matches somewhere in the sentence (ANY_KIND): for corpus/prefilters.test.ts. */
export function matchesAnyKind(sentence: string): boolean {
  return ANY_KIND.test(sentence);
}

/** Whether the delivery rules may find something in a sentence: false only when none of them can. */
export function mayClassifyDelivery(sentence: string): boolean {
  return ANY_KIND.test(sentence) || BUT_CLAUSE.test(sentence) || reportsHeardOrNews(sentence);
}

/** What one sentence of our mail shows, or null. */
export function classifyDelivery(sentence: string): DeliveryCandidate | null {
  return classifyDeliveries([sentence])[0]!;
}

/**
 * What each sentence shows (classifyDelivery), each step taken over all the sentences in turn rather than sentence by
 * sentence: each step is a large compiled pattern (the union of kinds alone is 1.7 MB of bytecode), and one pattern run
 * over many sentences in a row stays in the processor's caches (readBatch reads a batch family by family for the same
 * reason). Over our bodies of the mailbox bench's first 30,000 messages of real sentences, a batch at a time: 361-371
 * against 400-423 ms sentence by sentence (three runs each, alternated).
 */
function classifyDeliveries(sentences: readonly string[]): (DeliveryCandidate | null)[] {
  // undefined while a sentence is still being read.
  const classified = new Array<DeliveryCandidate | null | undefined>(sentences.length).fill(undefined);
  // "Done." and "These are all done" name no act HINT knows; "done" itself is too common a word to pass every sentence on.
  const hinted: boolean[] = [];
  for (const sentence of sentences) hinted.push(HINT.test(sentence));
  for (let i = 0; i < sentences.length; i++) if (!hinted[i]) hinted[i] = ITEMS_DONE.test(sentences[i]!);
  for (let i = 0; i < sentences.length; i++) if (!hinted[i] && !reportsHeardOrNews(sentences[i]!)) classified[i] = null;
  for (let i = 0; i < sentences.length; i++) if (classified[i] === undefined && isQuestion(sentences[i]!)) classified[i] = deliveredBeforeAside(sentences[i]!);
  for (let i = 0; i < sentences.length; i++) if (classified[i] === undefined && hinted[i] && !mayClassifyDelivery(sentences[i]!)) classified[i] = null;
  for (let i = 0; i < sentences.length; i++) if (classified[i] === undefined) classified[i] = classifyByRules(sentences[i]!);
  return classified as (DeliveryCandidate | null)[];
}

/**
 * classifyDelivery without the first tests (HINT, the question, mayClassifyDelivery): exported so that
 * corpus/prefilters.test.ts can check those tests against the rules themselves.
 */
export function classifyByRules(sentence: string): DeliveryCandidate | null {
  // The snippet is made only for a sentence that is kept: most are not.
  if (SLIP.test(sentence) && !NO_SLIP.test(sentence)) {
    const due = resolveDueDate(sentence, PROBE);
    return due ? { text: snippet(sentence), kind: 'slip', dueText: due.dueText } : { text: snippet(sentence), kind: 'slip' };
  }
  if (OUTCOME.test(sentence)) return { text: snippet(sentence), kind: 'answered' };
  // A fix told landed, whatever plan the sentence goes on to ("This has been fixed in the gnu.hylafax library, so the next
  // release will include the bug fix"): the plan is the next step, not a denial of the fix.
  if (FIX_LANDED.test(sentence) && !OLD_NEWS.test(sentence)) return { text: snippet(sentence), kind: 'happened' };
  if ((NOT_DONE.test(sentence) || STILL_OWED.test(sentence)) && !OPENS_DELIVERING.test(sentence)) {
    // "It has not pushed to testing yet, but here are the URLs for the updated builds": the clause after
    // "but" delivers, whatever the first one denies.
    const after = BUT_CLAUSE.exec(sentence)?.[1];
    return after && !NOT_DONE.test(after) && DELIVERED.test(after) ? { text: snippet(sentence), kind: 'delivered' } : null;
  }
  if (DELIVERED.test(sentence)) return { text: snippet(sentence), kind: 'delivered' };
  // A fix told by where it landed, or the reader's items told done, in a reply's fewest words (text/terse-reports.ts).
  if (HAPPENED.test(sentence) || FIX_LANDED.test(sentence) || ITEMS_DONE.test(sentence)) {
    if (!OLD_NEWS.test(sentence)) return { text: snippet(sentence), kind: 'happened' };
    return reportsUnderHeading(sentence) ? { text: snippet(sentence), kind: 'answered' } : null;
  }
  if (ANSWERED.test(sentence) || FINDINGS.test(sentence) || TRY_WORKED.test(sentence) || BUILT_OK.test(sentence) || reportsHeardOrNews(sentence) || reportsUnderHeading(sentence)) return { text: snippet(sentence), kind: 'answered' };
  return null;
}

/**
 * Whether an answer is only news of others' doings (text/reported-news.ts) and no answer of another kind: such news
 * keeps a promise of news, not a promise to find something out, send or call (progress is not the thing owed).
 */
export function isNewsOnly(sentence: string): boolean {
  return reportsNews(sentence) && !ANSWERED.test(sentence) && !FINDINGS.test(sentence) && !OUTCOME.test(sentence) && !reportsAnswerHeard(sentence);
}

/**
 * Delivery and slip sentences of our outbound mail's visible text (quoted history already removed). `sentences`:
 * splitSentences(visible), when the caller has it already (readBatch splits each body once for every family).
 */
export function findDeliveries(visible: string, sentences: readonly string[] = splitSentences(visible)): DeliveryCandidate[] {
  return deliveriesOf(sentences, classifyDeliveries(sentences));
}

/** findDeliveries given each sentence's classifyDelivery. */
function deliveriesOf(sentences: readonly string[], classified: readonly (DeliveryCandidate | null)[]): DeliveryCandidate[] {
  const out: DeliveryCandidate[] = [];
  // A heading on its own ("Update:", then "• Spoke to the AP reporter • ...") gives its news in the item after it: that
  // item is read with the heading, so a follow-up owed sees news given as news (fulfilment.ts). Only the first item: a
  // heading says nothing of what comes after the list.
  let heading: string | null = null;
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    const found = classified[i]!;
    const headed = heading === null ? null : `${heading} ${sentence}`;
    heading = isBareHeading(sentence) ? sentence : null;
    if (headed !== null && (found === null || found.kind === 'answered' || found.kind === 'happened') && reportsUnderHeading(headed)) {
      out.push({ text: snippet(headed), kind: found?.kind ?? 'answered' });
    } else if (found) out.push(found);
  }
  return out;
}

/**
 * findDeliveries for each of many bodies, with the same answers, every sentence of the bodies classified together
 * (classifyDeliveries, step by step over all of them). corpus/prefilters.test.ts checks the answers against findDeliveries.
 */
export function findDeliveriesInBodies(bodies: readonly { sentences: readonly string[] }[]): DeliveryCandidate[][] {
  const sentences: string[] = [];
  for (const body of bodies) for (const sentence of body.sentences) sentences.push(sentence);
  const classified = classifyDeliveries(sentences);
  const out: DeliveryCandidate[][] = [];
  let at = 0;
  for (const body of bodies) {
    out.push(deliveriesOf(body.sentences, classified.slice(at, at + body.sentences.length)));
    at += body.sentences.length;
  }
  return out;
}
