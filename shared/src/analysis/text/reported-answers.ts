/**
 * Answers heard from someone else, as people pass them on in quick replies: what a promise to check, confirm, ask or
 * reach out was waiting for. Read by deliveries.ts (such a sentence answers something) and fulfilment-reports.ts (it
 * tells what a promised inquiry found), so both read them alike.
 *
 * Staff mail is full of them ("Tom could do 8:30am.", "FM Khar is available at 12:30pm today.", "Lona said it is
 * scheduled for tomorrow", "From Dave A: Not clear why ...", "Spoke to friends and they are well aware ...", "Mtg went
 * very well."). Each names a third party or an event, never the writer: "I am free at 3" and "I can do Monday" are
 * the writer's own offer, not a finding, and "we can offer 3:30pm" a proposal.
 */

// Who the answer is about: a name, a pronoun or a noun other than the writer and the reader, as a word of its own.
// The flag "i" (deliveries.ts joins these with its other patterns) cannot ask for a capital, so the words that open a
// clause without naming anyone are left out by list: "That said, ...", "but is still not available", "I have already
// said", "Having said that", "It must be said", "which essentially says".
const NOT_SOMEONE =
  'i|we|you|i\'m|we\'re|you\'re|it|that|this|these|those|there|here|but|and|or|so|as|if|when|once|unless|until|because|while|then|also|still|not|now|just|already|have|has|had|which|who|what|where|yet|never|ever|all|both|be|been|being|having|must|can|could|would|should|may|might|will|essentially|basically|actually|really|apparently|reportedly|clearly|simply|only|always|often|repeatedly|publicly|privately';
export const THIRD = String.raw`\b(?!(?:${NOT_SOMEONE})\b)[a-z][\w.'’-]*`;
// The one answering opens the sentence, after at most three words ("No he's not available", "Sarah Farnsworth says",
// "Looks like both of them can do"): deep inside a long sentence the same words are mostly pasted news ("..., though
// one of President Jonathan's advisors told us he doesn't expect ...").
// A short clause of time or place may open it first ("After my long monologue, he said ...", "In Cairo, the FM is
// available at 3pm").
export const LEAD = String.raw`^(?:(?:after|when|during|in|on|at|by|earlier|later|this|last) [^,.;:!?]{1,40}, )?(?:[\w.'’,:-]+ ){0,3}`;

/**
 * Someone's availability or an arrangement's state, told with its time ("he's not available after 1pm", "is now locked
 * for 830", "is confirmed for 11:00am", "are still on for week after next"). The time is what makes it an answer:
 * "a newer driver is available from the vendor" is a thing someone else published, and "is not available" alone is as
 * often software not yet released.
 */
const DAY = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs)?|fri|sat|sun';
const WHEN = String.raw`(?:right )?(?:(?:at|from|after|before|until|till|between|btw|for|on|by) )?(?:right (?:now|away|after)|any ?time|\d|noon|midnight|today|tomorrow|tonight|this (?:morning|afternoon|evening|week)|next|(?:the )?week|(?:${DAY})\b)`;
const STATE = String.raw`${LEAD}${THIRD}(?: (?:is|are|was|were)|'s|’s)(?: now| still| also| not| then)* (?:(?:available|unavailable|free|confirmed|locked(?: in)?|scheduled|on) ${WHEN}|all set\b|out of (?:range|pocket)\b)`;
/** Someone's time offered back, with the time: "Tom could do 8:30am", "Alexander can talk at 10:50 AM" (not "our govt can do"). */
const CAN_DO = String.raw`${LEAD}${THIRD} (?:can|could) (?:do|talk|speak|meet|join|see you) ${WHEN}`;
/** What someone said or did in answer: "Lona said ...", "Sarah Farnsworth says ...", "She emailed back ...". */
const SAID = String.raw`${LEAD}${THIRD} (?:said|says|told (?:me|us)|emailed back|wrote back|called back|got back to (?:me|us)|responded|would be (?:happy|glad|delighted|pleased) to|(?:is|are|was|were) (?:happy|glad|delighted|pleased|willing) to(?! (?:announce|present|offer|invite|welcome|introduce|share|inform|be)\b))\b`;
/** Passed on under the source's name: "From Dave A: ...", "Per Kim: ..." (not "From the ChangeLog:", "FROM ubuntu:22.04"). */
const FROM = String.raw`^(?:from|per) (?!the\b)[a-z]+(?: [a-z]+\.?)?:\s+\S`;
/** Someone's word forwarded below: "See below note from RCH on Karzai", "Pls see b/l traffic from Embassy Cairo". */
const SEE_BELOW = String.raw`^(?:fyi[,.:-]?\s*)?(?:pls |please )?see (?:the )?(?:below|b\/l|attached) (?:note|email|e-mail|message|traffic|readout|report|update|response|reply)s? from ${THIRD}`;
/** The talk or the check itself, opening the sentence: "Spoke to friends and ...", "Yes, just confirmed that Dan will come", "I just talked w him". */
const DONE_BARE = String.raw`^(?:(?:yes|ok|okay|sure)[\s,.!-]+)?(?:(?:i|we)(?:'ve| have)? )?(?:just |also |now |already )?(?:spoke|spoken|talked|checked|confirmed|heard back)(?: (?:to|with|w\/?(?=\s)))?\b`;
/** An event reported by how it went: "Mtg went very well", "the call went fine". */
const WENT = String.raw`${LEAD}(?:went|gone) (?:very |really |quite |extremely )?(?:well|great|fine|smoothly)\b`;
/**
 * Someone's part in a call or meeting settled, the answer to "will she join?": "Wendy will be joining the 8:15am prep
 * call", "He will join us". Not "The successful candidate will join a dynamic team" (a job advertisement) nor "Recommended
 * packages will come later": a progressive, or a join of a gathering.
 */
const WILL_JOIN = String.raw`${LEAD}${THIRD} will (?:also )?(?:be (?:joining|attending)\b|(?:join|attend) (?:us|you|them|the (?:[\w:.-]+ ){0,2}(?:call|meeting|mtg|dinner|lunch|breakfast|session|event))\b)`;

/**
 * A gathering settled, without its time: "Call is confirmed", "The meeting has been confirmed", "Dinner is all set". What
 * is settled is a call or a meeting, so not a bug or a build confirmed ("The bug is confirmed" is no arrangement).
 */
const SETTLED = String.raw`${LEAD}(?:the |our |your |his |her |their )?(?:call|meeting|mtg|dinner|lunch|breakfast|appointment|visit|session|svtc)s?(?: (?:with|w|for|on) [^,.;:]{1,40}?)? (?:is|are|has been|have been|was|were)(?: now| all)? (?:confirmed|locked(?: in)?|set|all set)\b`;

/** Every alternative opens the sentence, so the whole pattern is anchored: tried once per sentence, not at every character. */
const REPORTED_ANSWER = new RegExp(`^(?:${[STATE, CAN_DO, SAID, FROM, SEE_BELOW, DONE_BARE, WENT, WILL_JOIN, SETTLED].map((p) => `(?:${p.replace(/^\^/, '')})`).join('|')})`, 'i');

/**
 * The words every alternative of REPORTED_ANSWER needs, within the sentence's first nine words (where each alternative
 * puts them): read from the start only, never scanning a long sentence, and most sentences have none. The full pattern
 * (three leading words, then who it is about) is many times dearer.
 */
export const NEEDS =
  /^(?:\S+\s+){0,8}?(?:available|unavailable|free|confirmed|locked|scheduled|on for|all set|(?:is|are|been|was|were)(?: now)? set|out of (?:range|pocket)|(?:can|could) (?:do|talk|speak|meet|join|see you)|said|says|told (?:me|us)|(?:emailed|wrote|called) back|got back to|responded|(?:would be|is|are|was|were) (?:happy|glad|delighted|pleased|willing)|see (?:the )?(?:below|b\/l|attached) \w+ from|spoken?|spoke|talked|checked|heard back|(?:went|gone) (?:very |really |quite |extremely )?(?:well|great|fine|smoothly)|will (?:also )?(?:be (?:joining|attending)|join|attend))\b|^(?:from|per) /i;

/** Whether a sentence passes on an answer heard from someone else (or how an event went). */
export function reportsAnswerHeard(sentence: string): boolean {
  return NEEDS.test(sentence) && REPORTED_ANSWER.test(sentence);
}
