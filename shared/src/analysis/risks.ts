/**
 * Risk language: dissatisfaction, escalation, cancellation and delay from the client; bad news from us.
 * Negation-aware: "not disappointed at all" and "no need to escalate" are not risks. One signal per
 * sentence (the first kind that matches), so a long complaint is counted per sentence, not per word.
 * A client risk is aimed at the supplier the mail is written to (us): each match is checked for who it is about
 * (the reader, our work, or the writer's loss) and dropped when it is about the writer's own work or a third party.
 * Two families of client rules, each tried only in sentences with its own word stems: the older feeling and signal
 * rules (THEIR_SIGNALS, THEIR_RULES) and the complaints customers make without feeling words (THEIR_COMPLAINTS).
 */
import type { RiskCandidate, RiskKind, RiskSignal, Side } from '../model/facts';
import { groupedAnywhereByFirstLetter, groupedByFirstLetter } from './text/first-letter-alternation';
import { snippet } from './text/normalize';
import { WordStartFilter } from './text/word-start-filter';
import { splitSentences } from './text/sentences';

interface RiskRule {
  kind: RiskKind;
  signal?: RiskSignal;
  pattern: RegExp;
  /** Shows that a match is about someone else than the supplier written to: the match is dropped. */
  aimedElsewhere?: RegExp;
  /** "My order has not arrived": the writer's "my" is what is owed to them, not their own work running late. */
  owedToWriter?: boolean;
  /** "How do I cancel my service?": asking how to cancel or complain is itself the act, not a question to answer. */
  askingIsTheAct?: boolean;
  /** A round-3 complaint rule: tried only in sentences with one of COMPLAINT_STEMS (the others need THEIR_STEMS). */
  complaintWords?: boolean;
  /** Words every match of the pattern contains: a cheap test that spares the full pattern in most sentences. */
  needs?: RegExp;
  /** The match counts only where the sentence names the reader ("you", "your", a handle): "why is it so hard to ..." is
   * a complaint to a company, and a list user's question about their own code. */
  addressed?: boolean;
  /** The pattern itself says what the feeling word in it is about ("I find it a little annoying when ..."), so the checks
   * that look for a feeling's target (aimedAtUs) would only miss it; the rule's own aimedElsewhere still applies. */
  namesItsObject?: boolean;
  /** The match counts only in a message written to an account by its handle ("@AcmeAir Account closed. What kind of
   * stupidity is going on"): the same words between list users or in a memo are banter or a quotation. */
  toAnAccount?: boolean;
}

/** An option for an outing or an event is not a supplier replaced ("looking at other options for the venue"). */
const OPTIONS_FOR_AN_OUTING =
  /\b(?:options|solutions|vendors|suppliers|providers|companies) for (?:the|a|an|our|my|this|next) (?:\w+ )?(?:venue|hotel|dinner|lunch|party|event|trip|flight|room|catering|offsite|off-site|conference|meeting|reception)s?\b/i;

/** Our client's signals that come before the generic rules: each names a finer reason (RISK_SIGNALS). */
const THEIR_SIGNALS: RiskRule[] = [
  {
    needs: /\b(?:look|shopping|consider|evaluat|explor|talking|speaking|meeting|review|getting quotes|benchmark|tender|bid|rfp|rfq|pitch|revisit|reconsider|before|re-?tender|market|in-?house|decided|chosen|opted|elected|selected|appointed|picked|hired|approached|contacted)/i,
    kind: 'cancellation',
    signal: 'alternatives',
    aimedElsewhere: new RegExp(`\\b(?:it (?:would|might|may|could) be worth|you (?:could|should|might|may|can) (?:want to |also )?|worth (?:looking|exploring|considering))|${OPTIONS_FOR_AN_OUTING.source}`, 'i'),
    pattern:
      /\b(?:(?:looking|look|looked|shopping|considering|evaluating|exploring|talking to|speaking to|meeting with|reviewing|getting quotes from|benchmarking (?:you|your \w+) against) (?:at |for |around for )?(?:a (?:couple|few|number) of |some |two |three )?(?:(?:other|alternative|another|different|new|competing|several) (?:vendors?|suppliers?|providers?|agencies|agency|partners?|firms?|contractors?|companies)|(?:other|alternative|different|competing) (?:options|solutions))|(?:go(?:ing)?|put(?:ting)? (?:it|this|the (?:contract|work|account))|take (?:it|this)) (?:out )?to (?:tender|bid)|(?:issue|issuing|run|running|launch|launching|put out|putting out|go out (?:to|with)|going out (?:to|with)|start|starting) (?:a|an|the) (?:tender|rfp|rfq|bidding process|pitch process)|(?:formal|open|competitive) (?:tender|rfp|rfq|bid|pitch)|(?:review|reviewing|revisit|revisiting|reconsider|reconsidering) (?:our|the|all) (?:options|supplier|vendor|agency|contract|relationship)\b[^.]{0,40}\b(?:renewal|contract|year|next)|before (?:we|i) (?:renew|sign|commit)\b[^.]{0,60}\b(?:compare|options|alternatives|quotes|market)|re-?tender(?:ing)?|(?:go|going|went|put|putting) (?:it |this |the (?:contract|work|account) )?(?:back )?out to (?:tender|market)|(?:bring|bringing|take|taking|move|moving) (?:it |this |the (?:work|account|service|project) |everything )?in-?house|(?:decided|chosen|opted|elected) to (?:go|move|switch) (?:with|to) (?:another|a different|a new|a competing|an alternative)|(?:chosen|selected|appointed|picked|hired) (?:another|a different|a new|a competing|an alternative) (?:supplier|vendor|agency|provider|partner|firm|contractor)|(?:approached|contacted) by (?:another|a competing|other|a rival) (?:agency|agencies|supplier|suppliers|vendor|vendors|provider|providers|firm|firms))\b/i,
  },
  {
    needs: /\bfavou?r/i,
    kind: 'cancellation',
    signal: 'alternatives',
    aimedElsewhere: /\b(?:abandon\w*|give up on|gave up on|giving up on|drop(?:ped|ping)?|ditch\w*|mov(?:e|ed|ing) away from|switch\w* (?:away )?from)\s+(?:our|my)\b/i,
    pattern: /\b(?:abandon\w*|give up on|gave up on|giving up on|drop(?:ped|ping)?|ditch\w*|mov(?:e|ed|ing) away from|switch\w* (?:away )?from)\s+(?:[\w-]+\s+){0,3}in favou?r of\b/i,
  },
  {
    kind: 'cancellation',
    signal: 'alternatives',
    // "give up on R. Start over with a better environment": giving up on a named product (names keep case).
    aimedElsewhere: /\b(?:is|was) (?:no longer|not) an option\b/i,
    pattern: /\b(?:[Gg]ive|[Gg]ave|[Gg]iving) up on (?:you\b|your\b|[A-Z][\w-]*\b)/,
  },
  {
    needs: /\b(?:quality|service|standard|accuracy|responsiveness|work|level|errors|mistakes|bugs|typos|issues|problems|fail|broke|crash|stopped|expectations|worse|keep|sloppy|careless|rushed|half-baked|substandard|sub-standard|shoddy|amateurish|scratch|par)/i,
    kind: 'dissatisfaction',
    signal: 'quality',
    pattern:
      /\b(?:(?:quality|service|standard|accuracy|responsiveness|work)\b[^.]{0,30}\b(?:has|have|had|is|are)\s+(?:\w+\s+)?(?:dropped|declined|slipped|gone down(?:hill)?|deteriorated|(?:gotten|got|getting) worse|not what it (?:was|used to be))|(?:not|n't|no longer) (?:up to|at) (?:the|your|our) (?:usual )?(?:standard|level|quality)|(?:more|too many|lots of|a number of|several|repeated) (?:errors|mistakes|bugs|typos|issues|problems) (?:than (?!(?:it|they|this|that) (?:solves?|fix(?:es)?|(?:is|was|are|were|'s) worth))|lately|recently|again|in (?:the|your) (?:last|latest|recent))|(?:too many|repeated) (?:errors|mistakes|bugs|typos|issues|problems) in|full of (?:errors|mistakes|typos)|(?:fail(?:ed|s)?|broke|crash(?:ed|es)?|stopped working) (?:every time|in every case|each time|repeatedly|constantly)|below (?:our|the) expectations|(?:is|are|has been|have been) getting worse|(?:standards?|quality) (?:has|have) slipped|\b(?:it|it's|this|things|the (?:service|quality|product|situation|response|support|problem|glitch|bug))\s+(?:has |have |is |are )?(?:got|gotten|become|grown|getting) (?:a (?:bit|little|lot) |even |much |slightly |far )?worse|worse than ever|keeps? (?:on )?(?:crashing|breaking|freezing|hanging|dying)|(?<!\bsome (?:\w+ )?)(?:sloppy|careless|rushed|half-baked|substandard|sub-standard|shoddy|amateurish) (?:work|job|reports?|deliverables?|drafts?|service|copy|design|workmanship|execution)|(?:not|n't) (?:up to|at) (?:scratch|par)|(?:the )?(?:work|reports?|deliverables?|drafts?|copy|service) (?:has|have) been (?:sloppy|careless|rushed|substandard|shoddy))\b/i,
  },
  {
    needs: /\b(?:budget|spend|cost)/i,
    kind: 'cancellation',
    signal: 'budget',
    pattern:
      /\b(?:budget (?:cuts?|freeze|reductions?|is (?:being )?(?:cut|reduced|frozen))|budget\b(?: [\w-]+){0,4} (?:has|have) been (?:cut|reduced|slashed|frozen|halved)|(?:cut|cutting|reduce|reducing|slash|slashing|trim|trimming|freeze|freezing) (?:our|the|all|back on) (?:external )?(?:budgets?|spend|spending|costs)|cost[- ]cutting|spending freeze|(?:no|not enough|little) budget (?:for|left)|(?:lost|losing) (?:the|our) budget)\b/i,
  },
  {
    needs: /\b(?:new|left|resign|stepped|moved on|replaced|leaving|taken over|taking over|take over|took over|will take over|reorg|restructur|re-?org)/i,
    kind: 'cancellation',
    signal: 'decision-maker',
    pattern:
      /\b(?:(?:our|a|the) new (?:ceo|cfo|cto|coo|cmo|cio|vp|svp|evp|president|director|head of [a-z]+|procurement (?:lead|manager|director)|manager|boss|leadership(?: team)?|management)\b|(?:he|she|our (?:\w+ )?(?:manager|director|sponsor|contact|ceo|cfo|cto|vp|head of \w+)) (?:has|have|had) (?:just )?(?:left|resigned|stepped down|moved on|been replaced)\b|(?:is|are) leaving (?:the company|us|at the end)\b|(?:has taken|is taking|will take|took) over (?:from|as)\b|(?:a|the|our) (?:reorgani[sz]ation|restructuring|re-?org)\b(?! of (?!(?:the |our |your |this )?(?:whole )?(?:company|business|department|team|organi[sz]ation|division|group|management|board|firm)\b))|(?:reorgani[sz]ing|restructuring) (?:the|our) (?:company|business|department|team|organi[sz]ation))/i,
  },
  {
    needs: /\b(?:left|resigned|stepped|moved on)/i,
    kind: 'cancellation',
    signal: 'decision-maker',
    // A named person leaving ("Johannes has moved on"): names are capitalised, so this one keeps case.
    pattern: /\b[A-Z][a-z]+ (?:has|had) (?:just )?(?:left (?:the company|us|the business)|resigned|stepped down|moved on)\b/,
  },
  {
    needs: /\b(?:worr|concern|nervous|anxious|uneasy|on track|realistic|achievable|feasible|doable|at risk|in danger|unrealistic|tight|cutting it|running out|time is running|yet to)/i,
    kind: 'delay',
    signal: 'date-worry',
    pattern:
      /\b(?:(?:worried|concerned|nervous|anxious|uneasy)\b[^.]{0,50}\b(?:date|deadline|timeline|timing|schedule|launch|go-live|delivery|on time|slip|make it)|(?:are|is) (?:we|you|it|this|the (?:project|launch|go-live|delivery|date|timeline)) (?:still )?on track|(?:is|are) (?:the|this|that) (?:date|deadline|timeline|launch|go-live|plan) (?:still )?(?:realistic|achievable|feasible|doable)|(?:date|deadline|timeline|launch|go-live|delivery) (?:is|looks|seems) (?:at risk|in danger|unrealistic|tight)|cutting it (?:fine|close)|(?:we're|we are|we're now) running out of time|time is running out|(?:have|has) yet to (?:receive (?:it|them|the|this|that|my|our|a|an|any)|hear (?:back|from you|anything)|get (?:a|an|any) (?:reply|response|answer|update)))\b/i,
  },
  {
    needs: /\b(?:milestone|deadline|date|deliver|release|launch|go-live)/i,
    kind: 'dissatisfaction',
    signal: 'missed-milestones',
    pattern:
      /\b(?:(?:missed|slipped|blown) (?:two|three|four|several|multiple|\d+) (?:milestones|deadlines|dates|deliveries)|(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) (?:missed )?(?:milestone|deadline|date|delivery) (?:in a row|missed|that (?:has )?slipped|(?:that )?(?:you|you've|your team|your side)(?: have| has)? (?:missed|slipped|blown))|(?:another|yet another) missed (?:milestone|deadline|date)|(?:two|three|four|several|multiple|\d+) (?:missed|slipped|late) (?:milestones|deadlines|deliveries|dates)|(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time (?:the |this |that |a |our )?(?:[\w-]+ )?(?:date|deadline|milestone|delivery|release|launch|go-live) (?:has )?(?:slipped|moved|been (?:missed|pushed back|moved|delayed)))\b/i,
  },
  {
    needs: /\b(?:disappoint|underwhelm|frustrat|what we|desired|better|less than|expected|hoped for|address|answer|times|got no)/i,
    kind: 'dissatisfaction',
    signal: 'understatement',
    // A third person who did not answer ("he didn't answer my email") or a phone that rang out ("I called and was
    // transferred to room but got no answer") is not the reader's silence, unless the reader is named.
    aimedElsewhere: /\b(?:he|she|they) (?:really |just )?(?:didn't|did not|doesn't|does not|hasn't|has not) (?:address|answer)\b|\b(?:called|rang|phoned|dialled|dialed|transferred)\b(?![^.!?]*\b(?:you|your)\b)[^.!?]{0,50}\bgot no answer\b/i,
    pattern:
      /\b(?:(?:a (?:bit|little)|slightly|somewhat|rather|quite) (?:disappointed|underwhelmed|frustrated)|(?:a (?:bit|little)|slightly|somewhat|rather|quite) (?:disappointing|frustrating) (?:not to (?:hear|get|receive) (?:back|anything|a (?:reply|response|word))|that (?:we|I) (?:haven't|have not|didn't|did not) (?:heard|received|got|had) (?:back|anything|a (?:reply|response|word)))|not (?:quite )?what we (?:expected|agreed|asked for|were promised|were expecting|had hoped for|hoped for)|leaves? (?:a lot|a great deal|much|something|a bit) to be desired|(?:could|should) have been (?:handled )?better|less than (?:impressed|happy)|(?:we|I) (?:had )?(?:expected|hoped for) (?:a (?:bit|little|lot) |much |far |rather )?(?:more|better)\b|(?<!\bif (?:that|this|it) |\b(?:I|we) (?:really |just )?)(?:doesn't|does not|didn't|did not) (?:really |quite )?(?:address|answer) (?:that|this|it|my|our|the)|(?<!\b(?:questions?|been|was|were) )(?:asked|requested|raised this|chased|complained|called|emailed|e-mailed|written|phoned|contacted (?:you|your \w+))(?: (?:about )?(?:this|it))? (?:a couple of|two|three|four|five|several|multiple|many|numerous|countless|a dozen|\d+) times|(?<!\byou )got no (?:response|reply|answer))\b/i,
  },
];

/** Silence from someone the writer names in the third person ("I contacted the maintainer, still no response") is not ours. */
const SILENCE_ELSEWHERE =
  /\b(?:contacted|emailed|e-mailed|wrote to|written to|asked|pinged|messaged|cc'd|reach(?:ing|ed)? out to) (?:the|a|an|his|her|their|its|him)\b(?! (?:team|company|support|office|help ?desk|service|customer))|^\s*(?:they|he|she)\b|\b(?:they|he|she) (?:have |has )?(?:never|not once)\b/i;

/** What the writer has not had is owed by someone else, or not owed at all: a condition, an apology, an answer looked for elsewhere. */
const OWED_BY_SOMEONE_ELSE =
  /\bif (?:you|I|we)\b|\b(?:sorry|apologi[sz]e|apologies|whether)\b|\bfrom (?!you\b|your\b|u\b)|\b(?:e-?mailed|wrote to|written to|contacted|asked|called|pinged|reach(?:ing|ed)? out to) (?:him|her|them|the|a|an|his|their)\b|\b(?:answer|reply|response) (?:there|elsewhere)\b/i;

/**
 * Round 3 (README "Round 3"): how customers who write to a supplier complain when they do not use the feeling words:
 * a verdict on the service, silence from the supplier, something owed that has not come, a failure that came back, the
 * last time they buy. Each names the supplier's side (service, support, the thing delivered, "you") or the writer's
 * own loss, so a verdict on a third party or on the writer's own work does not match.
 */
const THEIR_COMPLAINTS: RiskRule[] = [
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    pattern:
      /\b(?:(?:worst|terrible|awful|horrible|horrendous|appalling|atrocious|pathetic|disgusting|dreadful|abysmal|shocking|lousy|unprofessional|useless|rubbish|poor|crappy|shitty|rotten|horrid|subpar|sub-par|disgraceful|incompetent)\s+(?:customer\s+|cust\.?\s+|home\s+delivery\s+|delivery\s+|after[- ]sales\s+)?(?:service|serv|support|care|communication)|(?:worst|terrible|awful|horrible|horrendous|appalling|atrocious|dreadful)\s+(?:[\w-]+\s+)?experience|(?:your|the|this|their)\s+(?:customer\s+)?(?:service|support|customer care|website|site|app)\s+(?:is|was|has been|are|were)\s+(?:(?:so|really|very|absolutely|truly|just|a|an|such a|the)\s+)*(?:terrible|awful|horrible|appalling|atrocious|pathetic|disgusting|dreadful|abysmal|shocking|a joke|a disgrace|a shambles|useless|rubbish|unacceptable)|(?:you|you guys|y'all)(?:'re| are)\s+(?:(?:easily|by far|officially|just|so)\s+)?(?:the\s+)?(?:worst|a joke|useless|pathetic|a disgrace|unprofessional)|(?:could(?:n't| not) (?:be|have been) (?:more|any more) (?:unprofessional|unhelpful|rude|useless|incompetent))|is a (?:joke|disgrace|shambles)!|(?:terrible|awful|horrible|appalling|pathetic|disgraceful|shocking) way to (?:treat|deliver|run|handle|do business)|(?:service|support|staff|team|agents?|people|reps?|representatives?|helpdesk|help desk)\s+(?:[\w-]+\s+){0,3}(?:is|are|was|were|been)\s+(?:(?:so|very|really|completely|totally|extremely)\s+)?(?:not (?:at all |very |remotely )?helpful|unhelpful|uncooperative|rude|useless|clueless)|(?:not|n't) helpful at all|(?:you|your \w+)(?:'re| are| is| have been) lying|(?:lied|been lying) to (?:me|us)|(?:won't|will not|refuse[ds]? to|refusing to|didn't|did not) (?:honou?r|fulfil|fulfill|stand behind) (?:the |my |our |its |your )?(?:warranty|guarantee|contract|agreement|sla|commitment|promise)|(?:gave|giving|give) (?:you|you guys|your \w+) (?:another|one more|a second|a last|a final) chance|your (?:[\w-]+ ){0,3}(?:really |totally )?sucks?\b|you (?:guys )?suck\b|your (?:[\w-]+ ){1,3}(?:is|are) (?:absolute |complete |total |utter )?(?:shit|crap|garbage|trash|junk|rubbish)|overcharged (?:me|us)|(?:double[- ]charged|(?:charged|billed|invoiced|charging|billing|invoicing) (?:me|us) twice)|(?:passed|sent|transferred|bounced) (?:(?:me|us) )?(?:around |between |to )?(?:\d+|two|three|four|five|several|multiple) (?:different )?(?:departments|teams|agents)|(?:hung|hangs|hang) up on (?:me|us)|cuts? (?:me|us|you) off|(?:on hold(?: with [@\w-]+)?|hold) (?:for )?(?:over |more than |almost |nearly |about |like )?(?:\d+|an|two|three) ?(?:min(?:ute)?s?|hours?)|\d+[- ]?(?:minute|min|hour) hold)/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    needs: /\b(?:absolute|complete|total|utter|experience|worse than|business|custom|done with|your)\b/i,
    // A verdict on the reader's own work or on the whole relationship: "your onboarding portal is awful", "an absolute
    // joke", "poor customer experience", "your app is worse than ...", "lost my business", "we're done with you".
    pattern:
      /\b(?:your\s+(?:[\w-]+\s+){0,3}?(?:is|are|was|were|has been)\s+(?:so\s+|really\s+|absolutely\s+|just\s+|truly\s+)?(?:awful|terrible|horrible|appalling|atrocious|pathetic|disgusting|dreadful|abysmal|shocking|sub-?par|lousy|rubbish|crap|garbage|unacceptable|a joke|a disgrace|a shambles)|(?:is|are|was|were|'s) (?:an? |such an? )?(?:absolute|complete|total|utter) (?:joke|disgrace|shambles)|poor (?:customer |shopping |user )?experience|your (?:[\w-]+ ){0,3}(?:is|are|has been|have been) (?:even |much |far |getting )?worse than|(?:lost|lose|losing) (?:my|our) (?:business|custom)|(?:I'm|I am|we're|we are) (?:so |totally |officially )?done with (?:you|your|y'all))\b/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    pattern:
      /^(?:still (?:nothing|nada|zilch)|nothing yet)\s*[!.?]*$|^(?:\.?@\w+\s+)*(?:(?:this|that|it)(?:'s| is| was)\s+(?:(?:just|simply|so|really|absolutely|totally)\s+)?(?=ridiculous|unacceptable|not good enough|a joke|an? (?:complete |total |utter )?waste)|(?:absolutely|totally|just|simply|so|really|truly|utterly|frankly)\s+)?(?:worst(?: ever)?\*?|disgusting|pathetic|pitiful|appalling|unacceptable|ridiculous|outrageous|disgraceful|terrible|awful|horrible|shocking|not good enough|not (?:cool|ok|okay|acceptable)|a joke|a disgrace|(?:an? )?(?:complete |total |utter )?waste of (?:time|money))\s*[!.]*(?:\s*(?:https?:\/\/\S+|pic\.twitter\.com\/\S+|@\w+|#\w+))*\s*$/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    // Silence from the supplier: no answer after the writer asked, said with a time or "still" / "never". Silence from
    // someone the writer names in the third person ("I contacted the maintainer, still no response", "Still no word back
    // from Menendez") is not ours.
    aimedElsewhere: new RegExp(`${SILENCE_ELSEWHERE.source}|\\b(?:word|response|reply|answer|news|update)s?(?: back)? from (?!(?:you|your|yours|anyone|anybody|u|the|customer|support|service|sales|billing|head office)\\b|@)\\w`, 'i'),
    pattern:
      /\b(?:(?:still|yet)\s+(?:no|not a single|haven't (?:had|got|received) (?:a|any))\s+(?:response|reply|answer|call(?:\s*back)?|word|update|news)|(?:no|not a single|without (?:a |any )?)\s*(?:response|reply|answer)s?\s+(?:yet|so far|received|since|after|for (?:over |more than )?(?:\d+|a|an|two|three|several)|in (?:over )?(?:\d+|two|three)|from (?:you|your|anyone))|(?:never|not once)\s+(?:replied|responded|followed up|got back|called back|answered)|unanswered (?:e-?mails?|calls?|messages?|letters?|requests?)|no one has (?:dealt with|replied to|responded to|answered|looked at) (?:it|this|my|our)|(?:no|not a) call (?:back )?(?:till|until) now|(?:requested|asked|chased|emailed|e-mailed|called|wrote|messaged|followed up|sent)\b[^.!?]{0,40}[,;]\s*(?:but\s+)?(?:still\s+)?no (?:response|reply|answer)|(?:\d+(?:st|nd|rd|th)?|second|third|fourth|fifth|several|multiple) times? without (?:a |any )?(?:response|reply|answer))\b/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    // More ways customers say the supplier has gone quiet or left a fault as it was ("Again no reply", "no response from
    // customer service", "nobody from X got in touch", "waiting on you guys", "have still not fixed the broadband"); a
    // rule of its own behind a word test, so sentences without these words do not pay for them.
    needs: /\b(?:still|again|no (?:response|reply|answer|resolution)|nobody|waiting)\b/i,
    aimedElsewhere: SILENCE_ELSEWHERE,
    pattern:
      /\b(?:still\s+no\s+(?:tracking(?: number| info)?|refund|confirmation)|(?:only |still )?waiting on (?:you|your)\b|no (?:response|reply|answer) from (?:the )?(?:customer (?:service|care|support)|support|(?:the |your )?(?:support|service|help ?desk) team)|again no (?:response|reply|answer)|nobody from [@\w-]+ (?:has )?(?:got|gotten) (?:back|in touch)|waiting (?:on|for) (?:a |any |your )?(?:reply|response|answer|call ?back|call)s?\b(?! from)|(?<!\b(?:I|we) )(?:have|has) still (?:not|n't) (?:yet )?(?:replied|responded|answered|fixed|sorted|resolved|refunded|returned|delivered|called|contacted|got back|gotten back|processed)|still (?:you|your [\w-]+) (?:are|is) not (?:returning|replying|responding|answering|fixing|refunding|sending)|still (?:got|get|getting|heard|received|have|had) nothing|no resolution (?:(?:on|to|for) (?:(?:my|our|the|this) )?(?:complaint|ticket|case|issue|problem|query|claim)|yet|even|after|since))\b/i,
  },
  {
    complaintWords: true,
    kind: 'delay',
    // Something owed to the writer that has not come ("my order has yet to arrive", "never received my refund"): the
    // thing must be one that is delivered, so "I never got it working" or "R 4.1 has not yet appeared" do not match.
    // The reader's missing item ("if you haven't received a confirmation, resubmit") is a notice, not a complaint.
    aimedElsewhere: /\bif you\b|\byou(?:'ve| have)?(?:n't| not| never)\b|\b(?:sorry|apologi[sz]e|apologies)\b|\bwaiting\b[^.!?]{0,40}\b(?:to (?:finish|complete|run|compile|load|converge)|jobs?|runs?|computations?|simulations?|calculations?|process(?:es)?|builds?|install)\b/i,
    owedToWriter: true,
    pattern:
      /\b(?:been waiting (?:for )?(?:over |more than |almost |nearly |about |like )?(?:\d+|an?|two|three|four|five|several) ?(?:mins?|minutes|hours?|hrs?|days|weeks|months)\b|(?:has|have|had)\s+yet to (?:arrive|be (?:delivered|dispatched|shipped|sent))|(?:has|have|had)(?:n't| not)\s+(?:yet\s+)?(?:arrived|shipped|turned up|been (?:delivered|dispatched|shipped))(?:\s+yet)?|(?:has|have)(?:n't| not)\s+(?:yet\s+)?come(?=\s+yet\b|\s*[.!]*$)|\b(?:they|it|order|package|parcel|delivery|shipment|boxes|books?|papers|documents?|items?|goods)\s+did(?:n't| not)\s+(?:arrive|turn up|show up)|(?:(?:not yet|never|still (?:have |has )?(?:not|n't)|(?:have|has)(?:n't| not)(?: yet)?) (?:received|got|gotten)|waiting (?:on|for)) (?:my|our|the|a|an|any) (?:[\w-]+ ){0,2}(?:order|package|parcel|delivery|shipment|goods|items?|luggage|suitcases?|bags?|refund|reimbursement|replacement|invoice|report|paperwork|contract|papers?|charger|cheque|check|payment|money|quote|proposal|draft|deliverables?|tickets?|confirmation|kit)s?\b|(?:order|package|parcel|delivery|shipment|luggage|suitcases?|bags?|courier|driver|engineer|technician|bus|train|refund|replacement|they|it)\s+(?:has\s+|have\s+|had\s+)?(?:never|still not|still (?:has|have|did)n'?t|still (?:has|have|did) not|not yet) (?:yet )?(?:arrived?|came|come|showed up|turned up|appeared|been (?:delivered|dispatched|shipped))|no sign of (?:my|our|the) (?:[\w-]+ ){0,3}?(?:order|delivery|package|parcel|shipment|courier|driver|engineer|technician)|(?:\d+(?:\.\d+)?|two|three|four|five|several)\s*(?:\+\s*)?(?:mins?|minutes|hrs?|hours?|days?|weeks?)\s+(?:late|overdue|behind|delayed)|(?:supposed|meant|due|promised|guaranteed) to (?:be delivered|arrive|come|be here|ship|be dispatched|be ready)\b[^.!?]{0,40}\b(?:but|now|still|and (?:it|they) (?:hasn't|haven't|didn't))|(?:was|were|it's|is) (?:supposed|meant|promised) to (?:be|take) (?:only )?(?:\d+|a|one|two|three|four|five)\s*(?:business |working )?(?:days?|weeks?|hours?)|(?:been )?waiting (?:for )?(?:over |more than |almost |nearly )?(?:\d+|a|an|two|three|four|five|six|several)\s+(?:hours?|days?|weeks?|months?)(?: now)?\b|taking (?:forever|ages) to (?:receive|hear back|get back|get (?:a |my |our )?(?:refund|reply|response|answer|replacement)|respond|reply|process|fix|deliver|ship|arrive|refund|resolve)|(?:\d+|two|three|four|five|several)\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?) (?:after|past|later than) (?:the )?(?:estimated|promised|agreed|expected|scheduled|quoted|guaranteed) (?:delivery |arrival )?(?:time|date|slot)|where(?:'s| is) (?:my|our) (?:order|parcel|package|delivery|refund|replacement|shipment)|(?:my|our) (?:[\w-]+ ){0,2}(?:order|package|parcel|delivery|shipment|refund|replacement|flight|train|invoice|report) (?:has|have|had|is|was|keeps?|kept) (?:been |being |getting )?(?:delayed|postponed|pushed back)|(?<!\b(?:made|making|make) )(?:still )?no progress (?:being made|has been made|made|since|on|at all)|(?:been )?trying to (?:reach|contact|settle|resolve|sort out|get hold of|get through to|speak to|talk to) [^.!?]{0,40}\bfor (?:the (?:past|last) |over |more than |almost )?(?:\d+|two|three|four|five|several) (?:days|weeks|months)|(?:had |have had |been )?(?:no|without) (?:broadband|internet|service|power|signal|connection|connectivity|wi-?fi|access|phone line|heating|hot water) (?:since|for (?:over |more than |almost )?(?:\d+|two|three|four|five|several|a|an) (?:hours|days|weeks)))\b/i,
  },
  {
    complaintWords: true,
    kind: 'delay',
    // The writer (or "still", with the writer understood) has not had something the reader owes them: "I haven't gotten
    // schedule or book yet", "I still don't have my MTP briefing", "I did not receive certificate", "still not received
    // anything". "have" counts only with "still" or "yet" ("I don't have a copy of SAS" is no complaint), and "seen"
    // never ("I haven't seen the final draft" is the writer's own reading).
    aimedElsewhere: OWED_BY_SOMEONE_ELSE,
    owedToWriter: true,
    needs: /(?:n't|\bnot|\bnever)\s+(?:yet\s+)?(?:received|receive|rec'?d|rcv'?d|recv'?d|gotten|got|get|have)\b/i,
    pattern:
      /\b(?:(?:I|we)\s+(?:(?:still|also)\s+)?(?:have(?:n't| not)|had(?:n't| not)|did(?:n't| not)|never)\s+(?:yet\s+)?(?:received|receive|rec'?d|rcv'?d|recv'?d|gotten|got|get)|(?:I|we)\s+(?:(?:still|also)\s+)?(?:do(?:n't| not)\s+yet|still\s+do(?:n't| not))\s+have|still\s+(?:have(?:n't| not)|not|n't)\s+(?:yet\s+)?(?:received|gotten|got))\s+(?:(?:my|our|the|a|an|any|your)\s+)?(?:[\w-]+\s+){0,2}?(?:schedule|briefings?|briefing materials|materials|memo|recommendations?|rec|drafts?|reports?|papers|notes|info|information|updates?|answers?|invoices?|refunds?|confirmation|certificates?|cards?|codes?|details|documents?|copies|repl(?:y|ies)|response|call ?back|readout|figures|dates|agenda|tracking number|call sheets?|talking points|tps|remarks|anything|a thing)\b/i,
  },
  {
    complaintWords: true,
    kind: 'delay',
    // The same, said as a principal's chase usually is: a deliverable she does not have ("I don't have memo.", "I don't
    // have a Mukherjee call sheet", not "I don't have an opinion"), "I did not get this.", "Didn't get the second.", "I did
    // not get before call." (the whole sentence, so "I didn't get this error" is not one), and a thing received that is any
    // thing at all when it was never received or is set against something that was ("I never received the Medallion
    // Charm", "I paid ... but I haven't received the tokens"), and the thing is not an error, a message or an answer
    // from someone else ("I haven't received the invitation yet" is news, not a chase).
    aimedElsewhere: OWED_BY_SOMEONE_ELSE,
    owedToWriter: true,
    needs: /(?:n't|\bnot|\bnever)\s+(?:yet\s+)?(?:get|got|receive|received|have)\b/i,
    pattern:
      /\b(?:I|we)\s+(?:do(?:n't| not)|still do(?:n't| not)|still have(?:n't| not)(?: got)?)\s+have\s+(?:the\s+|a\s+|an\s+|my\s+|our\s+|any\s+|that\s+)?(?:[\w-]+\s+){0,2}?(?:call sheets?|memos?|briefing(?: book| materials| memo| papers?)?|talking points|tps|remarks|cards|readout|agenda|schedule|draft|deck|slides|invoice|quote|proposal|report)\b|^\s*(?:(?:I|we)\s+)?(?:(?:still|also)\s+)?(?:did(?:n't| not)|never)\s+(?:get|receive|got|received)(?:\s+(?:this|that|these|those|them|the (?:second|first|last|other|rest|attachments?|documents?|file|memo|e-?mail|message|fax|text|book|papers?|package|letter|draft|note|list|one|ones)(?: ones?)?|your (?:[\w-]+ )?(?:e-?mail|message|memo|note|letter|fax|draft|call)))?(?:\s+(?:yet|either|before (?:the |my )?[\w-]+|tonight|today|yesterday|last night|this (?:morning|afternoon|evening)))?(?:\s*(?:-+|,)\s*(?:at least )?(?:not )?yet)?\s*[.!]*$|\b(?:(?:I|we)\s+never\s+received|(?:I|we)\s+still\s+(?:have(?:n't| not)|had(?:n't| not)|did(?:n't| not))\s+(?:yet\s+)?received|but\s+(?:I|we)\s+(?:still\s+)?(?:have(?:n't| not)|did(?:n't| not))\s+(?:yet\s+)?(?:received|receive))\s+(?:my|our|the|your)\s+(?!(?:same|errors?|warnings?|messages?|output|results?|following|e-?mails? from|mail from|answers? from|repl(?:y|ies) from|responses? from|chance|hang|point|impression|idea)\b)[\w-]+(?!(?: [\w-]+){0,3} to (?:work|install|run|compile|load|build|converge|finish))/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    signal: 'quality',
    pattern:
      /\b(?:(?:is|are|it's|they're|already|now) falling apart|(?:fell|came|falling) apart (?:after|within|already)|(?:broke|broken|stopped working|died|went out|gave up|peeling)\b[^.!?]{0,25}\b(?:after|within) (?:only |just |less than |a few |a couple of |\d+ |one |two |three |four |six )?(?:days?|weeks?|months?|uses?|wash(?:es)?)|(?:the\s+)?(?:worst|most unreliable|least reliable|flimsiest|buggiest)\s+(?:[\w'-]+\s+){0,4}(?:I|we)(?:'ve| have)?\s+(?:ever\s+)?(?:had|used|owned|bought|experienced|dealt with|seen)|(?:quality|it|they|this|that)\s+(?:really\s+)?sucks?\b|should (?:last|have lasted) longer|(?:glue|fix|repair|send) (?:it|them|that|this) (?:back )?(?:together )?(?:\d+|two|three|four|several|multiple) times|(?:gone|went) (?:off|down) again|(?:is|are|'s|'re) (?:down|broken|off) again|(?:your|the|my|our) (?:[\w-]+ ){0,2}(?:invoices?|bills?|billing|account|order|report|statement|booking|delivery|charges?|payments?|refund|figures|site|website|portal|app|system|service|connection|broadband|line) (?:is|are) still (?:wrong|messed up|incorrect|broken|down|not (?:fixed|resolved|sorted|working|right))|still (?:not|n't) helping|(?:\d+|two|three|four|five|six|several) (?:(?:power|network|service|internet|broadband) )?(?:outages|failures|breakdowns|crashes|power cuts) in (?:\d+|a|the (?:last|past)|two|three|four|six) (?:days?|weeks?|months?)|(?:constantly|always) (?:offline|down|dropping out|cutting out|disconnecting)|keeps? (?:dropping out|cutting out|disconnecting|going (?:offline|down)))\b/i,
  },
  {
    complaintWords: true,
    kind: 'cancellation',
    signal: 'alternatives',
    pattern:
      /\b(?:(?:never|(?:won't|will not|wont)(?: be)?)\s+(?:buy|us|shop|fly|flying|order|book|stay|eat|go|renew|deal|com|recommend)\w*\b[^.!?]{0,40}\bagain|never again\s*[.!]+(?=\s*(?:#\w+\s*)*$)|should(?:'ve| have) (?:just )?(?:taken|used|gone with|flown(?: with)?|booked(?: with)?|bought (?:it )?from|ordered from|stuck with|chosen|picked) @\w+|(?:this|that) (?:is|was|will be) the (?:last|final) time (?:I|we)|(?:take|taking) (?:my|our) (?:business|money|custom|\$+\w*) (?:elsewhere|to)\b|(?:buy|order|get|book) (?:it |them )?(?:from|with|at) [@\w.'-]+ instead|from now on (?:I|we)(?:'ll| will)? (?:get|use|go|order|buy|fly|shop|book))\b/i,
  },
  {
    complaintWords: true,
    kind: 'cancellation',
    askingIsTheAct: true,
    // Ending the relationship in the writer's words: "I'm canceling my account", "close my account", "stop my service".
    pattern:
      /\b(?:(?:I|we)(?:'m| am|'re| are| will|'ll| want to| would like to|'d like to| need to| have to| had to)?\s+(?:just\s+)?(?:cancel(?:l?ing)?|clos(?:e|ing)|terminat(?:e|ing)|stop(?:ping)?|end(?:ing)?)\s+(?:my|our)\s+(?:[@\w-]+\s+)?(?:account|subscription|service|membership|contract|plan|policy|order)|(?:need|want|would like|have|going) to (?:cancel|close|terminate|stop|end) (?:my|our) (?:[@\w-]+ )?(?:account|subscription|service|membership|contract|plan|policy)|cancel(?:l?ing|l?ed)? (?:an|my|our) (?:[@\w-]+ )?order\b(?! (?:number|id|confirmation))|(?:I|we)(?:'ll| will| am going to|'m going to|'m gonna) (?:just )?cancel\b|how (?:do|can|would) (?:I|we) cancel\b)/i,
  },
  {
    complaintWords: true,
    kind: 'escalation',
    askingIsTheAct: true,
    pattern:
      /\b(?:(?:make|made|file|filed|lodge|lodged|raise|raised|submit|submitted) (?:a |an )?(?:formal |official )?complaint (?:about|against|regarding|with (?:your|head office)|to (?:your|head office))|(?:contacted|contact|reported (?:you|this|it) to|complained to|going to) (?:the )?(?:FTC|FCC|BBB|CFPB|regulator|ombudsman|trading standards|better business bureau|attorney general)|who(?:'s| is) (?:best |the best person )?to contact at head office|involve (?:my |our )?(?:attorneys?|lawyers?|solicitors?))\b/i,
  },
  {
    complaintWords: true,
    kind: 'escalation',
    askingIsTheAct: true,
    // A lawyer of the writer's own, suing the reader, asking for someone else to handle the account ("I'm going to
    // contact a lawyer", "is it fair to ask for a new case manager"); each behind its own words.
    needs: /\b(?:lawyers?|attorneys?|solicitors?|sue|(?:new|different) (?:case |account )?(?:manager|handler|rep|representative|contact|engineer|consultant|agent|advis[eo]r|adjuster|person))\b/i,
    pattern:
      /\b(?:(?:I|we)(?:'m|'re|'ll| am| are| will)?\s+(?:(?:legit|seriously|now|definitely|actually|going to|gonna|have to|need to|will)\s+){0,3}(?:(?:contact|call|get|hire|involve|speak to|talk to)\s+(?:a|an|my|our)\s+(?:[\w-]+\s+)?(?:lawyer|attorney|solicitor)s?|sue\s+(?:you|your|@\w+))|(?:ask|asking|request|requesting|want|need|like)(?: for)? (?:a|another) (?:new|different) (?:case |account )?(?:manager|handler|rep|representative|contact|engineer|consultant|agent|advis[eo]r|adjuster|person))\b/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    // A verdict on the reader's people, rules or company in more of the words customers use ("The lady running the
    // iPad ... was so rude", "your useless company", "policy to change a flight is ridiculous", "bad service", "wasted
    // three months with you"), behind a word test so the older verdict rule stays as cheap as it was.
    needs: /\b(?:rude|unhelpful|useless|clueless|helpful|uncooperative|ridiculous|absurd|outrageous|insane|rip-?off|extortionate|disgraceful|bad (?:customer )?service|your (?:useless|pathetic|incompetent|crappy|shitty|terrible|awful|horrible|rubbish|lousy|joke)|wasted|pointless)/i,
    pattern:
      /\b(?:(?:service|support|staff|team|agents?|people|reps?|representatives?|helpdesk|help desk|employees?|lady|woman|guy|girl|cashier|clerk|advis[eo]r|waiter|waitress)\s+(?:[\w@-]+\s+){0,8}?(?:is|are|was|were|been)\s+(?:(?:so|very|really|completely|totally|extremely)\s+)?(?:not (?:at all |very |remotely )?helpful|unhelpful|uncooperative|rude|useless|clueless)|bad (?:customer )?service\b|your (?:useless|pathetic|incompetent|crappy|shitty|terrible|awful|horrible|rubbish|lousy|joke of an?) (?:[\w-]+ )?(?:company|service|staff|team|people|support|store|shop|business|airline|bank|employees|reps?|agents?)|(?:policy|policies|prices?|pricing|fees?|charges?|rules?|process|procedures?|service|system|website|app)\b(?: [\w-]+){0,6}? (?:is|are|was|were) (?:so |just |absolutely |totally |frankly |completely )?(?:ridiculous|absurd|outrageous|insane|a rip-?off|extortionate|disgraceful)|wasted (?:[\w-]+ ){0,3}(?:with|on) (?:you|your|@\w+)|(?:pointless|wasted) (?:journey|trip|drive))/i,
  },
  {
    complaintWords: true,
    kind: 'delay',
    owedToWriter: true,
    // What is owed and has not come, in more of the words customers use: "no idea where my order is", "seems to have
    // gone missing", "DHL never delivered", "nothing turns up", "Why has my package been 'out for delivery' for 4 days?",
    // "Internet has been out for hours", "my adjuster was supposed to return my call"; behind a word test.
    aimedElsewhere: /\bif you\b|\b(?:sorry|apologi[sz]e|apologies)\b/i,
    needs: /\b(?:where|missing|delivered|nothing|been|supposed|meant|promised|due)\b/i,
    pattern:
      /\b(?:(?:no idea|do(?:n't| not) know) where (?:my|our) (?:[@\w-]+ ){0,2}?(?:order|package|parcel|delivery|shipment|refund|replacement|luggage|bags?) is|(?:order|package|parcel|delivery|shipment|luggage|bags?|items?)\b[^.!?]{0,30}\b(?:gone|went) missing|never (?:been )?delivered|nothing (?:has )?(?:turns|turned|turn) up|nothing has (?:arrived|come)|(?:(?:my|our) (?:[\w-]+ ){0,2}(?:order|package|parcel|delivery|shipment|refund|replacement|claim|ticket|case|complaint|application) (?:has|have) been|(?:has|have) (?:my|our) (?:[\w-]+ ){0,2}(?:order|package|parcel|delivery|shipment|refund|replacement|claim|ticket|case|complaint|application) been)\b[^.!?]{0,40}\bfor (?:over |more than |almost |nearly )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|a few) (?:days|weeks|months)|(?:internet|power|broadband|wi-?fi|signal|connection|cable|phone line|electricity|heating|hot water)\s+(?:has|have)\s+been\s+(?:out|down|off)\s+(?:for|since)\b|(?<!\b(?:I|we) )(?:was|were) (?:supposed|meant|promised|due) to (?:(?:call|ring|phone|e-?mail|contact) (?:me|us)|(?:return|get back to) (?:my|our) (?:call|e-?mail|message)|(?:get back|call back|reply|respond) to (?:me|us)))/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    signal: 'quality',
    // Early or constant failure and a product short of its promise: "not as advertised", "3 month old laptop ... screen
    // looks dead", "continually crashing", "from the beginning it never worked right"; behind a word test.
    needs: /\b(?:continually|repeatedly|constantly|always|advertised|described|claimed|promised|old|beginning|start|day one|day 1|first day)\b/i,
    pattern:
      /\b(?:(?:constantly|always|continually|repeatedly) (?:crashing|freezing|failing|glitching|buffering)|(?:continually|repeatedly) (?:offline|down|dropping out|cutting out|disconnecting)|(?:below|worse than|less than|nothing like|not) (?:what (?:is|was|were|you) |as )(?:advertised|promised|described|claimed)|(?:only |just |barely |less than )?(?:\d+|a|one|two|three|four|five|six|eight|ten)[- ](?:day|week|month)s?[- ]old\b[^.!?]{0,160}\b(?:broke|broken|stopped|dead|died|glitch\w*|faulty|crash\w*|not working|doesn't work|won't (?:turn on|start|charge|work)|failed|failing|peeling|leak\w*)|(?:from|since) (?:the )?(?:beginning|start|day one|day 1|first day)\b[^.!?]{0,20}\b(?:never|not|n't) (?:\w+ )?work(?:ed|ing|s)?\b)/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    addressed: true,
    // "@EE still no 4g in leamington", "@UbisoftSupport Still no online functions": what the company should provide,
    // still missing, opening the words to it; not the writer's own luck or errors ("still no luck with the install").
    needs: /\bstill no\b/i,
    pattern: /^(?:\.?@\w+\s+)*still no (?!(?:luck|joy|success|idea|clue|change|difference|results?|solution|errors?|problems?|issues?|word|news|answer|response|reply)\b)\w/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    // A verdict in a few words on the thing itself: "This is a disgusting waste of packaging!", "the app is the WORST."
    needs: /\b(?:disgusting|disgraceful|pathetic|appalling|atrocious|worst)\b/i,
    pattern:
      /\b(?:(?:this|that|it)(?:'s| is| was) (?:(?:a|an|just|so|absolutely|totally|utterly|simply|completely)\s+)*(?:disgusting|disgraceful|pathetic|appalling|atrocious)\b|(?:is|are|was|were|'s) (?:(?:by far|easily|officially|just|simply)\s+)?the worst(?:\s*[.!]|\s+(?:ever|service|customer|company|airline|app|experience)\b))/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    addressed: true,
    // Asking why the reader's thing is so hard or so bad is a complaint told as a question ("@NYTsupport why is it so hard
    // to cancel", "Why are all the new @hulu apps so bad"): only where the reader is named, since a list user asks the
    // same of their own code.
    needs: /\bwhy\b/i,
    pattern:
      /\bwhy (?:the hell |on earth )?(?:is|was|are|were|does|do) (?:it|this|that|everything|all (?:the |your )?(?:[@\w-]+ ){0,3}|(?:the |your )?(?:[@\w-]+ ){1,3})\s*(?:(?:so|this|that|always|still)\s+)?(?:[\w-]+\s+)?(?:hard|difficult|complicated|impossible|painful|bad|slow|terrible|awful|expensive|unreliable|buggy|a struggle|a hassle|a nightmare|broken)\b|\bwhy (?:the hell |on earth )?(?:is|are|has|have|does|do)(?:n't)? (?:[@\w-]+ ){0,4}?still (?:not|no)\b|\bwhy (?:do|does|did) (?:[@\w-]+ (?:and )?){1,4}?make (?:it|this|things|everything) so (?:hard|difficult|complicated|impossible)\b|\bwhy (?:does|did|do|is|has) (?:it|this|that|everything) (?:always |still )?(?:take|taking|taken) (?:so long|forever|ages|(?:over |more than )?(?:\d+|two|three|four|five|several) ?(?:mins?|minutes|hours?|hrs?|days|weeks|months))\b/i,
  },
  {
    complaintWords: true,
    kind: 'delay',
    owedToWriter: true,
    // Something the reader was to send that has not come, said of the thing or in pronouns: "The schedule didn't come
    // thru.", "I don't have them yet" (the whole sentence), "I've not seen any call sheets." ("seen" only with "any" and a
    // thing that is sent: "I haven't seen the final draft" is the writer's own reading).
    aimedElsewhere: OWED_BY_SOMEONE_ELSE,
    needs: /\b(?:thru|through|yet|seen)\b/i,
    pattern:
      /\b(?:(?:did(?:n't| not)|has(?:n't| not)|have(?:n't| not)|never) (?:yet )?(?:come|came) (?:thru|through)\b|(?:I|we)\s+(?:(?:still|also)\s+)?(?:do(?:n't| not)|have(?:n't| not)|did(?:n't| not))\s+(?:have|got|gotten|received|receive|get)\s+(?:it|them|this|that|these|those|any)\s+yet\s*[.!]*$|(?:I|we)(?:'ve| have)?\s*(?:not|n't|never) seen (?:any|a single) (?:[\w-]+ ){0,2}?(?:call sheets?|memos?|briefings?|briefing (?:book|materials|papers?)|talking points|drafts?|schedules?|proposals?|quotes?|invoices?|deliverables?|progress)\b)/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    signal: 'quality',
    // What the reader supplied is wrong, or came damaged, or the same fault is back: "The number you gave me for Shawn was
    // wrong", "you sent us the wrong invoice", "the item arrived damaged", "are the phones down again", "going worse by
    // the day".
    needs: /\b(?:wrong|incorrect|inaccurate|out of date|outdated|arrived|again|worse)\b/i,
    pattern:
      /\b(?:(?:you|your (?:team|office|staff|people|colleagues?|assistant))\s+(?:gave|sent|provided|quoted|supplied|told|put)\b[^.!?]{0,40}?\b(?:was|were|is|are)\s+(?:(?:all|still|completely|totally|simply|just)\s+)?(?:wrong|incorrect|inaccurate|out of date|outdated)|(?:you|y'all|u|your [\w-]+)\s+(?:gave|sent|told|quoted|supplied|provided)\s+(?:me|us)\s+(?:the\s+|a\s+)?(?:wrong|incorrect|inaccurate)|arrived (?:(?:badly|completely|already)\s+)?(?:damaged|broken|smashed|crushed|faulty|defective|incomplete|opened|cold)|(?:is|are) (?:the |my |our |your )?(?:[\w-]+ )?(?:phones?|lines?|servers?|site|website|app|network|system|service|internet|wi-?fi|broadband|power|signal|portal|connection|platform)s? (?:down|broken|off|out) again|(?:getting|going|gets|got|gone) worse (?:by the (?:day|week|hour)|every (?:day|week)|each (?:day|week)|and worse))\b/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    // Refusing to go through it again, a run-around, a question of fairness, paying for nothing: "I'm not doing this
    // again.", "why do we always get a runaround", "So you bump the prices up. How's that fair", "what's the point in paying
    // for express delivery if you can't keep to it?"; the fairness question only where the reader is named.
    needs: /\b(?:again|run-?around|fair|point)\b/i,
    pattern:
      /\b(?:(?:I|we)(?:'m|'re| am| are|'ll| will| shall)?\s+(?:not|never)\s+(?:doing|do|going through|go through|putting up with|put up with|sitting through|sit through)\s+(?:this|that|it)\s+again|(?:get|getting|got|given|giving|gives?) (?:me |us )?(?:the |a )?(?:complete |total |real )?run-?around|what(?:'s| is) the point (?:in|of) paying)\b/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    // "How's that fair" asks no answer; "that's not fair" counts only where the reader is named (a list debates fairness).
    needs: /\bfair\b/i,
    pattern: /\bhow(?:'s| is| was) (?:that|this|it) (?:\w+ )?fair\b(?! (?:to|for|on) (?!(?:me|us)\b))/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    addressed: true,
    needs: /\bfair\b/i,
    pattern: /\b(?:that|this|it)(?:(?:'s| is) (?:just |simply )?not| isn't) fair\b/i,
  },
  {
    complaintWords: true,
    kind: 'delay',
    // The reader keeping the writer waiting where they are, counted, or making them late: "Been sitting on plane for two
    // hours", "has been on the tarmac for an hour", "you are going to make me late for" a dinner.
    needs: /\b(?:tarmac|runway|plane|train|bus|gate|platform|late|miss)\b/i,
    pattern:
      /(?:(?:(?:^\s*|\b(?:I|we)(?:'ve| have)?\s+)(?:been\s+)?(?:sitting|sat|stuck|waiting|held|kept)|\bbeen)\s+(?:\w+\s+){0,2}?(?:on|in|at)\s+(?:the\s+)?(?:tarmac|runway|plane|train|bus|gate|platform)\s+(?:for\s+)?(?:over |more than |almost |nearly |about )?(?:\d+|an?|one|two|three|four|five|several)\s*(?:mins?|minutes|hours?|hrs?)\b|\byou(?:'re| are)?\s+(?:going to |gonna |about to )?(?:make|made|making)\s+(?:me|us)\s+(?:(?:so|very|really)\s+)?(?:late|miss)\b)/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    // Silence after writing, in more words: "No reply to my email sent months ago", "I haven't had a reply".
    aimedElsewhere: SILENCE_ELSEWHERE,
    needs: /\b(?:reply|response|answer|call ?back)\b/i,
    pattern:
      /\b(?:no (?:reply|response|answer) to (?:my|our) (?:e-?mails?|messages?|complaints?|letters?|tickets?|quer(?:y|ies)|requests?|calls?|dms?)|(?:I|we) (?:still )?(?:haven't|have not|never|still haven't) (?:had|got|gotten|received) (?:a|any) (?:reply|response|answer|call ?back))\b/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    signal: 'understatement',
    // What the writer took to be done and is not, the whole sentence: "I thought this was done.", "I thought had been
    // cancelled." (a chase in the fewest words; "I thought it was a bug, but ..." goes on and is not one).
    needs: /\b(?:thought|assumed|understood)\b/i,
    pattern:
      /^\s*(?:(?:but|and|oh|hmm)\W+)?(?:I|we) (?:thought|assumed|understood)(?: that)? (?:(?:this|that|it|these|those|they|we|you)(?:'d| had| was| were| has| have)?\s+)?(?:already\s+)?(?:was|were|had been|has been|have been|been|would be)?\s*(?:already\s+)?(?:done|fixed|sorted|taken care of|settled|resolved|cancell?ed|booked|arranged|scheduled|confirmed|sent|finished|handled|set up)\s*[.!?]*$/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    addressed: true,
    // "@DIRECTV what a joke of a company": a verdict as an exclamation, only where the reader is named.
    needs: /\bwhat an?\b/i,
    pattern: /\bwhat an? (?:absolute |complete |total |utter )?(?:joke|disgrace|shambles|rip-?off|mess|farce|nightmare)\b/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    signal: 'quality',
    addressed: true,
    // The reader's botched work: "@subaru_usa messed up my oil change", "you screwed up our booking"; not the writer's own
    // ("I think I messed up my installation").
    needs: /\b(?:messed|screwed|mucked|fouled|botched)\b/i,
    pattern: /(?<!\b(?:I|we)(?:'ve| have| had)?(?: (?:just|totally|really|completely|probably|must have))? )\b(?:messed|screwed|mucked|fouled|botched)(?: up)? (?:my|our)\b/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    // The reader left the problem as it was: "@VW you did not resolve my issue", "both tickets were closed without being
    // fixed"; only "you" (a list user's "your patch didn't fix my problem" is a report on a suggestion, not on a supplier).
    needs: /\b(?:resolve|resolved|fix|fixed|solve|solved|sort|sorted|address|addressed|without)\b/i,
    pattern:
      /\b(?:(?:you|y'all|u)\s+(?:guys\s+)?(?:still\s+)?(?:did(?:n't| not)|have(?:n't| not)|never)\s+(?:yet\s+)?(?:resolve|resolved|fix|fixed|solve|solved|sort|sorted|address|addressed)\s+(?:my|our)\b|closed (?:without (?:being )?(?:fixed|resolved|sorted|solved|a (?:fix|resolution|response|reply))|before (?:it was|being) (?:fixed|resolved)))/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    addressed: true,
    // Ignored, cheated or never served right, said to the reader: "your 'support' is ignoring the problem", "I have been
    // ignored ever since", "you fleeced me", "you can never get the order right".
    needs: /\b(?:ignor|fleeced|ripped|scammed|conned|cheated|robbed|never get|right)/i,
    aimedElsewhere: /\b(?:R|it|this|that|the (?:function|package|compiler|code|option|argument|parser))\s+(?:is\s+|was\s+|just\s+)?ignor/,
    pattern:
      /\b(?:(?:you(?:'ve| have| are|'re)?|y'all|u|(?:support|service|team|staff)\W{0,2}\s+(?:is|are|has been|have been|keeps?|kept))\s+(?:just\s+|completely\s+|totally\s+)?ignor(?:ing|ed|e)\s+(?:me|us|my|our|the (?:problem|issue|complaint))|(?:I|we)(?:'ve| have)? been (?:completely |totally |just )?ignored|(?:you|y'all|u|they)\s+(?:just\s+|totally\s+)?(?:fleeced|ripped off|scammed|conned|cheated|robbed)\s+(?:me|us)|(?:you|y'all|u)\s+(?:guys\s+)?(?:can |could )?(?:never|can't ever|cannot ever|never seem to)\s+get\s+(?:it|anything|the|my|our|an?)\b[^.!?]{0,20}\bright)\b/i,
  },
  {
    complaintWords: true,
    kind: 'cancellation',
    signal: 'alternatives',
    // Having to look elsewhere: "Now I have to find another brand.", "time to look for a new provider".
    needs: /\b(?:another|new|different|better)\b/i,
    pattern:
      /\b(?:have to|need to|going to|gonna|will|'ll|time to|forced to)\s+(?:go\s+)?(?:find|look for|get|search for)\s+(?:another|a new|a different|a better)\s+(?:brand|provider|supplier|company|bank|carrier|airline|vendor|agency|network|store|shop|insurer|service|contractor)\b/i,
  },
  {
    complaintWords: true,
    kind: 'escalation',
    askingIsTheAct: true,
    // Asking where to complain is itself complaining higher up: "where can I place a complaint?"
    needs: /\bcomplaint\b/i,
    pattern: /\bwhere (?:can|do|should|could|would) (?:I|we) (?:place|make|file|lodge|submit|send|raise|register) (?:a |an |my |our )?(?:formal |official )?complaint\b/i,
  },
  {
    complaintWords: true,
    kind: 'cancellation',
    askingIsTheAct: true,
    // On the edge of leaving, or ending everything at once: "I was this close to canceling altogether", "Pls cancel everything!"
    needs: /\bcancel/i,
    pattern: /\b(?:(?:this|so|very) close to |(?:nearly|almost) (?:ready to )?)cancel(?:l?ing|l?ed)?\b|\bcancel (?:everything|it all|all of it)\b/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    // The principal not told or left out by the people who serve her: "Why wasn't I told?", "Why am I not included?",
    // "Why is there no rep from WHA in my meeting".
    needs: /\bwhy\b/i,
    pattern:
      /\bwhy (?:wasn't|was not|weren't|were not|haven't|have not|hasn't|has not|am|was|were|have|has)\s+(?:I|we|anyone|somebody|someone)\s+(?:(?:not|been)\s+)*(?:told|informed|included|invited|consulted|briefed|copied|cc'?d|notified|warned|asked)\b|\bwhy (?:I|we) (?:didn't|did not|wasn't|was not|weren't|were not) (?:know|told|informed|included|invited|consulted|briefed|copied|notified|warned)\b|\bwhy (?:is|was) there no (?:[\w-]+ )?(?:one|rep|representative|staff|officer|briefer|note-?taker|interpreter)\b[^.!?]{0,50}\b(?:my|our)\b/i,
  },
  {
    complaintWords: true,
    kind: 'delay',
    owedToWriter: true,
    // A thing the writer is still waiting to see, the whole sentence ("I still haven't seen it."): "still" says it was
    // expected; "I haven't seen it" alone is only news of the writer's reading.
    aimedElsewhere: OWED_BY_SOMEONE_ELSE,
    needs: /\bstill\b/i,
    pattern: /^\W*(?:(?:also|and|but|so)\W+)?(?:I|we)\s+still\s+(?:have(?:n't| not)|had(?:n't| not)|did(?:n't| not))\s+(?:seen|got|gotten|received|get|receive)\s+(?:it|them|this|that|these|those|anything|a thing)\s*[.!]*$/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    // A request the writer made and the reader did not carry out: "Why didn't Ops call me as I asked?", "the draft still
    // isn't fixed, like we requested".
    needs: /\b(?:asked|requested|instructed)\b/i,
    pattern: /\b(?:didn't|did not|wasn't|was not|weren't|were not|hasn't|has not|haven't|have not|isn't|is not|never|still not)\b[^.!?]{0,60}?\b(?:as|like) (?:I|we) (?:had |have )?(?:asked|requested|instructed)\b/i,
  },
  {
    complaintWords: true,
    kind: 'delay',
    // What the reader sends came after it was needed: "Too late--already talked to him.", "It's too late for that."
    needs: /\btoo late\b/i,
    pattern: /\btoo late\s*(?:-+|—|–|,|:|;|\.|!)\s*(?:(?:I|we)(?:'ve| have| had)?\s+)?already\b|^(?:\.?@\w+\s+)*(?:it's|it is|that's|that is)\s+(?:(?:way|much|far)\s+)?too late (?:for (?:that|this|it)|now)\b/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    // A worry said to be old or what troubles the writer named: "This is example of my continuing concern that ...",
    // "What bothers me is that the timeline leaves out ...". Feelings about news or politics name no reader's work, so
    // the object must be ours (aimedAtUs, with the feeling words) or the reader.
    needs: /\b(?:concern|bothers|troubles|annoys|irritates|frustrates|bugs)\b/i,
    pattern: /\b(?:my|our) (?:continuing|ongoing|growing|increasing|persistent|repeated|long-?standing) concerns? (?:that|about|with|is|over)\b|\bwhat (?:really |most |still )?(?:bothers|troubles|annoys|irritates|frustrates|bugs) (?:me|us)(?: most)? (?:is|are|about)\b/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    signal: 'understatement',
    // What the writer expected on their schedule, missing: "I thought I was supposed to do an event for Maggie this month
    // but I don't see it on the line block."
    needs: /\b(?:thought|understood|assumed)\b/i,
    pattern: /\b(?:I|we) (?:thought|understood|assumed)(?: that)? (?:I|we|you)(?:'d| was| were| would| had| am| are)? (?:supposed|going|meant|scheduled|booked|set) to\b[^.!?]{0,100}\bbut (?:I|we) (?:do(?:n't| not)|can't|cannot|did(?:n't| not)) (?:see|find)\b[^.!?]{0,20}\b(?:on|in) (?:my|our|the) (?:schedule|calendar|line ?block|agenda|list|diary|itinerary|programme|program)\b/i,
  },
  {
    complaintWords: true,
    kind: 'delay',
    addressed: true,
    // Asking the reader why their service is late is the complaint: "Why is @AcmeAir 3177 to Nashville delayed tonight?"
    needs: /\bwhy\b/i,
    pattern: /\bwhy (?:is|are|was|were|has|have|does|do)(?:n't)? (?:[@#\w'-]+ ){0,8}?(?:(?:still|so|always|again)\s+)?(?:delayed|late|cancell?ed|held up|not moving|not running|stuck)\b/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    addressed: true,
    // "@SEPTA stuck going nowhere! What gives???", "@X what gives cold apple pie at 7am": asked of a company, a complaint.
    needs: /\bgives\b/i,
    pattern: /\bwhat gives\b/i,
  },
  {
    complaintWords: true,
    kind: 'delay',
    owedToWriter: true,
    // Waiting counted from when it began: "Been waiting since 7", "still waiting since Monday for the engineer"; not for
    // the writer's own job to finish.
    aimedElsewhere: /\bif you\b|\b(?:sorry|apologi[sz]e|apologies)\b|\bwaiting\b[^.!?]{0,40}\b(?:to (?:finish|complete|run|compile|load|converge)|jobs?|runs?|computations?|simulations?|process(?:es)?|builds?|install)\b/i,
    needs: /\bwaiting since\b/i,
    pattern: /\bwaiting since (?:\d|yesterday|last|this (?:morning|afternoon)|early|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|the (?:\d|morning|start|beginning|weekend))/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    addressed: true,
    // Indignation at the reader's people: "they have the nerve to tell me it's normal".
    needs: /\b(?:nerve|audacity|gall|cheek)\b/i,
    pattern: /\b(?:you|they|u|y'all|your [\w-]+)(?: guys)? (?:still )?(?:had|have|has) the (?:nerve|audacity|gall|cheek) to\b/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    addressed: true,
    // Worn out by the reader's failures: "So sick of Xbox being trash!", "tired of your excuses"; only where the reader is
    // named (a writer tired of the news is not writing about us).
    needs: /\b(?:sick|tired)\s+(?:and tired\s+)?of\b/i,
    pattern: /\b(?:sick|tired) (?:and tired )?of (?:(?:you|your|u|ur|this|it|the|these|all (?:the|these|this)|[@\w-]+)\s+)?(?:guys\s+)?(?:being|not|always|never|constant|endless|delays|excuses|problems|issues|issue|problem|having|dealing|getting|paying|chasing|calling|service|lies|nonsense|waiting (?:for|on) (?:you|your|u|a (?:reply|response|call|refund|fix|callback)))\b/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    signal: 'quality',
    addressed: true,
    // The thing sold is faulty by make: "my jeans have a design defect", "the charger is defective".
    needs: /\b(?:defect|defective|faulty|flaw)/i,
    pattern: /\b(?:design|manufacturing|factory|build|known) (?:defect|fault|flaw)s?\b|\b(?:is|are|was|were|came|arrived|turned out)\s+(?:(?:completely|totally|clearly|already|obviously)\s+)?(?:defective|faulty)\b/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    // A feeling with nothing after it, as a whole sentence: "So annoying!", "Frustrating". (Round 3's bare feelings are the
    // writer's state, "Pretty disappointed!"; this is the thing the reader did, judged.)
    needs: /\b(?:annoying|frustrating|infuriating|maddening|irritating|disappointing)\b/i,
    pattern: /^\W*(?:(?:so|how|really|truly|beyond)\s+)?(?:annoying|frustrating|infuriating|maddening|irritating|disappointing)\s*[!.]*(?:\s*(?:@\w+|#\w+|https?:\/\/\S+))*\s*$/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    addressed: true,
    // "@hulu I'm done.": giving up on the reader, the whole sentence.
    needs: /\bdone\b/i,
    pattern: /^(?:\.?@\w+\s+)*(?:I'm|I am|we're|we are)\s+(?:so\s+|officially\s+|just\s+|totally\s+)?done\s*[.!]*$/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    // A verdict on customer service with the company named between: "Yet more awful DIRECTV/AT&T customer service".
    needs: /\bcustomer\b/i,
    pattern: /\b(?:worst|terrible|awful|horrible|horrendous|appalling|atrocious|pathetic|disgusting|dreadful|abysmal|shocking|lousy|poor|crappy|shitty|rubbish|useless)\s+(?:[\w/&;@.'-]+\s+){1,2}customer\s+(?:service|support|care)\b/i,
  },
  {
    complaintWords: true,
    kind: 'cancellation',
    addressed: true,
    // The writer has cancelled with the reader: "No, I just cancelled by calling you."; not a meeting or trip called off.
    needs: /\bcancell?ed\b/i,
    pattern: /^(?:\.?@\w+\s+)*(?:(?:no|yes|ok|well|so)\W+)?(?:I|we)(?:'ve| have)?\s+(?:just |now |finally |already )?cancell?ed\b(?!\s+(?:the |my |our |a |that |this )?(?:meeting|mtg|call|trip|dinner|lunch|breakfast|event|visit|plans?|travel)\b)/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    signal: 'quality',
    addressed: true,
    // The new version is worse than the old: "bring back the old app please".
    needs: /\bbring back\b/i,
    pattern: /\bbring back (?:the )?(?:old|previous|original|classic)\b/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    // "how do your staff forget to put chips with an order?", "how could you lose my booking?"
    needs: /\bhow\b/i,
    pattern: /\bhow (?:could|can|do|does|did|would) (?:you|u|y'all|your [\w-]+)(?: guys| people)?\s+(?:\w+\s+)?(?:forget|lose|lost|ignore|mess up|screw up|get (?:it|this|that|my|our) (?:\w+ )?wrong)\b/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    // Sent round in circles by someone: "Support site kept putting me in a loop"; not "I'm going round in circles on this"
    // (the writer's own struggle).
    needs: /\b(?:loop|circles)\b/i,
    pattern: /\b(?:put(?:ting|s)?|sen[dt](?:ing|s)?|run(?:ning|s)?|ran)\s+(?:me|us)\s+(?:round\s+|around\s+)?in (?:a |an endless |endless )?(?:loop|circles)\b/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    addressed: true,
    // Indignation asked as a question, or said outright, to the reader: "how is it that a pre-order takes longer ..." (a
    // failing named after it: "how is it that you got through those years" is admiration),
    // "there's no excuse for it to go out this much", "what happened should never have happened", "you are not doing
    // enough to fix this", "you made me pay for a seat I didn't need", "I'm still trying to get my account activated".
    needs: /\b(?:how is it|excuse|never have happened|doing enough|made (?:me|us)|still trying)\b/i,
    pattern:
      /\bhow is it (?:that |possible that )?(?:you|your|u|y'all|a|an|the|my|our)\b(?=[^.!?]{0,60}\b(?:(?:don't|doesn't|didn't|can't|cannot|won't|never)\s+(?:\w+\s+)?(?:have|get|give|let|offer|send|deliver|work|answer|respond|reply|fix|accept|take|arrive|allow|provide|ship)|takes? (?:longer|more)|costs? more|still (?:no|not|don't|doesn't|hasn't|haven't|isn't|aren't))\b)|\b(?:there's|there is|there was|that's|that is|is)\s+(?:no|not an?)\s+(?:possible\s+)?excuse\b|\bshould(?:n't| not)? (?:have )?never (?:have )?happened\b|\b(?:not|n't) doing enough\b|\b(?:you|u|y'all|they)\s+(?:guys\s+)?(?:made|make|making)\s+(?:me|us)\s+(?:pay|purchase|buy|spend|wait|queue|call)\b|\b(?:I'm|I am|we're|we are|been)\s+still trying to (?:get|reach|sort|resolve|have|find out|activate|cancel)\b/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    // "There's nothing more infuriating than the @BootsUK website", "There is no reason things should be this disorganized."
    needs: /\b(?:nothing|should be this)\b/i,
    pattern:
      /\bnothing (?:more|so) (?:infuriating|frustrating|annoying|irritating|maddening|disappointing) than\b|\b(?:(?:there(?:'s| is) )?no (?:reason|excuse) (?:why )?)?(?:things|this|it|everything)\s+should(?:n't| not)? be this (?:disorgani[sz]ed|chaotic|bad|late|slow|hard|difficult|messy|confusing|complicated|poor)\b/i,
  },
];

/** The writer's own making ("a custom library I developed that used to work"): its decline is not the reader's. */
const OWN_MAKING = /\b(?:I|we) (?:have )?(?:developed|wrote|written|built|created|made)\b[^.!?]{0,60}\bused to\b/i;
/** Silence from someone the writer names ("I asked him and got no reply", "no answer from the vendor"), not the reader's. */
const SILENCE_NOT_OURS = new RegExp(`${SILENCE_ELSEWHERE.source}|\\b(?:repl(?:y|ies)|responses?|answers?|feedback|word|news|updates?) from (?!(?:you|your|yours|anyone|anybody|u|the (?:list|team|developers?|maintainers?|project)|@))\\w`, 'i');

/**
 * Round 13 (README "Round 13 (client risks)"): how users of a product tell its makers that it got worse, that it costs
 * them, or that they went elsewhere, without the feeling words: what worked before and does not since an update, a
 * complaint hedged ("I find it a little annoying when ..."), time wasted on it, being pushed onto something else, and
 * problems counted across many users. Each names the product or its change, not the writer's own work.
 */
const THEIR_DECLINE: RiskRule[] = [
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    signal: 'quality',
    // Worked before, not now: "It used to work on Hardy but since some kernel update I'm getting ...", "I ran this just
    // fine using the previous release", "This command worked a few months ago.", "I just updated SVN trunk and now it will
    // not install", "when kernel 2.6.29 was released this problem showed up", "I never used to get them". A person who
    // used to work somewhere ("I used to work at IBM") is no product.
    needs: /\b(?:used? to|worked|working|ran|updates?|updated|upgrades?|upgraded|installed|released|came out|revert|downgrade|roll|go back|stick|stay)\b/i,
    aimedElsewhere: OWN_MAKING,
    pattern:
      /\b(?:used?(?<!\b(?:I|we|you|they|he|she|who|and|but|or|also|then|is|are|was|were|be|been|being|can|could|will|would|may|might|must|to) used?)(?<=\w[\w.-]* used?) to work\b(?! around\b| (?:at|for|with|as|in|on) (?:a|an|the|my|our|this|that|his|her|their)\b)|never used? to (?:get|have|see|happen|crash|fail|hang|freeze|break|do (?:that|this))\b|(?:worked|ran|was working|were working) (?:\w+ ){0,2}?(?:just )?(?:fine|well|perfectly|ok|okay|great|flawlessly|without (?:a |any )?(?:problems?|issues?|hitch))(?: (?:\w+ ){0,3}?(?:with|in|using|under|on) (?:the )?(?:previous|last|older|old|earlier|prior)\b| (?:before|until|till|prior to) (?:the|this|that|your|last|latest|recent|an?) (?:[\w.-]+ ){0,2}?(?:update|upgrade)s?\b| (?:a (?:few|couple of)|several|some|two|three|four|\d+) (?:days|weeks|months|years) ago\b)|(?:worked|was working)(?<!\b(?:I|we|you|they|he|she|who) (?:worked|was working))(?<=\w[\w.-]* (?:worked|was working)) (?:a (?:few|couple of)|several|some|two|three|four|\d+) (?:days|weeks|months|years) ago\b|(?:since|after) (?:the|some|a|an|this|that|last|latest|recent|your) (?:[\w.-]+ ){0,3}?(?:update|upgrade)s?\b(?:[^.!?]|\.(?=\w)){0,80}?\b(?:getting|get|crash\w*|fail\w*|broken|breaks|(?:doesn't|does not|can't|cannot|isn't|no longer|stopped)\b)|(?:stopped working|broke|broken|no longer works?|(?:doesn't|does not|won't|will not) work any ?more|(?:started|began) (?:to )?(?:crash|fail|hang|freez)\w*)(?: \w+){0,3} (?:since|after) (?:the|some|a|an|this|last|latest|recent|your) (?:[\w.-]+ ){0,2}?(?:update|upgrade)|(?:updated|upgraded|installed (?:the )?(?:new|latest|newest))\b(?:[^.!?]|\.(?=\w)){0,60}?\band now\b[^.!?]{0,30}?\b(?:will not|won't|doesn't|does not|can't|cannot|fails?|crash\w*|no longer|is broken|refuses|nothing works)|(?:when|since|after)\b(?:[^.!?]|\.(?=\w)){0,40}?\b(?:was released|came out|update|upgrade)d?\b(?:[^.!?]|\.(?=\w)){0,40}?\b(?:problem|issue|bug|crash|error)s? (?:showed up|appeared|started|began|came back|returned)\b|had to (?:revert|downgrade|roll back|go back|stick with|stay (?:on|with)) (?:to )?(?:the )?(?:old|older|previous|last|earlier|prior)\b)/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    signal: 'understatement',
    namesItsObject: true,
    // A complaint told as the writer's own finding: "I some times find it a little annoying when ...", "I find it quite
    // cumbersome to use". Not "it's a bit annoying that configure can't figure it out" (a train sentence labelled no
    // risk: a limit admitted in passing, with "but on the other hand" after it).
    needs: /\bfind\b/i,
    pattern:
      /\b(?:I|we) (?:\w+ ){0,2}?find (?:it|this|that) (?:(?:a (?:little|bit)(?: too)?|slightly|somewhat|rather|quite|very|really|extremely|pretty) )?(?:annoying|irritating|frustrating|inconvenient|cumbersome|tiresome|tedious|disappointing)\b/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    // Time lost on what the reader made: "I wasted so much time trying to get Nevow to do anything", "gave up in
    // frustration"; a waste the writer left for the reader ("... before switching to Twisted") is the reader's gain.
    // "frustration" here is the writer's, spent on the reader's product: the pattern names its object.
    namesItsObject: true,
    needs: /\b(?:wasted|frustration|disgust|despair)\b/i,
    aimedElsewhere: /\bbefore (?:i |we )?(?:switch|mov|came|com|found|discover|tr(?:y|ied))\w* (?:to|across|over|on)?\b/i,
    pattern:
      /\b(?:(?<!\b(?:could|would|might|may)(?: have|'ve) )wasted (?:so much|too much|a lot of|lots of|hours|days|weeks|a day|a week|(?:\d+|two|three|four|several|many|countless) (?:hours|days|weeks)|(?:all |most of )?(?:my|our) (?:\w+ )?time)\b[^.!?]{0,25}?\b(?:trying|attempting|fighting|struggling|on|with|getting)\b|(?:gave|give|giving) up in (?:frustration|disgust|despair))/i,
  },
  {
    complaintWords: true,
    kind: 'cancellation',
    signal: 'alternatives',
    // Pushed onto something else: "I really need Twisted ... but ended up having to use django". Being "forced to use" a
    // thing is as often the reader's own product ("until I was forced to use it"), so it is not read.
    needs: /\bended\b/i,
    pattern: /\bended up having to (?:use|switch|go|move|write|build|buy|roll|implement|find)\b/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    signal: 'quality',
    // Problems counted across many users: "many users (mainly from ubuntu intrepid) reported us several issues with
    // uvcvideo"; "many people reported success" is not a problem.
    needs: /\b(?:reported|reporting|report|complained|complaining)\b/i,
    pattern:
      /\b(?:many|several|lots of|a lot of|a number of|numerous|multiple|more and more|dozens of|hundreds of|thousands of) (?:of (?:our|my) )?(?:users|customers|clients|people|subscribers|members)\b(?: ?\([^)]{0,60}\))? (?:have |had |are |were )?(?:(?:already|now|all|also|recently|been) )?(?:reported|reporting|report|complained|complaining)\b[^.!?]{0,40}?\b(?:issues?|problems?|bugs?|crash\w*|failures?|errors?|the same|about)\b/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    toAnAccount: true,
    // Indignation put to a company's account: "@GeorgiaPower what the hell is going on?", "@AcmeBrew are you kidding
    // me?", "@Acme This unbelievable!", "Wtf @Topman pick the phone up".
    needs: /\b(?:what|wtf|are you|unbelievable|got to be|give me)\b/i,
    pattern: /\b(?:what the (?:hell|heck|fuck|f)\b|wtf\b|what in the (?:world|hell)\b|are you (?:kidding|joking|serious)\b|(?:you(?:'ve| have) )?got to be kidding\b|unbelievable\b|give me a break\b)/i,
  },
];

/**
 * Round 14 (README "Round 14 (client risks)"): the broad ways users tell the makers of what they use that they were let
 * down, read from every round's train misses rather than one writer's phrasing: a fault dated to the maker's release
 * ("introduced in 1.47i", "tested it again with 1.47h and it worked fine", "I used to be able to open tif files"), a report
 * nobody answered ("reported the same issue to the list but no reply"), a fault left standing for years or plainly
 * annoying, a warning or documentation that is not there, and money paid for something that does not work.
 */
const THEIR_LET_DOWN: RiskRule[] = [
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    signal: 'quality',
    // A fault dated to a release of the product. Not the writer's own code that used to do something ("a library I
    // developed that used to work"), which THEIR_DECLINE's rule rules out the same way.
    needs: /\b(?:introduced|able|again)\b/i,
    aimedElsewhere: OWN_MAKING,
    pattern:
      /\b(?:(?:problem|bug|issue|regression|error|crash|behaviou?r|breakage|change)s? (?:was|were|has been|have been|got|must have been|seems to have been|is|are) (?:\w+ )?introduced (?:in|with|by|since) (?:the )?(?:[\w.-]*\d[\w.-]*|version|release|update|upgrade|latest|last|recent|new)|(?:I|we) used to be able to\b|(?:tested|tried|ran|checked) (?:it )?again (?:with|on|under|using|in) (?:the )?(?:version |release |v)?[\w-]*\d[\w.-]*,? (?:and )?(?:then )?(?:it|everything|this|that|all) (?:worked|works|ran|was working) (?:just )?(?:fine|perfectly|well|ok|okay|great|flawlessly))/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    signal: 'understatement',
    // A report of the writer's nobody answered: "I have reported same issue to list but no reply", "I haven't gotten any
    // reply". Silence from someone the writer names, somewhere else the writer asked, or on questions others asked ("similar
    // questions asked multiple times, but no answers") is not the reader's.
    needs: /\b(?:repl(?:y|ies)|respons|answer|feedback|update)/i,
    aimedElsewhere: SILENCE_NOT_OURS,
    pattern:
      /\b(?:(?:I|we)(?:'ve| have| had)?(?: \w+)? (?:reported|posted|sent|asked|raised|mentioned|submitted|filed|wrote|e-?mailed|pinged|bumped)\b[^.!?]{0,60}?\b(?:but|and|yet|still)\s+(?:(?:I\s+|we\s+)?(?:got|received|had|have had|heard|get|saw|seen|there (?:was|is|has been))\s+)?(?:no|not (?:a|one|any)|zero)\s+(?:single\s+)?(?:repl(?:y|ies)|responses?|answers?|feedback|reaction)|(?:I|we)\s+(?:still\s+)?(?:haven't|have not|hadn't|had not|never)\s+(?:yet\s+)?(?:gotten|got|received)\s+(?:a|an|any|one)\s+(?:single\s+)?(?:repl(?:y|ies)|responses?|answers?|feedback)|no (?:further|new) (?:updates?|news|word)\b(?=[^.!?]{0,40}\bstill\b))/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    // A fault left standing ("This bug exists since LONG time (more than 2 years)"), or one called plainly annoying ("it
    // is pretty annoying"); "a bit annoying that" is a limit admitted in passing (round 13).
    needs: /\b(?:annoying|long|years|ages|months)\b/i,
    pattern:
      /\b(?:(?:bug|problem|issue|fault|defect)\s+(?:has\s+)?(?:exist(?:s|ed)|been (?:there|around|open|broken|known|present|reported)|is (?:there|open|known|present))\s+(?:since|for)\s+(?:a\s+)?(?:(?:very|really|so)\s+)?(?:long(?: time)?|ages|years|months|(?:\d+|two|three|four|five|several|many) (?:years|months))|(?:it|this|that|which)(?:'s| is| was| has been)\s+(?:pretty|really|very|extremely|incredibly|most|so)\s+annoying\b(?! that\b| I\b))/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    signal: 'understatement',
    // What the product does not tell its users: "there are not warnings that the inputs will be ignored", "there is no
    // mention of it on the website". Not "a lack of documentation" (as often a maintainer's apology or an aside on a third
    // party in the list pools) nor "no mention of uvc" in a log.
    needs: /\b(?:warnings?|mention)\b/i,
    pattern:
      /\bthere (?:is|are|was|were) (?:no|not|not (?:a|any)|never (?:a|any)) (?:single )?(?:warnings? (?:that|about|when|if|anywhere|whatsoever|at all)\b|mention of (?:it|this|that|these|them)\b[^.!?]{0,30}?\b(?:in|on) (?:the |your )?(?:docs|documentation|website|site|wiki|changelog|release notes|manual|readme|faq)\b)/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    toAnAccount: true,
    // Said to a company's account: a fault still there ("But the bathroom is still NOT working!!"), money short or dearer
    // ("short changed me by ten pound", "200% price increase since August"), and the exasperation customers put to an
    // account ("What kind of stupidity is going on", "Heard of customer service?"). Between list users "still not working"
    // after trying a fix is a report, not a complaint (round 13), hence the account. "Ugh" and "smh" are as often said to a
    // person's account about a show or a friend, and "minutes late" would open round 3's "30 minutes late" rule to memos
    // ("APEC 1 is running abt 30 minutes late"), so neither is read.
    needs: /\b(?:still|short|shortchanged|price|increase|rise|hike|what kind|bull|heard of)\b/i,
    pattern:
      /\b(?:still (?:not|isn't|is not|doesn't|does not|hasn't been|has not been|not been) (?:working|fixed|resolved|sorted|repaired|refunded)|short[- ]?changed (?:me|us)|price (?:increase|hike|rise)s?\b|what kind of (?:stupidity|nonsense|joke|service|rubbish|crap|bs)|bull ?shit(?:ting)?|heard of customer (?:service|care|support))\b/i,
  },
  {
    complaintWords: true,
    kind: 'dissatisfaction',
    // Paying for something that does not work: "I spent $1000 on a washer in 2014 and the washer is now broken".
    needs: /\b(?:spent|paid)\b/i,
    pattern:
      /\b(?:spent|paid)\s+(?:over\s+|more than\s+|almost\s+|nearly\s+)?[$£€]\s?\d[\d,.]*\b[^.!?]{0,60}?\b(?:broken|broke|(?:doesn't|does not|didn't|did not|won't|isn't) work|not working|stopped working|to (?:fix|repair)|for nothing)\b/i,
  },
];

/** What the supplier makes or does, as clients name it when they judge it ("the reports", "your support", "the turnaround"). */
const SUPPLIER_WORK =
  '(?:work|service|support|quality|standards?|reports?|deliverables?|drafts?|output|copy|designs?|translations?|content|documentation|responses?|response times?|turnaround|communication|updates|invoices?|figures|analysis|account management|team|handover|rollout|roll-out|onboarding|migration|implementation|launch|delivery|deliveries|releases?|product)';

/** The dates a client worries about: a deadline, a launch, a day of the month or week, a month. */
const A_DATE =
  '(?:deadlines?|dates?|launch|go-?live|cut-?over|timeline|on time|in time|the (?:\\d{1,2}(?:st|nd|rd|th)?|first|end of)\\b|(?:by|for|on) (?:the )?(?:\\d{1,2}(?:st|nd|rd|th)|(?:mon|tues|wednes|thurs|fri)day|(?:next |this )?(?:week|month|quarter)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\w*|end of|q[1-4]))';

/**
 * Round 15 (README "Round 15 (client risks)"): the families the issue names as missed on held-out mail, written in the
 * family's own words rather than a train writer's: doubts about renewing or a competitive process at renewal, a decline
 * in the quality of what the supplier delivers, doubt that a date will be made, a complaint in understatement, and a
 * count of missed milestones. Each pattern names the supplier's side (the work, the date, the renewal) itself, so the
 * feeling checks of the older rules are not asked (namesItsObject); a personal or third-party object is ruled out by
 * each rule's aimedElsewhere.
 */
const THEIR_FAMILIES: RiskRule[] = [
  {
    kind: 'cancellation',
    signal: 'alternatives',
    namesItsObject: true,
    // Renewal in doubt: "We're undecided about renewing.", "reviewing whether to renew with you", "not sure we will renew";
    // not a passport, a prescription or a domain of the writer's own ("not sure whether to renew my passport").
    needs: /\b(?:renew|extend|sign)/i,
    aimedElsewhere: /\brenew(?:ing|al)? (?:my|his|her|their) (?!(?:contract|agreement|subscription|licen[cs]e|retainer|account|membership|plan)\b)|\b(?:passport|visa|prescription|domain|driving licen[cs]e|insurance|lease|mortgage)\b/i,
    pattern:
      /\b(?:(?:not (?:yet )?(?:sure|certain|convinced|decided)|unsure|undecided|uncertain|(?:haven't|have not) (?:yet )?decided|(?:still )?deciding|reviewing|reconsidering|rethinking|questioning|debating|weighing up|thinking (?:hard )?about) (?:about |on )?(?:whether (?:or not )?|if )?(?:(?:we|I)(?:'ll| will| would| should| want to| can| are going to|'re going to)? )?(?:to )?(?:renew(?:ing|al)?|extend(?:ing)? (?:the|our) (?:contract|agreement|retainer|engagement)|sign(?:ing)? (?:on |up )?(?:again|for another (?:year|term)|another (?:year|term))))\b/i,
  },
  {
    kind: 'cancellation',
    signal: 'alternatives',
    namesItsObject: true,
    // A competitive process around the renewal: "inviting two or three other firms to pitch", "run a competitive process
    // before we renew", "get comparison quotes before the contract renews", "benchmark your pricing against the market",
    // "put the contract out for quotes", "approached by a couple of your competitors", "weighing our options for next year".
    needs: /\b(?:pitch|bid|quote|tender|competit|benchmark|out for|out to|weigh|compar|rival)/i,
    aimedElsewhere: /\boptions (?:for|on) (?:the|a|an|our|my) (?!(?:contract|renewal|account|relationship|support|service|work|next|coming|future)\b)/i,
    pattern:
      /\b(?:(?:other|competing|rival|alternative|several|a few|a couple of|(?:two|three|four) (?:or (?:three|four|five) )?(?:other )?)\s*(?:firms|agencies|vendors|suppliers|providers|companies|partners|consultancies|contractors)\b[^.!?]{0,20}\bto (?:pitch|quote|bid|tender|present|propose)|(?:run|running|hold|holding|start|starting|go through|going through|launch|launching)\s+(?:a|an)\s+(?:competitive|formal|full|open)\s+(?:process|review|tender|pitch|procurement|selection|sourcing)|(?:comparison|comparative|competing|competitive|alternative|other|second|three|several|multiple)\s+(?:quotes|bids|proposals|pitches)\b[^.!?]{0,40}\b(?:renew|renewal|sign|commit|extend|next year|contract)|(?:quotes|bids|proposals) (?:from (?:others|other \w+) )?before (?:we|I) (?:renew|sign|commit|extend)|benchmark(?:ing)? (?:your|the|our) (?:pricing|prices|fees|rates|costs|service|performance|work)\b[^.!?]{0,20}\bagainst (?:the market|other|competitors|alternatives)|put(?:ting)? (?:the (?:contract|work|account|business)|it|this) (?:back )?out (?:for|to) (?:quotes|bids|pitch|tender|market)|(?:approached|contacted|courted) by (?:a (?:couple|few|number) of |several |some |two |three )?(?:of )?your (?:competitors|rivals)|weigh(?:ing)? (?:up )?(?:our|all (?:of )?our|the) options\b)/i,
  },
  {
    kind: 'dissatisfaction',
    signal: 'quality',
    namesItsObject: true,
    // The supplier's work got worse, said of the work: "Standards seem to have slipped", "The quality has really dipped",
    // "noticeably weaker than what we used to get", "not as thorough as they used to be", "isn't what it was when we
    // started", "more mistakes creeping into the monthly reports", "needed a lot more correction on our side". Not the
    // writer's own sales or the weather: the subject is the work (SUPPLIER_WORK) or it is set against what it used to be.
    needs: /\b(?:slipped|dipped|dropped|fallen|fell|declin|deteriorat|suffered|downhill|worsened|taken a|weaker|worse|poorer|patchier|sloppier|less|not as|not so|n't as|n't so|isn't what|aren't what|not what|creeping|slipping|correction|rework|editing|fixing)/i,
    aimedElsewhere: /^\W*(?:(?:but|and|so|well)\W+)?(?:my|our own)\b|\bquality of life\b|\b(?:sales|revenue|profits?|prices?|temperature|weather|traffic|numbers of (?:visitors|users)|turnout|attendance|market|economy|shares?|stock)\b[^.!?]{0,20}\b(?:dipped|dropped|fallen|fell|declined)/i,
    pattern: new RegExp(
      `\\b(?:${SUPPLIER_WORK}\\b[^.!?]{0,25}?\\b(?:seems? to have|appears? to have|has|have|had)\\s+(?:(?:really|noticeably|definitely|clearly|somewhat|rather|gradually|steadily|badly|sharply|significantly|recently|also|started to|begun to)\\s+)*(?:dipped|dropped off|fallen(?: off)?|declined|deteriorated|suffered|slipped|worsened|gone downhill|taken a (?:hit|dip|turn for the worse|nosedive))|(?:noticeably |much |far |a (?:bit|lot) |considerably |definitely )?(?:weaker|worse|poorer|patchier|sloppier|less (?:thorough|careful|accurate|reliable|consistent|detailed|polished|responsive)) than (?:what (?:we|I) (?:used to|were used to|had|got)|(?:they|it|you) used to|they were|it was|before|the (?:earlier|previous|first|old|last) (?:ones?|batch|few|version|team)|(?:last|this time last) (?:year|month|quarter|time))|(?:not|(?<=n)'t) (?:nearly |quite |anywhere near )?(?:as|so) (?:good|thorough|careful|accurate|detailed|reliable|responsive|quick|fast|polished|strong|consistent|sharp|clean|prompt) as (?:(?:it|they|you|the \\w+) )?(?:used to be|were|was|once (?:was|were)|used to|before|at the start|in the past|previously|last (?:year|time))|${SUPPLIER_WORK} (?:isn't|is not|aren't|are not|hasn't been|haven't been) what (?:it|they) (?:was|were|used to be)|more (?:errors|mistakes|typos|bugs|issues|problems|inaccuracies) (?:\\w+ )?(?:creeping|slipping|getting|appearing|showing up|turning up) (?:in(?:to)?|through)|(?:needed|needing|need|needs|required|requiring|take|takes|taking) (?:a lot |much |far |a great deal |significantly |considerably )?more (?:correction|corrections|rework|re-?working|editing|fixing|checking) (?:on our (?:side|end)|from us|from our side|than (?:before|usual|it used to|they used to)))\\b`,
      'i',
    ),
  },
  {
    kind: 'delay',
    signal: 'date-worry',
    namesItsObject: true,
    // Doubt that a date will be made: "I'm not sure we'll make the 15th at this rate", "starting to doubt we'll hit the
    // deadline", "I don't see how the launch can happen on the 1st", "worried we won't be ready for the launch". A date must
    // follow (A_DATE): "not sure we'll make it to the party" or "I doubt I'll make the meeting" is no worry about our work.
    needs: /\b(?:sure|certain|confident|convinced|doubt|t (?:really )?think|not (?:really )?think|struggle to|see (?:how|that)|worried|concerned|nervous|afraid|fear|at this rate|at this pace|at the current|at risk|in danger|unrealistic|ambitious|optimistic|shaky|unlikely|in doubt|precarious|tight|concern|worry)/i,
    aimedElsewhere: /\bmake it (?:to|back|home|over|out)\b|\b(?:my|his|her) (?:flight|train|trip|holiday|presentation|speech|exam|appointment)\b/i,
    pattern: new RegExp(
      `\\b(?:(?:(?:not|(?<=n)'t) (?:really |entirely |at all |totally )?(?:sure|certain|confident|convinced)|(?:starting|beginning) to (?:doubt|wonder)|(?:I|we) doubt|doubtful|(?:do(?:n't| not)|can't|cannot|struggle to) (?:really )?(?:think|see how|see that)|worried|concerned|nervous|afraid|(?:I|we) fear)(?: that| whether| if| how)? (?:we|you|you guys|your (?:team|side|people)|the (?:team|project|work|launch|release|delivery|rollout|roll-out|migration|go-?live|site|system|build|report))(?:'ll| will| are going to|'re going to| can| could| would| are| 're)? (?:(?:still|actually|really|realistically|ever)\\s+)?(?:n't |not |won't |will not |can't |cannot )?(?:make|hit|meet|be ready|be done|be finished|be live|deliver|finish|land|ship|happen|go live|get (?:this|it|there|everything|the \\w+) (?:done|finished|out|live|ready))\\b[^.!?]{0,40}?\\b${A_DATE}|at (?:this|the current|that) (?:rate|pace)\\b[^.!?]{0,60}\\b(?:make|hit|meet|ready|finish|deliver|done|slip|miss)\\w*\\b[^.!?]{0,30}\\b${A_DATE}|${A_DATE}[^.!?]{0,40}\\bat (?:this|the current|that) (?:rate|pace)\\b|(?:date|deadline|timeline|timing|schedule|launch|go-?live|delivery date|target date|timescales?)s? (?:(?:is|are) (?:looking|seeming|feeling|starting to look)|is|are|looks?|seems?|feels?) (?:(?:increasingly|very|rather|a (?:bit|little)|quite|more and more|pretty|really|somewhat)\\s+)*(?:at risk|in danger|unrealistic|ambitious|optimistic|shaky|doubtful|unlikely|in doubt|precarious|tight)\\b(?! but (?:doable|achievable|fine|ok))|(?:my|our|the) (?:main |biggest |real |only |big )?(?:concern|worry|fear) (?:is|being|here is) (?:that )?[^.!?]{0,50}\\b(?:slip|slips|slipping|be late|run late|running late|be delayed|miss|missed|not (?:be )?ready|not make)\\b)`,
      'i',
    ),
  },
  {
    kind: 'dissatisfaction',
    signal: 'understatement',
    namesItsObject: true,
    // A complaint in understatement: "It's not quite what we had in mind.", "This wasn't really what we were expecting.",
    // "We were hoping for a bit more from this release.", "I'd have expected a quicker turnaround.", "less than stellar",
    // "hasn't been as smooth as we'd hoped", "somewhat surprised by the size of the invoice". Not a hope about the future
    // ("we're hoping for more sun") or what the writer expected a function to return.
    needs: /\b(?:what (?:we|I) (?:had|have|were|was|expected|wanted|hoped|asked|signed|paid|briefed|discussed|agreed)|hoping for|hoped for|(?:have )?expected (?:a|an|some|at least|much|far|quicker|faster|prompter|speedier|better|clearer|earlier|sooner|fuller|more|heads-up)|less than|not ideal|as (?:smooth|well|quick|fast|easy|seamless|straightforward|painless|good|responsive|reliable|clear) as|surprised|taken aback|puzzled)/i,
    aimedElsewhere: /^\W*(?:(?:but|and|so|well)\W+)?my\b(?! experience)|\b(?:weather|sun|rain|snow|holiday|vacation|game|match|film|movie|election)\b/i,
    pattern:
      /\b(?:(?:not|(?<=n)'t) (?:quite |really |exactly |entirely |at all |altogether )?what (?:we (?:had in mind|have in mind|were expecting|expected|wanted|were hoping for|had hoped for|hoped for|asked for|signed up for|paid for|were promised|were after|were told|briefed|discussed|agreed)|I (?:had in mind|asked for|signed up for|paid for|was promised|briefed))|(?:we|I)(?:'d| had| were| was|'re| are)? (?:(?:really|honestly|frankly)\s+)?(?:hoping|hoped) for (?:(?:a (?:bit|little|lot)|much|rather|somewhat|quite a bit|a great deal)\s+)?(?:more|better) (?:from|out of)\b|(?:I|we)(?:'d| would)(?: have)? (?:expected|hoped for) (?:(?:a|an|some|at least a|at least some)\s+)?(?:(?:(?:much|far|a (?:bit|lot))\s+)?(?:quicker|faster|prompter|speedier|better|clearer|earlier|sooner|fuller|more thorough) (?:turnaround|response|reply|answer|update|service|delivery|result|job|work|communication|heads-up|explanation)|heads-up|(?:more|better) (?:from (?:you|your \w+|the team|the agency)|notice|warning|communication))|less than (?:stellar|great|impressive|smooth|professional|timely|prompt|responsive|forthcoming)\b|^\W*(?:(?:that's|that is|this is|it's|it is)\s+)?(?:(?:really|definitely|certainly)\s+)?not ideal\s*(?:,\s*(?:to be honest|to be fair|frankly|tbh|really|I'm afraid))?\s*[.!]*$|(?:hasn't|has not|haven't|have not|wasn't|was not|weren't|were not|didn't|did not|isn't|is not)\s+(?:been|gone|run|went|go|run|worked out|going)?\s*(?:quite |nearly |exactly )?(?:as|so) (?:smooth(?:ly)?|well|quick(?:ly)?|fast|easy|easily|seamless(?:ly)?|straightforward|painless|good|responsive|reliable|clear) as (?:we|I)(?:'d| had| were| was| would)? ?(?:hoped|expected|hoping|expecting|been promised|were promised|were told|was told|planned|anticipated|would have liked)|(?:a (?:bit|little)|slightly|somewhat|rather|quite|frankly) (?:surprised|taken aback|puzzled) (?:by|at|to (?:see|find|receive|get|learn|hear)|that)\b[^.!?]{0,40}\b(?:invoice|bill|charges?|costs?|price|pricing|quote|fees?|estimate|delay|quality|the (?:work|report|draft|service)))/i,
  },
  {
    kind: 'dissatisfaction',
    signal: 'missed-milestones',
    namesItsObject: true,
    // Missed milestones counted: "three deadlines in a row now", "missed every milestone this quarter", "None of the last
    // three deliveries arrived on time", "Two of the three milestones have already slipped", "Each of the last four releases
    // has been late", "Every deadline so far has slipped". Not "we hit all three milestones".
    needs: /\b(?:milestone|deadline|date|deliver|release|launch|sprint|report|draft|handover|hand-off|drop)/i,
    pattern:
      /\b(?:(?:two|three|four|five|\d+|several) (?:(?:missed|late|slipped|blown)\s+)?(?:deadlines|milestones|deliveries|releases|dates|sprints|reports|drafts|drops|handovers) (?:late |missed |slipped )?in a row|(?:missed|slipped|blown|overran|overrun|been late (?:on|with)|late (?:on|with)) (?:every |each |all (?:of )?(?:the |our |your )?|both (?:of )?(?:the )?|most (?:of )?(?:the |our |your )?)(?:single |last |past |previous )?(?:(?:two|three|four|five|\d+) )?(?:milestones?|deadlines?|dates?|deliver(?:y|ies)|release dates?|sprints?)|(?:none|neither|not one) of the (?:last |past |previous |recent )?(?:(?:two|three|four|five|six|\d+|few) )?(?:deliveries|releases|milestones|deadlines|reports|drafts|sprints|updates|drops|handovers) (?:has |have |was |were )?(?:(?:arrived|landed|come in|came in|been delivered|been|come|gone out|shipped)\s+)?(?:on time|on schedule|by the (?:agreed |promised |due )?date|when (?:promised|agreed))|(?:two|three|four|five|\d+|most|all|both) of the (?:last |past |previous |recent )?(?:(?:two|three|four|five|six|\d+|few) )?(?:milestones|deadlines|deliveries|releases|dates|sprints|reports|drafts) (?:have |has )?(?:(?:already|now|all)\s+)?(?:slipped|been missed|been late|been pushed(?: back)?|run late|been delayed|come in late|arrived late|missed)|(?:each|every one|all) of the (?:last |past |previous |recent )?(?:(?:two|three|four|five|six|\d+|few) )?(?:releases|deliveries|milestones|deadlines|reports|drafts|sprints) (?:has|have) (?:been|come in|arrived|run|gone out|shipped) (?:late|behind|overdue|delayed)|(?:every|each) (?:single )?(?:deadline|milestone|delivery date|due date|target date|release date) (?:(?:so far|to date|this (?:year|quarter|month)|since \w+)\s+)?(?:has\s+)?(?:slipped|been missed|been late|moved|been moved|been pushed(?: back)?))\b/i,
  },
  {
    kind: 'dissatisfaction',
    signal: 'understatement',
    namesItsObject: true,
    // The writer got in touch with the supplier and heard nothing: "I've messaged you and no reply", "I have DM'd you, not
    // heard back yet", "we called your helpline twice but nobody got back to us". Silence from a named third party or
    // another place is not the reader's (SILENCE_NOT_OURS).
    needs: /\b(?:repl|respon|answer|word|call ?back|heard|heard|hear|nothing back|nobody)/i,
    aimedElsewhere: SILENCE_NOT_OURS,
    pattern:
      /\b(?:I|we)(?:'ve| have| had)?(?: (?:already|just|now|also|since|repeatedly))? (?:messaged|dm'?d|dm-?ed|direct messaged|e-?mailed|called|rang|rung|phoned|contacted|tweeted|written to|wrote to|reached out to|inboxed|chased|spoke to|spoken to|left (?:a |two |several )?(?:messages?|voicemails?) (?:for|with)) (?:you|u|your (?:[\w-]+ ){0,2}?(?:team|support|staff|people|office|store|branch|department|helpline|help ?desk|line|agents?|reps?|account manager)|customer (?:service|care|support)|@\w+)\b[^.!?]{0,60}?(?:\bbut|\band|\byet|\bstill|,)\s*(?:(?:I|we)\s+)?(?:still\s+)?(?:no (?:reply|response|answer|word|call ?back)|(?:not|n't|never|have not|haven't|hasn't|has not) (?:yet )?(?:heard|had|got|gotten|received) (?:back|anything|a (?:reply|response|thing|word))|heard nothing|nothing back|nobody (?:has )?(?:replied|responded|got back|gotten back|called back))/i,
  },
  {
    kind: 'dissatisfaction',
    addressed: true,
    // A verdict on the supplier as a business, in the words customers use beyond round 3's: "your incompetence", "the most
    // unorganized company", "no respect for their customers' time", "get your act together", "I was mistreated", "it's
    // extortion"; only where the reader is named.
    needs: /\b(?:incompeten|disorgani|unorgani|worthless|rip-?off|scam|clowns|amateurs|respect|act together|mistreated|disrespected|treated|extortion)/i,
    pattern:
      /\b(?:(?:your (?:(?:staff|team|company|people|store|support|agents?|reps?)'s? )?|the (?:staff|team|company|people|store|support)'s |(?<=@)\w+'s )incompetence|(?:you|y'all|u|your [\w-]+)(?: guys)?(?:'re| are| is| were| was| have been) (?:(?:so|totally|completely|utterly|absolutely|just|such)\s+)?(?:incompetent|disorgani[sz]ed|unorgani[sz]ed|worthless|a rip-?off|a scam|clowns|amateurs)\b|(?:most|so|totally|completely) (?:unorgani[sz]ed|disorgani[sz]ed|incompetent) (?:company|business|service|airline|bank|store|team|people|outfit)|no respect for (?:(?:your|their|its|the) )?(?:customers?|clients?|(?:my|our|customers'?|customer's|people's) time)|get (?:your|their) act together|(?:I|we) (?:was|were|felt|feel|have been|'ve been) (?:so |completely |totally )?(?:mistreated|disrespected|treated (?:like (?:dirt|rubbish|garbage|crap|a criminal|an idiot)|badly|poorly|terribly|appallingly))|(?:it's|this is|that's|is) (?:pure |just |basically |absolute )?extortion\b)/i,
  },
  {
    kind: 'delay',
    owedToWriter: true,
    // Still without what was promised, the whole sentence: "Haven't had one yet.", "We still haven't had it yet."
    aimedElsewhere: OWED_BY_SOMEONE_ELSE,
    needs: /\byet\b/i,
    pattern: /^\W*(?:(?:but|and|so)\W+)?(?:(?:I|we)\s+)?(?:still\s+)?(?:haven't|have not|hasn't|has not)\s+(?:had|got|gotten|received)\s+(?:one|it|them|any|mine|ours|anything)\s+yet\b\W*$/i,
  },
  {
    kind: 'dissatisfaction',
    // Let down, said of the writer by the reader or as the writer's state: "A bit let down", "you've let us down again",
    // "forever letting me down"; not the writer letting the reader down ("sorry to let you down") nor a body or the weather.
    needs: /\blet(?:s|ting)? (?:(?:me|us|our|my) (?:\w+ )?down|down)\b/i,
    aimedElsewhere: /\b(?:my (?:body|legs?|knees?|back|memory|health|brain|eyes|own)|myself|ourselves|the weather)\b/i,
    pattern:
      /\b(?:(?:feel|felt|feeling|been|was|were|am|bit|little|really|very|so|totally|completely|badly|hugely|massively|extremely|seriously|utterly)\s+let down\b|let(?<!\b(?:to|not|never|won't|don't|didn't|can|could|may|might|will|would)\slet)(?:s|ting)?\s+(?:me|us|our (?:\w+ )?(?:customers?|clients?|team|users)|(?:my|our) (?:family|kids|team|customers?|clients?))\s+down\b)/i,
  },
  {
    kind: 'dissatisfaction',
    signal: 'understatement',
    // "Not exactly thrilled with this inadequate offer @GEICO", "not too happy with your response"; only where the reader is
    // named, since list writers say it of their own patch or of a paper they read.
    addressed: true,
    needs: /\b(?:thrilled|happy|impressed|pleased|delighted|satisfied|chuffed)\b/i,
    aimedElsewhere: /\bwith (?:my|our) own\b|\bwith (?:myself|ourselves)\b/i,
    pattern: /(?:\bnot|(?<=n)'t) (?:exactly|too|particularly|overly|terribly|all that|that) (?:thrilled|happy|impressed|pleased|delighted|satisfied|chuffed)\b/i,
  },
  {
    kind: 'dissatisfaction',
    // Thanks that are a complaint: "thanks for ignoring all my tweets", "thx for sending me a ripped dress", "thanks for
    // ruining my morning", "thanks for nothing", "thanks for not telling us".
    needs: /\bfor (?:completely |totally |once again |again |always )?(?:ruining|ignoring|wasting|losing|cancel|forgetting|overcharging|messing|screwing|stranding|misleading|lying|scamming|ripping|nothing|not |sending )/i,
    pattern:
      /\b(?:thanks?|thx|ty|thank you|thanking)\b[^.!?]{0,40}?\bfor (?:(?:completely |totally |once again |again |always )?(?:ruining|ignoring|wasting|losing|cancell?ing|forgetting|overcharging|messing up|screwing up|stranding|misleading|lying to|scamming|ripping (?:me|us) off)|not (?:telling|informing|letting (?:me|us) know|warning|replying|responding|answering|calling back|turning up|showing up|delivering|fixing|honou?ring|refunding)|sending (?:me |us )?(?:a |an |the )?(?:wrong|broken|ripped|damaged|faulty|used|dirty|empty|torn|stained|defective|cold)|nothing\b)/i,
  },
  {
    kind: 'dissatisfaction',
    // Regret at having chosen the supplier: "I really regret changing my provider to BT", "we regret signing up".
    needs: /\bregret/i,
    pattern: /\b(?:I|we) (?:really |truly |now |already |deeply |so |kind of |kinda )?regret (?:ever )?(?:buying|choosing|switching|changing|signing up|signing with|ordering|booking|going with|moving to|purchasing|picking|trusting|renewing|upgrading to|hiring|using)\b/i,
  },
  {
    kind: 'delay',
    owedToWriter: true,
    // Owed by a date that has passed: "which I should have received by 15th October", "We should have had the draft by
    // Monday." Not advice on what the writer should have done ("I should have got a bigger one").
    aimedElsewhere: OWED_BY_SOMEONE_ELSE,
    needs: /\bshould(?: have|'ve) (?:already )?(?:received|had|got|gotten|heard)/i,
    pattern:
      /\b(?:I|we) should(?: have|'ve) (?:already )?(?:received|had|got|gotten|heard (?:back|from you))\b[^.!?]{0,50}?\b(?:by|on|before|last|yesterday|days ago|weeks ago)\b/i,
  },
  {
    kind: 'dissatisfaction',
    signal: 'understatement',
    // What the reader did not do, said as what would have been welcome: "A heads-up would have been nice.", "Some basic
    // communication with your passengers would be a good start."; not a request ("a reply would be appreciated").
    needs: /\bwould (?:have been|be a|have gone|go a long)/i,
    pattern:
      /\b(?:heads-?up|warning|notice|communication|update|call|reply|response|apology|explanation|courtesy call|phone call|acknowledg(?:e?ment)|transparency|honesty|courtesy)(?:\s+(?:with|from|to|of) [^.!?]{1,30}?)?\s+would (?:have been (?:nice|appreciated|helpful|courteous|welcome|good)|be a (?:good )?start|(?:have gone|go) a long way)\b/i,
  },
  {
    kind: 'dissatisfaction',
    // What the reader's people said, contradicted: "not at all what your advisor on the phone stated", "That's not what
    // you told us in March."
    needs: /\bwhat (?:you|your)\b/i,
    pattern:
      /(?:\bnot|(?<=n)'t) (?:at all |quite |exactly |even )?what (?:you |your (?:[\w-]+ ){1,4}?)(?:(?:had|have|originally|first)\s+)?(?:said|told (?:me|us)|stated|promised|quoted|agreed|advertised|described|sold (?:me|us)|confirmed)\b/i,
  },
  {
    kind: 'dissatisfaction',
    // "What am I paying for?", "what exactly are we paying you for": the price set against the service.
    needs: /\bpaying\b/i,
    pattern: /\bwhat (?:exactly )?(?:am I|are we|do I|do we) (?:even |actually )?paying (?:you )?for\b(?!\s+(?:the|a|an|this|that|these|those|it|our|my|\d))/i,
  },
  {
    kind: 'delay',
    signal: 'understatement',
    // A wait set against the speed promised: "Four days is not as quickly as possible.", "Three weeks is hardly urgent."
    needs: /\b(?:is|are)(?: not|n't)? (?:not|hardly|far from|barely) /i,
    pattern:
      /\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|a few)\s+(?:hours?|days?|weeks?|months?) (?:is|are)(?: not|n't)? (?:not |hardly |far from |barely )(?:exactly |really |what (?:I|we)(?:'d| would) call )?(?:quick|fast|prompt|soon|urgent|immediate|asap|as soon as possible|as quickly as possible|as fast as possible|next[- ]day|same[- ]day|reasonable|acceptable|a quick turnaround)\b/i,
  },
  {
    kind: 'dissatisfaction',
    toAnAccount: true,
    // Told to an account to stop pestering: "can you stop sending 8339201847 emails a day", "STOP EMAILING ME".
    needs: /\bstop\b/i,
    pattern:
      /\bstop (?:emailing|e-mailing|calling|texting|spamming|messaging|ringing|bombarding|tagging|pestering|sending (?:me|us)? ?(?:\S+ )?(?:e-?mails?|texts?|messages?|letters?|spam|junk|marketing|promos?|offers?|notifications?|calls?)\b)/i,
  },
  {
    kind: 'cancellation',
    askingIsTheAct: true,
    // Ending it in the form of a notice: "Consider the policy cancelled.", "consider this our notice to terminate".
    needs: /\bconsider\b/i,
    pattern:
      /\bconsider (?:the|my|our|this|that) (?:[\w-]+ )?(?:policy|account|contract|subscription|order|membership|service|booking|agreement|retainer|plan) (?:cancell?ed|terminated|ended)\b(?!\s+(?:once|when|after|if|until|unless)\b)|\bconsider this (?:our|my) (?:formal )?(?:notice|notification) (?:of|to) (?:cancel|terminat|end|not renew)\w*/i,
  },
  {
    kind: 'dissatisfaction',
    toAnAccount: true,
    // "What type of service is this @VodafoneIN", "what sort of company treats customers like this".
    needs: /\bwhat (?:type|sort|kind) of\b/i,
    pattern: /\bwhat (?:type|sort|kind) of (?:customer )?(?:service|support|company|business|operation|airline|bank|shop|store) (?:is this|is that|do you (?:call|run)|treats)\b/i,
  },
];

/** Someone named or in the third person who has not answered: "from EUR", "from his office", "to Tom but haven't heard". */
const THIRD_PARTY_SILENCE =
  /\b(?:[Hh]ear|[Hh]eard|[Hh]ere)(?: back)?(?: yet)?(?: (?:on|about) [^.!?]{1,30}?)? from (?!(?:you|your|anyone|anybody|u)\b)|\b(?:[Hh]ear|[Hh]eard)(?: back)? (?:on|about) (?:[A-Z]\w*'s|his|her|their)\b|\bfrom (?:his|her|their|[A-Z]\w*'s) (?:staff|office|team|side|people)\b|\b(?:sent|forwarded|offered)\b[^.!?]{0,30}\bto (?!you\b|your\b)[^.!?]{1,30}\b(?:haven't|have not|not yet) heard\b|\b(?:asked|emailed|e-mailed|called|wrote to|pinged) (?:[A-Z]\w+|him|her|them)\b[^.!?]{0,30}\b(?:haven't|have not|not yet) heard\b|^\s*(?:[Tt]hey|[Hh]e|[Ss]he) (?:say|says|said|told)\b|\b(?:get|got) (?:his|her|their) (?:new )?\w+|\bwill (?:keep you posted|let you know|follow up)\b/;

const THEIR_RULES: RiskRule[] = [
  {
    needs: /\b(?:cancel|terminat|renew|vendor|supplier|provider|carrier|network|agenc|partner|option|solution|company|firm|elsewhere|end)/i,
    kind: 'cancellation',
    aimedElsewhere: OPTIONS_FOR_AN_OUTING,
    pattern:
      /\b(?:cancel(?:l?ing|l?ed)? (?:the |our |my |this )?(?:contract|subscription|account|order|agreement|service|services|engagement|project|deal|plan|membership|retainer|license|licence|renewal|partnership)|cancel(?:l)?ation of (?:the |our |this )?(?:contract|subscription|account|agreement|service|engagement|retainer|licen[cs]e)|(?:contract|subscription|account|service|retainer) cancel(?:l)?ation|terminat(?:e|ing|ion of) (?:the |our |this )?(?:contract|agreement|engagement|relationship|services?|partnership)|(?:not|n't|won't|will not) (?:be )?renew(?:ing)?|(?:looking|look|shopping) (?:at|for|around for) (?:other|another|alternative|different) (?:vendors?|suppliers?|providers?|agencies|agency|partners?|options|solutions)|(?:move|moving|switch|switching|go|going) (?:to|with) (?:another|a different|a new|an alternative|a competing|a competitor|other) (?:vendor|supplier|provider|agency|partner|company|firm)|take our business elsewhere|leaving (?:you|your [\w-]+|@?[\w-]+) for (?:a |an )?(?:different|another|new|other|cheaper) (?:vendor|supplier|provider|agency|partner|company|firm|carrier|network|bank|service)|end (?:our|the) (?:contract|relationship|partnership|engagement))\b/i,
  },
  {
    needs: /\b(?:escalat|manager|boss|director|vp|ceo|cfo|head|leadership|supervisor|superior|legal|lawyer|attorney|counsel|complaint|breach|further|higher|chain)/i,
    kind: 'escalation',
    // Escalation in its military or diplomatic sense ("an unacceptable escalation of the conflict", "de-escalate
    // tensions", "the short-term escalation sent our forces") is about a war, not about us.
    aimedElsewhere: /\b(?:conflict|violence|tensions?|fighting|war|military|forces|troops|hostilities|de-escalat\w*)\b/i,
    pattern:
      /\b(?:escalat(?:e|ed|ing) (?:this|it|the (?:matter|issue|problem|ticket|case)|to|further|internally|higher|up)|escalation(?<!\b(?:level|tier|stage|step|line|l|t|p)[ -]?(?:\d|one|two|three|four)[ -]escalation)(?<!\b(?:first|second|third|1st|2nd|3rd)[ -]line escalation)(?! (?:process|path|matrix|procedure|policy|contacts?|points?|manager|team|list|levels?|tiers?|workflow|queue|plan|desk|route|email|address|clauses?|steps?|mechanism|framework|protocol|rules?|chain|guide|document|schedule|section|criteria|owners?|rota|number|phone|line)|s? (?:team|desk)|\s*:)|loop(?:ing)? in (?:my|our) (?:manager|boss|director|vp|ceo|cfo|head|leadership)|(?:speak|talk) (?:to|with) your (?:manager|supervisor|boss|director|ceo|superior)|(?:involve|involving|get|bring|bringing|bring in|loop in|contact|consult|refer (?:this|it|the matter) to|pass (?:this|it) to) (?:our |my )?(?:legal|lawyers?|attorneys?|counsel)|legal (?:action|steps|proceedings|recourse|remedies)|formal complaint|file a complaint|(?:our|my) lawyers?|breach of contract|take this (?:further|higher|up the chain))\b/i,
  },
  {
    needs: /\b(?:disappoint|unacceptab|unimpress|furious|livid|fuming|angry|disgusted|happy|satisf|pleased|impressed|unhappy|dissatisf|frustrat|annoy|irritat|infuriat|upset|waiting|time|concern|confidence|trust|patience|faith|fed up|poor|good enough|keep|kept|no one|nobody|heard|chas)/i,
    kind: 'dissatisfaction',
    pattern:
      /\b(?:disappoint(?:ed|ing|ment)|unacceptable|furious|livid|fuming|angry|disgusted|(?:not|n't) (?:happy|satisfied|pleased|impressed)|unimpressed|unhappy|dissatisfied|frustrat(?:ed|ing|ion)|annoyed|irritated|infuriat(?:ed|ing)|upset|this is the (?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time|(?:very|really|extremely|deeply|increasingly|quite|seriously) concerned|(?:lost|losing) (?:confidence|trust|patience|faith)|(?:no longer|don't|do not) (?:have (?:any )?)?(?:faith|confidence|trust) in|fed up|poor (?:service|quality|communication|response)|not good enough|(?:keep|kept) (?:missing|slipping|dropping) (?:the |our |your )?(?:deadlines?|dates?|milestones?|the ball)|chas(?:e|ing) (?:you|this) again)\b/i,
  },
  {
    needs: /\b(?:waiting|no one|nobody|hear)/i,
    kind: 'dissatisfaction',
    // Silence from someone the writer names ("haven't heard back from EUR", "still waiting to hear from HBJ", "a call-back
    // from his staff", "I sent the below to Tom but haven't heard back") is news about a third party, not about us.
    aimedElsewhere: THIRD_PARTY_SILENCE,
    pattern:
      /\b(?:still waiting(?!\s+(?:whether|to see|for (?:it|this|the (?:job|run|computation|calculation|process))\b))|no one (?:has )?(?:responded|replied|got back)|nobody (?:has )?(?:responded|replied|got back|gotten back|got in touch|gotten in touch)|(?:haven't|have not) heard (?:back|anything|a word|a thing|from (?:you|anyone|anybody))|(?:didn't|did not|never) hear(?:d)? back from (?:you|your))\b/i,
  },
  {
    needs: /\b(?:delay|postpon|pushed|behind|slipp|miss|late|overdue|past due)/i,
    kind: 'delay',
    // "running late" is ours only when what runs late is: the reader or what the reader sends ("POTUS is running late"
    // is someone else's day, "we're running late" the writer's).
    pattern:
      /\b(?:(?:is|are|was|were|been|be|being|get|gets|getting|got|now|again|further|significantly|seriously|badly) (?:(?!not\b|never\b|hardly\b)\w+ )?(?:delayed|postponed|pushed (?:back|out))|(?:another|further|more|significant|serious|major|long|ongoing|repeated|these|the) delays? (?:in|on|to|with|of)|delays? (?:in|on|to|with) (?:the |our |your )?(?:delivery|project|launch|rollout|shipment|release|migration|go-live|implementation|work)|(?:killing (?:me|us) with|tired of|sick of|fed up with) (?:the |your |these |all (?:the|these|your) )?(?:constant |endless |continual |repeated )?delays\b|your (?:constant |endless |continual |repeated )?delays\b|behind schedule|slipp(?:ing|ed) (?:again|further|by (?:a |an |another |\d|one|two|three|several|a few)|to|another)|(?:missed|miss|missing) (?:the |our |a |another )?(?:deadline|due date|milestone|delivery date|go-live)|(?:you|your [\w-]+|(?:the |our |my )?(?:courier|driver|engineer|technician|installer|contractor|delivery|order|train|bus|flight|plane|project|work|team)s?)(?:'re|'s| is| are| was| were)?(?: (?:still|again|always|now))? running late|running late again|(?<!long )overdue|late again|past due(?! to\b))\b/i,
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

/** A question put to the reader, not a complaint told as one ("Why is this still broken?" stays a complaint). */
const ASKING = /^\s*(?:could|can|would|should|shall|do|does|did|is it|are there|what about|how (?:do|can|should))\b[^?]*\?\s*$/i;

/** A meeting, call or announcement moved is news about a calendar, not about the reader's work, whoever is named. */
const EVENT_MOVED = /\b(?:meeting|mtg|call|hearing|vote|dinner|lunch|breakfast|reception|ceremony|interview|session|briefing|conference|photo|statement|announcement|speech|event)s?\b[,;]?(?: [^\s.!?]+){0,8} (?:is|are|was|were|has been|have been|will be|may be|be|been)(?: \w+){0,2} (?:delayed|postponed|pushed (?:back|out))\b/i;

/** The writer's own side, or a technical question about deferring something. */
const OWN_SIDE = /\b(?:for me|to me|my|me|one-man|we hope|i hope|for a variety of reasons)\b|\b(?:I|we)(?:'m| am|'re| are) (?:\w+ )?(?:overdue|running (?:a (?:bit|little) )?(?:late|behind))\b|\b(?:could|can|should|would|to) (?:[\w-]+ ){1,3}be delayed|\bin hospital\b|\bhas been (?:ill|sick|away)\b/i;

function negated(sentence: string, index: number): boolean {
  const before = sentence.slice(Math.max(0, index - 45), index).toLowerCase();
  return /\b(?:not|no|never|without|nothing|hardly|n't|no need to|don't need to|do not need to|there's no|isn't|wasn't|aren't)\s+(?:\w+\s+){0,2}$|(?:\bnot|\bno|n't)\s+(?:\w+\s+){0,3}any\s+(?:\w+\s+){0,2}$/.test(before) || /\bno need to\s+(?:\w+\s+){0,2}$/.test(before);
}

/** Word stems every rule of a side starts from: a cheap first test before the full patterns. */
const THEIR_STEMS =
  /\b(?:unhappy|furious|livid|fuming|angry|disgusted|unimpress|unreliab|dissatisf|unsatisf|irritat|infuriat|yet to|re-?tender|in-?house|decided to go|decided to move|decided to switch|opted to|elected to|(?:chosen|selected|appointed|picked|hired) (?:another|a different|a new|a competing|an alternative)|approached by|sloppy|careless|rushed|half-baked|substandard|sub-standard|shoddy|amateurish|up to scratch|at scratch|up to par|at par|cutting it|running out of time|time is running|to be desired|were expecting|had hoped|hoped for|complained|phoned|emailed|e-mailed|several times|multiple times|many times|numerous times|countless times|dozen times|two times|three times|four times|five times|\d+ times|alternativ|faith|keep|crash|give up|gave up|giving up|abandon|ditch|favou?r|heard|hear back|worse|move away|switch|agreed|promised|asked for|option|tender|rfp|rfq|bid|pitch|quote|quality|standard|accuracy|error|mistake|bug|typo|sloppy|careless|expectation|worse|budget|spend|cost|freez|new|left|resign|stepp|leaving|took over|taking over|takes over|reorg|restructur|worr|nervous|anxious|uneasy|on track|realistic|achievable|feasib|doable|risk|danger|tight|milestone|deadline|ideal|expected|better|address|answer|solve|fix|asked|raised|chased|response|surprised|underwhelm|cancel|terminat|renew|vendor|supplier|provider|agenc|partner|compan|firm|business|contract|relationship|escalat|manager|boss|director|supervisor|ceo|legal|lawyer|attorney|counsel|complaint|breach|further|higher|chain|disappoint|unacceptab|happy|satisf|pleased|impressed|frustrat|annoyed|upset|waiting|time|concern|confidence|trust|patience|fed up|poor|good enough|missing|slipping|dropping|respond|replied|got back|gotten back|heard back|chas|delay|postpon|pushed|behind|slipp|miss|late|overdue|due|sign(?:ing)? (?:on |up )?(?:again|for another|another)|to (?:present|propose)|competitive|formal (?:process|review|procurement|selection|sourcing)|full (?:process|review|procurement)|open (?:process|procurement)|proposals|benchmark(?:ing)? (?:your|the|our) (?:pricing|prices|fees|rates|costs|service|performance|work)|competitors|rivals|dipped|dropped off|fallen|declined|deteriorat|suffered|downhill|worsened|taken a|weaker|poorer|patchier|sloppier|less (?:thorough|careful|accurate|reliable|consistent|detailed|polished|responsive)|(?:not|t) (?:nearly |quite |anywhere near )?(?:as|so) (?:good|thorough|careful|accurate|detailed|reliable|responsive|quick|fast|polished|strong|consistent|sharp|clean|prompt) as|what it was|what they were|creeping|more (?:correction|rework|re-?work|editing|fixing|checking)|(?:not|t) (?:really |entirely |at all |totally )?(?:sure|certain|confident|convinced)(?: that| whether| if| how)? (?:we|you|your|the)\b|doubt(?:ful)?(?: that| whether| if)? (?:we|you|your|the)\b|(?:starting|beginning) to (?:doubt|wonder)|see (?:how|that) (?:we|you|your|the)\b|afraid(?: that)? (?:we|you|your|the)\b|fear(?: that)? (?:we|you|your|the)\b|at this rate|at this pace|at the current|(?:is|are|looks?|looking|seems?|seeming|feels?|feeling) (?:(?:increasingly|very|rather|a (?:bit|little)|quite|more and more|pretty|really|somewhat) )*(?:at risk|in danger|unrealistic|ambitious|optimistic|shaky|doubtful|unlikely|in doubt|precarious)|what we (?:had in mind|have in mind|were expecting|expected|wanted|were hoping|had hoped|hoped|asked for|signed up|paid for|were promised|were after|were told|briefed|discussed|agreed)|what i (?:had in mind|asked|paid|signed|was promised|briefed)|hoping for|not ideal|less than (?:stellar|great|impressive|smooth|professional|timely|prompt|responsive|forthcoming)|as (?:smooth(?:ly)?|well|quick(?:ly)?|fast|easy|easily|seamless(?:ly)?|straightforward|painless|good|responsive|reliable|clear) as (?:we|i)\b|taken aback|puzzled|in a row|messaged|dm'?d|dm-ed|dmed|direct messag|tweeted|inboxed|voicemail|nothing back|incompeten|disorgani|unorgani|worthless|rip-?off|scam|clowns|amateurs|no respect for|act together|mistreated|disrespected|treated (?:like|badly|poorly|terribly|appallingly)|extortion|haven't had|have not had|hasn't had|has not had|let down|let me down|let us down|lets me down|lets us down|letting me down|letting us down|let our|lets our|letting our|thrilled|delighted|chuffed|regret|for (?:completely |totally |once again |again |always )?(?:ruining|ignoring|wasting|losing|cancel|forgetting|overcharging|messing|screwing|stranding|misleading|lying|scamming|ripping|nothing|not (?:telling|informing|letting|warning|replying|responding|answering|calling|turning|showing|delivering|fixing|honou?ring|refunding)|sending (?:me |us )?(?:a |an |the )?(?:wrong|broken|ripped|damaged|faulty|used|dirty|empty|torn|stained|defective|cold))|should have (?:received|had|got|gotten|heard)|should've|would have been (?:nice|appreciated|helpful|courteous|welcome|good)|would be a (?:good )?start|would (?:have gone|go) a long way|(?:not|t) (?:at all |quite |exactly |even )?what you|paying (?:you )?for|(?:is|are)(?: not|n't)? (?:not |hardly |far from |barely )(?:exactly |really |what (?:i|we)(?:'d| would) call )?(?:quick|fast|prompt|soon|urgent|immediate|asap|as soon|as quickly|as fast|next|same|reasonable|acceptable|a quick)|stop (?:emailing|e-mailing|calling|texting|spamming|messaging|ringing|bombarding|tagging|pestering|sending)|consider (?:the|my|our|this|that)|what (?:type|sort|kind) of)/i;
/** Word stems the round-3 complaint rules (THEIR_COMPLAINTS) start from: those rules are tried only when one is there. */
const COMPLAINT_STEMS =
  /\b(?:unanswered|worst|terribl|awful|horribl|horrend|appall|atroci|pathetic|disgust|dreadful|abysmal|shocking|lousy|unprofessional|useless|rubbish|poor|joke|disgrace|shambles|pitiful|unacceptab|ridiculous|outrageous|good enough|unhelpful|uncooperative|rude|clueless|helpful|lying|lied|honour|honor|fulfil|stand behind|chance|suck|crap|garbage|trash|junk|shit|respon|repl|answer|followed up|got back|called back|no one has|no call|yet to|arriv|shipped|turned up|showed up|appeared|been deliver|been dispatch|been shipp|received|t receive|not receive|gotten|never got|t got|not got|waiting|never came|never come|t come|t came|yet come|sign of|hrs late|hours late|days late|weeks late|hrs behind|hours behind|days behind|weeks behind|hours overdue|days overdue|weeks overdue|supposed to|meant to|promised to|guaranteed|due to arrive|due to be|due to ship|due to come|taking forever|taking ages|estimated|scheduled|quoted|where's my|where is my|where's our|where is our|apart|broke|stopped working|died|went out|gave up|peeling|unreliab|least reliab|flimsi|bugg|last longer|lasted longer|glue|fix it|fix them|fix this|fix that|repair it|send it back|send them back|gone off|gone down|went off|went down|down again|broken again|off again|outages|failures|breakdowns|crashes|power cuts|constantly|always offline|always down|always dropping|always cutting|always disconnect|keeps dropping|keep dropping|keeps cutting|keep cutting|keeps disconnect|keep disconnect|keeps going|keep going|never buying|never using|never shopping|never flying|never ordering|never booking|never staying|never eating|never going|never renewing|never dealing|never coming|last time|final time|take my|take our|taking my|taking our|instead|from now on|cancel|close my|close our|closing my|closing our|terminate my|terminate our|terminating my|terminating our|stop my|stop our|stopping my|stopping our|end my|end our|ending my|ending our|complaint|ftc|fcc|bbb|cfpb|regulator|ombudsman|trading standards|better business|attorney general|head office|involve|overcharg|double charg|double-charg|me twice|us twice|departments|teams|agents|hung up on|hangs up on|hang up on|cut me off|cut us off|cuts me off|cuts us off|cut you off|cuts you off|on hold|minute hold|min hold|hour hold|delayed|postponed|pushed back|no progress|trying to reach|trying to contact|trying to settle|trying to resolve|trying to sort|trying to get hold|trying to get through|trying to speak|trying to talk|no broadband|no internet|no service|no power|no signal|no connect|no wi|no access|no phone|no heating|no hot water|without broadband|without internet|without service|without power|without signal|without connect|without wi|without access|without phone|without heating|without hot water|(?:still (?:no\b|got)|do(?:n't| not) have|ha(?:s|ve) (?:my|our)|been (?:out|down|off)|make (?:it|this) so|crapp|shitty|rotten|horrid|sub-?par|disgraceful|incompetent|bad (?:customer|service)|absurd|insane|rip-?off|extortion|never (?:buy|use|shop|fly|order|book|stay|eat|go|renew|deal|come|recommend|again|delivered|been delivered)|(?:won't|will not|wont)(?: be)? (?:buy|us|shop|fly|order|book|stay|eat|return|com|recommend)|should(?: have|'ve) (?:just )?(?:taken|used|gone|flown|booked|bought|ordered|stuck|chosen|picked)|how (?:do|can|would) (?:i|we) cancel|lawyer|attorney|solicitor|sue\b|(?:new|different|another) (?:case|account|rep|contact|person|handler)|why (?:the hell |on earth )?(?:is|are|was|were|does|do|did|has|have)\b|no resolution|(?:no idea|don't know|do not know) where|(?:gone|went) missing|turns? up|nothing has|(?:keeps?|kept) (?:being|getting)|continually|repeatedly|as (?:advertised|described|claimed|promised)|(?:was|is|were|you) (?:advertised|described|claimed)|(?:day|week|month)s?[- ]old|(?:from|since) (?:the beginning|the start|day)|wasted|pointless)|still wrong|still messed|still incorrect|still broken|still down|still not|still you|still nothing|nothing yet|got(?:ten)? in touch|gotten back|worse than|done with you|los(?:t|e|ing) (?:my|our)|did(?:n't| not) get|yet have|still do(?:n't| not) have|r(?:ec|cv|ecv)'?d|why (?:i|we) (?:didn|did not|wasn|was not|weren|were not)|(?:thought|assumed|understood)(?: that)? (?:(?:this|that|it|these|those|they|we|you)\S* )?(?:(?:had|has|was|were) )?(?:already )?(?:been )?(?:done|fixed|sorted|taken|settled|resolved|cancel|booked|arranged|scheduled|confirmed|sent|finished|handled|set up)|still (?:nada|zilch)|not cool|still (?:have|had|did)(?:n't| not)\b|(?:as|like) (?:I|we) (?:had |have )?(?:asked|requested|instructed)|too late|(?:continuing|ongoing|growing|increasing|persistent|repeated|long-?standing) concern|(?:bothers|troubles|annoys|irritates|frustrates|bugs) (?:me|us)|thought (?:that )?(?:I|we|you)(?:'d| was| were| would| had| am| are)? (?:going|booked|set) to|what gives|the (?:nerve|audacity|gall|cheek) to|(?:sick|tired) (?:and tired )?of|defect|faulty|(?:design|manufacturing|factory|build|known) (?:fault|flaw)|annoying|frustrating|infuriating|maddening|irritating|disappointing|(?:I'm|I am|we're|we are)\s+(?:so |officially |just |totally )?done\b|bring back (?:the )?(?:old|previous|original|classic)|how (?:could|can|do|does|did|would) (?:you|u|y'all|your [\w-]+)(?: guys| people)?\s+(?:\w+\s+)?(?:forget|lose|lost|ignore|mess up|screw up|get (?:it|this|that|my|our))|(?:me|us) (?:round |around )?in (?:a |an endless |endless )?(?:loop|circles)|how is it (?:that |possible that )?(?:you|your|u|y'all|a|an|the|my|our)\b|(?:no|not an?) (?:possible )?excuse|never have happened|doing enough|made (?:me|us) (?:pay|purchase|buy|spend|wait|queue|call)|still trying to|nothing (?:more|so) (?:infuriating|frustrating|annoying|irritating|maddening|disappointing)|should(?:n't| not)? be this|ignor(?:ing|ed) (?:me|us|my|our|the)|been (?:completely |totally |just )?ignored|(?:fleeced|ripped|scammed|conned|cheated|robbed)|(?:(?:can|could) never get|never get (?:it|anything) right|never seem to get)|what a (?:mess|farce|nightmare)|(?:messed|screwed|mucked|fouled) up|botched|(?:you|y'all|u) (?:guys )?(?:still )?(?:didn't|did not|haven't|have not|never) (?:yet )?(?:resolve|fix|solve|sort|address)|closed (?:without|before)|(?:find|look for|search for|get) (?:another|a new|a different|a better) (?:brand|provider|supplier|company|bank|carrier|airline|vendor|agency|network|store|shop|insurer|service|contractor)|(?:come|came) (?:thru|through)|(?:have|got|gotten|received|receive|get) (?:it|them|this|that|these|those|any) yet|seen (?:any|a single)|(?:you|y'all|u|team|office|staff|people|colleagues?|assistant) (?:gave|sent|provided|quoted|supplied|told|put)\b[^.!?]{0,50}\b(?:wrong|incorrect|inaccurate|outdated|out of date)|worse (?:by|every|each|and worse)|(?:doing|through|up with) (?:this|that|it) again|run-?around|(?:that|this|it|not|t) fair|point (?:in|of) paying|tarmac|runway|(?:sitting|sat|stuck) on (?:the )?(?:plane|train|bus)|ma(?:ke|king|de) (?:me|us) (?:late|miss)|(?:close to|nearly|almost) cancel|why (?:wasn|weren|haven|hasn|am (?:i|we)|was (?:i|we)|have (?:i|we)|has (?:anyone|someone|somebody)|is there no|was there no)|waste of|used? to work|never used? to|(?:worked|ran|was working|were working) (?:\w+ ){0,2}(?:just )?(?:fine|well|perfectly|ok|okay|great|flawlessly|without)|(?:worked|was working) (?:a (?:few|couple)|several|some|two|three|four|\d+) |(?:since|after) (?:the|some|an?|this|that|last|latest|recent|your) (?:[\w.-]+ ){0,3}(?:update|upgrade)|(?:updated|upgraded|installed)\b(?:[^.!?]|\.(?=\w)){0,60}?\band now|was released|came out|find (?:it|this|that) (?:a (?:little|bit)|slightly|somewhat|rather|quite|very|really|extremely|pretty|annoying|irritating|frustrating|inconvenient|cumbersome|tiresome|tedious|disappointing)|in (?:frustration|disgust|despair)|ended up having|had to (?:revert|downgrade|roll|go back|stick|stay)|(?:many|several|lots of|a lot of|a number of|numerous|multiple|more and more|dozens of|hundreds of|thousands of) (?:of (?:our|my) )?(?:users|customers|clients|people|subscribers|members)\b|what the (?:hell|heck|fuck|f)\b|wtf|what in the (?:world|hell)|are you (?:kidding|joking|serious)|got to be kidding|unbelievable|give me a break|introduced|used to be able|tested it again|tested again|tried it again|tried again|ran it again|checked it again|checked again|no warning|not warning|not a warning|not any warning|never a warning|never any warning|no single warning|mention of|no (?:further|new) (?:update|news|word)|short[- ]?chang|shortchang|price (?:increase|hike|rise)|what kind of|bull ?shit|heard of customer|exist(?:s|ed)? since|exist(?:s|ed)? for|been (?:there|around|open|broken|known|present|reported) (?:since|for)|(?:spent|paid)\s+(?:over\s+|more than\s+|almost\s+|nearly\s+)?[$£€])/i;
/** The two families' stems as the engine reads them fastest (text/first-letter-alternation.ts): the same matches. */
const THEIR_STEMS_GROUPED = groupedByFirstLetter(THEIR_STEMS);
const COMPLAINT_STEMS_GROUPED = groupedByFirstLetter(COMPLAINT_STEMS);
if (THEIR_STEMS_GROUPED === THEIR_STEMS || COMPLAINT_STEMS_GROUPED === COMPLAINT_STEMS) throw new Error('risks: a stem list no longer groups by first letter');

const OUR_STEMS_WRITTEN = /unfortunate|regrett|afraid|won't|will not|can't|cannot|can not|missed|delay|slipp|setback|issue|problem|outage|bug|hit|run into|encountered|behind|late|push|move|bad news/i;
/** OUR_STEMS_WRITTEN as the engine reads it fastest (text/first-letter-alternation.ts); read with test() only. */
const OUR_STEMS = groupedAnywhereByFirstLetter(OUR_STEMS_WRITTEN);

/**
 * Sentences that use risk words about something that is not our work: a legal footer's complaints
 * procedure, a mailing list's rules, "escalation" as the name of a process.
 */
const BOILERPLATE =
  /\b(?:complaints? (?:procedure|policy|process|handling|form|department|team)|(?:make|file|raise|lodge|submit) a complaint (?:with|to) (?:the|our|us)\b|(?:may|can) be referred to the (?:\w+ )?ombudsman|financial ombudsman|financial conduct authority|\byou (?:may|can|could|have the right to) (?:also |then )?(?:escalate|refer|take|bring|direct)\b[^.]{0,40}\b(?:ombudsman|regulator|authority|commission)|if you are (?:dissatisfied|unhappy|not satisfied) with (?:the|our) (?:handling|outcome|final response|response to your complaint)|regulated by|registered (?:office|in england)|if you (?:have received|are not the intended)|this (?:e-?mail|message) (?:and any|is confidential|may contain))/i;

/**
 * Feelings that are a risk only when aimed at us or at the work: "I'm disappointed", "this is
 * frustrating", "frustrated with your support"; not "parallel programming is very frustrating" or
 * "I was unhappy with their packaged version".
 */
const FEELING = /\b(?:frustrat\w*|annoy\w*|irritat\w*|infuriat\w*|disappoint\w*|unhappy|upset|furious|livid|fuming|angry|disgusted|concerned|worried|fed up|unacceptabl\w*|not (?:good enough|satisfied|happy))\b/i;
const AIMED_AT_US =
  /\b(?:you|your|yours|y'all|not to hear back|not heard back|(?:haven't|have not|didn't|did not) (?:heard|hear) back|we(?:'re| are| have been| were)|i(?:'m| am| have been|'ve been)|this is|that is|it is|it's|this has|still|again|the (?:delay|delays|service|support|response|responses|quality|situation|project|work|delivery|deliverables?|team|lack of|timeline|report|invoice|release|rollout|outcome|result|website|site|app|portal|system|platform|process|billing|(?:present |current )?(?:behaviou?r|performance|product|software))|(?:we|i) (?:tried|used|bought|ordered|received|tested)|customer (?:service|support|care)|(?:after|since) (?:purchasing|buying|ordering|using|receiving|getting))\b|(?:^|[\s(])\.?@\w/i;
const AIMED_ELSEWHERE = /\bfrom (?:the )?[\w-]+'s (?:end|side)\b|\b(?:with|by|about) (?:all|other|existing|alternative) (?:\w+ ){0,2}(?:solutions|options|tools|packages|approaches|methods|alternatives)\b|\b(?:with|by|about|at|in) (?:their|his|her|its|them|him|myself|ourselves|the (?:weather|news|market|economy|election|government|governor|traffic)|any (?:scheme|approach|idea|method|solution|proposal))\b|\b(?:for me, but|my (?:own )?(?:mistake|fault|error)|making mistakes)\b|\b(?:escalation of|the conflict|violence|killings?|war crimes|bombings?)\b/i;

/** Somewhere else the writer asked: "I posted this on the nabble forum and got no response". */
const ANOTHER_PLACE = /\bposted (?:this|it) (?:on|to)\b|\bon (?:the |a )?(?:\w+ )?(?:forum|mailing list|community|stack ?overflow)\b/i;

// Written once out here rather than inline: a regex literal inside a function is a new object each time it is
// evaluated, and these run for every sentence.
const OTHERS_FEELING =
  /\b(?:you|they|he|she|who|all who|those who|everyone who)(?:'re| are| were| was| is| seem| seemed| might be| may be| will be| got| get)?(?: \w+)?\s*$|(?:^|[\s,;])(?!(?:I|we)\s)\w+\s+(?:had\s+|have\s+|has\s+)?(?:expressed|voiced|conveyed)\s+(?:(?:their|his|her|its|some|deep|strong|real)\s+)?$/i;
/** The feeling's owner named after it ("a story about how unhappy she is"): someone else's feeling. */
const OTHERS_FEELING_AFTER = /^\s+(?:he|she|they|[A-Z][a-z]+)(?:'s|'re| is| was| are| were| seems| seemed| felt| feels)\b/;
const OWN_HANDLING_OR_THING = /^(?:not |n't )?\w+\s+(?:with|about) (?:how|what|the way) (?:I|we)\b|^\w+\s+(?:thing|part|bit|glitch\w*|errors?|bugs?|messages?|warnings?|repl(?:y|ies)|responses?|tone|e-?mails?|answers?|posts?)\b/i;
const FRUSTRATION = /^frustration$/i;
const FEELING_OBJECT = /^\s*(?:(?:very much|so much|a lot)\s+)?(?:about|with|by|over|at|that|regarding|in)\b(.{0,60})/i;
/** What in a feeling's object is ours: the reader, this matter, or our work, its dates, its price and its people. */
const OURS_IN_OBJECT =
  /\b(?:you|your|yours|y'all|how (?:you|your|this|the|it|things|we've been)|what (?:you|has|happened)|nobody|no one|no-one|(?:the|our|this|these|that|those|[\w-]+'s) (?:[\w-]+ ){0,2}(?:delays?|service|support|responses?|quality|situation|project|work|delivery|deliveries|deliverables?|team|lack|timeline|report|reports|invoices?|release|rollout|outcome|results?|website|site|app|portal|system|platform|process|billing|bill|progress|schedule|deadline|date|launch|go-live|level|standard|communication|handling|budget|costs?|price|pricing|estimate|quote|fees?|charges?|outages?|product|software|order|account|contract|staff|people|agents?|behaviou?r|performance|changes?|update|problems?|issues?|bugs?|errors?|mistakes?|experience|answers?|repl(?:y|ies)|attitude|age|state|condition|choice|decision))\b|\b(?:this|that)(?: (?:now|again|any ?more|situation))?\s*(?:[.!;,]|$)|@\w+/i;
const BARE_FEELING = /^(?:frustrated|annoyed|irritated|disappointed|unhappy|upset|furious|livid|fuming|angry|disgusted|fed up|unacceptable|not (?:happy|satisfied))$/i;
/** A verdict on what happened, alone as the whole sentence ("So annoying!", "Frustrating."): the thing the reader did, judged; "Yes, very frustrating." agrees with someone. */
const BARE_VERDICT = /^(?:frustrating|annoying|infuriating|maddening|irritating|disappointing)$/i;
const VERDICT_OPENS = /^\W*(?:(?:so|how|really|truly|beyond)\s+)?$/i;
/** Nothing after the feeling but punctuation, a sad face, handles, hashtags or links (or "customer"); a smile is a joke. */
const BARE_REST = /^(?:\s*(?:customer|[!?.,]+|[:;=]-?\(+|@\w+|#\w+|https?:\/\/\S+))*\s*$/i;
/** The feeling is the writer's own state: it opens the sentence or follows "I'm", "we are", "very", "pretty", ... */
const WRITERS_STATE = /(?:^|\b(?:i'm|i am|we're|we are|i was|we were|i feel|we feel|feeling|so|very|really|pretty|extremely|totally|deeply|quite|rather|bit|little|getting|now|just|utterly|incredibly)\s+)$/i;
const OWNED_FRUSTRATION = /\b(?:my|our) frustration/i;
const NOT_FOR_THEM = /^\s*if you(?:'re| are)? (?:not|un)/i;
/** A sentence wholly in quotation marks is someone else's words, quoted ('"It is all so frustrating."'), and so is one
 * that opens with a quotation its speaker is named after ('"I am furious," said Senator ...'). */
const QUOTED = /^\s*["“][^"“”]+["”]\s*$|^\s*["“][^"“”]+[,.!?]?["”],?\s+(?:said|says|told|added|wrote|according to)\b/;
const JOKING = /(?:[:;]-?\)|\blol\b|\bhaha\w*|\bjk\b)\W*$/i;
const YOU_OR_YOUR = /\b(?:you|your)\b/i;
/** A company's handle ("@AmazonHelp"): the sentence is written to its account. */
const HANDLE = /(?:^|[\s(])\.?@\w/;
/** The reader named: "you", "your", or a company's handle ("@AmazonHelp"). */
const THE_READER = /\b(?:you|your|u|ur|y'all)\b|(?:^|[\s(])\.?@\w/i;
const OWN_NEGATION = /\b(?:not|n't|won't|no)\b/i;

/**
 * A feeling about something no supplier made: the roads, the weather, a game, markets, the writer's own people. Read near
 * the feeling only, and not in a message to a company's account, where the trains or the flight are the company's.
 */
const UNRELATED_TOPIC =
  /\b(?:traffic|roads?|motorway|M\d{1,2}|commute|trains|the tube|subway|weather|snow|rain|storms?|forecast|elections?|referendum|share price|stock price|exchange rate|(?:stock )?markets|the (?:game|match|result of the (?:game|match|vote))|our own (?:team|staff|people|finance|legal|it|board|side|department|colleagues|management))\b/i;
/** Regret at missing something of the reader's ("disappointed to miss your talk") is a compliment, not a complaint. */
const SORRY_TO_MISS = /\b(?:disappointed|sad|sorry|gutted|upset) (?:to|that (?:I|we)(?:'ll| will)?) (?:have )?(?:miss|missed|not (?:be able to )?(?:make|attend|see|join|come)|be unable)\b/i;

function aimedAtUs(sentence: string, match: RegExpExecArray): boolean {
  if (ANOTHER_PLACE.test(sentence)) return false;
  const word = FEELING.exec(match[0]);
  const at = match.index + (word ? word.index : 0);
  const length = word ? word[0].length : match[0].length;
  if (!HANDLE.test(sentence) && UNRELATED_TOPIC.test(sentence.slice(Math.max(0, at - 40), at + length + 40))) return false;
  if (!word) return true;
  if (SORRY_TO_MISS.test(sentence)) return false;
  // Someone else's feeling ("I'm sorry that you are upset"), one about the writer's own handling ("not happy
  // with how I handled the labels"), or an adjective for a thing ("frustrating glitches", "the frustrating
  // thing is") is no complaint about us.
  if (OTHERS_FEELING.test(sentence.slice(Math.max(0, at - 30), at))) return false;
  if (OWN_HANDLING_OR_THING.test(sentence.slice(at))) return false;
  if (OTHERS_FEELING_AFTER.test(sentence.slice(at + word[0].length))) return false;
  const after = sentence.slice(match.index);
  if (AIMED_ELSEWHERE.test(after.slice(0, 60))) return false;
  // "frustration" as a noun needs an owner: "my/our frustration".
  if (FRUSTRATION.test(word[0]) && !OWNED_FRUSTRATION.test(sentence)) return false;
  // Written to a company's account, the writer's own feeling is about the one addressed, whatever it is said to be with
  // ("@Lenovo I'm fed up with Lenovo!", "So frustrated dealing with this mould ... from @Chrysler"); a third party or
  // the writer's own doing was ruled out above.
  if (HANDLE.test(sentence) && WRITERS_STATE.test(sentence.slice(Math.max(0, at - 30), at))) return true;
  // A feeling with an object is about that object: "concerned about the timeline" is about us, "very concerned about
  // the security of npm packages" or "upset that the discussion turns again" is not.
  const object = FEELING_OBJECT.exec(sentence.slice(at + word[0].length));
  if (object) return OURS_IN_OBJECT.test(object[1]!);
  // The target must stand near the feeling ("which tools you have to install ... a frustrating session" is not).
  if (AIMED_AT_US.test(sentence.slice(Math.max(0, at - 40), at + word[0].length + 40))) return true;
  // A feeling said on its own ("Pretty disappointed!", "Frustrated.", "Very disappointed customer") names no
  // target, so in mail to us it is about us; "frustrating" (a thing is) and a feeling with more after it do not.
  if (!BARE_REST.test(sentence.slice(at + word[0].length))) return false;
  if (BARE_VERDICT.test(word[0])) return VERDICT_OPENS.test(sentence.slice(0, at));
  return BARE_FEELING.test(word[0]) && WRITERS_STATE.test(sentence.slice(Math.max(0, at - 30), at));
}

/**
 * Our client's rules in the order they are tried: the finer signals first. Each word test and each pattern written as
 * a list of alternatives is read by first letter (text/first-letter-alternation.ts): the same matches, found sooner.
 */
const THEIR_ALL: readonly RiskRule[] = [...THEIR_SIGNALS, ...THEIR_COMPLAINTS, ...THEIR_DECLINE, ...THEIR_LET_DOWN, ...THEIR_RULES, ...THEIR_FAMILIES].map((rule) => ({
  ...rule,
  pattern: groupedByFirstLetter(rule.pattern),
  ...(rule.needs ? { needs: groupedByFirstLetter(rule.needs) } : {}),
}));

if (THEIR_FAMILIES.some((rule) => !rule.needs || rule.needs.flags !== 'i')) throw new Error('risks: every family rule needs a case-blind word test');

/**
 * A verdict in a hashtag ("#fail", "#UPSDeliveryFail", "#verydisappointed", "#poorcustomerservice", "#lostbusiness",
 * "#dontflyunited"): customers write to a company's account that way, and the words run together, so no stem finds them.
 */
const HASHTAG_VERDICT =
  /#(?:\w*fail\b|(?:very|so|extremely|really)?disappointed\b|\w*(?:unhappy|nothappy|notimpressed|unimpressed|unacceptable|embarrass)\w*|\w*(?:poor|bad|terrible|awful|horrible|worst|crap|shit)\w*(?:service|support|care|experience)\b|worst\w*|lost\w*bu\w*ness\b|dont(?:fly|buy|use|shop|bank|order)\w*|never(?:again|buying|flying|shopping)\w*|scam\b|rip-?off\b|shameonyou\b|\w*disgrac\w*|f[ru]+strated\b|angry\b|furious\b|fedup\b|boycott\w*|bad\b|smh\b)/i;

function hashtagVerdict(sentence: string): boolean {
  return sentence.includes('#') && HASHTAG_VERDICT.test(sentence) && !QUOTED.test(sentence) && !JOKING.test(sentence);
}

/**
 * A decline told across two sentences (rounds 13 and 14): the change first, the failure after it, opening with "now" ("I
 * updated to the recent SVN source. Now Mapnik crash at start.", "Before the latest updates, I used to be able to open
 * tif files with ij2. Now I am getting an error"). Each alone says less: "now" after anything else is not a decline.
 */
const NOW_FAILING =
  /^\W*(?:and |but |so )?now,? (?:\w+ ){0,4}?(?:crash\w*|fails?|failing|errors?|hangs?|freezes?|(?:(?:it|this|that|\w+) )?(?:won't|will not|doesn't|does not|can't|cannot|no longer|isn't|is not)\b|is broken|(?:am|is|are) getting (?:an? |the )?(?:error|exception|crash|segfault)\w*)/i;
const CHANGED_BEFORE = /\b(?:updat(?:e|ed|es|ing)|upgrad(?:e|ed|es|ing)|(?:new|newer|latest|recent|current) (?:\w+ )?(?:version|release|svn|snapshot|build|trunk|source)s?)\b/i;

/** A client's sentence no rule decided as a risk: a verdict in a hashtag, or a decline told across two sentences. */
function clientRiskBesidesRules(sentence: string, previous: string): RiskCandidate | undefined {
  if (hashtagVerdict(sentence)) return { kind: 'dissatisfaction', side: 'them', text: snippet(sentence) };
  if (NOW_FAILING.test(sentence) && CHANGED_BEFORE.test(previous) && !OWN_MAKING.test(previous)) return { kind: 'dissatisfaction', signal: 'quality', side: 'them', text: snippet(sentence) };
  return undefined;
}

/** `sentences`: splitSentences(visible), when the caller has it already (readBatch splits each body once for every family). */
export function findRisks(visible: string, side: Side, sentences: readonly string[] = splitSentences(visible)): RiskCandidate[] {
  const theirs = side === 'them';
  const out: RiskCandidate[] = [];
  // A message to a company's account names it once, often in a sentence of its own ("@Acme Account closed. What kind of
  // stupidity is going on"): the rules read only there (toAnAccount) hold for all its sentences.
  const toAnAccount = theirs && visible.includes('@') && HANDLE.test(visible);
  // No stem test of the whole text first: the engine has already split it for promises or requests (readBatch hands
  // the split over), and scanning each sentence once costs what one scan of the whole text would.
  let previous = '';
  for (const sentence of sentences) {
    const risk = theirs ? (theirRisk(sentence, toAnAccount) ?? clientRiskBesidesRules(sentence, previous)) : OUR_STEMS.test(sentence) ? firstRuleRisk(sentence, side, OUR_RULES, true, false, false) : undefined;
    if (risk) out.push(risk);
    previous = sentence;
  }
  return out;
}

/**
 * findRisks(visible, 'them', sentences) for each of many bodies, with the same answers, but the client's rules run rule
 * by rule over all the bodies' sentences rather than sentence by sentence. Each rule is a large compiled pattern; run
 * one after another on one sentence, some seventy of them push one another out of the processor's caches (readBatch
 * reads a batch family by family for the same reason). Over the inbound bodies of the mailbox bench's first 30,000
 * messages of real sentences, in batches as readBatch reads them: 603-633 against 714-790 ms (three runs each,
 * alternated). The first rule with a verdict decides a sentence, as in firstRuleRisk: a rule is run on a sentence only
 * while no earlier rule has decided it (corpus/prefilters.test.ts checks the answers against findRisks).
 */
export function findClientRisks(bodies: readonly { visible: string; sentences: readonly string[] }[]): RiskCandidate[][] {
  // Every sentence of every body, in order, and whether its body is written to an account (findRisks's toAnAccount).
  const sentences: string[] = [];
  const accounts: boolean[] = [];
  for (const body of bodies) {
    const toAnAccount = body.visible.includes('@') && HANDLE.test(body.visible);
    for (const sentence of body.sentences) {
      sentences.push(sentence);
      accounts.push(toAnAccount);
    }
  }
  // Each family's stems over every sentence in turn; then, in each sentence with a stem, the rules the word filter lets
  // through, listed by rule (theirRisk and firstRuleRisk's choice of rules).
  const olders: boolean[] = [];
  const complaints: boolean[] = [];
  for (const sentence of sentences) olders.push(THEIR_STEMS_GROUPED.test(sentence));
  for (const sentence of sentences) complaints.push(COMPLAINT_STEMS_GROUPED.test(sentence));
  const visits: number[][] = THEIR_ALL.map(() => []);
  for (let at = 0; at < sentences.length; at++) {
    const older = olders[at]!;
    const complaint = complaints[at]!;
    if (!older && !complaint) continue;
    THEIR_FILTER.scan(sentences[at]!);
    for (const rule of rulesLetThrough(THEIR_FILTER, THEIR_ALL.length, older, complaint)) visits[rule]!.push(at);
  }
  // Rule by rule, in their order: the first verdict (a risk, or null for "nothing in the sentence counts") decides a sentence.
  const verdicts: (RiskCandidate | null | undefined)[] = new Array<RiskCandidate | null | undefined>(sentences.length).fill(undefined);
  for (let rule = 0; rule < THEIR_ALL.length; rule++) {
    const theRule = THEIR_ALL[rule]!;
    for (const at of visits[rule]!) {
      if (verdicts[at] !== undefined) continue;
      verdicts[at] = ruleVerdict(theRule, sentences[at]!, 'them', olders[at]!, complaints[at]!, accounts[at]!);
    }
  }
  // Then each body's sentences in order, as findRisks reads them: the rules' risk, else the hashtag and two-sentence readings.
  const out: RiskCandidate[][] = [];
  let at = 0;
  for (const body of bodies) {
    const found: RiskCandidate[] = [];
    let previous = '';
    for (const sentence of body.sentences) {
      const risk = verdicts[at++] ?? clientRiskBesidesRules(sentence, previous);
      if (risk) found.push(risk);
      previous = sentence;
    }
    out.push(found);
  }
  return out;
}

/**
 * In a sentence with a stem, one pass over its words tells which of the client's rules cannot match it
 * (text/word-start-filter.ts): those are not run. Indexes: each rule's word test, then each rule's pattern; a rule
 * without a word test has one that cannot be told, so only its pattern counts. The stem lists themselves are not
 * filtered so: nine sentences in ten start a word the way some stem does, and most have none.
 */
const NO_WORD_TEST = /(?:)/;
const NEEDS_AT = 0;
/**
 * The patterns start at a multiple of 32 (the word tests padded with ones that cannot be told): rule i's word-test bit
 * and pattern bit then sit at the same place of their 32-bit words, and one AND of the two words gives the rules that
 * may match (their bits, read lowest first, in the rules' order).
 */
const PATTERN_AT = Math.ceil(THEIR_ALL.length / 32) * 32;
const THEIR_FILTER = new WordStartFilter([
  ...THEIR_ALL.map((rule) => rule.needs ?? NO_WORD_TEST),
  ...Array.from({ length: PATTERN_AT - THEIR_ALL.length }, () => NO_WORD_TEST),
  ...THEIR_ALL.map((rule) => rule.pattern),
]);

/**
 * The bits (as THEIR_FILTER's words number them) of the rules of each family: a sentence without a family's stems visits
 * none of its rules (ruleVerdict would turn each away at once; about half of the visits the filter let through).
 */
function familyBits(complaintWords: boolean): Int32Array {
  const bits = new Int32Array(PATTERN_AT >>> 5);
  THEIR_ALL.forEach((rule, i) => {
    if (Boolean(rule.complaintWords) === complaintWords) bits[i >>> 5]! |= 1 << (i & 31);
  });
  return bits;
}
const COMPLAINT_RULES = familyBits(true);
const OLDER_RULES = familyBits(false);

/** The client's risk in a sentence: each family of rules is tried only where its own stems are (most sentences have neither). */
function theirRisk(sentence: string, toAnAccount: boolean): RiskCandidate | undefined {
  const older = THEIR_STEMS_GROUPED.test(sentence);
  const complaint = COMPLAINT_STEMS_GROUPED.test(sentence);
  if (!older && !complaint) return undefined;
  THEIR_FILTER.scan(sentence);
  return firstRuleRisk(sentence, 'them', THEIR_ALL, older, complaint, toAnAccount, THEIR_FILTER);
}

/**
 * The first rule that reads a risk in the sentence (one signal per sentence), of the families whose stems it has;
 * `filter`, when given, has scanned the sentence for `rules` (THEIR_FILTER for THEIR_ALL): only the rules it lets
 * through, of the families whose stems the sentence has (COMPLAINT_RULES, OLDER_RULES), are visited, in their order (a
 * loop over all seventy-odd rules to skip most of them was a fifth of the client-risk time).
 */
function firstRuleRisk(sentence: string, side: Side, rules: readonly RiskRule[], older: boolean, complaint: boolean, toAnAccount: boolean, filter?: WordStartFilter): RiskCandidate | undefined {
  if (!filter) {
    for (const rule of rules) {
      const verdict = ruleVerdict(rule, sentence, side, older, complaint, toAnAccount);
      if (verdict !== undefined) return verdict ?? undefined;
    }
    return undefined;
  }
  for (const rule of rulesLetThrough(filter, rules.length, older, complaint)) {
    const verdict = ruleVerdict(rules[rule]!, sentence, side, older, complaint, toAnAccount);
    if (verdict !== undefined) return verdict ?? undefined;
  }
  return undefined;
}

/**
 * The indexes, in order, of the rules a sentence `filter` has just scanned may match: their word test and pattern let
 * through, of the families whose stems the sentence has (COMPLAINT_RULES, OLDER_RULES).
 */
function rulesLetThrough(filter: WordStartFilter, ruleCount: number, older: boolean, complaint: boolean): number[] {
  const through: number[] = [];
  for (let word = 0; word * 32 < ruleCount; word++) {
    const families = (complaint ? COMPLAINT_RULES[word]! : 0) | (older ? OLDER_RULES[word]! : 0);
    let bits = filter.foundWord((NEEDS_AT >>> 5) + word) & filter.foundWord((PATTERN_AT >>> 5) + word) & families;
    while (bits !== 0) {
      const lowest = bits & -bits;
      bits ^= lowest;
      through.push(word * 32 + 31 - Math.clz32(lowest));
    }
  }
  return through;
}

/** What one rule says of a sentence: its risk, null when nothing in the sentence counts (no later rule either), else undefined. */
function ruleVerdict(rule: RiskRule, sentence: string, side: Side, older: boolean, complaint: boolean, toAnAccount: boolean): RiskCandidate | null | undefined {
  const theirs = side === 'them';
  if (rule.complaintWords ? !complaint : !older) return undefined;
  if (rule.needs && !rule.needs.test(sentence)) return undefined;
  const match = rule.pattern.exec(sentence);
  // Most rules do not match: the checks below only ever skip a match, so they wait for one.
  if (!match) return undefined;
  // A footer, a notice for those it does not concern, or a joke: nothing in the sentence counts.
  if (theirs && (BOILERPLATE.test(sentence) || NOT_FOR_THEM.test(sentence) || JOKING.test(sentence) || QUOTED.test(sentence))) return null;
  // "not happy" / "won't renew" carry their own negation; other matches are cancelled by one.
  if (rule.kind === 'delay' && !rule.signal && APOLOGY_FOR_DELAY.test(sentence)) return undefined;
  // The writer's own work running late ("the updates are going to be delayed ... they work for me", "a lot of
  // this has been delayed") is their news, not a complaint about ours; "could X be delayed until" asks how.
  if (theirs && rule.kind === 'delay' && !rule.signal && !rule.owedToWriter && OWN_SIDE.test(sentence) && !YOU_OR_YOUR.test(sentence)) return undefined;
  if (theirs && rule.kind === 'delay' && !rule.signal && EVENT_MOVED.test(sentence)) return undefined;
  // A question that asks the reader something ("Could you say what you find poor about it?", "Should this be
  // escalated to the list?") is a request, not a complaint; a worry about a date asked as a question still is.
  if (theirs && !rule.signal && !rule.askingIsTheAct && ASKING.test(sentence)) return undefined;
  if (theirs && !rule.namesItsObject && !aimedAtUs(sentence, match)) return undefined;
  if (rule.aimedElsewhere?.test(sentence)) return undefined;
  if (rule.addressed && !THE_READER.test(sentence)) return undefined;
  if (rule.toAnAccount && !toAnAccount && !HANDLE.test(sentence)) return undefined;
  if (OWN_NEGATION.test(match[0]) || !negated(sentence, match.index)) {
    return rule.signal ? { kind: rule.kind, signal: rule.signal, side, text: snippet(sentence) } : { kind: rule.kind, side, text: snippet(sentence) };
  }
  return undefined;
}
