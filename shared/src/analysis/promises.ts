/**
 * Commitments we make in outbound mail ("I'll send the deck by Friday").
 *
 * A sentence is a promise when a first-person (or our-team, or named-colleague) subject commits to a
 * future action. Rules decided for the corpus (shared/corpus/promises.jsonl is labelled by these):
 * - Promise: "I'll / I will / I shall / we'll / we will / I'm going to / I am going to + action",
 *   "let me get back to you / check / look into", "will do", "(you can) expect it by", "you'll have it
 *   by", "I can have it ready by <date>" (only with a date: a firm commitment), "<Name> will send ...",
 *   "our team will ...", "I'll try to ..." (a soft commitment still owed), "I'll be in touch",
 *   "I'll let you know", "I'll keep you posted".
 * - Not a promise: offers ("if you'd like I can", "happy to ... if", "let me know if you want me to"),
 *   requests and questions, past tense, status ("I'll be out of office", "I will be traveling"),
 *   apologies, fulfilment ("as promised, attached"), hedges ("I might", "I may", "maybe", "probably",
 *   "hopefully"), pleasantries ("I'll keep my fingers crossed", "we'll see", "I'll be happy to help"),
 *   attendance ("I'll see you on Tuesday", "I'll join the call"), obligations or needs ("we'll need your
 *   signature", "I'll have to check"), negations ("we won't be able to"), conditional on the client's
 *   action ("if you send me the file, I'll review it") and future facts ("the meeting will be at 3pm").
 *   "You will receive an invoice" counts only when it says from us and when ("from me by Friday").
 * - Also not: habits and policies ("Occasionally I'll restart it", "We will always keep ..."),
 *   announcements of what this very message does ("I will explain below", "Here I will list ..."),
 *   pasted code, and explicit disclaimers ("I'll try, but no promises").
 * - Also a promise: the present for a planned act with a time still to come ("I'm sending it tonight",
 *   "Sending it over shortly"), idioms ("Consider it done", "Leave it with me", "On it").
 */
import type { PromiseCandidate } from '../model/facts';
import { defaultDueDate, resolveDueDate } from './due-dates';
import type { DueDateContext, ResolvedDue } from './due-dates';
import { LATER_MESSAGE, expositionReason } from './text/discussion-prose';
import { groupedAnywhereByFirstLetter } from './text/first-letter-alternation';
import { snippet } from './text/normalize';
import { splitSentences } from './text/sentences';

/** The frame a message's promises are read in: its send time and the user's zone and hours. */
export interface PromiseContext extends DueDateContext {
  /**
   * First names (lower case) of our own people on the message (sender, and colleagues at our domains in
   * to/cc): "Maria will send you the invoice copies" is our promise only when Maria is one of them.
   */
  colleagues?: readonly string[];
}

/** Verbs after "will" that are not actions someone can hold us to. */
const NON_ACTION =
  /^(?:need|needs|want|like|love|hope|miss|assume|guess|bet|admit|say|expect|wait|defer|misbehave|have fun|have (?:a|an|another|our|the) (?:[\w-]+ )?(?:meeting|drawing|party|lunch|dinner|break|holiday|vacation|chance|problem|issue|question|great time|good time|busy|drill|outage|maintenance|workshop|webinar|session|tutorial|keynote|course|class|seminar|conference|event|offsite|stand-?up|catch-?up|day off|public holiday)|meet (?:in|at|on)|make (?:it\b(?!\s+(?:explicit|clear|happen|work|right|official|available|easier|simpler|quick|up to you))|the (?:[\w:]+ ){0,3}(?:meeting|appointment|call|session|class|dinner|lunch|party))|be honest|be brief|keep (?:my|our) fingers crossed|keep (?:it|this) (?:short|brief)|keep (?:that|this|it) in mind|keep (?:[\w'’-]+ ){1,4}in mind|keep (?:my|our) (?:answers?|replies|reply|comments?|remarks) (?:short|brief)|wager|get there\b|bear (?:that|this|it) in mind|keep (?:my|our) eyes (?:open|peeled)|leave (?:it|you|that)|see you|see how|see what happens|meet you|talk (?:to you )?soon|catch you|take (?:that|this) as|enjoy|remember|never forget|have to|need to|also need|probably|possibly|maybe|perhaps|hopefully|likely|definitely be|be (?:happy|glad|pleased|delighted|thrilled|excited|interested|grateful|sure)|join|attend|be there|be joining|be attending|be on the call|dial in|call in|cost|depend|think about it|think it over|consider it|sleep on it|think about|think\b(?!\s+(?:of|up)\b)|(?:start |begin )?(?:cogitat|ponder|mull|ruminat)[a-z]*\b|reflect (?:on|upon)\b|(?:follow|trudge|tag) along\b|discuss\b(?![^.;]*\b(?:keep (?:you|u)|let (?:you|u) know|get back|report back|fix|send|share)\b)|talk (?:to you|with you|about|more|it)|chat\b|visit with|meet (?:with )?you|meet up|get together|use\b|stick (?:with|to)\b|lurk\b|rely\b|subscribe\b|able to\b|put (?:my|our) money where\b|finish reading\b|go with|switch to|lose|gain|suffer|refrain|acknowledge|read (?:your|the|this|my) (?:message|e-?mail|mail|note|reply)|keep (?:it|this|that|them)\b[^.]{0,20}\bfor (?:future )?reference|keep (?:on )?(?!(?:some|any|every|no)thing\b)[a-z]+ing\b(?!\s+(?:you|u|him|her|them|us)\b|(?:\s+[\w-]+){0,2}\s+(?:updates?|posted|informed|apprised)\b)|keep at (?:it|this|that)\b|fly|travel|head (?:out|back|home|to)|leave (?:for|on|at)|arrive|return (?:home|to the office|from)\b|save (?:it|this|that|the [\w ]{1,40}?) for (?:later|a later)|give you(?=\s*(?:[-—,]|$))|stop by|drop by|swing by|come by|pop (?:in|by)|(?:plan|aim|want) to (?:join|attend|be|come|stop|make it)|appreciate|know (?:better|more)|give (?:it|this|that) (?:some )?(?:more |additional |further |serious )?thought|give you (?:that|this)\b|ignore|imagine|have (?:\w+ )?(?:calls?|meetings?|conversations?)\b|(?:talk|speak|chat|check in|consult) (?:to|with) (?!you\b)\w+|take about|believe|stop\b|skip\b|move on\b|vote\b|meet\b|resurface|look forward|catch (?:him|her|them|you|up)\b|take (?:you|him|her|them)(?:\/\w+)? up on|get (?:to|into) (?:the |my |our )?(?:office|airport|hotel|station|work(?!\s+on\b)|town|city)\b|get (?:in|home) (?:at|around|by|on|late|early)\b|check(?:ing)?[- ]in(?:to)? (?:at |to )?(?:the |a |my |our )?hotel|have (?:to )?wait|drop support|give (?:a|the|our|my) (?:presentation|talk|lecture|keynote|speech)\b|make do\b|(?:go and )?target\b|program (?:my|our) own|do (?:this|it|that|so) (?:in|with) (?!the (?:morning|afternoon|evening|next|coming)\b|(?:a|an|the) (?:few|couple|bit|moment|minute|second|hour|day|week)\b)[A-Za-z]\w*|agree\b|welcome\b|know\b|read\b|do as if|pretend|hold (?:a|an|the|our)? ?(?:[\w-]+ ){0,3}(?:meeting|call|session|workshop|review)\b|consider\b|think (?:over|through|it through)|prefer|desist|fail\b|carry on|treat (?:it|this|that|them) as|(?:try to )?(?:help|coach|guide|assist)(?: you| out)?(?=\s*(?:$|[,.;!]|but\b|if\b|where\b|best\b|from here|as (?:best|much|well)))|let (?:others|someone else|somebody else|the others)\b|do (?:my|our) (?:own )?work\b|continue (?:with|using|to use)\b|keep (?:only|just)\b|keep an eye (?:open|out|on)\b|(?:dig in|take some time)\b[^.]{0,20}\bto (?:understand|learn|digest|figure)|learn\b|digest\b|study\b|become\b|opt (?:for|to)\b|do (?:it|this|that) (?:that|this|the same|your|his|her|their|the \w+) way\b(?![^.;]*\b(?:by|on|tomorrow|today|tonight|next)\b)|present (?:a|an|the|our|some) (?:brief |short |quick )?(?:overview|talk|tutorial|review|paper|poster|introduction)|continue\b(?!\s+to\s+(?:(?:send|provide|share|forward|give)\s+(?:you\s+)?(?:[\w-]+\s+){0,2}(?:updates?|readouts?|reports?)\b|keep (?:you|u)\b|(?:update|inform|brief) (?:you|u)\b))|ask (?:(?:more|some|a few|another|other|further|specific|general|a|the)\s+)*(?:[\w-]+\s+)?(?:questions?|Qs)\b|ask about (?:this|that|it)\b[^.]{0,20}\b(?:another|separate|new|second|later) (?:mail|e-?mail|message|thread|post)|start (?:a|another) (?:new |second |separate )?thread\b|put (?:it |this |that )?in (?:a|another) (?:new |second |separate )?thread\b|maintain\b|(?:begin|start) teaching\b|watch (?:your|the|his|her|their|these|those) (?:videos?|talks?|webinars?|recordings?|screencasts?)|(?:improve|expand|deepen|broaden) (?:my|our) (?:knowledge|skills|understanding)|buy (?:that|this)(?=\s*[.!]?$)|keep (?:you|them|him|her) in (?:my|our) (?:thoughts|prayers)|take (?:your|his|her|their) word for it|cross that bridge|make (?:you|him|her|them|us) (?:all )?proud\b|end up\b|(?:bring|pass on|convey|send|give) (?:your|his|her|their|our|my) (?:best |warm |warmest |kind |kindest )?(?:wishes|regards|greetings|congratulations|condolences)\b|(?:grab|find) you (?:for|in|at|later|to (?:discuss|talk|chat))\b|(?:be )?(?:(?:intermittently|periodically|regularly|occasionally|frequently|often|still|also)\s+)?check(?:ing)?\s+(?:(?:in on|on)\s+)?(?:my |our |the )?(?:e-?mails?|messages?|black-?berry|bb|voice-?mails?|inbox)\b|stand(?:ing)? ?by\b|(?:go|work) through the (?:tutorial|book|course|vignette|manual|docs|documentation)\b(?![^.]{0,40}\b(?:for you|with you)\b))\b/i;

/** Action verbs that, after "I'll be", still describe a delivery ("I'll be sending it tomorrow"). */
const BE_ACTION =
  /^be\s+(?:sending|sharing|submitting|delivering|shipping|issuing|releasing|following up|reaching out|in touch|getting back|calling|circulating|updating|preparing|finali[sz]ing|drafting|reviewing (?:it |them |this |that |these |those )?and|uploading|forwarding|scheduling|booking|organi[sz]ing|setting up|returning|contacting|writing|dropping|mailing|posting|bringing|couriering|faxing|emailing|calling you|checking|looking into|putting together|compiling|arranging|coordinating|providing|distributing|turning (?:in|over)?|handing (?:in|over)?|opening|launching|rolling out|making (?:it |this |that )?available|publishing|adding|fixing|releasing)\b/i;

const SUBJECT_MODAL =
  /\b(I|[Ww]e|[Oo]ur (?:\w+ )?(?:team|engineers?|developers?|designers?|lawyers?|legal team|support team|department|office|accountants?|finance team)|[Mm]y (?:colleague|team|assistant|manager|associate|partner)(?:,? (?:(?:Dr|Mr|Ms|Mrs)\.? )?[A-Z][a-z]+(?: [A-Z][a-z]+)?,?)?|(?:[A-Z][a-z]+)(?: (?:from|on|in|at) (?:our|my) (?:team|side|office|end|company|firm))?)\s*(?:'ll|’ll| will| shall|'m going to|’m going to| am going to|'re going to|’re going to| are going to|'m gonna| is going to|'s going to|’s going to)\s+(?!(?:not|never|no longer|NOT|Not|NEVER|Never)\b)(.*)$/;

/** Capitalised words that are not names of colleagues when followed by "will". */
const NOT_A_NAME =
  /^(?:It|This|That|There|These|Those|Which|Who|What|He|She|They|You|Your|Their|His|Her|Everything|Nothing|Someone|Somebody|Anyone|Anybody|Nobody|Everyone|Everybody|The|A|An|Next|Today|Tomorrow|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Time|Weather|Price|Payment|Delivery|Shipping|Invoice|Meeting|Call|Report|Team|Project|Launch|Update|Version|Release|System|Office|Offer|Deadline|Contract|Answer|Result|Results|Support|Billing|Traffic|If|When|Once|As|So|And|But|Or|Hopefully|Maybe|Perhaps|Surely|Please|Thanks|Sure|Yes|No|Ok|Okay|Great|Also|Then|Otherwise|Unfortunately|Of|Do|Does|Did|Can|Could|Would|Should|Might|May|Must|Where|Why|How|Whether)$/;

const OFFER =
  /\b(?:if (?:you(?:'d| would)? (?:like|prefer|want|wish|need|think|are interested|'re interested|agree|are ok|'re ok|are happy)|it (?:helps|would help|is helpful|'s helpful|is useful|works for you)|that (?:helps|would help|works|is helpful)|needed|necessary|required|useful|helpful|desired|so|that's the case|interested|preferred|wanted|you'd rather)|should you (?:need|want|wish|require|prefer|have)|happy to|glad to|pleased to|would be (?:happy|glad|pleased)|let me know if you(?:'d)? (?:want|would like|like|need|prefer)|just let me know and|let me know (?:and|whether) i|feel free|do you want me to|would you like (?:me|us) to|shall i|should i|in case you (?:need|want)|if there(?:'s| is) (?:anything|interest)|i can also|we can also|whenever you(?:'re| are) ready|(?:in )?any way (?:i|we) can|(?:all|everything) (?:i|we) can(?=\s*(?:[.!]|$|to (?:help|support|assist)\b))|do whatever you (?:need|want|decide|wish))\b/i;

/** "I would / I'd" make an offer only before the commitment, not in a relative clause after it. */
const WOULD = /\b(?:i could|we could|i would|we would|i'd|we'd)\b/i;

/** A condition on what the client does ("if you send me the file, I'll ...", "once you confirm, we'll ..."). */
const THEIR_CONDITION =
  /\bwith your (?:approval|ok|okay|go-ahead|blessing|permission|sign-?off|agreement)\b|\b(?:if|once|when|as soon as|after|whenever|provided(?: that)?|assuming)\s+(?:you|your|they|the client|(?:I|we) (?:receive|hear|get (?:(?:some|any|a|an|the|your|their|more) )?(?:repl(?:y|ies)|answers?|responses?|feedback|reports?|list|files?|data|confirmation|word|news|approval|go-ahead))|we agree)\b(?!\s+(?:don't|do not|haven't|have not)\b)|\b(?:once|when|after|as soon as)\s+(?:all\s+)?(?:the\s+|your\s+|their\s+)?(?:\w+\s+){0,3}(?:is|are|has been|have been)\s+(?:received|signed|returned|approved|submitted)\b/i;

/**
 * Waiting to be handed the thing itself: "Will send as soon as I get it", "When I get the copies I'll provide a
 * list". Not our own progress ("as soon as I get it working", "once I get the draft done") or an occasion
 * ("when I get a chance", "when I get back").
 */
const WAITS_FOR_IT =
  /\b(?:once|when|as soon as|after)\s+(?:I|we)\s+(?:get|receive)\s*(?=[.!]?$)|\b(?:once|when|as soon as|after)\s+(?:I|we)\s+(?:get|receive)\s+(?:it|them|those|these|(?:the\s+)?(?:copies|copy|memo|readout|draft|documents?|papers?|notes|numbers|details|text|info(?:rmation)?|materials?|results?))\b(?!\s+(?:done|working|fixed|finished|ready|sorted|right|running|out|back|together|up|in|to|sent|off|written|drafted)\b)/i;

/**
 * The writer's whereabouts and appointments told in passing, not acts owed to the reader: going, staying or coming
 * back somewhere ("I will go on to Cairo", "I will stay in NY May 10-13 and come back on the 14th"), taking part in
 * a call, meeting or visit ("Will do monthly SVTC with Baghdad", "We'll do Kristy for Tuesday"), speaking at an
 * event ("deliver an address"), celebrating. Place names need their capital, so the pattern is case-sensitive.
 */
const WHEREABOUTS =
  /^(?:go|come|stay|remain|fly|travel|head|drive|be)(?:\s+(?:on|over|down|up|out|home|straight))?\s+(?:to|in|at|into|through|from)\s+(?:the\s+)?[A-Z]|^(?:come|fly|head|drive) back(?=\s*(?:$|[.,;!]|(?:on|during|in|at|from|after|before)\s+(?!(?:this|that|it|them|these|those|your|the (?:question|issue|point|topic)s?)\b)|(?:home|here|there|tomorrow|today|tonight|next|early|\d)\b))|^stay (?:overnight|the night|over|behind|late|until|through|till)\b|^do\s+[A-Z][a-z]+\s+(?:for|on|now|first|next|after|before)\b|^(?:celebrate|have you back)\b/;
const APPOINTMENT =
  /^(?:do|hold|host|attend|chair)\s+(?:(?:the|a|an|our|my|this|that|(?:bi-?)?monthly|weekly|daily|regular|usual|another|secure|quick|short)\s+)*(?:[\w-]+\s+)?(?:svtc|vtc|video ?conference|calls?|meetings?|mtgs?|lunch|dinner|breakfast|interviews?|presser|press conference|shows?|events?|reception|trip|visits?|stops?|sessions?|photo ?op|bilat(?:eral)?|pull-?aside)\b|^(?:deliver|make|give) (?:a|an|the|my|our) (?:[\w-]+ )?(?:address|speech|remarks|keynote|lecture|toast)\b|^(?:take|catch) (?:(?:the|a|an) )?(?:[\w:-]+ ){0,2}(?:shuttle|flight|train|plane|bus|cab|taxi|ferry|red-?eye)\b|^spend (?:[\w-]+ ){1,3}(?:hours?|days?|nights?|weeks?) (?:on the ground|in|at|with)\b|^(?:have (?:some )?time|regret)\b(?!\s+to\b)/i;
/**
 * Consulting or keeping in contact with a third party is talking, not an act owed ("Will stay in touch with Sergey",
 * "Will run the list by him", "We will reach out to USAID for further ideas"); with "and get back to you" it is.
 */
const CONSULTING =
  /^(?:stay|keep|be) in (?:close )?(?:touch|contact) with (?!you\b)|^run (?:it|this|that|them|these|those|the [\w-]+(?: [\w-]+)?) (?:past|by) (?!you\b)\w+|^reach out to (?!you\b)[\w\s/-]{1,40}? for (?:further |more |additional |their |his |her |some )?(?:ideas|input|views|thoughts|advice|suggestions|guidance)\b/i;
/** A conditional on an event out of our hands: "When he does that I will let you know", "Will do when it happens", "we will fix it when it breaks". */
const EVENT_CONDITION =
  /\b(?:when|once|after|until)\s+(?:he|she|they|it|that|this|there|(?:the|his|her|their)\s+[\w-]+)\s+(?:(?:is|are|was|gets?|has been|have been)\s+(?!(?:ready|done|finished|complete|completed|sent|out|back|working|fixed|up)\b)[\w-]+(?:ed|en)\b|does|do|did|happens?|occurs?|comes? (?:in|through|out)|arrives?|decides?|responds?|repl(?:y|ies)|calls?|confirms?|agrees?|signs?|approves?|breaks?|fails?|crashes?)\b/i;
/**
 * A report that waits on what others hand us or do: "We will let you know once we have call windows", "Will email you as
 * soon as he has his berry". Not the writer's own work told as done ("I'll let you know when it's fixed"), nor the
 * reader's turn ("when you can apply", which is a date of theirs), nor hearing back: the authored corpus holds "I'll let
 * you know as soon as I hear from the carrier" as a commitment to inform.
 */
const REPORT_WHEN =
  /\b(?:let (?:you|u) know|advise|e-?mail you|update (?:you|u)|tell you|inform you|report back)\b[^.;!?]{0,30}?\b(?:when|once|as soon as)\s+(?:(?:I|we)\s+(?:speak|talk|have|get|receive)\b|(?:he|she|they|(?:the|his|her|their)\s+[\w-]+)\s+(?!(?:is|are|'s)\s+(?:ready|done|finished|complete|fixed|up|sent|out)\b)[\w']+)/i;
/**
 * Our promise told as made to someone else: "Also promised NZ authorities that we will provide ...", and what we tell
 * others we will do: "Now I tell both programs that I'm going to turn off the machine" (not "I told you I'd ...").
 */
const PROMISED_THEM = /\b(?:promised|assured|pledged to|committed to|tell|tells|told|informed|reminded)\s+(?!you\b|me\b|us\b|(?:I|we)\b)(?:[\w.-]+\s+){1,6}?(?:(?:\d+|two|three|several|many) times\s+)?(?:that\s+)?$/i;

const HEDGE =
  /\b(?:might|may|maybe|perhaps|possibly|probably|hopefully|likely|unlikely|if possible|if i can|if we can|when (?:i|we) can|if time permits|time permitting|if all goes (?:well|to plan)|fingers crossed|no promises|can't promise|cannot promise|chances are|not sure|unsure|no idea|(?:it )?(?:looks|seems|sounds) like|(?:doesn't|does not|didn't|did not) (?:look|seem|sound) like|it appears|(?:i|we) (?:don't|do not|didn't) (?:think|believe|expect|know)|(?:i|we) (?:(?:still|really|truly|do|just|strongly|firmly|genuinely|honestly|also|sincerely)\s+)?(?:hope|wish|think|believe|guess|suppose|assume|expect|trust|doubt|imagine|reckon|know|understand|reali[sz]e|fear|suspect|bet|worry)(?: that)?|my (?:gut|sense|guess|hunch|feeling|bet) is|one day|some ?day|in the long run|(?:\d+ ?%|percent|good|fair|slim) chance|where (?:i|we) can|(?:^|[,(-]\s*)think (?:i|we)(?:'ll| will)|if i (?:can|get (?:a chance|time))|(?:as|when) time permits?|(?:when|once|as soon as|whenever) (?:i|we) (?:will )?(?:find|have|get) (?:the |some )?(?:time|chance|moment)|(?:look|looking) for (?:the |some )?time\b|(?:^|[\s,])hope (?:i|we)(?:'ll| will)|(?:it is|it's|is) (?:\w+ )?possible that|(?:i'm|i am|we're|we are) thinking)\b/i;

/** A time that never comes due: "at some point I'll clean it up", "one of these days I'll integrate his changes". */
const VAGUE_TIME = /\b(?:one of these days|one (?:fine|glorious|happy|good) day|at some point|sooner or later|some time in the future|almost certainly|eventually)\b/i;
/** A forecast of one's own: "I'm sure I'll figure it out", "I am confident I'll drop quite a few". */
/**
 * "In the near future" dates a plan for one's own work only vaguely ("I'll try to integrate it in the near future"), but
 * work for the reader so timed is still owed ("I'll get back to you in the near future").
 */
const NEAR_FUTURE = /\bin the ["“]?(?:near|not[- ](?:so|too)[- ]distant|foreseeable)["”]? future\b/i;
const SURE_OF_IT = /\b(?:i'm|i’m|i am|we're|we’re|we are) (?:(?:pretty|quite|fairly|very) )?(?:sure|confident|certain|optimistic|hopeful)(?: that)?\s*$/i;

/**
 * Verbs that announce what the rest of this very message does ("I will explain below", "I'll repeat
 * my findings here"): nothing is owed later unless a date says otherwise.
 */
const PERFORMATIVE =
  /^(?:explain|describe|illustrate|outline|summari[sz]e|suggest|show|recap|elaborate|clarify|repeat|mention|point out|second|hijack|add (?:that|my)|give (?:you )?(?:my|the|a) (?:two cents|blunt|short|quick|brief)|display|paraphrase|quote|start (?:by|with)|begin (?:by|with)|stop here|answer (?:your|this|that|the)|go through (?:it|them|this) (?:below|here)|attach|cover|teach|throw in|venture|focus on|precise|give (?:you )?(?:a|one|some) (?:hint|tip|clue)|offer (?:\d|a few|some|two|three)|stick my neck out|touch (?:upon|on)|emphasi[sz]e|explore|demonstrate|take a (?:stab|shot|crack)\b|note\b|chop|conclude|smooth out|pipe in|chime in|weigh in|answer (?:a couple of|some of|your|both|each)|(?:try (?:my|our) best to )?help you (?:from here|with that|with this)\b|cc\b|copy (?:in )?\w+ (?:here|on this)|simply add|add some (?:information|context|details|thoughts|comments)(?: \([^)]*\))? (?:about|on|here|below)|tag (?:my|these) comments|correct myself|spare you|reference (?:some|a few|the following)|push you in|(?:sort of )?reply to (?:many|several|all|both) (?:messages|of you)|cut (?:his|her|their|your|the) post|answer\s*[.!]?$|(?:provide|give|add|put|post|include|list|share|write) (?:[\w-]+ ){0,3}(?:here|below)\b(?! (?:by|on|tomorrow))|make (?:a couple of|a few|some) (?:general )?(?:suggestions|comments|remarks|points)|make up (?:some )?numbers|steam on|(?:only )?(?:highlight|sketch) (?:a few|some|the (?:main|most important|key)|the most|two|three)\b|lay out (?:a|the|my|an)\b|introduce (?:very )?(?:shortly|briefly)\b|(?:simply )?resubmit (?:the|my|this) (?:message|mail|e-?mail|post)|call (?:it |them |this )?here\b)/i;

/** The client has to act first: "Send me your number and I'll call you", "Let me know what you think and I will ...". */
const THEIR_TURN_FIRST =
  /(?:^|[,;:]\s*|\b(?:just|simply|you can|otherwise|then)\s+)(?:please,?\s+)?(?:visit|send|give(?! me (?:until|till|a (?:day|week|couple|few)|some time|\d+ (?:days?|hours?)|the (?:weekend|week)))|call|email|e-mail|forward|tell|ring|ping|get|drop|let me know|let us know|reply|sign|confirm|contact|consider\s+\w+ing)\b(?:[^.;]|\.(?=\S))*?\band\s+(?:then\s+)?(?:I|we)\b/i;

/** A report on whether something worked, put as "if": "let you know if it works", "report back if the patch helps". */
const REPORTS_WHETHER =
  /(\b(?:let (?:you|u|him|her|them|everyone|the list)(?: all| guys)? know|report (?:back )?|tell you)\b[^.;]{0,20}?\b)if (?=(?:it|this|that|they|these|those|the (?:patch|fix|change|driver|update|new \w+)) (?:works?|worked|helps?|helped|fix(?:es|ed)?|solves?|solved|does|did|makes? a difference|changes? anything)\b)/i;

/** Hypothetical occasions on our side: "When I'm in need of advice, I will give you a call". */
const OUR_HYPOTHETICAL = /\b(?:when|whenever|if)\s+(?:someone|somebody|anyone|anybody|people|users?|a user|others)\b|\b(?:when|whenever)\s+(?:i|we)(?:'m| am|'re| are)?\s+(?:in need|need|want|have (?:time|a (?:moment|minute|chance))|get (?:a chance|around|time)|next|have to)\b|^\s*(?:when|once)\s+(?:that(?:'s|’s)|(?:it|this|that|they|there)\s+(?:is|are|does|has|gets|becomes))\b/i;

/** Verbs of a stance taken, not an act: pushing for, pursuing, advocating, buying a thing for oneself. */
const STANCE = /^(?:(?:definit?ly|certainly|really|surely)\s+)?(?:pursue|push (?:hard )?for|advocate|lobby for|argue for|buy (?:this|that|it|one|them)\b)/i;

/**
 * A stance, a readiness or carrying on with a course, not an act owed: "I will prefer the second variant", "I will appreciate
 * your help" (as list writers spell them), "I'm going to defer to your judgement", "We'll push ahead with gotoblas2", "We're
 * going to go forward with the doubling of ...", "I'll get geared up!", "We'll just get through this day", "I'll look back on it".
 */
const NO_ACT_STANCE = /^(?:(?:definit?ly|certainly|really|surely|fully|full|greatly|just|probably|also|at least)\s+)?(?:prefer\w*|appreci\w*|defer to\b|(?:push|press|forge|move|go) (?:ahead|forward|on)(?: with\b(?! \w+ing\b)|\s*[.!]|\s*$)|(?:go )?forward with\b(?! \w+ing\b)|get (?:geared up|ready|psyched)\b|get through (?:this|the|today's|the rest of the) (?:day|storm|crisis|mess|chaos)\b|look back (?:on|at)\b|lurk\b)/i;

/**
 * Work kept in one's own things, nothing handed over: "I took some screenshots and will incorporate into my talk", "I'm going to
 * write some articles on my blog", "I'll certainly add it to my to do list" (not "I'll post detailed notes on my blog").
 */
const INTO_MY_OWN = /\b(?:in|into|on|to|for) my (?:own )?(?:talk|slides|presentation|poster|lecture|blog|to-?do(?: list)?|todo(?: list)?|to do list|wish ?list|notes)\b/i;

/** Following something without acting: "Will track both options until we hear either way" (not "Will track down."). */
const JUST_FOLLOWING = /^(?:track|monitor)\b(?!\s+(?:(?:it|this|that|them|the \w+|him|her)\s+)?down\b)/i;

/**
 * A forecast or someone else's belief before the commitment, not an act chosen: "I can see I am going to sort this out", "As is
 * well known, we will forget everything", "You seem to be under the impression that ... and that we'll take the green [OK]", "Don't
 * ask me at which number of copies I'll start pushing the button".
 */
const FORECAST_BEFORE = /\b(?:I|we) can (?:see|tell)(?: that)?\s*$|\bat this rate,?\s*$|\bas (?:is|was) (?:well[- ]known|known|obvious)\b[^,;]{0,20},?\s*$|\bas (?:we|everyone|everybody) (?:all )?knows?,?\s*$|\bunder the impression\b|\b(?:ask|asked|know|wonder|sure|idea|tell)(?: me| us)?\s+(?:at|in|on|by|for|from|with|after) which\s+(?:[\w-]+\s+){0,4}$/i;

/** Exposition of an argument in the future tense: "We will now examine the consequences of this hypothesis", "we'll find out that ...", "I will in fact need that". */
const ARGUMENT_FUTURE = /^(?:(?:now|then|first|next)\s+)?examine (?:the )?(?:consequences|implications|hypothes[ie]s|case)\b|^find out that\b|^in fact\b/i;

/** Naming something in an argument: "I will call this set a set of computable functions", "I will call each of these a type of u". */
const NAMING = /^call (?:each of (?:these|them|those)|this|these|those|such)\b(?!\s+(?:one|number|guy|person|office|team|afternoon|morning|evening|week)\b)[^.;,]{0,40}\s(?:an?|the)\s/i;

/** A formula worked in the sentence: "in some formal sense I will get G(k) = G(k) + 1", "we will have many DC = N + DCE". */
const FORMULA_RESULT = /^(?:(?:just|then|also)\s+)?(?:get|have|obtain|add)\b/i;
const EQUATION = /[\w)]\s?=\s?[\w(]/;

/** Sent to whoever asks, an offer to the many: "I will send it to any people in the list who ask me for". */
const TO_WHOEVER_ASKS = /\b(?:anyone|anybody|any(?: \w+)? (?:people|one)|whoever|everyone|those)\b[^.;]{0,40}\bwho (?:asks?|requests?)\b/i;

/** Being away or offline, however softened: "will basically be offline for a week". */
const SOFTENED_BE = /^(?:basically|mostly|largely|essentially|pretty much|practically)\s+(?=be\b)/i;

/** Welcome on a call, as "I'll see you Tuesday": "We'll look for you guys on Skype tomorrow morning". */
const ATTENDANCE = /^look for (?:you|y'all|everyone|everybody)(?: all| guys| folks)? (?:on|in|at)\b/i;

/** The same with "that" after a thing: "the rendering that I'm going to replace with Cheetah", "something prototyped that I will expand on". */
const RELATIVE_THAT = /\b(?:something|anything|everything|(?:the|a|an|some|this|these|those) [\w-]+(?: [\w-]+)?) that\s*$/i;

/** Words that hand something to the reader, which keeps a commitment about one's own work owed. */
const HANDS_OVER = /\b(?:you|your|send|share|post|report|let)\b/i;

/** A relative pronoun just before the commitment: "some ideas of my own, which I will investigate", "from which we will ...". */
const RELATIVE_WHICH = /\b(?:(?:from|on|in|to|with|about|for|of|by|through) )?which\s*$/i;

/** A release to come, with a word between: "the next minor version", "the upcoming bug-fix release". */
const NEXT_RELEASE = /\b(?:next|upcoming|coming|following|new) [\w-]+ (?:version|release|update|build)\b/i;

/** Work handed to a project in a relative clause: "which I'll file a bug for", "which I'll put up for review", "which I will document". */
const RELATIVE_HAND_OVER = /\b(?:file|open|create|raise|submit)\b[^.;]{0,20}\b(?:bug|ticket|issue|pr|pull request)s?\b|\bup for review\b|\bdocument\b/i;
/** A near time that dates a relative clause's work: "which I'll do shortly", "which I will clean up over the next few days". */
const RELATIVE_TIME = /\b(?:shortly|right away|straight away|(?:in|over|during|within) the (?:next|coming) (?:few |couple of )?(?:days|weeks))\b/i;

/** Somewhere other than this message, or a time after it: "comment more on the ticket", "... and put it on the wiki", "the week after". */
const ELSEWHERE_OR_LATER = /\b(?:on|in|to) the (?:ticket|tracker|wiki|issue|pr|pull request|bug|list|forum|mailing list|blog)\b|\b(?:weeks?|days?|months?|after|before|when|once)\b/i;

/** A best effort, "try to" or "do our best to", before what follows (EFFORT_TOWARD_STATE). */
const BEST_EFFORT = /^(?:try|aim|attempt|endeavou?r|do (?:my|our) (?:very )?best)\s+(?:to|and)\s+/i;
/**
 * A state or a line of conduct aimed at, not an act someone can be held to: "keep the down times as short as possible",
 * "ensure backwards compatibility", "make this project successful", "get it right", "do my part" (not "do my part of the
 * review", "make it work").
 */
const EFFORT_TOWARD_STATE =
  /^(?:keep|maintain|ensure|avoid|get (?:it|this|that|things) right|do (?:my|our) part\b(?!\s+(?:of|in|on|for)\b)|make (?:this|the|it|our|my) (?:[\w-]+ )?(?:a )?success(?:ful)?)\b/i;

/** A sum of money, and the "whoever does it" that makes it a bounty (MONEY is the cheap test, first). */
const MONEY = /[$€£]\s?\d|\b\d+\s?(?:dollars|euros?|bucks|usd|eur|gbp|pounds)\b|\bbounty\b/i;
const TO_WHOEVER = /\b(?:to|for) (?:whoever|whomever|anyone|anybody|someone|somebody)\b|\bfor (?:any )?help (?:with|on)\b|\bbounty\b/i;

/** A scenario opened before the commitment: "suppose", "imagine", "let's say". */
const SCENARIO = /(?:^|[,;:(]\s*|\b(?:now|so|and|but|then|ok|okay|just)\s*,?\s+)(?:suppose|imagine|let(?:'s|’s| us) (?:say|suppose|imagine|assume|pretend))\b/i;

/** A change of someone else's that must land first: "when #3204 lands", "once the branch is merged". */
const LANDS =
  /\b(?:when|once|after|until|as soon as)\s+(?:#\d+|(?:the|this|that|his|her|their|your) (?:[\w-]+ )?(?:patch|branch|fix|pr|pull request|ticket|change|merge|upgrade)|it|that|this)\s+(?:lands?|(?:is|gets?|has been) (?:merged|landed|in))\b/i;

/** Adverbs between the modal and the verb that do not change the commitment. */
const ADVERBS = /^(?:(?:definitely|certainly|personally|also|then|now|just|still|of course|gladly|happily|surely|really|absolutely|quickly|immediately|promptly|first|either|both|all|again|soon|shortly|greatly|sorely|dearly|truly|very much|much|later|obviously|easily|simply|slowly|gradually|certainly|however|therefore|thus),?\s+)+/i;

/** May the month: capitalised after a word that dates it, or before a day number or year. */
const MONTH_MAY = /\b(?:(?:[Bb]y|[Ii]n|[Dd]uring|[Bb]efore|[Uu]ntil|[Ee]arly|[Mm]id|[Ll]ate|of|on)[-\s]+May|May\s+\d{1,4})\b/g;

const WHETHER_IF_CAN = /\b(?:see|check|find out|ask|test|figure out|know|decide)\s+(?:if|whether|when|how|what)\s+(?:i|we)\s+can\b/gi;

/** "if" that means "whether" ("I'll check if the fix is live") does not make a sentence conditional. */
const WHETHER_IF = /\b(?:check|see|ask|find out|confirm|verify|investigate|look into|test|wonder|double-check|figure out|look at (?:it|this|that)|have a look(?: at (?:it|this|that))?)\s+(?:with \w+\s+)?if\b/i;

type ClauseKind =
  | 'modal'
  | 'carried'
  | 'subjectless'
  | 'idiom'
  | 'let-me'
  | 'expect'
  | 'you-will-have'
  | 'deliverable'
  | 'can-have'
  | 'progressive'
  | 'plan';

interface Commitment {
  kind: ClauseKind;
  /** From the commitment's subject to the end of the sentence. */
  clause: string;
  /** The sentence before the commitment (where "if you'd like" or "hopefully" would be). */
  before: string;
  /** The verb phrase after the modal ("send the deck by Friday"). */
  action: string;
}

function isQuestion(sentence: string): boolean {
  return /\?\s*["'”’)]*\s*$/.test(sentence);
}

function found(kind: ClauseKind, sentence: string, index: number, clause: string, action = clause): Commitment {
  return { kind, clause, before: sentence.slice(0, index), action: action.replace(ADVERBS, '') };
}

// The forms of commitment commitmentClause reads, in the order it tries them (written out here rather than
// inline: a regex literal inside a function is a new object each time it is evaluated, and these run for
// every sentence that may commit).
const IDIOM =
  /^(?:(?:ok|okay|sure|noted|understood|absolutely|yes)[,!.]?\s*)?(consider it done|leave it with me|on it|i'm on it|we're on it)\b[.!]?\s*$/i;
/** A bare "yes" to a request: "Yes, we will.", "Sure -- I will." (without the acknowledgement, "We will." may answer anything). */
const ACCEPTANCE = /^(?:ok|okay|sure|absolutely|yes|yep|of course|certainly)[,!.]?\s*(?:[-–—]+\s*)?((?:I|we) (?:will|shall))[.!]*\s*$/i;
const SUBJECTLESS =
  /^(?:(?:sure|ok|okay|yes|yep|yup|yeah|absolutely|of course|great|perfect|noted|understood|thanks|thank you|thx|on it|got it)[,!.]?\s*(?:[-–—]+\s*)?|(?:but|and|so)\s+|(?:roger|agreed?|copy that)\s*(?:[,!.]\s*|[-–—]+\s*)+)?(will (?:do(?!\s+(?:the trick|fine|nicely|for now|just fine|well))|(?!(?:do|not|never|you|u|they|it|he|she|we|i|this|that|there|these|those|be|have|need|the|a|an|your|our|my|his|her|their|someone|anyone|somebody|anybody|all|any|each|every|everyone|everybody|nobody|people|appear|happen|work|change|help|follow|either|probably|likely|also|still|only|always|never|soon|succeed|fail|cause|result|give you|take (?:a|some|time))\b)[a-z]+)\b.*)$/i;
const LET_ME =
  /\b(let me (?:(?:\d|[a-z])\)\s*)?(?:get back|come back|revert|circle back|follow up|check|double[- ]?check|look into|look at|find out|dig|confirm|see what i can do|see if|talk to|speak to|speak with|ask|investigate|review|chase|sort|take care|think about it and|run (?:this|it|that) by|loop|pull|put together|send|share|bring|call|ring|email|forward|trigger|test|build|upload|fix|prepare|work on|get (?:you|that|this|it|the|those|these|an?)|go (?:and )?(?:check|update|fix|find|dig|look|ask|get|pull|grab|confirm|chase|sort)|take a (?:quick |first |proper )?(?:shot|stab|crack|pass) at|do (?:some|a bit of|a little) (?=[^.;!?]*\band (?:then )?(?:get back|come back|revert|report back|let you know)\b)))\b(.*)$/i;
const EXPECT =
  /\b((?:you (?:can|should|will|'ll|’ll) )?expect (?:it|them|(?:this|that|these|those)(?: \w+)?|the \w+(?: \w+)?|an? (?:\w+ )?(?:update|reply|answer|response|draft|proposal|quote|invoice|call|email|e-mail|mail|message|patch|fix|release))(?: from (?:me|us))? (?:by|on|before|within|in|tomorrow|today|early|later|next|this|end)\b.*)$/i;
const YOU_WILL_HAVE =
  /\b(you(?:'ll|’ll| will| should) (?:have|receive|get|see) (?:it|them|(?:this|that|these|those)(?:\s.+?)?|the\s.+?|our\s.+?|my\s.+?|an?\s(?!(?:great|good|nice|wonderful|fun|hard|lovely)\s+time\b).+?|[a-z]{2,}s)(?:\s(?:from (?:me|us)\s)?(?:by|on|before|within|in|tomorrow|today|tonight|first thing|early|later|next|this|end)\b.*|\sfrom (?:me|us)\b.*))$/i;
const DELIVERABLE =
  /\b((?:it|this|that|the (?:\w+ ){0,3}\w+|your (?:\w+ ){0,2}\w+|our (?:\w+ ){0,2}\w+)\s(?:will|'ll|should) be (?:ready|done|sent|delivered|finished|completed|with you|in your inbox|uploaded|shipped|fixed|resolved|live|deployed|over to you)\b(.*))$/i;
const PROGRESSIVE =
  /^(?:(?:sure|ok|okay|yes|great|thanks|noted)[,!.]?\s*)?(?:(?:I|we)(?:'m|’m|'re|’re| am| are)\s+)?((?:sending|sharing|forwarding|delivering|shipping|submitting|circulating|publishing|releasing|calling|emailing|posting|uploading|deploying|mailing|couriering|faxing|dropping off|preparing|drafting|putting together|getting (?=(?:you|it|this|that|them|the\s.{1,40}?)\s(?:over|to you|back to you|ready|done|sent)\b))\b.*)$/i;
const CAN_HAVE =
  /\b((?:I|we) can (?:have|get) (?:it|this|that|them|the\s.+?|an?\s.+?|something\s.*?) (?:ready|done|over|to you|sent|finished|back to you|across)\b.*)$/i;
const CARRIED =
  /\b(?:I|we)\b(?:(?!\b(?:will|won't|would|(?:it|they|he|she|which|who)(?:'s|'re|\s+(?:is|are|was|were|will|would|won't|has|have|had|can|could|does|did|seems?))\b)\b)[^.;!?]){0,120}?(?:\band|,|\s[-–—]+)\s*(?:then\s+)?will (?!not\b|be\b)(.*)$/i;
const PLAN =
  /\b((?:I|we)(?:'m| am|'re| are)? (?:plan(?:ning)?|intend(?:ing)?) to (?!(?:join|attend|be|come|stop|make it|take|have|go|fly|travel|leave|head|arrive|return|get off|check in)\b)(.*))$/i;

/** The part of the sentence that states the commitment, or null when nothing commits. */
function commitmentClause(sentence: string, colleagues?: readonly string[]): Commitment | null {
  const idiom = IDIOM.exec(sentence);
  if (idiom?.[1]) return found('idiom', sentence, 0, idiom[1]);
  const acceptance = ACCEPTANCE.exec(sentence);
  if (acceptance?.[1]) return found('idiom', sentence, 0, acceptance[1]);

  // Subjectless "Will do." / "Will send it over tomorrow." / "On it, will revert by noon."
  const subjectless = SUBJECTLESS.exec(sentence);
  // A lower-case "will ..." opening a sentence is a fragment ("`source(x)` will load the data"), not "Will do."
  if (subjectless?.[1] && (subjectless[1].startsWith('W') || subjectless[1].length < sentence.length)) return found('subjectless', sentence, sentence.length - subjectless[1].length, subjectless[1], subjectless[1].replace(/^will\s+/i, ''));

  const letMe = LET_ME.exec(sentence);
  if (letMe?.[1]) return found('let-me', sentence, letMe.index, `${letMe[1]}${letMe[2] ?? ''}`, `${letMe[1]}${letMe[2] ?? ''}`.replace(/^let me\s+/i, ''));

  const expect = EXPECT.exec(sentence);
  if (expect?.[1] && !/\b(?:we|i|they|you) expect\b/i.test(sentence.replace(/\byou (?:can|should|will) expect/i, ''))) {
    return found('expect', sentence, expect.index, expect[1]);
  }

  const youllHave = YOU_WILL_HAVE.exec(sentence);
  if (youllHave?.[1]) return found('you-will-have', sentence, youllHave.index, youllHave[1]);

  // A deliverable of ours with a date: "The revised quote will be with you by Friday."
  const deliverable = DELIVERABLE.exec(sentence);
  if (
    deliverable?.[1] &&
    /\b(?:by|on|before|within|in|tomorrow|today|tonight|next|this|end|eod|cob)\b/i.test(deliverable[2] ?? '') &&
    !/\bautomatically\b/i.test(deliverable[1]) &&
    // "The proposals should be sent before 1 May to the committee" tells the reader what to do, unless it is sent to them.
    !/\bshould be (?:sent|submitted|received)\b(?![^.]*\bto you\b)/i.test(deliverable[1])
  ) {
    return found('deliverable', sentence, deliverable.index, deliverable[1]);
  }

  // "I'm sending the contract tonight" / "Sending it over shortly": the present for a planned act, only
  // with a time that is still to come.
  const progressive = PROGRESSIVE.exec(sentence);
  // The act must still be to come: a time ahead, or a separate mail ("I am sending a second e-mail").
  // Without a subject only a short "Sending it over shortly" reads as ours ("Calling up a year's data
  // happens in seconds" does not).
  const subjectlessOk = (progressive?.[1]?.length ?? 0) === sentence.length ? /^(?:sending|sharing|forwarding|circulating|emailing|posting|uploading)\s+(?:it|them|this|that|these|those|the|over|across|through|you)\b/i.test(sentence) && sentence.length < 80 : true;
  if (
    progressive?.[1] &&
    subjectlessOk &&
    (/\b(?:shortly|later|tonight|(?:right )?now\b|in (?:a bit|a moment|a few|an hour|\d+)|first thing|straight away|right away|under separate cover|separately|in a separate|a (?:second|separate|follow-up) (?:e-?mail|message|mail))/i.test(progressive[1]) || resolveDueDate(progressive[1], PROBE) !== null) &&
    !/\b(?:this|the) (?:e-?mail|message|list)\b(?! (?:to|tomorrow))/i.test(progressive[1].slice(0, 40))
  ) {
    return found('progressive', sentence, sentence.length - progressive[1].length, progressive[1]);
  }

  // "I can have it ready by Friday": firm only with a date, checked by the caller.
  const canHave = CAN_HAVE.exec(sentence);
  if (canHave?.[1]) return found('can-have', sentence, canHave.index, canHave[1]);

  const modal = SUBJECT_MODAL.exec(sentence);
  if (modal?.[1] && modal[2] !== undefined) {
    const subject = modal[1];
    const action = modal[2].replace(ADVERBS, '');
    if (!/^(?:I|we|our|my)\b/i.test(subject)) {
      // A capitalised word before "will" may be a colleague's name; it must be a name and do something.
      if (NOT_A_NAME.test(subject.split(' ')[0]!)) return null;
      // A bare name is ours only when it is one of our people on the message ("Maria will send you the
      // invoice copies" may be the client's Maria); "Maria from our team" says so itself.
      if (!subject.includes(' ') && !colleagues?.includes(subject.toLowerCase())) return null;
      if (!/^(?:send|get|share|forward|follow|call|reach|review|prepare|draft|update|confirm|set|schedule|book|circulate|take|handle|look|check|sort|be in touch|come back|get back|revert|contact|email|ring|put|pull|fix|deliver|issue|arrange|walk|finali[sz]e)\w*\s+(?:you|the|a|an|it|them|this|that|those|these|your|our|my|over|back|out|up|through|in|on|to|with|all|both)\b/i.test(action)) {
        return null;
      }
    }
    return found('modal', sentence, modal.index, `${subject} will ${action}`, action);
  }
  // Subject carried over: "We are reviewing it and will send comments tomorrow." Not across another subject's
  // verb ("I was careful, but the former won't be on CRAN and will just warn", "... as they are, will pick it up").
  const carried = CARRIED.exec(sentence);
  if (carried?.[1] !== undefined) return found('carried', sentence, carried.index, carried[0], carried[1]);
  // "I plan to submit it to CRAN on Oct 20": a stated plan of ours commits only with a date (checked by the caller).
  const plan = PLAN.exec(sentence);
  if (plan?.[1]) return found('plan', sentence, plan.index, plan[1], plan[2]);
  return null;
}

/** "try to" / "aim to" keep the commitment (a soft one, see rejection); the verb that follows is the one judged. */
const TRYING_TO = /^(?:(?:try|aim|attempt|make an (?:attempt|effort)|endeavou?r|do (?:my|our) best|be sure|make sure|be certain)\s+(?:to|and)\s+)+/i;
/** A report or a reply owed after the act: "... and will get back to you", "... and let you know". */
const FOLLOWS_UP = /\band\s+(?:then\s+)?(?:will\s+)?(?:get back|let you know|send|confirm|revert|follow up|come back|circle back|update you|report back|share|try)\b/i;
/** Something owed to the reader after the act ("I'll be in touch with them in the morning and give you their reports"; "and come back on the 14th" is coming home, not coming back to the reader). */
const OWES_AFTER = /\b(?:and|then)\s+(?:will\s+)?(?:get back|let (?:you|him|her|them) know|send|confirm|revert|follow up|circle back|come back to you|report back|share|forward|(?:give|get|brief|tell|update)\s+you)\b/i;
/** Leave-taking and being around, not acts owed: "I'll speak soon", "I'll catch up", "I'll show up". */
const NO_ACT_PHRASE = /^(?:leave\b|speak (?:soon|when|then|later|again)|talk (?:soon|when|then|later|again|to you (?:soon|later|then|next))|catch up\b|put in an appearance|show (?:up|my face)\b)/i;

function judgedAction(c: Commitment): string {
  return c.action.replace(TRYING_TO, '');
}

/** Whereabouts, an appointment, a consultation or a non-action ("I'll be there", "we'll need ..."): no act owed. */
function namesNoAct(action: string, followsUp: boolean, owesAfter: boolean): boolean {
  return ((WHEREABOUTS.test(action) || APPOINTMENT.test(action) || CONSULTING.test(action)) && !owesAfter) || (NON_ACTION.test(action) && !followsUp) || NO_ACT_PHRASE.test(action);
}

/** "I'll be ..." that states a state, not a delivery in the making ("I'll be sending it" is one). */
function isBeStatus(action: string): boolean {
  return /^be\b/i.test(action) && !BE_ACTION.test(action);
}

/**
 * "I will have long labels", "we will soon have filled contours": having is a state, unless it is had for the reader or
 * by a time ("I'll have the report to you by Friday", "we'll have an answer for you").
 */
function isHaveStatus(action: string, c: Commitment): boolean {
  return (
    /^have\b/i.test(action) &&
    !/^have (?:a (?:word|look|go|try|quick look|closer look|chat with (?!you))|another look|(?:it|this|that|them|someone|somebody|\w+) (?:put|send|sent|done|do|call|set|fixed|ready|checked))\b/i.test(action) &&
    !/^have (?:[\w-]+ ){1,5}to (?:share|send|pass on|show you|give you)\b/i.test(action) &&
    !/\b(?:to you|for you|ready|done|live|in place|up and running|over to|back to|sent|finished|completed|fixed|available|by|tomorrow|today|tonight|next|this (?:week|afternoon|evening|morning)|within|in \d|end of|later)\b/i.test(action) &&
    !resolveDueDate(c.clause, PROBE) &&
    !(c.before.length < 40 && resolveDueDate(c.before, PROBE))
  );
}

/**
 * Whether rejection() turns the commitment away, told from the checks most commitments that are no promise end on (no
 * act owed, a status): those stand near the end of rejection's list, which findPromises, needing only whether some
 * reason holds, need not read through first. Every reason rejection() gives is a non-null string, and it returns null
 * only past all its checks or at the kind test this one makes too, so a check that holds here means rejection() holds
 * one too, whatever it finds first. corpus/prefilters.test.ts checks findPromises against the first-reason reading over
 * the corpora. On the mailbox bench's real sentences about a tenth of our sentences commit and end so.
 */
function rejectedAtOnce(c: Commitment): boolean {
  if (c.kind !== 'modal' && c.kind !== 'carried' && c.kind !== 'subjectless') return false;
  const action = judgedAction(c);
  return namesNoAct(action, FOLLOWS_UP.test(action), OWES_AFTER.test(action)) || isBeStatus(action) || isHaveStatus(action, c);
}

/** Why a commitment-looking sentence is not a promise, or null when it is one. */
function rejection(sentence: string, c: Commitment): string | null {
  if (isQuestion(sentence)) return 'question';
  // Code pasted into a message ("res <- sapply(x, function(i) { ... we'll do ... })") is not prose.
  if (/[{}]|;\s*$|;\S|<-|==|\w\(\S*\)\s*[|%]|(?:^|\s)##/.test(sentence)) return 'code';
  // Habits and policies are not commitments: "Occasionally I'll restart it", "I will always keep ...".
  if (/\b(?:occasionally|usually|sometimes|often|typically|normally|generally|every time|each time|whenever|next time|as usual)\b/i.test(c.before) || /^(?:always|never|usually|sometimes|often)\b/i.test(c.action)) {
    return 'habit';
  }
  if (/\b(?:\d+|once|twice|two|three)\s+(?:(?:to|or)\s+\d+\s+)?times?\s+(?:a|per|each)\s+(?:day|week|month)\b|\bevery (?:\w+ ){0,3}(?:days?|weeks?|months?|hours?|releases?)\b/i.test(c.clause)) return 'habit';
  // Work on the writer's own things owes the reader nothing: "I will pivot my data", "I'll upgrade my laptop".
  if (/\b(?:my|our) (?:own )?(?:data|dataset|script|analysis|thesis|partitions?|disk)(?!\s+code)|\b(?:(?:my|our) (?:own |new |old )?|a new )(?:laptop|computer|machine|desktop|pc|workstation)\b|^(?:upgrade|reinstall|reformat|wipe) the (?:laptop|computer|machine|desktop|pc|workstation)\b|\bmachines? (?:I|we) have\b|^upgrade to (?:(?:version |R )?v?\d|the (?:newer|newest|latest|new|next)\b)/i.test(c.action) && !/\b(?:you|your|send|share|post|report|let)\b/i.test(c.action)) return 'own work';
  // Something of one's own ("I'm gonna implement my own preprocessor") or more of one's own work ("I will work more on
  // this branch"), with nothing handed to the reader.
  if ((/\bmy own\b/i.test(c.action) || /^(?:also )?work (?:a (?:bit|little) |some )?(?:more|further)\b/i.test(c.action)) && !/\b(?:you|your|send|share|post|report|let)\b/i.test(c.action)) return 'own work';
  // Doing it oneself, for oneself: "I'll try to add these changes by myself", "I will fiddle around with this more myself" (a date
  // or a hand-over keeps it: "I'll write the script by myself and send it to you").
  if (/\b(?:by|more|further) (?:myself|ourselves)\b/i.test(c.action) && !HANDS_OVER.test(c.action) && !resolveDueDate(c.clause, PROBE)) return 'own work';
  // A stopgap for oneself: "For now, I'll just wrap this into a local function" (not "For now, I'll send you ...").
  if (/\b(?:for now|for the time being),?\s*$/i.test(c.before) && !/\b(?:you|your|send|share|post|report|let)\b/i.test(c.action)) return 'own work';
  // A wish-list item told about, not a commitment: "This is certainly something I'm planning to implement".
  if (c.kind === 'plan' && /\bsomething (?:that |which )?$/i.test(c.before)) return 'plan told';
  // A project's roadmap told to the list, not a task owed to the reader: "We plan to add I/O extensibility to the
  // viewer", "We are going to migrate the colour classes into the core library" (not "We plan to release it on
  // Friday", "we plan to add it in the next version", nor anything said to "you"). "I plan to ..." stays the writer's own
  // commitment (round 5).
  if (/^we\b/i.test(c.clause) && ROADMAP.test(sentence) && !SECOND_PERSON.test(sentence) && !NAMED_RELEASE.test(sentence) && !resolveDueDate(c.clause, PROBE)) return 'plan told';
  // The commitment given as a reason: "Upgrading takes long, particularly as I will copy /usr/local and rebuild".
  if (/\b(?:as|since|because)\s*$/i.test(c.before)) return 'reason';
  // Announcement and newsletter prose: the organisation's plans for an event, a course or a programme, told to
  // no one in particular ("We will hire one intern to work from June", "we will make an announcement about its
  // new format"), not a commitment to the reader.
  if (/^(?:hire|recruit|host|organi[sz]e|hold|run|offer|accept|select|award|fund|teach|cover|make an announcement|announce|first develop|develop and test|launch|(?:provide|deliver|give) an? (?:[\w-]+ )?(?:seminar|workshop|lecture|tutorial|course|webinar)|(?:also |briefly |specifically |then |again )?(?:present|focus|address|introduce|delve|utili[sz]e|prioriti[sz]e|work through|draw on|culminate|investigate|review the main))\b/i.test(c.action) &&
    /\b(?:course|workshop|conference|seminar|webinar|symposium|meeting|session|(?:mini-)?sprint|hackathon|meet-?up|position|intern|internship|applicants?|applications?|registration|participants?|attendees|students|fellowships?|grants?|programme|program|project|format|webpage|website|the public|residents|community|module|class(?:es)?|lessons?|practicals?|hands-on|theor(?:y|etical))\b/i.test(sentence) &&
    !/\b(?:you|your)\b/i.test(sentence)) {
    return 'announcement';
  }
  // Quoted without quote markers at the line start: supercite prefixes ("Jim> ") inside the sentence.
  if (hasSuperciteMark(sentence)) return 'quoted';
  // Someone's words in a news story or a transcript pasted into the mail: '"We will cooperate ...," the minister told Reuters'.
  if (QUOTE_MARK.test(sentence) && QUOTATION.test(sentence)) return 'quoted';
  // A government's or organisation's policy told to no one in particular ("We will dedicate $3 million to train
  // police officers", "we will seek to convene donor governments"): a statement, not an act owed to the reader.
  if (c.kind === 'modal' && /^we\b/i.test(c.clause) && POLICY.test(c.action) && !SECOND_PERSON.test(sentence) && !resolveDueDate(c.clause, PROBE)) return 'policy';
  // "I'll still do some exploratory programming": carrying on, not a new act.
  if (/\b(?:'ll|’ll|will|shall) still\b/i.test(sentence)) return 'habit';
  // A rule for ever after or a limit of scope is a policy, not an act owed: "I'll avoid attachments from now
  // on", "I will only build for the latest release".
  if (/\b(?:from now on|in (?:the )?future|going forward|henceforth)\b/i.test(c.clause) || /^only\s+(?!(?:need|take|have|require|cost)\b)/i.test(c.action)) return 'habit';
  // The same told first ("In the future we will look into switching ..."), and a line one keeps to ("We will certainly
  // avoid that sort of magic"); not "To avoid this in the future, I'll send ...", where the future is the reason.
  if (/^\W*in the (?:near |distant |far )?future,?\s*$/i.test(c.before) || /^(?:(?:certainly|definitely|surely) )?avoid\b/i.test(c.action)) return 'habit';
  // A relative clause without "that": "the function I will call is wrapped in ...".
  if (c.kind === 'modal' && /^[a-z]+\s+(?:is|are|was|were|has|had|will be|would be|can be|should be|must be|might be|may be)\b/i.test(c.action)) return 'relative clause';
  // The noun "will": "the consciousness and will to 'generate' the world" (the modal is never followed by "to").
  if (c.kind === 'carried' && /^to\s/i.test(c.action)) return 'not our act';
  // The writer's own analysis steps: "I will pivot the table", "I will compute returns" (not "... for you").
  if (OWN_ANALYSIS.test(c.action) && !/\b(?:you|your|send|share|post|report)\b/i.test(c.action)) return 'own work';
  // Someone's words told as a story: "I said to my wife 'No problem, I'll ...'".
  if (REPORTED_SPEECH.test(c.before)) return 'reported';
  if (PROMISED_THEM.test(c.before)) return 'reported';
  // The modal inside an indirect question: "a toss-up whether we will find ...", "see how much we will find".
  if (EMBEDDED_QUESTION.test(c.before)) return 'embedded question';
  if (FORECAST_BEFORE.test(c.before)) return 'forecast';
  // A plan told in a relative clause about what the sentence is about ("some ideas of my own, which I will investigate", "the
  // outline for an essay, which I will now write up"): said in passing, owed only with a date, a release or a hand-over ("a
  // few test cases, which I will fix up later today", "a paper on Gaza which we will summarize for you").
  if (c.kind === 'modal' && (RELATIVE_WHICH.test(c.before) || RELATIVE_THAT.test(c.before))) {
    // The clause as written (c.clause has lost its leading adverbs: "which I'll soon work on", "which I'll do shortly").
    const told = sentence.slice(c.before.length);
    if (!HANDS_OVER.test(told) && !RELATIVE_HAND_OVER.test(told) && !FOLLOWS_UP.test(c.action) && !NAMED_RELEASE.test(told) && !NEXT_RELEASE.test(told) && !LATER_MESSAGE.test(told) && !RELATIVE_TIME.test(told) && !resolveDueDate(told, PROBE)) {
      return 'relative clause';
    }
  }
  // Checking one's own reading here: "Let me see if I've got this right:", "let me see if I remember what I tried", "Let me see if
  // I can repeat your argument:".
  if (c.kind === 'let-me' && /^let me see if (?:I|we)(?:'ve|’ve| have|'m|’m| am|'re|’re| are)? (?:got|get|understand|understood|remember|follow|read|recall|clear|right|(?:can )?(?:repeat|restate|summari[sz]e|paraphrase|reconstruct))\b/i.test(c.clause)) return 'announces what follows';
  if (c.kind === 'let-me' && /^let me (?:share|give you|explain|add|show|point out|say|note|summari[sz]e|clarify|be clear|put it|start|begin|quote|repeat|precise|illustrate|ask (?:you|a|one|another|some|this|the following|about (?:a|an|the) (?:new |different |other )?(?:situation|case|scenario|example))\b|call (?:it|them|these|those|this|that|the (?:[\w-]+ ){0,2}[\w-]+) ["'“A-Z])/i.test(c.clause) && !resolveDueDate(c.clause, PROBE)) {
    return 'announces what follows';
  }
  // "think I will do this soon": the writer's guess, not a commitment.
  if (/\b(?:think|hope|guess|suppose|reckon)\s*$/i.test(c.before)) return 'hedge';
  // "so I was thinking I'll put out a new version", "My hope is that I'll manage to ...": musing, not yet a commitment.
  if (/\b(?:(?:was|am|'m|’m|were|are|'re|’re) thinking|(?:my|our|the) hope is)(?: that)?\s*$/i.test(c.before) || /\b(?:my|our) hope is that\b/i.test(c.before)) return 'hedge';
  // "I am going to Chicago tomorrow": going to a place is travel, not an action.
  if (/\b(?:I|[Ww]e)(?:'m|’m| am|'re|’re| are) going to\s+(?:[A-Z]\w*|(?:the|a|an|my|our|his|her|their|work|church|school|town|bed|lunch|dinner)\b)/.test(sentence)) return 'travel';
  // Only the commitment's own clause counts: "I'll call you Monday, or I may ask Scott to" is firm, and
  // so is "There may be a reason, but I will take it up with them". "see if we can" asks whether.
  // The month May ("by May", "in early May") is no hedge.
  // A hedge on the time only ("I will call, probably around 3pm") leaves the act itself firm.
  const ownClause = (c.clause.split(/,?\s+(?:or|and|but|although|though|unless)\s+/i)[0] ?? c.clause).replace(WHETHER_IF_CAN, '').replace(MONTH_MAY, '').replace(HEDGED_TIME, '');
  // A relative clause states its own commitment: "I think I have a solution, which I'll put in the next release".
  const ownBefore = (c.before.split(/[,;]\s*(?:but|and|so|yet|however|which)\s+|;\s*/i).pop() ?? c.before).replace(MONTH_MAY, '');
  if (HEDGE.test(ownBefore) || HEDGE.test(ownClause)) return 'hedge';
  if (NEAR_FUTURE.test(`${ownBefore} ${c.clause}`) && !SECOND_PERSON.test(sentence)) return 'hedge';
  // "ever" makes a forecast of what can happen at all, never an act: "everything we will ever be able to describe",
  // "it's hard to believe that we will ever notice ...".
  if (/^(?:(?:actually|really|truly|possibly|even)\s+)?(?:for)?ever\b/i.test(c.action)) return 'hedge';
  if (SURE_OF_IT.test(c.before) || VAGUE_TIME.test(ownBefore) || VAGUE_TIME.test(ownClause.split(/\s[-–—]+\s|[,;:(]\s*/)[0] ?? '')) return 'hedge';
  // An explicit disclaimer anywhere takes the commitment back.
  if (/\b(?:no promises|(?:can't|cannot|can not|won't) promise|not promising)\b/i.test(sentence)) return 'hedge';
  // "as time and two toddlers permit": read on the whole clause, which the "and" inside it would cut.
  if (/\bas time\b[^.]{0,30}\bpermits?\b/i.test(c.clause)) return 'hedge';
  // Whether time can be found at all: "I'll see if I can find some time to reimplement it" (not "I'll find time to ...").
  if (/\bsee (?:if|whether) (?:I|we) can (?:find|make|find\/make|find or make) (?:some |the )?time\b/i.test(c.clause)) return 'hedge';
  // Whether it comes to anything at all: "I will try nevertheless to see if I can get anywhere", "We'll see if we can actually make the
  // scheduled release date", "we'll see whether we get to do that" (not "I'll see if we can set up a meeting").
  if (/\bsee (?:if|whether) (?:I|we) (?:can )?get anywhere\b|^we\b.*?\bsee (?:if|whether) we (?:can actually|actually|get to|manage to)\b/i.test(c.clause)) return 'hedge';
  if (THEIR_TURN_FIRST.test(sentence) || OUR_HYPOTHETICAL.test(c.before)) return 'conditional';
  // A scenario or thought experiment: "Now, suppose ... that we flip a coin, and we will give one of the programs a bad
  // experience", "Imagine we'll run it twice".
  if (SCENARIO.test(c.before)) return 'hypothetical';
  // A condition put first by inversion: "Should that not be enough, I will ...", "Should there be a problem, we'll ...".
  if (/^\W*should (?:that|this|it|there|you|we|they|he|she|the|any\w*|some\w*|anything|everything|no\w*)\b[^,;]{0,80},\s*$/i.test(c.before)) return 'conditional';
  // The reader speaks first: "Anyone else interested let me know and I will add you", "let us know, and we'll do it".
  if (/\blet (?:me|us) know,? and\s*$/i.test(c.before)) return 'conditional on them';
  // A condition in a later clause ("I'll try to get it working, but if you have a hint ...") is not this one's.
  // Telling the reader whether a fix worked is owed either way: "I will let you know tomorrow if it works" reads as
  // "... whether it works", while "I'll let you know if anything changes" stays a condition.
  const conditionClause = (c.clause.split(/,?\s+but\s+|,\s*(?:and|although|though)\s+/i)[0] ?? c.clause).replace(REPORTS_WHETHER, '$1whether ');
  // An occasion of ours that may never come: "when we have to", "once I get behind a decent connection", "once I get paid",
  // "when I'm less busy".
  if (/\b(?:when|once|if|whenever) (?:i|we) (?:have to|need to|must|get (?:behind|around to|a (?:chance|moment)|(?:some )?time|paid))\b|\b(?:when|once|whenever) (?:i|we)(?: will be| am|'m|’m| are|'re|’re| get) less busy\b/i.test(conditionClause)) return 'conditional';
  // Another change landing first: "I will change code when #3204 lands", "once the branch is merged".
  if (LANDS.test(conditionClause)) return 'conditional';
  // Only then: "But I'll do that only when we need it"; and what may turn up: "when something better comes along".
  if (/\bonly (?:when|if|once)\b/i.test(conditionClause) || /\b(?:when|once|if) (?:something|anything)\b[^,.;]{0,40}\b(?:comes?|turns?|shows?) (?:along|up)\b/i.test(`${c.before} ${conditionClause}`)) return 'conditional';
  // "but" opens a clause of its own: "I believe I could ..., but I will give it a try" is firm.
  const sinceBut = c.before.split(/(?:[,;)]\s*|\s)but\s+/i).pop() ?? c.before;
  if (OFFER.test(c.before) || WOULD.test(sinceBut) || OFFER.test(c.clause) || /\b(?:up)?on (?:request|demand)\b/i.test(conditionClause)) return 'offer';
  // Money put up for whoever does a task is a bounty offered, not an act owed: "I'll give an additional 200 dollars directly to
  // whoever does it", "I will pay (via PayPal) 25 Euro for help with that" (not "We'll pay the $500 invoice by Friday").
  if (MONEY.test(c.clause) && TO_WHOEVER.test(c.clause)) return 'offer';
  if (TO_WHOEVER_ASKS.test(c.clause) && !resolveDueDate(c.clause, PROBE)) return 'offer';
  // Waiting on what others bring: "I'll submit updates as other translations arrive".
  if (/\bas (?:other|more|new|further|additional)\b[^,.;]{0,40}\b(?:arrive|come in|become available|are (?:released|contributed|submitted))\b/i.test(`${c.before} ${conditionClause}`)) return 'conditional';
  if (EVENT_CONDITION.test(c.before) || EVENT_CONDITION.test(conditionClause) || (WAITS_WORD.test(c.clause) && (REPORT_WHEN.test(conditionClause) || REPORT_WHEN.test(c.action.split(/,?\s+but\s+/i)[0] ?? c.action)))) return 'conditional';
  if (THEIR_CONDITION.test(c.before) || WAITS_FOR_IT.test(c.before) || WAITS_FOR_IT.test(conditionClause) || /,?\s\b(?:if|once|as soon as) (?:you|your)\b|\b(?:when|once|after|as soon as) (?:I|we) (?:hear|get word) (?:back )?from (?:you|them)\b/i.test(conditionClause)) return 'conditional on them';
  // "if anything changes", "if we need anything": nothing is owed unless it happens.
  // "If nobody objects, I will circulate ..." commits unless something stops it: not a condition.
  const ifClause = /\bif\b(?!\s+(?:not|i don't|i do not|we don't|we do not|i haven't|we haven't|there(?:'s| is| are) no (?:objections?|comments?|further|disagreement|news|reply|response)|nobody|no one|no-one|noone|none of you)\b)/i;
  if ((ifClause.test(sinceBut) && !WHETHER_IF.test(sinceBut)) || (ifClause.test(conditionClause) && !WHETHER_IF.test(conditionClause))) {
    return 'conditional';
  }
  if (/\b(?:sorry|apologi[sz]e)\b.*\bdelay\b/i.test(c.before)) return 'apology';
  if (REPORTED.test(c.before)) return 'reported';
  if (c.kind !== 'modal' && c.kind !== 'carried' && c.kind !== 'subjectless') return null;

  // "try to" / "aim to" keep the commitment (a soft one, see above); judge the verb that follows.
  const action = judgedAction(c);
  if (/^see\b(?!\s+(?:if|whether|what (?:i|we) can do|to it))/i.test(action)) return 'we will see';
  // Asking the reader to act is a request of ours, not an act we owe: "I'll ask you to follow up on the issue there". Asking
  // for patience promises the answer it waits for ("I will ask you to be patient until next wednesday").
  if (/^ask (?:you|u)(?: all| guys)? to (?!(?:be patient|bear with|wait|give (?:me|us))\b)/i.test(action)) return 'request';
  // Whether something others do or that simply happens comes about: "We'll see if they are won over", "we'll see
  // whether it holds up" (not "I'll see if I can get it to you", nor "... and let you know").
  // Only "we" waits and sees so: "Will see if Bill wants to join" checks for the reader.
  if (/^we\b/i.test(c.clause) && /^see (?:if|whether) (?!(?:I|we|i|you|your)\b)/.test(action) && !/\b(?:let (?:you|him|her|them) know|get back|report|tell you|update you)\b/i.test(action)) return 'we will see';
  // Done in this very message: "I'll here backpedal a bit and say ...".
  if (/^here\s+[a-z]+/i.test(action)) return 'announces what follows';
  if (/^(?:try (?:hard |my best )?)?not to\b/i.test(action)) return 'not an action';
  // A slip of "can't" after the modal takes the act back: "I'll can't apply the patch because it fails on me".
  if (/^(?:can't|can’t|cannot|can not|couldn't|could not)\b/i.test(action)) return 'not an action';
  // Commenting, with no later message, date or hand-over, is done in this very message: "I will comment on the first version
  // because it's the only complete one" (not "I'll comment on the draft by Friday", "... in a separate email").
  if (/^comment\b/i.test(action) && !LATER_MESSAGE.test(c.clause) && !ELSEWHERE_OR_LATER.test(action) && !HANDS_OVER.test(action.replace(/^comment (?:on )?(?:you|your)\b/i, 'comment')) && !resolveDueDate(c.clause, PROBE)) {
    return 'announces what follows';
  }
  const followsUp = FOLLOWS_UP.test(action);
  const owesAfter = OWES_AFTER.test(action);
  if (namesNoAct(action, followsUp, owesAfter)) return 'not an action';
  // Visiting one's own people, going on holiday or to sleep, and resolving to do better owe the reader no act: "I'll
  // visit my brother today", "I will go on a holiday tomorrow", "I am going to sleep", "I'll try to do better on that", "I'll try to make up for
  // it when I return". Searching the web is reading for oneself ("I'll google on it"), unless something is handed over.
  if (/^(?:visit (?:with|my|our|his|her|their|family|friends?|relatives)\b|go on (?:a |my |our )?(?:holiday|vacation|honeymoon)\b|go (?:to )?(?:sleep|bed)\b|sleep\b(?!\s+on\b)|go away\b|do better\b|make up for (?:it|this|that)\s*(?:when\b|later\b|somehow\b|$|[.!…]))/i.test(action) && !owesAfter) return 'not an action';
  if (/^google\b/i.test(action) && !followsUp && !owesAfter) return 'own reading';
  // Looking at something to satisfy one's own curiosity: "But I'll look to the code just for curiosity".
  if (/\b(?:for|out of) (?:my own |pure |sheer )?curiosity\b/i.test(action) && !followsUp && !owesAfter) return 'own reading';
  // A stance toward a matter, not an act owed: "I will definitely push for this", "I will definitely pursue this line of
  // research", "I'll definitly buy this one" (a date or a hand-over keeps it: "I'll push for it in Friday's meeting and
  // tell you how it went").
  if (STANCE.test(action) && !followsUp && !owesAfter && !resolveDueDate(c.clause, PROBE)) return 'not an action';
  if (NO_ACT_STANCE.test(action) && !followsUp && !owesAfter && !resolveDueDate(c.clause, PROBE)) return 'not an action';
  if (INTO_MY_OWN.test(action) && !HANDS_OVER.test(action) && !followsUp && !owesAfter && !resolveDueDate(c.clause, PROBE)) return 'own work';
  if (JUST_FOLLOWING.test(action) && !owesAfter) return 'not an action';
  if (ATTENDANCE.test(action)) return 'attendance';
  // Done here, before the rest: "so I shall get that out of the way"; a licence chosen: "Correction - I will release it under LGPL".
  if (/^get (?:that|this|it) out of the way\s*[.!]*\s*$/i.test(action)) return 'announces what follows';
  // A tool chosen for one's own work: "I will use Tcl/Tk as a user interface front-end to R. The program will ... send ..." (a date
  // keeps it).
  if (/^use [^,.;]{1,40}? as (?:a|an|the|my|our)\b/i.test(action) && !/\b(?:you|your)\b/i.test(action.split(/[.;]/)[0] ?? action) && !resolveDueDate(c.clause, PROBE)) return 'own work';
  if (/^release (?:it|this|them|the (?:[\w-]+ ){0,2}?(?:code|library|package|plugin|software|project))\s+under (?:the )?[\w.-]+(?: (?:licen[cs]e|license))?\s*[.!]*\s*$/i.test(action)) return 'not an action';
  // Put off to a next occasion, not done now: "I will check next time" (not "I'll make sure that next time I update, I ...").
  if (/\bnext time\s*[.!]*\s*$/i.test(action) && !followsUp && !owesAfter) return 'habit';
  if (((NAMING.test(action) && !HANDS_OVER.test(action)) || (FORMULA_RESULT.test(action) && EQUATION.test(sentence) && !HANDS_OVER.test(action))) && !resolveDueDate(c.clause, PROBE)) return 'argument';
  if (ARGUMENT_FUTURE.test(action) && !followsUp && !owesAfter && !HANDS_OVER.test(action) && !resolveDueDate(c.clause, PROBE)) return 'argument';
  // A best effort toward a state or a line of conduct: "we'll try to keep the down times as short as possible", "we will do our
  // best to ensure backwards compatibility", "we'll try to get it right" (a date or a hand-over keeps it: "I'll try to keep the
  // report short and send it tomorrow").
  if (BEST_EFFORT.test(c.action) && EFFORT_TOWARD_STATE.test(action) && !followsUp && !owesAfter && !HANDS_OVER.test(action) && !resolveDueDate(c.clause, PROBE)) return 'not an action';
  // Watching for something is no act of its own ("I'll keep an eye out for the PRs", "I'll watch out for a new version
  // and have another go then"), a product's contents are a state
  // ("Will come with an option to use ..."), and what we will not need is no commitment.
  if ((/^(?:keep an eye|watch (?:out )?for|look out for|be on the lookout)\b/i.test(action) && !owesAfter) || /^come with\b/i.test(action) || /^(?:(?:definitely|certainly|probably) )?not (?:need|have to|require)\b/i.test(action)) return 'not an action';
  // Someone else acts: "I'll let him respond in fullness", "I'll let Jake address it", "I'll let glyph deal with this"
  // (a lower-case nickname, as list writers sign) (not "I'll let Phil know").
  if (/^let (?:him|her|them|others|someone else|somebody else|(?:someone|somebody|people) (?:who|that|with|more)\b[^.;,]{0,60}?|(?:other|more (?:qualified|knowledgeable|experienced)|wiser|smarter) (?:people|folks|minds|heads)|[A-Z][a-z]+(?: and (?:the )?(?:others|[A-Z][a-z]+))?|(?!(?:you|u|me|us|it|this|that|these|those|the|a|an|my|our|your|his|her|their|people|someone|somebody)\b)[a-z][a-z0-9_-]{1,15}) (?:respond|answer|reply|handle|address|speak|chime|comment|weigh|report|explain|take it|deal|decide|continue|field|elaborate|volunteer|follow up on|pick (?:it|this|that) up)\b/.test(action)) return 'someone else acts';
  // Letting a matter rest is no act: "I'll let it slide", "we'll let it go this time".
  if (/^let (?:it|this|that|the (?:matter|issue|point)) (?:slide|go(?!\s+(?:to|out|through|ahead|live|over|back))|pass|drop|rest|be)\b/i.test(action)) return 'not an action';
  // The reader's turn: "I'll let you read that", "I'll let you decide" (not "I'll let you know", "I'll let you have it").
  if (/^let you (?:read|decide|judge|be the judge|think|look|see for yourself|draw|make up your mind|figure|work out|guess|choose|pick|try)\b/i.test(action)) return 'someone else acts';
  // Later in this very message: "I'll come back to how you can do this in a moment", "(I'll get to explaining that in a moment...)".
  if (/\bin a (?:moment|minute|second|bit)\b|\bfurther (?:down|below)\b|\blater (?:in|on in) (?:this|the|my) (?:e-?mail|message|mail|post|note|reply)\b/i.test(action) && /^(?:come back|get (?:back )?to|return|explain|describe|show|discuss|address|talk about|say more|elaborate|expand|go into)\b/i.test(action)) return 'announces what follows';
  // Saying something here, in this message: "I'll respond about it here", "I will correct your misconception here".
  if (/^(?:respond|reply|answer|comment|correct|address|explain|say|mention|note|summari[sz]e|clarify|expand|present|list|quote|repeat|restate|recap|paste)\b[^.;]{0,40}\bhere\b(?!\s+(?:by|on|tomorrow|later|soon|next))/i.test(action) && !resolveDueDate(c.clause, PROBE)) return 'announces what follows';
  // Discussion prose (text/discussion-prose.ts): a mention or an experience is never owed; naming, arguing, reading for
  // oneself and reasoning with the reader are, when a date or a hand-over to the reader comes with them.
  const exposition = expositionReason({ before: c.before, action, clause: c.clause });
  if (exposition && (exposition === 'mentioned' || exposition === 'not an action' || (!followsUp && !owesAfter && !LATER_MESSAGE.test(c.clause) && !resolveDueDate(c.clause, PROBE)))) return exposition;
  if (isBeStatus(action.replace(SOFTENED_BE, ''))) return 'status';
  if (isHaveStatus(action, c)) return 'status';
  if (/:\s*$/.test(sentence) || /\b(?:here|below),?\s*$/i.test(c.before)) return 'announces what follows';
  // "I will CC him now", "I'll copy Anna here": done in this very message.
  if (/^(?:cc|copy|loop in|include|add|attach)\b[^.]{0,30}\b(?:now|here|on this)\b/i.test(action)) return 'announces what follows';
  if ((PERFORMATIVE.test(action) || /\b(?:below|(?:in |post |send |forward )?this (?:e-?mail|message|mail|thread|note|post))\b/i.test(action)) && !resolveDueDate(action, PROBE)) {
    return 'announces what follows';
  }
  return null;
}

export interface PromiseDecision {
  sentence: string;
  promise: boolean;
  /** Why not, when it is not a promise ("offer", "status", "question", "no commitment"). */
  reason?: string;
}

/** A fixed frame for "does this sentence name a date at all" (the answer does not depend on the zone). */
const PROBE: PromiseContext = {
  sentAt: '2026-01-07T12:00:00Z',
  timeZone: 'UTC',
  workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
  defaultWorkingDays: 2,
};

/**
 * Every commitment form contains one of these; most sentences do not, and skip the full rules. "let me know", the
 * commonest request in mail, is no "let me" the rules read (LET_ME names the acts it takes after "let me"): a
 * sentence with only that skips them too. corpus/prefilters.test.ts checks over the corpora that the rules keep
 * the same promises with this test as without it.
 */
const MAY_COMMIT_WRITTEN =
  /plan|intend|will|'ll|’ll|shall|should|going to|gonna|let me(?!\s+know\b)|expect|consider it|leave it with me|on it|can (?:have|get)|sending|sharing|forwarding|delivering|shipping|submitting|circulating|publishing|releasing|calling|emailing|posting|uploading|deploying|getting/i;
/** MAY_COMMIT_WRITTEN as the engine reads it fastest (text/first-letter-alternation.ts); read with test() only. */
const MAY_COMMIT = groupedAnywhereByFirstLetter(MAY_COMMIT_WRITTEN);

/** What a plan delivers to its readers: a release, an addition, a fix (PLAN's action, after "plan to"). */
const PLANNED_DELIVERY = /^(?:add|release|submit|upload|implement|fix|publish|include|incorporate|provide|post|send|ship|port|document)\b/i;

/** Steps of one's own analysis, as an asker describes them. */
const OWN_ANALYSIS = /^(?:(?:try to |then |just |first )?(?:compute|calculate|pivot|merge|subset|aggregate|simulate|fit|regress|estimate|fetch|transform|reshape|normali[sz]e|take (?:\d+|one|two|three|four|five|ten|some|a few) (?:sets|samples|values|observations|rows)))\b/i;

/**
 * A quotation: a sentence that opens with a quote mark, or whose quoted words are attributed to someone ('," he said',
 * '," Gates said', '" the minister told Reuters'), or that closes a quotation opened in an earlier sentence.
 */
const QUOTATION = /^\s*["“]|^\s*['‘](?=[A-Z])|^[^"“”]*[.!?,]["”]\s*$|["”]\s*,?\s*(?:(?:[A-Z][\w.'’-]*|the|a|an|of|and|for|in|at)\s+){0,7}?(?:said|says|told|added|wrote|declared|stated|explained|insisted|warned|announced)\b/;

/** The cheap tests before QUOTATION and REPORT_WHEN: most commitments hold no quote mark and no "when / once". */
const QUOTE_MARK = /["“”]|^\s*['‘]/;
const WAITS_WORD = /\b(?:when|once|soon)\b/i;

/** What a policy does, after "we will": the verbs of speeches, strategies and press statements. */
const POLICY =
  /^(?:(?:continue to|seek to|work to|strive to|also|further|always)\s+)*(?:advance|promote|strengthen|pursue|support|seek|banish|dedicate|invest|partner|engage|extend|deepen|expand|defend|protect|uphold|champion|stand (?:by|with|up)|cooperate|redouble|bolster|foster|empower|mobili[sz]e|convene|leverage|harness|intensify|combat|counter|fight|oppose|condemn|encourage|urge|call on|hold (?:\w+ )?accountable|remain (?:committed|engaged|vigilant)|not (?:rest|tolerate|hesitate)|never)\b/i;
const SECOND_PERSON = /\b(?:you|your|u)\b/i;
/** A release that carries a plan to the readers ("in the next version", "in release 2.1"): a roadmap item then commits (round 5). */
const NAMED_RELEASE = /\b(?:next|upcoming|coming|following|new) (?:version|release|update|build)\b|\b(?:version|release|v)\s?\d/i;
/** A project's plan for its own code, with "we": going, planning or intending to add, migrate, implement, port ... */
const ROADMAP =
  /\bwe(?:'re|’re| are)? (?:going|plan(?:ning)?|intend(?:ing)?) to (?:\w+ )?(?:add|migrate|implement|provide|move|port|support|integrate|switch|rewrite|refactor|replace|pursue|extend|expand|develop|introduce|deprecate|drop|split|restructure|redesign|convert)\b/i;

/** A supercite quote prefix inside a sentence whose lines were joined ("... Douglas> For R I will ..."). */
const SUPERCITE_MARK = /(?:^|\s)[A-Za-z][A-Za-z]{0,11}>\s/;
/** SUPERCITE_MARK after the ">" it needs, which few sentences have: the pattern itself tries every place in the sentence. */
function hasSuperciteMark(sentence: string): boolean {
  return sentence.includes('>') && SUPERCITE_MARK.test(sentence);
}

/** A story of what someone said: "I said to my wife 'No problem, I'll ...'". */
const REPORTED_SPEECH = /\b(?:said|says|told|tell|asked|wrote|replied|answered)\b[^'"“‘]{0,40}['"“‘]|\b(?:keep|kept|always) (?:saying|promising|telling)\b/i;

/**
 * The commitment's subject right after a question word: "whether we will", "how much dropout we will find"; not a
 * relative ", which" ("a solution, which I'll put in the next release").
 */
/** "probably" / "maybe" standing right before a time: the time is uncertain, not the act. */
const HEDGED_TIME = /\b(?:probably|possibly|likely|maybe)\s+(?=(?:around|about|by|before|tomorrow|today|tonight|later|early|next|this (?:morning|afternoon|evening|week)|in (?:an?|\d+|the)|within|on (?:mon|tue|wed|thu|fri|sat|sun))\b)/gi;

const EMBEDDED_QUESTION = /\b(?:whether|how(?: much| many)?|what|(?<=\b(?:know|knows|knew|sure|unsure|decide|decided|deciding|choose|see|tell|ask|asked|wonder|wondering|clear|unclear|idea|check|determine|say|figure out|find out|matter|matters|depends on|depending on|question of)\s+)which|why|where)\s+(?:[\w-]+\s+){0,3}$|\bwhen\s+$/i;

/** Someone else's words: "he says we'll have those by Monday" reports, it does not commit. */
const REPORTED = /\b(?:he|she|they|[A-Z][a-z]+)\s+(?:says|said|tells me|told me|told us|mentioned|thinks|reckons)\b(?!\s+(?:I|we)\s+(?:should|must|need))/;

/**
 * `prefix`: the clauses of the sentence before this one, whose conditions and offers still hold ("If you
 * send it, I'll read it and I'll reply": the reply waits on them too). `commitment`: commitmentClause(sentence)
 * when the sentence may commit (MAY_COMMIT), else null; the caller has usually read it already (decide
 * changes it, so each reading is passed once).
 */
function decide(sentence: string, context: PromiseContext, prefix: string, commitment: Commitment | null, reasons: Reasons): { commitment: Commitment | null; reason?: string } {
  if (!commitment) return { commitment, reason: 'no commitment' };
  if (prefix) commitment.before = `${prefix} ${commitment.before}`;
  if (reasons === 'any' && rejectedAtOnce(commitment)) return { commitment, reason: 'no act owed' };
  const reason = rejection(prefix ? `${prefix} ${sentence}` : sentence, commitment);
  if (reason) return { commitment, reason };
  // "I can have it ready ...", "you'll have it ...", "expect it ..." and "the deck will be ready ..." only
  // commit when they name a date ("you should see this in R" does not).
  const needsDate: ClauseKind[] = ['can-have', 'you-will-have', 'expect', 'deliverable', 'plan'];
  // The date may come first: "By Friday you'll have the final version from me."
  const dated = commitment.kind === 'you-will-have' || commitment.kind === 'expect' ? sentence : commitment.clause;
  // A plan to deliver something to the readers ("I plan to add qpdf to rtools", "we intend to release a fix") is a
  // roadmap, which commits without a date; other plans ("I plan to try it", "I plan to use it") need one.
  const roadmap = commitment.kind === 'plan' && PLANNED_DELIVERY.test(commitment.action);
  if (needsDate.includes(commitment.kind) && !roadmap && !resolveDueDate(dated, context)) return { commitment, reason: 'no date' };
  return { commitment };
}

/**
 * Mail written all in lower case ("i'll get the numbers over to you") or ALL IN CAPS reads as ordinary
 * case for the rules, which rely on "I" and on capitals to find names.
 */
const LOWER_LETTER = /[a-z]/;
const TWO_CAPITALS = /[A-Z]{2}/;
const CAPITAL_NOT_I = /[A-HJ-Z]|\BI|I\B/;
const LOWER_I = /\bi(?=\b|['’])/g;

function normalCase(sentence: string): string {
  if (!LOWER_LETTER.test(sentence) && TWO_CAPITALS.test(sentence)) {
    const lower = sentence.toLowerCase();
    return normalCase(lower.charAt(0).toUpperCase() + lower.slice(1));
  }
  // A capital other than a standalone "I" (the same test as /[A-Z]/ on the sentence with /\bI\b/ removed,
  // without building that copy): a capital I with a letter or digit beside it is part of a word.
  if (CAPITAL_NOT_I.test(sentence)) return sentence;
  return sentence.replace(LOWER_I, 'I');
}

/** A new commitment starts here: "..., and I'll book the kickoff", "; we will also ...", "and will call you". */
const NEXT_COMMITMENT =
  /(?:,\s*|\s+)(?:and|but|also|plus|then)\s+(?:then\s+|also\s+)?(?=(?:I|we|We)(?:'ll|’ll| will| shall| am going to|'m going to)\s|will\s+(?!be\b(?!\s+(?:glad|happy|pleased))|have to\b|need\b)[a-z]+\s|(?:my colleague|our (?:\w+ )?team)\b)|;\s+/g;

/**
 * The parts of a sentence that may each hold one commitment: a parenthesis of its own ("(I will
 * investigate the others)") and clauses that start a new commitment ("I'll send the SOW tomorrow and
 * I'll book the kickoff for next week" holds two promises).
 */
const PARENTHESIS = /\(([^()]{8,})\)/g;
const I_OR_WE = /\b(?:I|we)\b/i;
const CLAUSE_JOINT = /[,;]|\b(?:and|but|also|plus|then)\b/;
const OPENING_WILL = /^will\b/;

// A module-level function rather than a closure made per call: under tsx (which runs the CLI and the server)
// every named closure is also given its name at creation (esbuild's keepNames), a slow property definition.
/** Lists outer[from, end) as a clause, unless it is blank. A carried-over "and will call you Monday" reads as the subjectless "Will call you Monday". */
function pushClause(clauses: { part: string; prefix: string }[], outer: string, from: number, end: number): void {
  const part = from === 0 ? outer.slice(0, end).trim() : outer.slice(from, end).trim().replace(OPENING_WILL, 'Will');
  if (part) clauses.push({ part, prefix: outer.slice(0, from).trim() });
}

function commitmentParts(sentence: string): { part: string; prefix: string }[] {
  const parts: { part: string; prefix: string }[] = [];
  let outer = sentence;
  if (sentence.includes('(')) {
    outer = sentence.replace(PARENTHESIS, (whole, inner: string) => {
      if (!I_OR_WE.test(inner)) return whole;
      parts.push({ part: inner.trim(), prefix: '' });
      return ' ';
    });
  }
  if (!CLAUSE_JOINT.test(outer)) return [{ part: outer.trim(), prefix: '' }, ...parts];
  const clauses: { part: string; prefix: string }[] = [];
  let from = 0;
  NEXT_COMMITMENT.lastIndex = 0;
  for (let m = NEXT_COMMITMENT.exec(outer); m; m = NEXT_COMMITMENT.exec(outer)) {
    if (m.index > from) pushClause(clauses, outer, from, m.index);
    from = m.index + m[0].length;
  }
  pushClause(clauses, outer, from, outer.length);
  return [...clauses, ...parts];
}

/** A first step that only prepares what follows: "Let me double-check the figures and I'll confirm by 4pm" is one promise. */
const PREPARATORY = /^(?:let me |(?:I|we)(?:'ll|’ll| will) )(?:double-check|check|look into|look at|review|dig|find out|talk to|speak to|ask|investigate|confirm with|verify|go through|run (?:this|it|that) by)\b/i;

interface PartDecision {
  part: string;
  commitment: Commitment | null;
  reason?: string;
}

/**
 * Which reason a part turned away is given: `first`, the first of rejection()'s list, as explainPromises and readCommitment
 * tell it; `any`, whichever is found soonest ("no act owed" from rejectedAtOnce), for findPromises, which keeps only the
 * parts with none.
 */
type Reasons = 'first' | 'any';

/** `prefiltered`: false only for corpus/prefilters.test.ts, which reads every sentence with the full rules too. */
function decideSentence(sentence: string, context: PromiseContext, reasons: Reasons = 'first', prefiltered = true): PartDecision[] {
  const normal = normalCase(sentence);
  if (prefiltered && !MAY_COMMIT.test(normal)) return [{ part: sentence, commitment: null, reason: 'no commitment' }];
  if (hasSuperciteMark(normal)) return [{ part: sentence, commitment: commitmentClause(normal, context.colleagues), reason: 'quoted' }];
  let parts = commitmentParts(normal);
  // Each part's commitmentClause as counted below, handed to decide() rather than read again; and
  // MAY_COMMIT, known to hold for the whole sentence, not tested on it again.
  let readings: (Commitment | null)[] = [];
  // Clauses are judged apart only when two of them commit, and not when the first only prepares the
  // second ("Let me double-check the figures and I'll confirm by 4pm" is one promise).
  if (parts.length > 1) {
    // An offer in a later clause ("... and will be glad to send the forms if you like") is judged apart too.
    const committing: { part: string; prefix: string }[] = [];
    for (const p of parts) {
      const reading = commitmentClause(p.part, context.colleagues);
      readings.push(reading);
      if (reading !== null || /^(?:will|(?:I|we)(?:'ll|’ll| will)) be (?:glad|happy|pleased)\b/i.test(p.part)) committing.push(p);
    }
    if (committing.length < 2 || PREPARATORY.test(committing[0]!.part)) {
      const inner = parts.filter((p) => p.prefix === '' && p.part !== parts[0]!.part && normal.includes(`(${p.part}`));
      parts = [{ part: normal.replace(/\(([^()]{8,})\)/g, (whole, text: string) => (inner.some((p) => p.part === text.trim()) ? ' ' : whole)).trim(), prefix: '' }, ...inner];
      readings = [];
    }
  }
  const out: PartDecision[] = [];
  for (const [i, { part, prefix }] of parts.entries()) {
    const mayCommit = !prefiltered || part === normal || MAY_COMMIT.test(part);
    const read = readings[i];
    const decided = decide(part, context, prefix, mayCommit ? (read !== undefined ? read : commitmentClause(part, context.colleagues)) : null, reasons);
    // A question mark at the end of the sentence belongs to every clause of it.
    const reason = decided.reason ?? (i < parts.length - 1 && isQuestion(normal) && prefix !== '' ? 'question' : undefined);
    out.push({ part, commitment: decided.commitment, ...(reason ? { reason } : {}) });
  }
  return out;
}

/** Every sentence with the decision and why: for tests, the benchmark and a "why" view. */
export function explainPromises(visible: string): PromiseDecision[] {
  return splitSentences(visible).map((sentence) => {
    const decisions = decideSentence(sentence, PROBE);
    const kept = decisions.find((d) => d.commitment && !d.reason);
    if (kept) return { sentence, promise: true };
    return { sentence, promise: false, reason: decisions.find((d) => d.commitment)?.reason ?? decisions[0]?.reason ?? 'no commitment' };
  });
}

/**
 * Each part of a sentence and its reason, if it is turned away, read with `reasons` (see Reasons): for
 * corpus/prefilters.test.ts, which checks that findPromises's way ('any') keeps exactly the parts the rules' own
 * order ('first') keeps, and (`prefiltered` false: every sentence read by the full rules) that MAY_COMMIT turns
 * away no promise.
 */
export function promisePartReasons(sentence: string, reasons: 'first' | 'any', prefiltered = true): { part: string; committed: boolean; reason?: string }[] {
  return decideSentence(sentence, PROBE, reasons, prefiltered).map((d) => ({ part: d.part, committed: d.commitment !== null, ...(d.reason ? { reason: d.reason } : {}) }));
}

/** The commitment the rules read in one sentence (the kept one, else the first seen) and their verdict. */
export interface CommitmentReading {
  promise: boolean;
  reason?: string;
  commitment: { kind: string; before: string; clause: string; action: string } | null;
}

/** For the second-stage measurement (bench/tools/promise-model.ts): what the rules saw in a sentence. */
export function readCommitment(sentence: string): CommitmentReading {
  const decisions = decideSentence(sentence, PROBE);
  const kept = decisions.find((d) => d.commitment && !d.reason);
  const seen = kept ?? decisions.find((d) => d.commitment);
  const commitment = seen?.commitment ? { kind: seen.commitment.kind, before: seen.commitment.before, clause: seen.commitment.clause, action: seen.commitment.action } : null;
  return kept ? { promise: true, commitment } : { promise: false, reason: seen?.reason ?? decisions[0]?.reason ?? 'no commitment', commitment };
}

/** What may come before a date that opens the sentence: "So in October, we'll ...". */
const LEAD_IN = /^\s*(?:(?:so|and|then|ok|okay|sure|great|also|anyway|right)[,!.]?\s+)?$/i;

/**
 * The date stated before the commitment. A month, quarter or year there counts only when it opens the
 * sentence ("In October, we'll ..."): elsewhere it is usually a topic or a past event ("Following our
 * review in October, I'll send the notes", "Sales were up this quarter, so I'll ...").
 */
function leadingOrDayDue(sentence: string, context: PromiseContext): ReturnType<typeof resolveDueDate> {
  const due = resolveDueDate(sentence, context);
  if (!due?.period) return due;
  return LEAD_IN.test(sentence.slice(0, sentence.indexOf(due.dueText))) ? due : null;
}

const STARTING = /\b(?:starting|beginning|commencing|effective|as of)\b/i;

/**
 * Where our commitment's own words end and someone else's begin: "I'll send the draft so that you can
 * review it by Friday" is due by our date (none here), not by the reader's Friday; nor by the writer's own whereabouts told
 * beside it ("I'll test this later, I have to go in five minutes", "... but I am having surgery in the morning"). A colon before a capital opens
 * what the commitment announces ("will keep u updated: Ahmed ... died in a crash on Friday"), not its date; a dash before
 * someone else's clause closes ours ("Will do -- he is coming to DC in June so will set up").
 */
const OTHER_CLAUSE =
  /[,;]?\s+(?:so(?: that)?|so as|in order for|before|after|once|when|while|because|since|until|unless|if)\s+(?:you|your|they|their|he|she|the client|everyone|everybody)\b|[,;]?\s+so that\s+(?!(?:I|we)\b)|[,;]\s+(?:and\s+)?(?:you|they)(?:'ll|’ll| will| can| need| must| should| have to)\b|(?:[,;]|\s+but)\s+(?:I|we)(?:'m|’m| am|'re|’re| are) (?:having|leaving|off|out|away|travel+ing|flying|going (?:to|on|away|out|home))\b|(?:[,;]|\s+but)\s+(?:I|we) (?:have|need|got) to (?:go|leave|run|head|catch)\b|\s+(?:--|–|—)\s+(?:he|she|they)\s+(?:is|are|was|were|will|'s|’s|'re|’re|'ll|’ll)\b/i;
const ANNOUNCED = /:\s+(?=[A-Z])/;

function ownWords(clause: string): string {
  const ends = [OTHER_CLAUSE.exec(clause)?.index, ANNOUNCED.exec(clause)?.index].filter((at): at is number => at !== undefined && at > 0);
  return ends.length > 0 ? clause.slice(0, Math.min(...ends)) : clause;
}

/**
 * A date offered as a maybe ("and (possibly later today) prepare a package") is no due date. A date given as
 * the likely one ("probably around 60-90 minutes from now", "shortly (probably tomorrow)") is the writer's own
 * estimate, and the reminder belongs there rather than at the default.
 */
const MAYBE_BEFORE = /\b(?:possibly|maybe|perhaps|hopefully|if possible)[\s(,]*$/i;
function unhedged(due: ReturnType<typeof resolveDueDate>, text: string): ReturnType<typeof resolveDueDate> {
  if (!due) return due;
  const at = text.indexOf(due.dueText);
  return at > 0 && MAYBE_BEFORE.test(text.slice(Math.max(0, at - 30), at)) ? null : due;
}

/**
 * The sentence from the last semicolon before the commitment on: a semicolon closes a clause of its own, and
 * a date there is that clause's ("the URL is likely to change in the next few weeks; will keep you posted").
 */
function sinceLastBreak(whole: string, before: string): string {
  const at = before.lastIndexOf(';');
  return at >= 0 && whole.startsWith(before) ? whole.slice(at + 1) : whole;
}

/** What joins a second deliverable to a dated first one: "..., and the budget on Friday". */
const AND_NEXT = /^\s*,?\s+and\s+(?:(?:also|then)\s+)?/i;
/** A second part that is someone else's act, or a new subject (NEXT_COMMITMENT splits those already). */
const NOT_OURS_NEXT = /^(?:you|your|they|their|he|she|it|I|we|(?:[A-Z][a-z]+ )+(?:will|can|should|is|are)\b)/;
/** A noun phrase that shares the first part's verb ("the budget on Friday"), not a verb of its own. */
const NOUN_PHRASE = /^(?:the|a|an|our|my|your|this|that|these|those|some|all|any|both|each|every|\d)\b/i;

/**
 * Two deliverables under one commitment, each with a date of its own: "I will send the deck on Tuesday
 * and the budget on Friday", "We will fix the login bug this week and send the revised invoice by
 * Monday". Read as one, the second was never tracked (issue 11). Each half keeps the commitment's
 * subject and modal ("We will"); a shared verb goes with a bare noun phrase ("I will send the budget on
 * Friday"). One date for both ("the deck and the budget on Friday") is one promise, and so is a first
 * step that only prepares the second (PREPARATORY).
 */
function coordinatedDeliverables(whole: string, commitment: Commitment, context: PromiseContext): { text: string; due: NonNullable<ReturnType<typeof resolveDueDate>> }[] | null {
  const { before, action } = commitment;
  if (!action.includes(' and ')) return null;
  // In the writer's words: the rules read "We'll" as "We will".
  const at = whole.lastIndexOf(action);
  if (at < before.length || !whole.startsWith(before)) return null;
  const own = ownWords(action);
  const first = resolveDueDate(own, context);
  if (!first) return null;
  const end = own.indexOf(first.dueText) + first.dueText.length;
  const joint = AND_NEXT.exec(own.slice(end));
  if (!joint) return null;
  const rest = own.slice(end + joint[0].length).trim();
  if (NOT_OURS_NEXT.test(rest)) return null;
  const second = resolveDueDate(rest, context);
  if (!second || second.dueText === first.dueText || second.dueAt === first.dueAt) return null;
  const lead = whole.slice(before.length, at);
  if (PREPARATORY.test(`${lead}${own}`)) return null;
  const verb = NOUN_PHRASE.test(rest) ? `${/^\S+/.exec(action)![0]} ` : '';
  return [
    { text: `${whole.slice(0, at)}${own.slice(0, end)}`, due: first },
    { text: `${lead}${verb}${rest}`, due: second },
  ];
}

/** A promise as read: its words and the date they state (null when they state none, and the default applies). */
export interface PromiseAsRead {
  text: string;
  due: ResolvedDue | null;
  /** The whole sentence, when the promise is one of several in it. */
  sentence?: string;
}

/**
 * findPromises without the default due date of an undated promise: what readBatch keeps of a promise (its words and
 * its stated date) does not include it, and the facts derived from what was read compute it again for the settings in
 * force. `sentences`: splitSentences(visible), when the caller has it already (readBatch splits each body once for
 * every family).
 */
export function readPromises(visible: string, context: PromiseContext, sentences: readonly string[] = splitSentences(visible)): PromiseAsRead[] {
  const out: PromiseAsRead[] = [];
  for (const sentence of sentences) {
    const kept = decideSentence(sentence, context, 'any').filter((d): d is PartDecision & { commitment: Commitment } => d.commitment !== null && !d.reason);
    for (const { part, commitment } of kept) {
      const whole = kept.length === 1 ? normalCase(sentence) : part;
      const halves = coordinatedDeliverables(whole, commitment, context);
      if (halves) {
        for (const half of halves) out.push({ text: snippet(half.text), due: half.due, sentence: snippet(sentence) });
        continue;
      }
      // The date usually follows the commitment; look at the whole part only when it does not, or when
      // a start date comes first ("Starting 24 April, we'll send the report every Friday").
      const startsFirst = commitment.before !== '' && STARTING.test(commitment.before);
      const due = unhedged(
        (startsFirst ? resolveDueDate(whole, context) : null) ??
          resolveDueDate(ownWords(commitment.clause), context) ??
          (commitment.before ? leadingOrDayDue(ownWords(sinceLastBreak(whole, commitment.before)), context) : null),
        whole,
      );
      // Several promises in one sentence: each is tracked on its own words, with the sentence beside it.
      const finding: PromiseAsRead = { text: snippet(kept.length === 1 ? sentence : part), due };
      if (kept.length > 1) finding.sentence = snippet(sentence);
      out.push(finding);
    }
  }
  return out;
}

/** `sentences`: splitSentences(visible), when the caller has it already. */
export function findPromises(visible: string, context: PromiseContext, sentences: readonly string[] = splitSentences(visible)): PromiseCandidate[] {
  return readPromises(visible, context, sentences).map(({ text, due, sentence }) => {
    const candidate: PromiseCandidate = due
      ? { text, dueAt: due.dueAt, dueIsDefault: false, dueText: due.dueText }
      : { text, dueAt: defaultDueDate(context), dueIsDefault: true };
    if (sentence !== undefined) candidate.sentence = sentence;
    return candidate;
  });
}
