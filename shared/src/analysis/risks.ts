/**
 * Risk language: dissatisfaction, escalation, cancellation and delay from the client; bad news from us.
 * Negation-aware: "not disappointed at all" and "no need to escalate" are not risks. One signal per
 * sentence (the first kind that matches), so a long complaint is counted per sentence, not per word.
 */
import type { RiskCandidate, RiskKind, Side } from '../model/facts';
import { snippet } from './text/normalize';
import { splitSentences } from './text/sentences';

interface RiskRule {
  kind: RiskKind;
  pattern: RegExp;
}

const THEIR_RULES: RiskRule[] = [
  {
    kind: 'cancellation',
    pattern:
      /\b(?:cancel(?:l?ing|l?ed)? (?:the |our |my |this )?(?:contract|subscription|account|order|agreement|service|services|engagement|project|deal|plan|membership|retainer|license|licence|renewal|partnership)|cancellation|terminat(?:e|ing|ion of) (?:the |our |this )?(?:contract|agreement|engagement|relationship|services?|partnership)|(?:not|n't|won't|will not) (?:be )?renew(?:ing)?|(?:looking|look|shopping) (?:at|for|around for) (?:other|another|alternative|different) (?:vendors?|suppliers?|providers?|agencies|agency|partners?|options|solutions)|(?:move|moving|switch|switching|go|going) (?:to|with) (?:another|a different|a new|an alternative|a competing|a competitor|other) (?:vendor|supplier|provider|agency|partner|company|firm)|take our business elsewhere|end (?:our|the) (?:contract|relationship|partnership|engagement))\b/i,
  },
  {
    kind: 'escalation',
    pattern:
      /\b(?:escalat(?:e|ed|ing) (?:this|it|the (?:matter|issue|problem|ticket|case)|to|further|internally|higher|up)|escalation|loop(?:ing)? in (?:my|our) (?:manager|boss|director|vp|ceo|cfo|head|leadership)|(?:speak|talk) (?:to|with) your (?:manager|supervisor|boss|director|ceo|superior)|(?:involve|involving|get|bring|bringing|bring in|loop in|contact|consult|refer (?:this|it|the matter) to|pass (?:this|it) to) (?:our |my )?(?:legal|lawyers?|attorneys?|counsel)|legal (?:action|steps|proceedings|recourse|remedies)|formal complaint|file a complaint|(?:our|my) lawyers?|breach of contract|take this (?:further|higher|up the chain))\b/i,
  },
  {
    kind: 'dissatisfaction',
    pattern:
      /\b(?:disappoint(?:ed|ing|ment)|unacceptable|(?:not|n't) (?:happy|satisfied|pleased|impressed)|unhappy|dissatisfied|frustrat(?:ed|ing|ion)|annoyed|upset|still waiting|this is the (?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time|(?:very|really|extremely|deeply|increasingly|quite|seriously) concerned|(?:lost|losing) (?:confidence|trust|patience)|fed up|poor (?:service|quality|communication|response)|not good enough|(?:keep|kept) (?:missing|slipping|dropping) (?:the |our |your )?(?:deadlines?|dates?|milestones?|the ball)|no one (?:has )?(?:responded|replied|got back)|nobody (?:has )?(?:responded|replied|got back)|haven't heard back|have not heard back|chas(?:e|ing) (?:you|this) again)\b/i,
  },
  {
    kind: 'delay',
    pattern:
      /\b(?:(?:is|are|was|were|been|be|being|get|gets|getting|got|now|again|further|significantly|seriously|badly) (?:(?!not\b|never\b|hardly\b)\w+ )?(?:delayed|postponed|pushed (?:back|out))|(?:another|further|more|significant|serious|major|long|ongoing|repeated|these|the) delays? (?:in|on|to|with|of)|delays? (?:in|on|to|with) (?:the |our |your )?(?:delivery|project|launch|rollout|shipment|release|migration|go-live|implementation|work)|behind schedule|slipp(?:ing|ed) (?:again|further|by|to|another)|(?:missed|miss|missing) (?:the |our |a |another )?(?:deadline|due date|milestone|delivery date|go-live)|running late|overdue|late again|past due)\b/i,
  },
];

const OUR_RULES: RiskRule[] = [
  {
    kind: 'bad-news',
    pattern:
      /\b(?:unfortunately|regrettably|(?:we|i)(?:'re| are|'m| am) afraid|(?:we|i) (?:won't|will not|can't|cannot|can not) (?:be able to |make it|meet|deliver|hit|finish|complete)|(?:we|i) (?:will|'ll) not be able to|(?:we|i) (?:won't|will not) be able to|(?:we|i) missed|(?:delay|delays|slippage|setback|issue|problem|outage|bug) on our (?:side|end)|(?:we|i) (?:have|'ve) (?:hit|run into|encountered) (?:a |an |some )?(?:delay|problem|issue|snag|setback|blocker)|(?:we(?:'re| are)|i(?:'m| am)) (?:running )?(?:behind|late)|behind schedule|(?:need|have) to (?:push|move) (?:back|out|the (?:date|deadline|delivery|launch))|(?:will|'ll) (?:be|arrive|ship) late|slipp(?:ing|ed)|bad news)\b/i,
  },
];

/** A negation shortly before the match ("not disappointed", "no need to escalate", "never frustrated"). */
/** Apologising for one's own slow reply is not a delay on the project. */
const APOLOGY_FOR_DELAY = /\b(?:sorry|apologi[sz]e|apologies|excuse|pardon)\b[^.]{0,40}\bdelay|\bdelay(?:ed)? (?:reply|response|answer)|with a (?:little|slight|short|bit of a) delay\b/i;

function negated(sentence: string, index: number): boolean {
  const before = sentence.slice(Math.max(0, index - 30), index).toLowerCase();
  return /\b(?:not|no|never|without|nothing|hardly|n't|no need to|don't need to|do not need to|there's no|isn't|wasn't|aren't)\s+(?:\w+\s+){0,2}$/.test(before) || /\bno need to\s+(?:\w+\s+){0,2}$/.test(before);
}

/** Word stems every rule of a side starts from: a cheap first test before the full patterns. */
const THEIR_STEMS =
  /cancel|terminat|renew|vendor|supplier|provider|agenc|partner|compan|firm|business|contract|relationship|escalat|manager|boss|director|supervisor|ceo|legal|lawyer|attorney|counsel|complaint|breach|further|higher|chain|disappoint|unacceptab|happy|satisf|pleased|impressed|frustrat|annoyed|upset|waiting|time|concern|confidence|trust|patience|fed up|poor|good enough|missing|slipping|dropping|respond|replied|got back|heard back|chas|delay|postpon|pushed|behind|slipp|miss|late|overdue|due/i;
const OUR_STEMS = /unfortunate|regrett|afraid|won't|will not|can't|cannot|can not|missed|delay|slipp|setback|issue|problem|outage|bug|hit|run into|encountered|behind|late|push|move|bad news/i;

export function findRisks(visible: string, side: Side): RiskCandidate[] {
  const rules = side === 'them' ? THEIR_RULES : OUR_RULES;
  const stems = side === 'them' ? THEIR_STEMS : OUR_STEMS;
  const out: RiskCandidate[] = [];
  if (!stems.test(visible)) return out;
  for (const sentence of splitSentences(visible)) {
    if (!stems.test(sentence)) continue;
    for (const rule of rules) {
      const match = rule.pattern.exec(sentence);
      // "not happy" / "won't renew" carry their own negation; other matches are cancelled by one.
      if (rule.kind === 'delay' && APOLOGY_FOR_DELAY.test(sentence)) continue;
      if (match && (/\b(?:not|n't|won't)\b/i.test(match[0]) || !negated(sentence, match.index))) {
        out.push({ kind: rule.kind, side, text: snippet(sentence) });
        break;
      }
    }
  }
  return out;
}
