/**
 * News of what others are doing or have done, as staff pass it on to the one they promised to keep posted: "Bill Burns
 * is checking with her as to what happened", "We have Bill Burns and Jeff Feltman reaching out", "She pulled her name off
 * yesterday afternoon", "There is an interagency conference call at 12:30". Read by deliveries.ts as an answer that only
 * a promise of news can take ("Will keep you advised", "I'll let you know how it goes"): progress is not what a promise
 * to find something out, send something or call someone was waiting for (fulfilment.ts).
 *
 * As with answers heard (text/reported-answers.ts), the one doing it opens the sentence and is never the writer or the
 * reader: "I am checking" and "we are working on it" are our own progress, not news.
 */
import { LEAD, NEEDS as ANSWER_NEEDS, THIRD, reportsAnswerHeard } from './reported-answers';

/** Someone else at work on the matter now: "Bill Burns is checking with her", "Ops is trying your cell". */
const AT_WORK = String.raw`${LEAD}${THIRD}(?: and ${THIRD}(?: ${THIRD})?)? (?:is|are|'s|’s) (?:now |still |also |already )?(?:checking|reaching out|working (?:on|with|the|it)|trying|calling|talking|speaking|meeting|preparing|drafting|coordinating|arranging|reviewing|looking into|following up|pushing|getting organi[sz]ed)\b`;
/** Others set to work by us: "We have Bill Burns and Jeff Feltman reaching out", "I've got ops calling him now". */
const SET_TO_WORK = String.raw`${LEAD}(?:we|i)(?:'ve| have)(?: got)? (?!(?:been|just|also|now|already|still)\b)(?:[\w.'’-]+ ){1,6}?(?:reaching out|working on|calling|checking|looking into|following up)\b`;
/** Something someone else did: "She pulled her name off", "The committee has agreed", "Maliki declined". */
const DID = String.raw`${LEAD}${THIRD}(?: (?:has|have|had))?(?: (?:then|also|just|now|finally|already))? (?<!\b(?:is|are|was|were|be|been|being|longer|gratefully|generally) )(?:agreed|accepted|declined|decided|approved|announced|arrived|landed|voted|pulled|withdrew|postponed|cancell?ed|rejected|refused|conveyed|relented|backed down|signed off)\b`;
/** An event now set, with its time: "There is an interagency conference call at 12:30", "There will be a vote tonight". */
const EVENT = String.raw`there (?:is|are|will be) (?:now )?(?:an? |the )?(?:[\w-]+ ){0,3}(?:call|meeting|mtg|session|briefing|vote|hearing)s? (?:at|on|this|tomorrow|today|tonight|\d)`;

/** Every alternative opens the sentence (LEAD allows three words first), so the pattern is anchored and tried once. */
const REPORTED_NEWS = new RegExp(`^(?:${[AT_WORK, SET_TO_WORK, DID, EVENT].map((p) => `(?:${p.replace(/^\^/, '')})`).join('|')})`, 'i');

/** The words every alternative needs, within the sentence's first ten words (a greeting may come first): most sentences have none. */
const NEEDS =
  /^(?:\S+\s+){0,9}?(?:checking|reaching out|working|trying|calling|talking|speaking|meeting|preparing|drafting|coordinating|arranging|reviewing|looking into|following up|pushing|getting organi[sz]ed|agreed|accepted|declined|decided|approved|announced|signed off|arrived|landed|voted|pulled|withdrew|postponed|cancell?ed|rejected|refused|conveyed|relented|backed down|there (?:is|are|will be))\b/i;

/** Whether a sentence passes on news of what someone else is doing or did (or an event now set). */
export function reportsNews(sentence: string): boolean {
  return NEEDS.test(sentence) && REPORTED_NEWS.test(sentence);
}

/**
 * Either reading, behind one guard: most sentences of outbound mail are neither, and one scan of their first words for
 * the words of both costs about half of two scans (deliveries.ts asks this of every sentence its own hint turns away).
 */
const EITHER_NEEDS = new RegExp(`${ANSWER_NEEDS.source}|${NEEDS.source}`, 'i');
export function reportsHeardOrNews(sentence: string): boolean {
  return EITHER_NEEDS.test(sentence) && (reportsAnswerHeard(sentence) || reportsNews(sentence));
}
