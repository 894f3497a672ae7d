import type { DeliveryCandidate } from '../model/facts';
import type { TouchpointKind } from '../model/touchpoint';
import { isNewsOnly } from './deliveries';
import { saysShipped, shipsPromisedThing } from './fulfilment-fixes';
import { BUILT_OK, FIX_LANDED } from './text/terse-reports';
import { isInquiry, reportsFinding } from './fulfilment-reports';
import { GENERIC, keywords } from './text/keywords';
import { reportsUnderHeading } from './text/report-headings';
import { isoMs } from './time/iso-ms';

/**
 * Whether a promise was kept (PRODUCT.md "Kept"): decided from what we did afterwards, one piece of
 * evidence at a time, so the server can apply new mail to stored promises without re-reading a client's
 * history, and the CLI and the extension get the same answer by folding the same evidence in time order.
 *
 * The contract every caller relies on:
 * - isFulfilmentCandidate(promise, evidence) says which evidence can matter at all, from metadata only
 *   (thread, recipients, time), so a store can find it with an index;
 * - judgeEvidence(promise, evidence) reads one candidate and says what it shows;
 * - resolveFulfilment(promise, evidence) === evidence sorted by (at, id), filtered by
 *   isFulfilmentCandidate, folded with applyJudgement from NO_FULFILMENT. Callers that see evidence in
 *   time order may fold one piece at a time; any out-of-order piece means folding again from the start.
 *
 * The fold: a "kept" is final; a "possibly kept" stands until a "kept" replaces it or a later slip takes it
 * back (the mail that followed said it was not done after all); a slip before any delivery moves the
 * promise to the slip's new time (its dueText, dated by the caller in the user's zone as promises are).
 */

/** Something we did after the promise: a later message of ours, or a logged touchpoint. */
export type FulfilmentEvidence =
  | {
      kind: 'message';
      id: string;
      threadId: string;
      /** ISO 8601, UTC. */
      at: string;
      subject: string;
      /** External recipients (addresses, lower-case). */
      to: readonly string[];
      /**
       * Counterpart keys of those recipients. Optional: when given, mail within the window to someone else
       * at the promise's client is a candidate too (the colleague the client asked us to send it to), and
       * it keeps the promise only when it names what was promised.
       */
      counterparts?: readonly string[];
      deliveries: readonly DeliveryCandidate[];
      attachments: readonly string[];
    }
  | {
      kind: 'touchpoint';
      id: string;
      at: string;
      counterpart: string;
      touchpointKind: TouchpointKind;
      summary?: string;
    };

/** What fulfilment needs to know about a promise (no settings: due dates are applied by the caller). */
export interface PromiseForFulfilment {
  id: string;
  text: string;
  messageId: string;
  threadId: string;
  counterpart: string | null;
  madeAt: string;
  /** External recipients of the promising message. */
  madeTo: readonly string[];
}

export interface FulfilmentJudgement {
  /** kept: it delivers what was promised; possibly-kept: it may, ask the user; slip: late, new time given. */
  verdict: 'kept' | 'possibly-kept' | 'slip';
  /** The words that show it ("Attached is the revised SOW"), for the evidence line beside the verdict. */
  quote: string | null;
  /** For a slip: the phrase that sets the new time, when one does. */
  dueText?: string;
}

export interface FulfilmentOutcome {
  /** The earliest evidence that keeps it (a strong one wins over an earlier "possibly"). */
  kept: { by: string; at: string; strength: 'kept' | 'possibly-kept'; quote: string | null } | null;
  /** The latest slip before it was kept: the promise is now due by the slip's new time. */
  slip: { by: string; at: string; quote: string | null; dueText: string | null } | null;
}

export const NO_FULFILMENT: FulfilmentOutcome = Object.freeze({ kept: null, slip: null });

/** Later mail to the same people keeps a promise only this long after it was made; the thread has no limit. */
export const FULFILMENT_WINDOW_DAYS = 90;
const WINDOW_MS = FULFILMENT_WINDOW_DAYS * 86_400_000;

/**
 * Evidence that can bear on the promise at all: after it was made, and either in the same thread, or
 * (within the window) mail to any of the people it was made to or to anyone else at its client (when the
 * evidence lists counterparts), or a touchpoint with its client.
 */
let lastMadeAt: { text: string; ms: number } = { text: '', ms: Number.NaN };
function madeAtOf(promise: PromiseForFulfilment): number {
  if (lastMadeAt.text !== promise.madeAt) lastMadeAt = { text: promise.madeAt, ms: isoMs(promise.madeAt) };
  return lastMadeAt.ms;
}

/**
 * Whether a mail of ours can keep or postpone any promise: it presents something (a delivery, an answer, a
 * report, a new date) or carries attachments. Most mail does neither, and judgeEvidence has nothing to read
 * in it, so it is not evidence at all: the analyzer does not file it and the server does not store it.
 */
export function canBearOnPromises(mail: { deliveries?: readonly unknown[] | undefined; attachments?: readonly unknown[] | undefined }): boolean {
  return (mail.deliveries?.length ?? 0) > 0 || (mail.attachments?.length ?? 0) > 0;
}

export function isFulfilmentCandidate(promise: PromiseForFulfilment, evidence: FulfilmentEvidence): boolean {
  const madeAt = madeAtOf(promise);
  const at = timeOf(evidence);
  if (!(at > madeAt)) return false;
  if (evidence.kind === 'message') {
    if (evidence.id === promise.messageId) return false;
    if (evidence.threadId === promise.threadId) return true;
    if (at - madeAt > WINDOW_MS) return false;
    return evidence.to.some((address) => promise.madeTo.includes(address)) || (promise.counterpart !== null && (evidence.counterparts ?? []).includes(promise.counterpart));
  }
  return promise.counterpart !== null && evidence.counterpart === promise.counterpart && at - madeAt <= WINDOW_MS;
}

// The fold meets the same evidence for many promises (every promise to a client meets that client's later
// mail): what is read from a piece of evidence, or from a promise's text, is read once. Pure functions of
// immutable inputs, so caching them changes no answer.
const evidenceTimes = new WeakMap<FulfilmentEvidence, number>();
function timeOf(evidence: FulfilmentEvidence): number {
  let at = evidenceTimes.get(evidence);
  if (at === undefined) {
    at = isoMs(evidence.at);
    evidenceTimes.set(evidence, at);
  }
  return at;
}

/**
 * The words of a piece of evidence, each part read the first time a judgement needs it: most judgements
 * stop before reading all of them (a delivery of the wrong kind for the promise, a subject in the same
 * thread), and each piece is judged against many promises.
 */
interface EvidenceWords {
  subject: Set<string> | undefined;
  attachments: Set<string> | undefined;
  deliveries: (Set<string> | undefined)[];
  /** Per delivery: what it has done (the words before a future of its own) and what it still promises (null: nothing). */
  done: (Set<string> | undefined)[];
  still: (Set<string> | null | undefined)[];
  /** Per delivery: what it has done without its links' addresses (read only for a sentence with a link). */
  linkless: (Set<string> | undefined)[];
}
const evidenceWords = new WeakMap<FulfilmentEvidence, EvidenceWords>();
function wordsOf(evidence: FulfilmentEvidence & { kind: 'message' }): EvidenceWords {
  let words = evidenceWords.get(evidence);
  if (!words) {
    words = { subject: undefined, attachments: undefined, deliveries: [], done: [], still: [], linkless: [] };
    evidenceWords.set(evidence, words);
  }
  return words;
}
function subjectWords(evidence: FulfilmentEvidence & { kind: 'message' }, words: EvidenceWords): Set<string> {
  return (words.subject ??= keywords(evidence.subject.replace(/^(?:\s*(?:re|fw|fwd|aw|sv|wg|tr|rv)\s*:\s*)+/i, '')));
}
function attachmentWords(evidence: FulfilmentEvidence & { kind: 'message' }, words: EvidenceWords): Set<string> {
  return (words.attachments ??= keywords(evidence.attachments.join(' ')));
}
function deliveryWords(evidence: FulfilmentEvidence & { kind: 'message' }, words: EvidenceWords, i: number): Set<string> {
  return (words.deliveries[i] ??= keywords(evidence.deliveries[i]!.text));
}

/**
 * A delivery sentence often goes on to promise more: "I have emailed our charge in Brasilia and will call Craig right
 * now", "Fine to do 1pm - I'll make sure it works", or tells a plan in the present with its time ("We updated our list
 * ...: I'm speaking with him about his interest next week"). What it names after that future ("will call Craig") is still owed,
 * so it cannot show that thing done; and when that future promises again what the earlier promise did, the sentence is
 * the promise restated (a resend, a copy), not its delivery.
 */
const STILL_TO_DO = /(?:^|[\s,;:(–—-])(?:(?:and|but|then|so) )?(?:(?:i|we)(?:'ll|’ll| will| shall|'m going to|’m going to| am going to|'re going to| are going to)|will|(?:i|we)(?:'m|’m| am|'re|’re| are)(?= \w+ing\b[^.;]*?\b(?:next|tomorrow|tonight|later (?:today|this \w+)|this (?:afternoon|evening|weekend)|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b))\s+(\S.*)$/i;
function doneWords(evidence: FulfilmentEvidence & { kind: 'message' }, words: EvidenceWords, i: number): Set<string> {
  let done = words.done[i];
  if (done === undefined) {
    const text = evidence.deliveries[i]!.text;
    const future = STILL_TO_DO.exec(text);
    done = future ? keywords(text.slice(0, future.index)) : deliveryWords(evidence, words, i);
    words.done[i] = done;
  }
  return done;
}
function stillOwedWords(evidence: FulfilmentEvidence & { kind: 'message' }, words: EvidenceWords, i: number): Set<string> | null {
  let still = words.still[i];
  if (still === undefined) {
    const future = STILL_TO_DO.exec(evidence.deliveries[i]!.text);
    still = future ? keywords(future[1]!) : null;
    words.still[i] = still;
  }
  return still;
}

/** The delivery's own future promises everything the commitment did: the promise again, not its delivery. */
function restatesCommitment(commitmentWords: ReadonlySet<string>, still: ReadonlySet<string> | null): boolean {
  if (still === null || commitmentWords.size === 0) return false;
  for (const w of commitmentWords) if (!still.has(w)) return false;
  return true;
}

const NO_WORDS: ReadonlySet<string> = new Set<string>();

interface PromiseReading {
  act: Act;
  /** The commitment's own words ("I'll ..." to the end): what is promised, without what led up to it. */
  commitment: string;
  promised: Set<string>;
  /** The commitment's own words ("make sure it works"), to tell a later restatement of it. */
  committed: Set<string>;
  trying: boolean;
  /** A try at making something ("try implementing it", "try to write a parser"), not at testing it. */
  triesMaking: boolean;
  /** A promise to find something out, kept by the report of what was found (fulfilment-reports.ts). */
  inquiry: boolean;
  /**
   * The words of the question an inquiry names ("find out who else is on the list" -> list), or of the event news is
   * owed on ("let you know when our server is up again" -> server; not "once that far"), else none.
   */
  askedAbout: Set<string>;
  /** A try at a setup step ("try and install Jython 2.5.3", "try to build from source"): its words, else none. */
  triedStep: ReadonlySet<string>;
  reportsBack: boolean;
  /** "I will ask my administrator to do it": done by the person asked, so shown only by mail that names them. */
  delegated: boolean;
  /** News owed with no topic named: any news in its thread keeps it. */
  newsOnly: boolean;
  /** A follow-up owed that names nothing ("Will advise", "Will follow up on other items"): kept by news under a heading. */
  followsUp: boolean;
  /** The words of the names the promise mentions ("Craig", "Ops", "Lona"): who or what it concerns, not the thing owed. */
  properNames: Set<string>;
}
/** Promise texts read so far (bounded: a long-running server sees new ones forever). */
const promiseReadings = new Map<string, PromiseReading>();
function readingOf(text: string): PromiseReading {
  let reading = promiseReadings.get(text);
  if (!reading) {
    const commitment = commitmentOf(text);
    const act = actOf(commitment);
    reading = {
      act,
      commitment,
      promised: keywords(text),
      committed: keywords(commitment),
      trying: act === 'answer' && TRYING.test(text),
      triesMaking: act === 'answer' && TRIES_MAKING.test(commitment),
      // Only an act of answering: "I'll try to send it Monday" is kept by the sending, not by a report of a try.
      inquiry: act === 'answer' && isInquiry(commitment),
      askedAbout: questionWordsOf(commitment),
      triedStep: act === 'answer' ? triedStepWordsOf(commitment) : NO_STEP,
      reportsBack: REPORTS_BACK.test(text),
      delegated: DELEGATES.test(commitment),
      newsOnly: act === 'answer' && owesOnlyNews(commitment),
      followsUp: act === 'answer' && owesFollowUpOnly(commitment),
      properNames: properNamesOf(text),
    };
    if (promiseReadings.size >= 5000) promiseReadings.clear();
    promiseReadings.set(text, reading);
  }
  return reading;
}

/** What a promise commits to doing, which decides what evidence can show it done. */
type Act = 'send' | 'answer' | 'call' | 'fix' | 'schedule' | 'do';

/** The commitment's own words: "I'm downloading it as we speak; I'll try installing it" -> "try installing it". */
function commitmentOf(text: string): string {
  const own = /\b(?:i|we)(?:'ll|’ll| will| shall|'m going to|’m going to| am going to|'re going to| are going to)\s+(.*)$|\blet me\s+(.*)$/i.exec(text);
  // An aside in brackets is not the act: "I'll recheck and try adding the PPA (if I get it working) and report
  // back" promises a report, not a fix.
  return (own?.[1] ?? own?.[2] ?? text).replace(/\s*\([^()]*\)/g, '');
}

/** A try of a patch: "try the patch", "test your new patch", "give the patch a try". */
const TRIES_PATCH = /^(?:\w+ )?(?:try|test|give) (?:out )?(?:the|your|this|that|his|her|their|these|those|both)? ?(?:new |latest |updated |revised |last )?patch(?:es)?\b/;
function actOf(commitment: string): Act {
  const t = commitment.toLowerCase();
  // Trying a patch someone sent is a try, reported by how it went, not a fix shipped ("I'll try the patch").
  if (TRIES_PATCH.test(t)) return 'answer';
  // Pushing an update or a patch ships a fix ("I will push the update Monday night").
  if (/\b(?:fix|resolve|patch|deploy|ship|release|commit (?:it|this|that|them|these|those|the|my|your|our)\b|sort (?:it |this |that )?out|get (?:it|this|that) (?:fixed|resolved|working)|push (?:out )?(?:the |an |a |my |our |this |that )?(?:new )?(?:update|fix|patch|release|version|build|changes?))\b/.test(t)) return 'fix';
  if (/\b(?:schedule|book|set up|arrange|organi[sz]e|send (?:you )?(?:an |the )?(?:calendar )?invite)\b/.test(t)) return 'schedule';
  // News of how it goes ("I'll post updates", "we'll send an update on Friday") is a report back, not a thing
  // handed over: "the update" (a software update) stays a send or a fix. So is "I'll keep you posted", which would
  // otherwise read as posting something.
  if (STATUS_UPDATES.test(t) || KEEPS_POSTED.test(t)) return 'answer';
  // Putting a copy somewhere ("I will put a copy of the build script on CRAN") is handing it over.
  if (/\b(?:send|share|forward|e-?mail you|mail|deliver|provide|circulate|upload|post|put together|put (?:up )?(?:a copy|copies|it|them|the [\w-]+)\b[^.;]{0,60}?\b(?:on|online|up)\b|prepare|draft|write up|attach|leave (?:it|them|this|that|these|those|the|a|an|your|my|our)\b|drop (?:it |them |the [\w-]+ )?off\b|submit (?:it|this|that|them|the|a|an|my|our)\b|get (?:you|it|this|that|them|the|those|these|a|an|our|my)\b(?! (?:done|tested|installed|working|sorted|fixed|resolved)\b)|have (?:it|the|a|an|them|something) (?:ready|over|to you|with you|done))/.test(t)) return 'send';
  // Taking on what the reader asked for ("I'll get on all these", "I'll make those changes", "will take care of it"):
  // done when the changes are reported made ("I've changed it to ...", "I've also added ...").
  if (/\b(?:get on (?:it|this|that|these|those|them|all)|(?:make|do) (?:these|those|the|all (?:the|these|those)|your) (?:edits|changes|corrections|tweaks|fixes)|do (?:these|those|all (?:of )?(?:these|those|them))\b(?! \w+ing\b)|take care of (?:it|this|that|these|those|them|all)|handle (?:it|this|that|these|those|them))\b/.test(t)) return 'do';
  // Meeting a requirement or a deadline is not a meeting ("figure out how to meet that requirement").
  if (/\b(?:call|ring|phone|dial|give you a (?:call|ring|buzz)|speak|talk|meet(?! (?:th(?:at|e|is|ese|ose) |our |your |its )?(?:[\w-]+ )?(?:requirements?|deadlines?|targets?|goals?|needs?|criteria|specs?|standards?|expectations?|demands?|conditions?|dependenc(?:y|ies)))|catch up|walk you through|visit)\b/.test(t)) return 'call';
  return 'answer';
}

const TOUCHPOINT_ACTS: Partial<Record<TouchpointKind, Act[]>> = {
  call: ['call', 'answer'],
  meeting: ['call', 'answer', 'schedule'],
  'report-sent': ['send'],
  invoice: ['send'],
};

/** Which delivery kinds can show each act done, and which only hint at it. */
const SHOWS: Record<Act, { strong: DeliveryCandidate['kind'][]; weak: DeliveryCandidate['kind'][] }> = {
  send: { strong: ['delivered'], weak: ['answered'] },
  // "I'll try it and report back", "I'll look into it": a report of what was done answers it.
  answer: { strong: ['answered', 'delivered', 'happened'], weak: [] },
  call: { strong: ['happened'], weak: ['answered'] },
  fix: { strong: ['happened'], weak: ['delivered', 'answered'] },
  schedule: { strong: ['happened'], weak: ['delivered'] },
  do: { strong: ['happened'], weak: ['delivered', 'answered'] },
};

interface ItemMatch {
  /** A distinctive word of the promise is in the evidence ("SOW" in "Attached is the revised SOW"). */
  names: boolean;
  /** The evidence names something else specific and nothing of the promise's ("Attached is the invoice"). */
  other: boolean;
}

function matchItem(promised: ReadonlySet<string>, ...shown: ReadonlySet<string>[]): ItemMatch {
  let distinctive = 0;
  let names = false;
  for (const w of promised) {
    if (GENERIC.has(w)) continue;
    distinctive++;
    for (const set of shown) if (set.has(w)) names = true;
    if (names) break;
  }
  if (names || distinctive === 0) return { names, other: false };
  for (const set of shown) for (const w of set) if (!GENERIC.has(w)) return { names, other: true };
  return { names, other: false };
}

/**
 * What one candidate shows about the promise; null when it is unrelated (PRODUCT.md "Kept").
 * - A later mail of ours keeps it when it does what was promised (a delivery sentence of the right kind,
 *   or an attachment) and names the promised thing, or when the promise named nothing specific ("I'll
 *   send it over") and the mail is in its thread. Right kind but nothing to tie it to the promise:
 *   possibly kept, for the user to confirm. A different item delivered, a lunch invitation, a question:
 *   nothing.
 * - Mail to someone else at the client, outside the thread, keeps it only when it names the thing.
 * - A promise to find something out ("I'll take a look", "I'll try it", "I'll see if ...") is kept, in its
 *   thread, by our report of what was found (fulfilment-reports.ts); a promise to ship a fix by the fix
 *   shipped, not by a test (fulfilment-fixes.ts).
 * - A slip ("it's taking longer, you'll have it Monday") is a slip, with its new time, never a delivery.
 * - A logged call or meeting keeps a promise to call or to answer; other touchpoints keep it only when
 *   their summary names the promised thing.
 */
export function judgeEvidence(promise: PromiseForFulfilment, evidence: FulfilmentEvidence): FulfilmentJudgement | null {
  // Most later mail delivers nothing and reports no slip: nothing to read.
  if (evidence.kind === 'message' && !canBearOnPromises(evidence)) return null;
  const { act, commitment, promised, committed, trying, triesMaking, inquiry, askedAbout, triedStep, reportsBack, delegated, newsOnly, followsUp, properNames } = readingOf(promise.text);
  if (evidence.kind === 'touchpoint') {
    const shown = keywords(evidence.summary ?? '');
    const { names, other } = matchItem(promised, shown);
    if (names) return { verdict: 'kept', quote: evidence.summary ?? null };
    if (TOUCHPOINT_ACTS[evidence.touchpointKind]?.includes(act) && !other) {
      return { verdict: act === 'call' || evidence.touchpointKind === 'report-sent' ? 'kept' : 'possibly-kept', quote: evidence.summary ?? null };
    }
    return null;
  }

  const sameThread = evidence.threadId === promise.threadId;
  let samePeople = false;
  for (const address of evidence.to) if (promise.madeTo.includes(address)) samePeople = true;
  const words = wordsOf(evidence);
  // The thread's own subject says nothing new about what this mail delivers; a new thread's subject does.
  // Read only once a delivery or an attachment is compared with the promise.
  let subject: ReadonlySet<string> | undefined;

  // Plain loops, no closures: this runs for every promise against every candidate that delivers something.
  let slipIndex = -1;
  const shows = SHOWS[act];
  let bestVerdict: 'kept' | 'possibly-kept' | null = null;
  let bestQuote = '';
  for (let i = 0; i < evidence.deliveries.length; i++) {
    const d = evidence.deliveries[i]!;
    if (d.kind === 'slip') {
      if (slipIndex < 0) slipIndex = i;
      continue;
    }
    // A talk with someone else is not the call promised: "I will give you a call" is not kept by "Luis and I met
    // today", nor "Kurt and I will talk" by "I spoke to his staff".
    if (act === 'call' && talksWithSomeoneElse(d.text, promised)) continue;
    // News of others' doings ("Bill Burns is checking with her") is what a promise of news owes, and no other.
    if (d.kind === 'answered' && !reportsBack && isNewsOnly(d.text)) continue;
    // A promise to find something out is kept, in its thread, by the report of what was found ("Had a quick
    // look and ...", "I tried it but it still fails", "that works OK"), whether or not the report names the thing.
    // A build told clean ("everything compiled and insmoded ok") is how a try went, not what a look found.
    const reportsIt = inquiry && sameThread && (reportsFinding(d.text) || (trying && BUILT_OK.test(d.text)));
    // Trying something is kept by a report of the try, not by a link or a file ("I'll try it": "There is a
    // patch available from CRAN <link>" does not say it was tried, even when it names the thing tried).
    // A try at making something ("try to come up with a screencast") is the exception: the thing made, handed over and
    // named ("Here is the screencast: <link>"), is what the try was for.
    if (trying && d.kind === 'delivered' && !reportsIt && !triesMaking) continue;
    // A fix is kept by the fix itself being handed over ("a preview of the fix you can download", "posted a
    // patch") or shipped ("the update has been submitted"), not by a test ("I just tested against trunk").
    // A call is kept by a conversation that took place ("thanks for the call", "we spoke"), not by any act
    // reported ("Installed libcurl-devel", "I tested it").
    const isStrong =
      d.kind === 'happened' && act === 'call'
        ? TALKED.test(d.text)
        : d.kind === 'happened' && act === 'fix'
          ? saysShipped(d.text) || FIX_LANDED.test(d.text)
          : shows.strong.includes(d.kind) || (act === 'fix' && d.kind === 'delivered' && FIX_ITEM.test(d.text)) || (act === 'call' && d.kind === 'answered' && talksWithNamedPartner(d.text, promised, promise.text));
    const isWeak = shows.weak.includes(d.kind) || ((act === 'fix' || act === 'call') && d.kind === 'happened') || reportsIt;
    if (!isStrong && !isWeak) continue;
    if (restatesCommitment(committed, stillOwedWords(evidence, words, i))) continue;
    subject ??= sameThread ? NO_WORDS : subjectWords(evidence, words);
    const done = doneWords(evidence, words, i);
    const match = d.kind === 'delivered' ? matchItem(promised, done, attachmentWords(evidence, words), subject) : matchItem(promised, done, subject);
    // "I will push the update" / "This update has been submitted": the same thing shipped names it.
    const shipped = act === 'fix' && isStrong && shipsPromisedThing(commitment, d.text);
    if (shipped) match.names = true;
    // Asking someone else to do it is done when they did it or were asked: a report that does not name them
    // ("I'm making progress with the build") is about our own work, not theirs.
    if (delegated && !match.names) continue;
    // A handing-over that names nothing but how it is handed over ("Resending.", "Here it is: <link>", "I'm sending it as
    // attachment", a forward's "Fyi") is, in the thread of a promise to send, no "something else". For other promises it
    // stays unrelated: on train a bare forward after "I will flag your willingness" was the act, after "I'll suggest he
    // bring a lawyer" it was not, and the text cannot tell them apart.
    const bare = act === 'send' && sameThread && d.kind === 'delivered' && handsOverOnly(d.text) && !hasDistinctive(attachmentWords(evidence, words));
    // Only a delivered document can be "something else"; an answer's or a report's words are its content.
    const other = d.kind === 'delivered' && match.other && !bare;
    let verdict: 'kept' | 'possibly-kept' | null = null;
    // Sharing a word is not naming the thing. A name alone ("Cherie--this is strange ..." for "so I can respond to
    // Cherie", "Morsi enjoyed the meeting") keeps it only when the person named is the one our act reached or who
    // answered ("emailed Craig", "spoke with Ops", "Lona said"); a word met only inside a link's address ("a link to
    // StatDocs in http://www.r-project.org/GUI" for "a summary in r-sig-gui") says where, not what. Otherwise the user
    // is asked.
    if (match.names) {
      const tied = shipped || namesThing(promised, properNames, linklessDone(evidence, words, i, done), subject, d.kind === 'delivered' ? attachmentWords(evidence, words) : undefined) || reachesNamed(d.text, properNames);
      verdict = isStrong && tied ? 'kept' : 'possibly-kept';
    }
    // A promise to find out who, which or whether names its question ("find out who else is on the list"): a finding
    // about something else ("We found out this problem through a fluke", round 12's blind run) is asked about.
    // A try at making something ("I will try implementing this tonight") is not shown done by an outcome alone ("Verified
    // this works"): what works may be something else the thread tried, so the user is asked.
    // A try at a setup step ("I'll try and install Jython 2.5.3") is shown by a report of that step ("installed 2.5.3 and
    // it runs"), not by how another try went ("setting CLASSPATH did the trick", "I installed version 10.1 from the ppa"
    // after "try to build from source"): in a thread of many tries, the outcome may be another's.
    else if (reportsIt) {
      const named = askedAbout.size === 0 || sharesWord(askedAbout, linklessDone(evidence, words, i, done));
      verdict = named && !triesMaking && (triedStep.size === 0 || reportsStep(triedStep, d.text, linklessDone(evidence, words, i, done))) ? 'kept' : 'possibly-kept';
    }
    // A promise to find something out is not even possibly kept by a report that tells no finding ("I removed the
    // LD_LIBRARY_PATH and recompiled" after "I will look at your build recipes"): the finding is what was owed.
    // One that also promises to report back falls through: the report may be the one promised.
    else if (inquiry && !reportsBack) verdict = null;
    // In its own thread, a promise that names nothing specific is kept by a delivery of the right kind ("I'll
    // send it over"), and a promise to report back by a report ("I'll let you know how it goes"); other
    // promises are only possibly kept by a report, which may be about something else.
    // A talk keeps a promise to call only when it was with the reader or the person the promise names: "Had a good
    // conversation this morning", "I talked with him" may have been with anyone (round 10's blind run took "Luis and I
    // met" and "I spoke to his staff" for the promised call), so the user is asked.
    else if (!other && sameThread && isStrong && act === 'call') verdict = talksWithPromised(d.text, promised, promise.text) ? 'kept' : 'possibly-kept';
    // A follow-up that names nothing ("Will advise") is kept by news the writer gives as news ("A few quick updates: ...",
    // "Have update Ferry captain will sail at 1pm"); any other sentence that follows in the thread (a schedule, thanks)
    // may be about something else, so the user is asked.
    // A fix told landed in its thread ("Fixed in CVS.") is the fix promised there: a developer names where it went, not
    // what it was, since the thread says that.
    // A promise to send is kept by a bare handing-over of "it" in its thread ("Here it is.", "Resending."): the pronoun
    // points back at the thing owed. A forward's note ("Fyi") is only asked about: what it forwards may be another message
    // (on train, "will forward what she wrote" and "I'll send you the newsweek piece" were both followed by a bare "FYI",
    // and only the first was the thing).
    else if (!other && sameThread && isStrong) verdict = newsOnly || (followsUp && reportsUnderHeading(d.text)) || (!hasDistinctive(promised) && (act === 'send' || act === 'do' || (act === 'answer' && reportsBack))) || ((act === 'fix' || act === 'do') && FIX_LANDED.test(d.text)) || (bare && !FORWARD_NOTE.test(d.text)) ? 'kept' : 'possibly-kept';
    else if (!other && samePeople && isStrong) verdict = 'possibly-kept';
    if (verdict && (bestVerdict === null || (bestVerdict === 'possibly-kept' && verdict === 'kept'))) {
      bestVerdict = verdict;
      bestQuote = d.text;
    }
  }
  // Attachments without a sentence that presents them ("See attached" cut as a signature, or no text).
  if (bestVerdict === null && act === 'send' && evidence.attachments.length > 0) {
    subject ??= sameThread ? NO_WORDS : subjectWords(evidence, words);
    const { names, other } = matchItem(promised, attachmentWords(evidence, words), subject);
    if (names) bestVerdict = 'kept';
    else if (!other && (sameThread || samePeople)) bestVerdict = 'possibly-kept';
    bestQuote = evidence.attachments.join(', ');
  }
  const best = bestVerdict === null ? null : { verdict: bestVerdict, quote: bestQuote };
  const slip = slipIndex < 0 ? undefined : evidence.deliveries[slipIndex]!;
  const found = best;
  // Outside the thread and away from the people it was made to, only naming the thing counts.
  if (found && !sameThread && !samePeople && found.verdict !== 'kept') return null;
  if (found?.verdict === 'kept') return { verdict: 'kept', quote: found.quote };
  if (slip && (sameThread || samePeople || matchItem(promised, deliveryWords(evidence, words, slipIndex)).names)) {
    return slip.dueText ? { verdict: 'slip', quote: slip.text, dueText: slip.dueText } : { verdict: 'slip', quote: slip.text };
  }
  return found ? { verdict: found.verdict, quote: found.quote } : null;
}

/** The question a promise to find out names: "find out who else is on the list", "figure out whether the lab can test it". */
const NAMED_QUESTION = /\b(?:find out|figure out|determine|ascertain|learn)\s+(?:who|which|what|whether|if)\b(.*)$/i;
/** Words of such a question that say nothing of its matter. */
const QUESTION_FILLER = new Set(['else', 'exactly', 'actually', 'really', 'need', 'want']);
/**
 * News owed on an event that names its subject ("let you know when our server is up again", "report back once the
 * build is done"): the news is about that subject. Not when the event is the writer's own ("when I get home", "once I
 * know more"), which only says when.
 */
const NEWS_ON_EVENT =
  /\b(?:let (?:you|the list|everyone|you all|us) know|report back|get back to (?:you|the list)|keep (?:you|the list|everyone) (?:posted|updated|informed)|write back|tell you)\b[^.;]*?\b(?:when|once|as soon as)\s+(?!(?:i|we|i'm|i’m|i've|i’ve|we're|we’re|we've|we’ve|you|you're|you’re|you've|you’ve|it|it's|it’s|that|this|things?|everything|all)\b)(.*)$/i;
function questionWordsOf(commitment: string): Set<string> {
  const question = NAMED_QUESTION.exec(commitment)?.[1] ?? NEWS_ON_EVENT.exec(commitment)?.[1];
  const words = new Set<string>();
  if (!question) return words;
  for (const w of keywords(question)) if (!GENERIC.has(w) && !QUESTION_FILLER.has(w)) words.add(w);
  return words;
}

/** A try at a setup step: installing, building, compiling, upgrading or downloading something ("try a newer one and rebuild"). */
const TRIES_STEP = /\b(?:try|test)\b[^.;]*?\b((?:re)?(?:install|build|compil|upgrad|downgrad|download)\w*\b.*)$/i;
const NO_STEP: ReadonlySet<string> = new Set<string>();
function triedStepWordsOf(commitment: string): Set<string> {
  // The purpose after the step ("and rebuild the chain to see if that makes a difference") is not the step.
  const step = TRIES_STEP.exec(commitment)?.[1]?.replace(/\b(?:to|and|so I can|in order to) (?:see|check|find out|test|verify|confirm)\b.*$/i, '');
  const words = new Set<string>();
  if (!step) return words;
  for (const w of keywords(step)) if (!GENERIC.has(w)) words.add(w);
  return words;
}
/**
 * Whether a report tells the step tried: one of its words ("installed", "Jython"), "built" for a build, or an outcome
 * that names nothing of its own ("And that works."), which the thread ties to the try. One that names something else
 * ("setting CLASSPATH did the trick") tells another try.
 */
function reportsStep(step: ReadonlySet<string>, sentence: string, done: ReadonlySet<string>): boolean {
  if (sharesWord(step, done) || !hasDistinctive(done)) return true;
  return (step.has('build') || step.has('rebuild')) && /\b(?:re)?built\b/i.test(sentence);
}
function sharesWord(wanted: ReadonlySet<string>, shown: ReadonlySet<string>): boolean {
  for (const w of wanted) if (shown.has(w)) return true;
  return false;
}

/** Trying to make something: "try implementing this", "try to write a parser", "try to come up with a screencast"; not "try and make it work" (a try of it). */
const TRIES_MAKING = /\btry (?:to |and )?(?:come up with|put together|prepar(?:e|ing)|produc(?:e|ing)|implement(?:ing)?|writ(?:e|ing)|creat(?:e|ing)|port(?:ing)?|cod(?:e|ing)|develop(?:ing)?|design(?:ing)?|rewrit(?:e|ing)|mak(?:e|ing)(?! (?:it|this|that|them) (?:work|run)))\b/i;
const TRYING = /\b(?:try|test|give (?:it|this|that|them) a (?:try|go|shot|spin|whirl)|experiment|play (?:around )?with)\b/i;
/** Asking someone else to do the act: "I will ask my administrator to do it", "we'll ask the vendor to fix it". */
const DELEGATES = /^\s*ask (?:my|our|the|a|an|your) [\w-]+(?: [\w-]+)? to\b/i;
/** Promising news as things go: "I'll post updates", "I'll send you an update", not "the update" (a release). */
const STATUS_UPDATES = /\b(?:post(?:ing)?|send(?:ing)?|giv(?:e|ing)|provid(?:e|ing))(?: (?:you|the list|everyone|here))? (?:an? )?(?:regular |further |more |some |periodic |frequent |progress |quick |brief |possible |any )?updates?\b|\bupdate (?:you |everyone )?(?:more|further|again)\b/i;
/**
 * News owed with nothing named ("Will keep you advised", "Will update more as the day progresses..."): what it owes is
 * whatever happens next in the matter the thread is about, so the news that follows in the thread keeps it, as a bare
 * "I'll send it over" is kept by what is sent in its thread. One that names a topic ("I'll keep you posted on the
 * visa") is only possibly kept by news that does not name it.
 */
const NEWS_OWED = /\bkeep (?:you|the list|everyone|you all|us) (?:\w+ )?(?:posted|updated|informed|advised|apprised)\b|\b(?:post|send|give|provide)(?: (?:you|the list|everyone))? (?:an? )?(?:regular |further |more |some |periodic |frequent |progress |quick |brief )?updates?\b|\bupdate (?:you |everyone )?(?:more|further|again)\b|\bas (?:the )?(?:day|week|evening|night|morning|afternoon|things?|it|events?|that) (?:progress(?:es)?|goes on|go on|unfolds?|develops?|moves? (?:forward|along))\b/gi;
function owesOnlyNews(commitment: string): boolean {
  if (!STATUS_UPDATES.test(commitment) && !KEEPS_POSTED.test(commitment)) return false;
  return !hasDistinctive(keywords(commitment.replace(NEWS_OWED, ' ')));
}
/**
 * A follow-up owed ("Will follow up", "Will advise", "will revert", "Will continue to update", "get back to you"). One
 * that names nothing else ("Will follow up on other items", "Will follow up accordingly") owes whatever news comes next;
 * one that names a topic ("I'll follow up on the visa") is owed that topic.
 */
const FOLLOW_UP_OWED = /\b(?:follow(?:ing)?[- ]?up|advise|revert|update|get back to (?:you|the list|everyone)|report back)\b/gi;
function owesFollowUpOnly(commitment: string): boolean {
  FOLLOW_UP_OWED.lastIndex = 0;
  if (!FOLLOW_UP_OWED.test(commitment)) return false;
  for (const w of keywords(commitment.replace(FOLLOW_UP_OWED, ' '))) if (!GENERIC.has(w) && !THE_MATTER_AT_HAND.has(w)) return false;
  return true;
}
/** Words that point back at the thread's matter without naming one ("on other items", "on all these issues"). */
const THE_MATTER_AT_HAND = new Set(['other', 'others', 'item', 'items', 'issue', 'issues', 'thing', 'things', 'matter', 'matters', 'point', 'points', 'rest', 'remaining', 'accordingly', 'shortly', 'soon', 'asap']);

/** "Will keep you posted", "I'll keep everyone updated": news as it comes. */
const KEEPS_POSTED = /\bkeep (?:you|the list|everyone|you all|us) (?:\w+ )?(?:posted|updated|informed|advised|apprised)\b/i;
const REPORTS_BACK = /\b(?:post|send|give|provide)(?: (?:you|the list|everyone))? (?:an? )?(?:regular |further |more |some |periodic |frequent |progress |quick |brief )?updates?\b|\bupdate (?:you |everyone )?(?:more|further|again)\b|\b(?:let (?:you|the list|everyone|you all) know|report back|keep (?:you|the list|everyone) (?:posted|updated|informed|advised|apprised)|get back to (?:you|the list)|(?:give|send) (?:you )?feedback|report (?:the|on|whether|how))\b/i;
const TALKED = /\b(?:call|called|calls|spoke|spoken|talk|talked|talking|speak|speaking|met|meet|meeting|chat|chatted|conversation|caught up|catch up|visit|visited|session)\b/i;
const FIX_ITEM = /\b(?:fix|fixes|fixed|patch|patches|patched|(?:new|updated) version|new release|update|build)\b/i;

/** Who a talk was with, when the sentence says: "spoke to his staff", "met with Luis", "Luis and I met". */
const TALK_PARTNER = /\b(?:spoke|spoken|talked|met|meeting|chatted|conversation|call|called|caught up)\s+(?:with|to|w\/?)\s+((?:[\w.'’-]+\s*){1,3})|^(?:\W*(?:yes|ok|okay)\W+)?([\w.'’-]+(?: [\w.'’-]+)?) and (?:i|we) (?:met|spoke|talked|had|caught up)\b/i;
/** The partner is named and is neither the reader nor anyone the promise names. */
function talksWithSomeoneElse(sentence: string, promised: ReadonlySet<string>): boolean {
  const found = TALK_PARTNER.exec(sentence);
  if (!found) return false;
  const partner = (found[1] ?? found[2]!).trim();
  if (/^(?:you|u|ya|y'all|each other)\b/i.test(partner)) return false;
  const named = keywords(partner);
  if (named.size === 0) return false;
  for (const w of named) if (promised.has(w)) return false;
  return true;
}

/** The talk was with the reader ("Good to speak with you", "We spoke on Tuesday", "Thanks for the call") or someone the promise names. */
const TALK_WITH_READER =
  /\b(?:we|you and i|u and i)\s+(?:\w+\s+)?(?:spoke|spoken|talked|met|caught up|chatted|had (?:a|our|the|a good|a great) (?:call|meeting|chat|conversation|talk))\b|\bthanks?(?: you)? (?:so much |again )?for (?:the|your|our|taking the|taking my|making the) (?:time|call|meeting|chat|conversation|visit)\b|\b(?:good|great|nice|lovely) (?:to (?:speak|talk|meet|see|catch up)|speaking|talking|meeting|seeing|chatting)\b(?! (?:with|to) (?!you\b))/i;
function talksWithPromised(sentence: string, promised: ReadonlySet<string>, promiseText: string): boolean {
  const found = TALK_PARTNER.exec(sentence);
  if (found) {
    const partner = (found[1] ?? found[2]!).trim();
    if (/^(?:you|u|ya|y'all|each other)\b/i.test(partner)) return true;
    for (const w of keywords(partner)) if (promised.has(w)) return true;
    // "I need to call him soon" then "I talked w him": the one the promise was to call, named the same way in its thread.
    const pronoun = /^(him|her|them)\b/i.exec(partner)?.[1]?.toLowerCase();
    return pronoun !== undefined && callsWhom(promiseText) === pronoun;
  }
  return TALK_WITH_READER.test(sentence);
}

/**
 * A talk told in quick-reply shorthand ("Have spoken with ops", "Just talked w him") is read as an answer, since it may
 * have been with anyone; when it names its partner and that partner is the one the promise was to call ("I will call ops
 * ..."), it is the call itself.
 */
function talksWithNamedPartner(sentence: string, promised: ReadonlySet<string>, promiseText: string): boolean {
  return TALKED.test(sentence) && TALK_PARTNER.test(sentence) && talksWithPromised(sentence, promised, promiseText);
}

/**
 * Whom a promise to call names by a pronoun, read at its first verb of calling: "I need to call him soon" -> him; "I'll
 * call you after I talk w her" -> none (she is met first; the call owed is the reader's).
 */
const CALLS_WHOM = /\b(?:call|ring|phone|reach|talk (?:to|with|w)|speak (?:to|with|w)|meet(?: with)?|catch up with)\s+(\w+)/i;
function callsWhom(promiseText: string): string | undefined {
  const whom = CALLS_WHOM.exec(promiseText)?.[1]?.toLowerCase();
  return whom === 'him' || whom === 'her' || whom === 'them' ? whom : undefined;
}

/**
 * Names in the promise: capitalised words after its first ("I will post Craig on this", "I'll check with Lona", "Will
 * let Ops know"). The first word of a sentence and "I" are capitalised whatever they are.
 */
const CAPITALISED = /(?<=[\w,;:)'’"]\s+)[A-Z][\w'’-]*/g;
function properNamesOf(text: string): Set<string> {
  const capitalised = text.match(CAPITALISED);
  if (!capitalised) return new Set<string>();
  return keywords(capitalised.filter((word) => !/^I(?:'|’|$)/.test(word)).join(' '));
}

/** The evidence shares a distinctive word of the promise's that is not a name. */
function namesThing(promised: ReadonlySet<string>, names: ReadonlySet<string>, ...shown: (ReadonlySet<string> | undefined)[]): boolean {
  for (const w of promised) {
    if (GENERIC.has(w) || names.has(w)) continue;
    for (const set of shown) if (set?.has(w)) return true;
  }
  return false;
}

const LINK = /https?:\/\/\S+/gi;
/** What a delivery has done, without the words of its links' addresses. */
function linklessDone(evidence: FulfilmentEvidence & { kind: 'message' }, words: EvidenceWords, i: number, done: Set<string>): Set<string> {
  const text = evidence.deliveries[i]!.text;
  if (!text.includes('://')) return done;
  let linkless = words.linkless[i];
  if (linkless === undefined) {
    const future = STILL_TO_DO.exec(text);
    linkless = keywords((future ? text.slice(0, future.index) : text).replace(LINK, ' '));
    words.linkless[i] = linkless;
  }
  return linkless;
}

/**
 * The named person is the one our act reached or who answered: "emailed Craig", "sent to Denis", "spoke with Ops",
 * "agreed language from Bob, Eric and Melanne", "Lona said". Not a name as the sentence's subject or its addressee
 * ("Cherie--this is strange", "Morsi enjoyed the meeting").
 */
const REACHED =
  /\b(?:to|with|w\/|w|from|emailed|e-mailed|called|phoned|rang|told|asked|briefed|informed|texted|pinged|messaged|alerted|reached|contacted|cc'?d|copied)\s+((?:[\w.'’-]+,?\s+(?:and\s+)?){0,5}[\w.'’-]+)|^\W*((?:[\w.'’-]+\s+){0,2}[\w.'’-]+)\s+(?:said|says|told|wrote|replied|responded|agreed|confirmed|emailed back|called back|can|could|is available|was available)\b/gi;
function reachesNamed(sentence: string, names: ReadonlySet<string>): boolean {
  REACHED.lastIndex = 0;
  for (let found = REACHED.exec(sentence); found; found = REACHED.exec(sentence)) {
    for (const w of keywords(found[1] ?? found[2]!)) if (names.has(w)) return true;
    // The words after one "to" or "with" may hold the next ("come up with as agreed language from Bob, Eric and Melanne").
    REACHED.lastIndex = found.index + 1;
  }
  return false;
}

/**
 * Words that say how a thing is handed over, not which thing: "Fyi below", "Resending", "sending it as attachment",
 * "separately", "again".
 */
const HANDING_OVER = new Set(['fyi', 'fysa', 'resend', 'attachment', 'separate', 'separately', 'below', 'above', 'inline', 'hard', 'pl', 'pls']);
/** A forward's note alone: "Fyi", "FYSA below". */
const FORWARD_NOTE = /^\W*(?:fyi|fysa)\b/i;
/** A question about the thing in brackets after it ("(does it look good?)"): about it, not another thing. */
const ASIDE_QUESTION = /\([^()]*\?[^()]*\)/g;
/** A delivery sentence that names no thing: only the handing-over, a pronoun and a link with no path of note. */
function handsOverOnly(sentence: string): boolean {
  for (const w of keywords(sentence.replace(ASIDE_QUESTION, ' ').replace(LINK, (link) => (/^https?:\/\/[^/\s]+\/?$/i.test(link) ? ' ' : link)))) {
    if (!GENERIC.has(w) && !HANDING_OVER.has(w)) return false;
  }
  return true;
}

function hasDistinctive(words: ReadonlySet<string>): boolean {
  return [...words].some((w) => !GENERIC.has(w));
}

/** One step of the fold: the outcome after `evidence` (already judged) on top of `outcome`. */
export function applyJudgement(outcome: FulfilmentOutcome, evidence: FulfilmentEvidence, judgement: FulfilmentJudgement | null): FulfilmentOutcome {
  if (judgement === null || outcome.kept?.strength === 'kept') return outcome;
  if (judgement.verdict === 'slip') {
    // A slip after a "possibly kept" says the earlier mail did not deliver it after all.
    return { kept: null, slip: { by: evidence.id, at: evidence.at, quote: judgement.quote, dueText: judgement.dueText ?? null } };
  }
  if (outcome.kept && judgement.verdict === 'possibly-kept') return outcome;
  return { ...outcome, kept: { by: evidence.id, at: evidence.at, strength: judgement.verdict, quote: judgement.quote } };
}

/** Time order for evidence: sent or logged time, then id. */
export function compareEvidence(a: FulfilmentEvidence, b: FulfilmentEvidence): number {
  return timeOf(a) - timeOf(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The whole fold: what all the evidence so far says about the promise. */
export function resolveFulfilment(promise: PromiseForFulfilment, evidence: readonly FulfilmentEvidence[]): FulfilmentOutcome {
  // Filtering first and sorting the candidates gives the same fold as sorting everything first.
  const candidates: FulfilmentEvidence[] = [];
  for (const e of evidence) {
    // Mail that delivers nothing and reports no slip is judged null: it cannot change the fold.
    if (e.kind === 'message' && !canBearOnPromises(e)) continue;
    if (isFulfilmentCandidate(promise, e)) candidates.push(e);
  }
  candidates.sort(compareEvidence);
  return foldFulfilment(promise, candidates);
}

/**
 * The fold alone, for a caller that already holds the promise's candidates (exactly those
 * isFulfilmentCandidate accepts, none that canBearOnPromises refuses) in compareEvidence order: the
 * analyzer finds them by index, once per promising message.
 */
export function foldFulfilment(promise: PromiseForFulfilment, candidates: Iterable<FulfilmentEvidence>): FulfilmentOutcome {
  return foldFulfilmentOnto(promise, NO_FULFILMENT, candidates);
}

/**
 * The fold continued from an earlier outcome with candidates later than everything it has judged (the
 * server folds a batch's new evidence onto what it stored). `judged` hears each piece that changed or
 * confirmed the fold (a judgement that is not null), so a caller can remember where the fold stands.
 * Candidates that canBearOnPromises refuses are passed over, as resolveFulfilment leaves them out.
 */
export function foldFulfilmentOnto(
  promise: PromiseForFulfilment,
  from: FulfilmentOutcome,
  candidates: Iterable<FulfilmentEvidence>,
  judged?: (evidence: FulfilmentEvidence) => void,
): FulfilmentOutcome {
  let outcome = from;
  for (const e of candidates) {
    // Kept for sure: the earliest delivery wins and nothing later changes it (see applyJudgement).
    if (outcome.kept?.strength === 'kept') break;
    if (e.kind === 'message' && !canBearOnPromises(e)) continue;
    const judgement = judgeEvidence(promise, e);
    if (judgement === null) continue;
    outcome = applyJudgement(outcome, e, judgement);
    judged?.(e);
  }
  return outcome;
}
