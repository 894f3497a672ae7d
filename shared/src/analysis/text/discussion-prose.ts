/**
 * Discussion prose that has the shape of a commitment and owes the reader nothing (README "Round 11 (promises)"):
 * - naming and notation ("I will call "code of f" such a description", "an output that we'll call qBp", "I will
 *   write xRy for ...", "I'll define 'God' as ...");
 * - moves of the argument made in this very message ("I'll make two comments", "I'll grant you that", "I will argue
 *   that ...", "I'll go even further and suggest ...");
 * - what happens to the writer rather than what he does ("I will observe heads", "I will survive", "I will
 *   experience both");
 * - reading for oneself ("I will look at Huw Price's book", "I'll check out the paper by Zeh", "I'll reread it") and
 *   acts on oneself ("I'll make myself a cup of coffee", "I'll try and calm myself down");
 * - "I will" mentioned, not used: inside quote marks ('the probability of "I will observe X"') or as the content of a
 *   probability, a prediction or a saying ("the probability that I will observe ...", "Saying that I will wake up").
 * - "we" reasoning through an argument with the reader ("we will derive ...", "we will come back to this point").
 * - (README "Round 12 (promises)") more moves made here ("I'll add one thing", "I'll re-iterate", "I'll share something
 *   that helped", "I'll make some guesses", "I'll give a high-level overview", "I'll go ahead assuming ..."); an "I will"
 *   inside a quotation opened earlier in the sentence; looking at help the reader gave ("Thanks for the pointer, I'll
 *   have a look") and playing with it.
 * - (README "Round 15 (promises)") where the writer stops or what he gives here ("I'll stop here", "so I'll stifle
 *   here", "I'm going to give another analogy here first", "I'll give you some history", "I'll answer on-list:",
 *   "I'll comment briefly", "I will interject", "I'll readily concede").
 * - (README "Round 16 (promises)") the discussion's own moves: clarifying or putting it another way ("I'll try my best to
 *   clarify", "I'll try to put it in more quantitative form"), "I'll try to nail this here", "I will reply in return", a
 *   point raised after some others, "I'll warn you, though, ...", "I will propose you ...", words one would say ("I'll
 *   reply, "Damn!""), "I'll just answer part of this", "I'm going to expose my confusion", "I'll make this a new topic",
 *   "I'll add to the cons ...", "I'll back up the suggestions I've made".
 * A stated date or an explicit hand-over ("and send you my comments") keeps the commitment: the caller checks both.
 */

/** The reading of a commitment these tests need: the words before it, its verb phrase, its subject. */
export interface ExpositionInput {
  before: string;
  action: string;
  clause: string;
}

/** Cheap test first: every family below has one of these words (most commitments have none). */
const MAY_BE_EXPOSITION =
  /\b(?:call|write|define|denote|refer|notation|acronyms?|initials|term|argue|assert|claim|insist|contend|grant|concede|stipulate|postulate|posit|state|restate|reiterate|iterate|stress|comments?|points?|subpoints|remarks|observations|thoughts|further|limb|bite|pass|observe|perceive|experience|survive|witness|die|fear|wake|myself|ourselves|look|check|reread|re-read|library|understand|book|paper|article|thesis|prove|derive|deduce|obtain|reason|invoke|interview|rediscover|come back|return|probability|chance|likelihood|odds|predicts?|prediction|saying|proposition|statement|belief|illusion|examples?|answers?|illustrations?|tell|express|relate|widen|narrow|broaden|fix|use|pose|slowly|opportunity|suggestions?|advice|into account|into consideration|think|work at|archives?|re-iterate|add|share|guess(?:es)?|overview|backpedal|suppose|assume|presume|assuming|defer|take a look|have a look|play|background|rundown|snip|answer|hazard|advice|suggestions?|stop|stifle|leave it|analogy|metaphor|history|briefly|interject|clarify|put|nail|form|return|raise|warn|propose|reply|say|respond|parts?|expose|topic|thread|cons|pros|back up)\b|["“]/i;

/** "call" naming a thing: a quoted or marked term, or "X the Y" (not "call him the day after"). */
const NAMING =
  /^(?:(?:call|name|dub|label)\s+(?:(?:it|them|this|that|these|those|such [\w-]+(?: [\w-]+)?)\s+)?["“'‘*]|call\s+(?!(?:you|him|her|them|us|me|back|in|over|round|around|again|today|tomorrow|tonight|later|for|to|up|on|at|about|with|from|into|off|out|by|after|before|during|when|if|as|and|or)\b)[\w-]+\s+(?:the|an?)\s+(?!(?:day|morning|afternoon|evening|night|week|minute|moment|second|hour)\b)[\w-]+|denote\b|define\b|write\s+(?!(?:it|this|that|them|something|up|back|to|a|an|the|you|him|her|my|our|your|some|more|again)\b)\S+\s+(?:for|as|instead of|when)\b|refer to (?:it|them|this|that|these|those|[\w-]+(?: [\w-]+)?) as\b|use the following (?:acronyms|abbreviations|notation|conventions?|terms?|definitions?)\b|insert (?:my )?initials\b)/i;

/** A relative clause that names: "a plane which we'll call Flatland". */
const NAMING_RELATIVE = /\b(?:which|that|whom|what)\s*$/i;

/** Moves of the argument made here and now. */
const ARGUING =
  /^(?:(?:readily|freely|happily|gladly)\s+)?(?:interject\b|argue|assert|claim|insist|contend|grant|concede|stipulate|postulate|posit|restate|reiterate|iterate|state (?:it|this|that|my|the (?:question|problem|point|thesis))|stress\b|make (?:two|three|four|a couple of|a few|some|one|my|the following)\s+(?:(?:more|brief|short|quick|general|critical|further|small|sub-?)\s*)*(?:comments?|points?|subpoints|remarks|observations)|offer (?:my|a few|some|two) (?:thoughts|comments|remarks)|go (?:even |yet |one step |a step |a bit |a little )?further\b|(?:even )?go out on a limb|bite\b|pass on (?:this|that)\b|buy (?:that|this|it)\b|count (?:it|this|that) as|give (?:you )?(?:a|an|some|one|two|three|a few|a couple of)\s+(?:(?:typical|quick|short|brief|simple|concrete|more|few|small|little)\s+)*(?:examples?|answers?|illustrations?)\b|tell you (?:why|how)\b|express (?:it|this|that|my)\b|relate (?:it|this|that|them)\b|(?:widen|narrow|broaden) (?:the|this|my) (?:problem|question|discussion|scope of the discussion)\b|point to (?:my|the|this|a|an|his|her) (?:earlier |previous |old )?(?:post(?:ing)?|message|paper|article)\b|fix (?:the|my) ideas?\b|make use of\b|pose (?:it|them|this|the question)\b|go slowly\b|take (?:the|this) opportunity\b|take (?:your|this|that|it|these|those|the|his|her|their) (?:[\w-]+ )?(?:suggestions?|advice|comments?|points?|remarks?|feedback|input|objections?) into (?:account|consideration)|follow (?:your|his|her|their) (?:suggestion|advice)s?\b|re-iterate\b|add (?:(?:just|only) )?(?:one|a|another|two|a few|a couple of)\s+(?:(?:more|last|final|quick|small|little|further|other)\s+)*(?:thing|point|remark|thought|observation)s?\b|share (?:something|a (?:few )?(?:thoughts?|tips?|story|anecdote|observations?|experiences?))\b|(?:make|hazard|venture|take) (?:some|a few|an?|my) (?:(?:educated|wild|rough|quick)\s+)?guess(?:es)?\b|take (?:your|his|her|their) (?:advice|suggestion)s?\b|give (?:you )?an? (?:(?:quick|brief|short|high-level|general|rough|bird's-eye)\s+)*(?:overview|outline|sketch|background|rundown)\b|give (?:you )?(?:a (?:little|bit of) |some )background\b|snip\b|answer what (?:I|we) can\b|backpedal\b|(?:go ahead (?:and )?)?(?:suppose|assume|presume)\b|go ahead assuming\b|(?:just )?(?:stop|stifle|leave it) here\b|give ?(?:you )?(?:another|an|one more|the next layer of the) (?:analogy|metaphor)\b|give (?:you )?(?:a (?:little|bit of) |some )history\b|answer (?:(?:your|the|this|that|these|those|my) (?:questions?|points?|comments?) )?(?:on-?list|inline)\b|comment briefly\b|defer to (?:your|his|her|their|the list's) (?:judge?ment|expertise|opinion|decision)\b|(?:try (?:my|our) (?:very )?best to )?clarify\b|put (?:it|this|that|things) (?:in (?:a |more |another |other |simpler |plainer )?[\w-]* ?(?:form|terms|words|way)|another way|differently|more (?:simply|clearly|precisely))\b|nail (?:it|this|that)(?: down)? here\b|try (?:it|this|that) in (?:point|bullet|list|short) form\b|reply in return\b|raise (?:it |this |that )?(?:after|once|when) (?:a few|a couple of|some|two|three|the) (?:[\w-]+ )?(?:points|remarks|comments|words)\b|warn you(?=\s*[,:;]|\s+(?:that|now|though|first|up front)\b)|propose (?:to )?you\b|(?:reply|say|answer|respond)\s*[,:]\s*["“']|(?:just )?answer (?:(?:only|a|one|some) )?parts? of (?:this|it|that|your)\b|expose my (?:confusion|ignorance)\b|make (?:this|it) (?:a|another) (?:new |separate )?(?:topic|thread)\b|add to the (?:cons|pros)\b|back up (?:the|my|these|those) (?:suggestions|claims|points|arguments)\b)/i;

/** What happens to the writer: an experience or a fate, not an act. */
const HAPPENS_TO_ME =
  /^(?:(?:then|also|still|always|certainly|surely|only)\s+)?(?:observe|perceive|experience|survive|witness|wake up|die\b|fear\b|find (?:myself|ourselves)|be (?:dead|alive|conscious|copied|duplicated|reconstituted))/i;

/** Reading for oneself, and acts on oneself. */
const FOR_MYSELF =
  /^(?:(?:try to|try and|also|first|now|just)\s+)*(?:re-?read\b|think (?:some |a (?:little|bit) )?more about\b|work at (?:it|this|that)\b|(?:find|look for) (?:it|them|this|that|these|those) in the archives?\b|look (?:closer |more closely |again )?(?:at|for|over|through|into|up) (?:(?:[\w'’.-]+\s+){0,4})(?:book|paper|article|thesis|literature|oeuvre)s?\b|check out (?:(?:[\w'’.-]+\s+){0,4})(?:book|paper|article|thesis|work)s?\b|look (?:it|them|that|this|those|these) up\b|(?:get|go) to the library\b|get (?:a copy of )?(?:[A-Z][\w-]+['’]s|the|his|her|their|that) (?:[\w-]+ )?(?:book|paper|article|thesis)\b|understand\b|(?:make|calm|walk|remind|adapt|force|pace|content|treat|restrict|limit) (?:myself|ourselves)\b|go (?:away|to sleep|to bed)\b|play (?:around |a (?:little|bit) )?with (?:it|this|that|them|these|those)\b)/;

/** "We" working through the argument with the reader. */
const REASONING_WE =
  /^(?:(?:then|now|also|first|later|soon|just|eventually|again|only)\s+)*(?:prove|derive|deduce|obtain|reason|invoke|interview|rediscover|stipulate|suppose|assume|(?:come back|return|get back) (?:on|to) (?:this|that|it|these|those|the (?:[\w-]+ )?(?:point|question|problem|topic|issue|idea|notion|theorem|argument)s?)\b)/i;

/** The writer's "I will" as words about it: quoted, or the content of a probability, a prediction or a saying. */
const MENTIONED = /["“‘]\s*$|\b(?:probability|chance|likelihood|odds|predicts?|prediction|saying|says?|proposition|statement|belief|illusion|assertion)\s+(?:(?:of|that)\s+)?$/i;

/**
 * A quotation opened before the commitment and not closed: 'to say "... as soon as I've got it, I'll let you know."'
 * (an odd number of straight quotes before it, or a curly one left open), not 'I have a "cleanup" branch; I'll ...'.
 */
const insideQuotation = (before: string): boolean => (before.match(/"/g)?.length ?? 0) % 2 === 1 || /“[^”]*$/.test(before);

/**
 * Help the reader gave the writer (a link, a reply, an example): reading it is for the writer's own sake ("Thanks for
 * the link, I'll take a look", "thanks for your reply, i will check the codes"), unless a report comes with it (the
 * caller keeps those). Looking into a problem ("I'll look into it") and trying a suggestion stay promises.
 */
const THANKED_FOR_HELP =
  /\b(?:thanks|thank you|thx)\b[^.;!?]{0,20}\b(?:for (?:the|your|all the|these|those|this|that) (?:[\w-]+ )?(?:links?|pointers?|tips?|hints?|suggestions?|replies|reply|answers?|responses?|help|examples?|info|information|advice|explanations?|references?)\b|for (?:replying|answering|explaining|pointing))/i;
const LOOKING = /^(?:(?:try to|also|definitely|certainly|surely)\s+)*(?:take|have) a (?:(?:good|close|closer|quick|long|careful)\s+)?look\b|^(?:(?:try to|also)\s+)*(?:check (?:(?:it|them|this|that|these|those) out|out (?:the|your|that|this|these|those)|the (?:codes?|docs?|documentation|links?|examples?))|read (?:it|them|this|that|up on)|study (?:it|them|this|that))\b/i;

/**
 * A later message owed to the reader ("I will make some critical comments about it soon", "I will define it in some
 * other post"): the naming, arguing and reasoning families then commit after all.
 */
export const LATER_MESSAGE =
  /\b(?:soon|later|latter|asap|as soon as|tomorrow|tonight|next (?:post|mail|message|week|time)|(?:some|another|other|a later|a future|my next|the next|a separate|a follow-up|a new) (?:post|mail|e-?mail|message|thread|reply|letter|note)|next (?:letter|note)|in detail|in more detail)\b/i;

/** Why a commitment-shaped clause is discussion prose, or null. */
export function expositionReason(c: ExpositionInput): string | null {
  if (/["“]/.test(c.before) && insideQuotation(c.before)) return 'mentioned';
  if (!MAY_BE_EXPOSITION.test(c.clause) && !MAY_BE_EXPOSITION.test(c.before.slice(-40))) return null;
  if (MENTIONED.test(c.before)) return 'mentioned';
  if (NAMING.test(c.action) || (NAMING_RELATIVE.test(c.before) && /^call\s+(?!(?:you|him|her|them|us|me)\b)/i.test(c.action))) return 'notation';
  if (ARGUING.test(c.action)) return 'announces what follows';
  if (HAPPENS_TO_ME.test(c.action)) return 'not an action';
  if (FOR_MYSELF.test(c.action) && !/\b(?:to|for|with) (?:you|u)\b/i.test(c.action)) return 'own reading';
  if (THANKED_FOR_HELP.test(c.before) && LOOKING.test(c.action)) return 'own reading';
  if (/^we\b/i.test(c.clause) && REASONING_WE.test(c.action) && !/\b(?:you|your|u)\b/i.test(c.action)) return 'reasoning';
  return null;
}
