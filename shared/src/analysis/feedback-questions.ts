/**
 * Asking the client for feedback (PRODUCT.md: "Ask for feedback"): a question of ours that invites their
 * view of our work or of the relationship ("How are we doing?", "Any feedback on the new dashboard?",
 * "Is there anything we could do better?", "Would you mind filling in our two-minute survey?"). Mail of
 * ours that asks counts as feedback asked, as a logged "feedback asked" touchpoint does: the server, the
 * CLI and the extension all read a body with this one rule (message-facts.ts), and keep only the fact
 * that it asked, never the sentence.
 *
 * Decision: only questions about us or what we delivered count. "What do you think about Tuesday?" asks
 * for a decision; "How are you doing?" is small talk; "Thanks for your feedback", "here is my feedback",
 * "I'll send you feedback" and "your feedback has been passed on" mention feedback without asking for it.
 */
import { splitSentences } from './text/sentences';

/** A cheap test of the whole text first: most mail mentions none of these words. */
const PREFILTER = /feedback|how (?:are|am|did|have|is) (?:we|i|it|things|everything)|survey|satisf|better|differently|improve|rate (?:us|our)|happy with|pleased with|how (?:are you finding|do you find|do you like)/i;

const FEEDBACK_WORDS = String.raw`(?:feedback|thoughts and feedback|comments and feedback|input and feedback)`;
/** "any feedback on the draft?", "your honest feedback", "some quick feedback", "feedback from your side". */
const FEEDBACK_NOUN = new RegExp(String.raw`\b(?:any|some|your|honest|quick|candid|frank|early|initial|first|more)\s+(?:[\w-]+\s+){0,2}${FEEDBACK_WORDS}\b|\bfeedback (?:from (?:you|your (?:side|team|end))|you (?:may |might )?have)\b`, 'i');
/** Words that turn a mention of feedback into asking for it. */
const FEEDBACK_ASK = new RegExp(
  String.raw`\b(?:would|we'd|i'd|we would|i would) (?:really |very much |greatly |so )?(?:love|like|appreciate|welcome|value|be (?:grateful|glad|happy|keen|interested))\b|\b(?:please|kindly) (?:\w+ ){0,2}(?:send|share|give|let (?:me|us) (?:have|know)|provide|tell)\b|\blet (?:me|us) (?:have|know)\b|\b(?:do|did|does|would|could|can|might|will) (?:you|your team|anyone)\b|\b(?:have you (?:got|had)|is there|are there)\b|\bhappy to (?:hear|receive|get)\b|\b(?:keen|eager|glad) to (?:hear|get|receive)\b|\bwelcome (?:any|your)\b|\bopen to (?:any|your)\b`,
  'i',
);
/** Questions about how we do, whatever words carry them. */
const HOW_WE_DO = [
  /\bhow (?:are|am) (?:we|i) doing\b/i,
  /\bhow (?:did|have) (?:we|i|our (?:team|people|support)) (?:do|done|been doing|performed|got on)\b/i,
  /\bhow (?:satisfied|happy|pleased) (?:are|were|have) you (?:been )?with\b/i,
  /\b(?:are|were|have) you (?:been )?(?:happy|satisfied|pleased|content) with (?:our|my|us\b|how (?:we|things|it)|the (?:service|support|work|team|progress|way|quality|results?|delivery|collaboration|partnership|account))/i,
  /\b(?:anything|something|what|things|where|how) (?:else )?(?:we|i|our team) (?:could|can|should|might|ought to) (?:do|have done|be doing|handle|handled) (?:\w+ ){0,3}(?:better|differently|more|less)\b/i,
  /\b(?:anything|something|what|where|how) (?:else )?(?:we|i|our team) (?:could|can|should|might) improve\b/i,
  /\b(?:what|where|how) (?:else )?(?:could|can|should|might) (?:we|i|our team) (?:have )?(?:(?:do|done|handle|handled) (?:\w+ ){0,3}(?:better|differently)|improve)\b/i,
  /\bhow (?:would|do) you rate (?:our|my|us\b|the (?:service|support|work|team|collaboration))/i,
  /\bhow (?:are you finding|do you find|do you like) (?:our|my|working with (?:us|me)|the (?:service|support|new|work|collaboration|partnership))/i,
  /\bhow (?:is|are) (?:we|our (?:team|support|service|work)) (?:measuring up|shaping up|working out)\b/i,
];
/** A survey the reader is asked to fill in. */
const SURVEY = /\b(?:fill(?:ing)? (?:in|out)|complete|completing|take|taking|answer(?:ing)?|respond(?:ing)? to|do) (?:[\w-]+ ){0,4}(?:survey|questionnaire)\b/i;

/** Mentions of feedback that do not ask for it: thanks for it, ours to give, already received or acted on. */
const NOT_ASKING = [
  /\b(?:thanks?|thank you|grateful|appreciate(?:d)?) (?:\w+ ){0,3}(?:for|on) (?:\w+ ){0,4}(?:feedback|input|comments)\b/i,
  /\b(?:my|our) (?:\w+ )?feedback\b/i,
  /\b(?:i|we)(?:'ll| will| shall|'d| would| can| could)? (?:\w+ )?(?:send|give|share|provide|pass|get back to you with|come back with|have) (?:you )?(?:\w+ )?feedback\b(?! from)/i,
  /\b(?:received|got|noted|taken|incorporated|included|addressed|applied|passed on|forwarded|reviewed|read|collected|gathered|based on) (?:\w+ ){0,2}(?:your |the |all |that |this )?(?:\w+ )?feedback\b/i,
  /\bfeedback (?:has|have|was|were|is being|will be) (?:been )?(?:passed|forwarded|received|noted|shared|taken|incorporated|reviewed|very|really|helpful|useful|great)\b/i,
  /\bfeedback (?:you|that you) (?:gave|sent|provided|shared)\b/i,
];

const SMALL_TALK = /\bhow (?:are|were) you(?: doing| keeping| getting on)?\s*[?!.]?\s*$/i;

function asksInSentence(sentence: string): boolean {
  if (NOT_ASKING.some((re) => re.test(sentence))) return false;
  if (HOW_WE_DO.some((re) => re.test(sentence))) return true;
  if (SURVEY.test(sentence) && /\?\s*$|\bplease\b|\bwould you\b|\bcould you\b|\bif you (?:could|have)\b|\b(?:link|minutes?)\b/i.test(sentence)) return true;
  if (FEEDBACK_NOUN.test(sentence)) return /\?\s*["'”’)]*\s*$/.test(sentence) || FEEDBACK_ASK.test(sentence);
  // "Feedback welcome!", "Feedback is very welcome", "Open to feedback".
  return /\bfeedback (?:is )?(?:very |always |most )?welcome\b|\b(?:open|grateful) (?:to|for) (?:any )?feedback\b/i.test(sentence);
}

/** The sentences of our visible text that ask the reader for feedback on us or our work. */
export function findFeedbackQuestions(visible: string): string[] {
  if (!PREFILTER.test(visible)) return [];
  return splitSentences(visible).filter((s) => !SMALL_TALK.test(s) && asksInSentence(s));
}

/** Whether our mail asks for feedback anywhere in its visible text. */
export function asksForFeedback(visible: string): boolean {
  return findFeedbackQuestions(visible).length > 0;
}
