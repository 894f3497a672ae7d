/**
 * Requests to us from the client ("Could you send the deck?", "Please confirm by Friday").
 *
 * Decision: closing pleasantries ("Let me know if you have any questions", "Please don't hesitate to
 * reach out") are not requests: they ask for nothing and would leave every thread "unanswered".
 * Questions that ask us to act or answer ("Can you confirm ...?", "Any update on ...?") are, and so are indirect
 * ones ("I was wondering if there is a way to ...", "I'd like to know when ...") and pleas for help. A
 * mention that opens the sentence ("@Dana could you ...") and the links and tags that trail it are set aside.
 */
import type { RequestCandidate } from '../model/facts';
import { groupedAnywhereByFirstLetter } from './text/first-letter-alternation';
import { snippet } from './text/normalize';
import { splitSentences } from './text/sentences';

const ASK =
  /\b(?:could|can|would|will|might) (?:you|u|your team|someone|somebody|anyone|anybody)(?: please| kindly| possibly| perhaps| also| just)? (?!believe\b|imagine\b|be (?:more|less)\b|tell it\b)(?:\w+)/i;
const POLITE =
  /\b(?:would you mind|would it be possible (?:for you )?to|is it possible (?:for you )?to|(?:i|we)(?:(?:'m|’m| am| was| were|'re|’re| are)? (?:just |also |still )?wondering| wonder) (?:if|whether) (?:there(?: is|'s|’s| are)|you|u|anyone|anybody|someone|somebody|i|we|it(?:'s|’s| is) possible)|(?:i|we)(?:'m|’m| am| was| were|'re|’re| are)? (?:just |also |still )?wondering (?:who|what|how|when|where|which)|(?:i|we)(?:'d|’d| would) (?:like|love) to (?:know|ask|hear)|i (?:want|wanted|need) to know|(?:i|we)(?:'d| would) (?:appreciate|be grateful|love) (?:it )?if you(?: could)?|(?:i|we)(?:'d| would) appreciate (?:an?|your|the|some|any|anything)|it would be (?:very |really |most )?(?:helpful|great|useful|good|appreciated) if you|it would be (?:very |really )?helpful to (?:have|get|know|see|hear)|(?:i|we) (?:request|ask) that you|asking (?:if|whether) you (?:could|can|would|might)|(?:i|we)(?:'d|’d| would) like to (?:have|set up|schedule|arrange|book) (?:a|an) (?:call|meeting|chat|conversation)|(?:i|we)(?:'d| would) like you to|kindly (?:send|share|confirm|advise|provide|let|revert|review|update|forward|check|resend|arrange|sign|return|call|help|assist|note that you)|do you mind|any (?:update|news|progress|word|chance|idea|ideas|thoughts|suggestions|advice|tips)|what(?:'s| is) the (?:status|eta|timeline)|when (?:can|will|could|should) (?:we|i) (?:expect|get|receive|see|have)|where are we (?:on|with))\b/i;
const PLEASE =
  /(?:^|[,;:—-]\s*|\b(?:and|so|but|also)\s+)(?:please|pls|plz)\s+(?!find\b|see (?:attached|below)\b|note\b|ignore\b|disregard\b|accept (?:my|our)\b|excuse\b|forgive\b|don't hesitate\b|do not hesitate\b|feel free\b|keep me posted if\b|let me know if you have (?:any )?(?:questions|concerns)\b|let (?:me|us) know if (?:there(?:'s| is) anything|you need anything|i can help|we can help|you have any (?:questions|concerns|other)))\w+/i;
const NEED =
  /\b(?:i|we) (?:need|require|still need|urgently need|must have|must receive|are waiting for|am waiting for|are still waiting for|am still waiting for) (?:the|your|a|an|some|those|these|this|that|it|them|you to|confirmation|an? update|feedback|answers?|updated|(?:more |further )?(?:info|information|details|clarity|clarification|guidance|advice|assistance|help))\b/i;
/**
 * A bare imperative opening the sentence, with an object ("Send me the logs", not "Fix: delete the slash"),
 * or "..., but check with ..." anywhere. (Anywhere as an unanchored alternative rather than "^.*": the
 * sentences are folded, without line breaks, where the two match the same; the regex runs ~1.8x faster.)
 */
const IMPERATIVE =
  /^(?:(?:hi|hello|hey)\s+\w+,?\s*|[A-Z][a-z]+,\s+)?(?:(?:send|share|forward|resend|provide|confirm|review|sign|approve|update)\s+(?:me|us|the|your|a|an|over|back|through|it|this|that|those|these|our)\b|(?:just\s+)?let (?:me|us) know\s+(?:when|whether|what|which|who|how|by|asap|as soon|your|the status|about)|get back to (?:me|us)|remind (?:me|us)\b|call me|give me a call|ring me|advise\b(?!\s*:)|(?:please\s+)?(?:check|ask|make sure|remember to|don't forget to)\s+(?:with|that|to|if|whether|me|us|him|her|them|the|your)\b)|\b(?:but|and|so),?\s+(?:please\s+)?check with\b/i;
const PLEASANTRY =
  /\b(?:let (?:me|us) know,? if (?:you have|there (?:are|is)) (?:any )?(?:other |further |more |additional )?(?:questions?|concerns|comments|thoughts|feedback|issues|problems)|let (?:me|us) know if (?:this|that) is a problem|received this [\w\s-]{0,30}in error|if you do not wish to|unsubscribe|please wait|please (?:see|check|look)(?: at)?(?: the following)?\s*[:.]?\s*$|please keep in mind|please try again|please bear with|please consider the environment|don't hesitate|do not hesitate|feel free to|if you have any (?:other |further )?(?:questions|concerns)|can you believe|could you imagine|hope you (?:are|had|have)|have a (?:great|nice|good) (?:day|weekend|week))\b/i;

/**
 * A question put to the reader asks for an answer ("Is he available tomorrow?", "Which R version?", "Didn't we
 * agree on net 30?", "And btw what happened to the pallet?"), unless it is small talk or rhetorical ("How are
 * you?", "Can you believe it?", a tag such as "..., wasn't it?", or only "What?!").
 */
const DIRECT_QUESTION =
  /(?:^|[,:;]\s+|\s*(?:--|[—–])\s*)(?:(?:hi|hello|hey|dear)\s+\w+,?\s*|\w+(?:,\s+|\s*(?:--|[—–])\s*)|(?:(?:also|and|so|but|ok|okay|btw|then|now),?\s+){1,2})?(?:am|is|are|was|were|do|does|did|can|could|would|will|should|shall|have|has|had|may|how|what|when|where|which|who|whom|whose|why|any|anyone|anybody|someone|somebody|(?:is|are|was|were|do|does|did|could|would|should|has|have|had)n['’]t|won['’]t|can['’]t)\b|\b(?:you|your|anyone|anybody|someone|somebody)\b/i;
const SMALL_TALK =
  /^(?:what|huh|seriously|really)\s*(?:\?+!|!+\?)[?!]*\s*$|^(?:how (?:are|is|was|were|have) (?:you|things|your|the (?:weekend|holiday|trip|family))|how's (?:it going|everything|life|the)|what's up|who knows|why not|right|isn't it|don't you think|can you believe|could you imagine|would you believe|guess what)\b|,\s*(?:(?:is|are|was|were|do|does|did|has|have|had|could|would|should|wo|ca)n['’]t (?:it|they|you|we|he|she|there|that)|don't you think|right|no|eh|huh)\?\s*$|\b(?:wouldn't it be (?:nice|great)|who (?:would|could) have thought)\b/i;
/**
 * "Let's get together this week", "a reminder to forward me the calendar": asks the reader to act. (The
 * reminder and the appreciation anywhere, as unanchored alternatives rather than "^.*": on folded sentences,
 * without line breaks, the two match the same, and this runs ~2.6x faster.)
 */
const PROPOSAL = /^(?:\w+,\s+)?(?:let's|lets|let us) (?!hope|see|not|say|just say|face it)\w+|\b(?:just )?a (?:quick |friendly |gentle )?reminder (?:to|that you|about)\b|\b(?:i|we)(?:'d| would) appreciate (?:you|your) \w+ing\b/i;

/**
 * A plea for help: "can anyone help?", "I hope you can help me", "we need your help", "please assist",
 * "anything we can do?", a wish with "please" at its end ("Guidance on the tax codes please"), a sentence that
 * is only "Help!", or a #help tag. Not thanks for help given ("Thanks for your help").
 */
const PLEA =
  /\w\s+(?:please|pls|plz)\s*[.!]*$|\b(?:(?:can|could|would|will) (?:you|u|anyone|anybody|someone|somebody)(?: please| kindly)? help|hope (?:you|someone|somebody|anyone|anybody) (?:can|could|will|would) help|(?:i|we) (?:really |urgently )?(?:need|want|would like|'d like|’d like) (?:your |some )?(?:help|assistance|advice|guidance)|(?:please|pls|plz|kindly) (?:help|assist|advise)\b)|^(?:need|want) (?:your |some )?(?:help|assistance|advice)\b|^(?:is there )?anything (?:else )?(?:i|we) can do\b|^(?:please\s+)?help(?:\s+(?:me|us))?(?:\s+please)?\s*[!?.]*$|#help\b/i;

/**
 * Who a sentence is addressed to and what trails its question, set aside before the rules read it: mentions
 * open a sentence where a name would ("@Dana could you ...", Outlook's "@Name", "Hi @support is ..."), and a
 * link, mention or tag after the last words is not part of what is asked ("... arrive? https://… @shop").
 */
const LEADING_MENTIONS = /^(?:(?:hi|hello|hey|yo|dear)\s+)?(?:@\w+[\s,:]*)+/i;
const TRAILING_TAGS = /(?:(?<=\?[?!]*)(?:\s+(?:@\w+|#\w+|https?:\/\/\S+))+|(?:\s+(?:@\w+|#\w+))+)\s*$/i;

/** A word every PLEA alternative holds: most sentences that get this far are spared its many branches. Read with test() only. */
const PLEA_WORDS = groupedAnywhereByFirstLetter(/help|assist|advi|guidance|please|pls|plz|anything/i);

/** The sentence as the request rules read it (LEADING_MENTIONS, TRAILING_TAGS); most sentences come back as they are. */
function askingForm(sentence: string): string {
  // Only a sentence whose first or last word is a mention, tag or link is rewritten; most are returned as they
  // are after two character tests (the replacements cost a regex pass each, and list mail is full of addresses).
  const at = sentence.indexOf('@');
  const opened = at !== -1 && at < 8 ? sentence.replace(LEADING_MENTIONS, '') : sentence;
  const lastWord = opened.lastIndexOf(' ') + 1;
  const first = opened.charCodeAt(lastWord);
  return first === 64 /* @ */ || first === 35 /* # */ || opened.startsWith('http', lastWord) ? opened.replace(TRAILING_TAGS, '') : opened;
}

// Written once out here rather than inline: a regex literal inside a function is a new object each time it is
// evaluated, and these run for every sentence.
const ENDS_WITH_QUESTION_MARK = /\?[?!]*\s*$/;
const ENDS_AS_QUESTION = /\?[?!]*\s*["'”’)]*\s*$/;
const PLEASE_WORD = /\bplease\b/i;
const OPENS_WITH_CAN_YOU = /^(?:\w+,\s+)?(?:could|can|would|will) you\b/i;

/**
 * What every request rule above needs, read off them alternative by alternative: a question mark (the
 * question rules) or one of these words (ASK's modal, POLITE's "would", "'d ", "possible", "wonder", "kindly",
 * "mind", "any ", "what", "when ", "where are we", "request", "ask", "to know", "can" or "appreciate", PLEASE's "please" (or
 * "pls", "plz"), NEED's verb, IMPERATIVE's verbs, "let", "get back", "remind", "call", "ring me", "advise", PROPOSAL's "let",
 * "reminder" or "appreciate", and PLEA's "help", "assist", "advi(c|s)e", "guidance", "can" or "please"). PLEASANTRY and
 * SMALL_TALK only ever veto a request, so they need no word here. A sentence without any is no request, and
 * skips the eight patterns: most sentences of a mail ask nothing. Unanchored and case-insensitive like the
 * rules (none of which uses the u flag), so it is never stricter than they are; corpus/prefilters.test.ts
 * checks that over the corpora.
 */
const REQUEST_CUES_WRITTEN =
  /could|can|would|will|might|'d |possible|wonder|kindly|mind|any |what|when |where are we|please|pls|plz|need|require|must|waiting|send|share|forward|provide|confirm|review|sign|approve|update|let|get back|call|ring me|advise|check|ask|make sure|remember|remind|forget|reminder|appreciate|help|assist|advice|guidance|to know|request/i;
/** REQUEST_CUES_WRITTEN as the engine reads it fastest (text/first-letter-alternation.ts); read with test() only. */
const REQUEST_CUES = groupedAnywhereByFirstLetter(REQUEST_CUES_WRITTEN);

/** False only for a sentence no request rule can match (the cheap test findRequests makes first). */
export function mayAsk(sentence: string): boolean {
  return sentence.includes('?') || REQUEST_CUES.test(sentence);
}

/** Whether one sentence asks us to do or answer something, by the full rules (no prefilter). */
export function asksUs(written: string): boolean {
  const sentence = askingForm(written);
  if (PLEASANTRY.test(sentence) && !(ASK.test(sentence) && ENDS_WITH_QUESTION_MARK.test(sentence))) return false;
  const question = ENDS_AS_QUESTION.test(sentence);
  return (
    (ASK.test(sentence) && (question || PLEASE_WORD.test(sentence) || OPENS_WITH_CAN_YOU.test(sentence))) ||
    POLITE.test(sentence) ||
    PLEASE.test(sentence) ||
    NEED.test(sentence) ||
    IMPERATIVE.test(sentence) ||
    PROPOSAL.test(sentence) ||
    (PLEA_WORDS.test(sentence) && PLEA.test(sentence)) ||
    (question && DIRECT_QUESTION.test(sentence) && !SMALL_TALK.test(sentence))
  );
}

/** `sentences`: splitSentences(visible), when the caller has it already (readBatch splits each body once for every family). */
export function findRequests(visible: string, sentences: readonly string[] = splitSentences(visible)): RequestCandidate[] {
  const out: RequestCandidate[] = [];
  for (const sentence of sentences) {
    if (mayAsk(sentence) && asksUs(sentence)) out.push({ text: snippet(sentence) });
  }
  return out;
}
