/**
 * Days a phrase names that are not when the writer's act is due: the day of an event being arranged or
 * prepared for or talked about, a day that is the object of the act, the earliest the act can happen, the writer's own
 * absence, and a day asked about. Each is read from the words right before the day.
 */

/**
 * The day of an event: "set up a meeting on Thursday", "find a time next week", "the Q&A for the shows
 * tomorrow", "a note discussing our conversation on Friday". Arranging a new event ("a", "an") or preparing for
 * one ("for the") is owed before it, and writing about one ("discussing our call on Friday") whenever; "I shall coordinate the meeting on May the 4th" (the act on that
 * day) and "I'll call you tomorrow" (a verb, no event noun) keep their day.
 */
const EVENT_DAY =
  /(?:\b(?:set(?:ting)? up|schedul\w*|arrang\w*|organi[sz]\w*|book\w*|find|fix|plan\w*)\s+(?:a|an|another|some)\s+(?:\w+\s+)?|\bfor\s+the\s+(?:\w+\s+)?|\b(?:discuss\w*|about|regarding|from|of|on)\s+(?:our|my|your)\s+(?:\w+\s+)?)(?:meetings?|calls?|conversations?|discussions?|talks?|chats?|times?|dates?|sessions?|shows?|events?|hearings?|interviews?|briefings?|conferences?|summits?|visits?|trips?|lunch|dinner|breakfast|mtg)\s+(?:on\s+|for\s+)?$/i;

/**
 * The day as the object of the act: "Will take care of Sunday too", "I'll cover Monday". "I'll cover it on
 * Monday" keeps its day.
 */
const DAY_AS_OBJECT = /\b(?:take|takes|took|taking) care of\s+$|\b(?:cover|covering|handle|handling|staff|staffing)\s+$/i;

/** The earliest the act can happen, not its deadline: "that won't be before this weekend", "not before Monday". */
const NOT_BEFORE = /(?:\bnot|n['’]t)\s+(?:be\s+)?(?:\w+\s+)?before\s+$/i;

/**
 * The writer's own absence told beside the commitment: "I am out of the office today, and will reply later",
 * "I'll be away on Monday; ...". Round 17 read it when it follows the commitment ("but I am having surgery in
 * the morning"); this is the same told first.
 */
const AWAY =
  /\b(?:I|we)(?:['’]m| am|['’]re| are|['’]ll be| will be)\s+(?:out|off|away|out of (?:the )?office|on (?:leave|vacation|holiday|pto)|travel+ing)\s+(?:on\s+)?$/i;

/**
 * A day inside an indirect question, what is to be found out: "double check where he'll be on 10/26",
 * "determine whether Tues 10/26 is an option". "I'll let you know whether it works by Friday" keeps Friday.
 */
const ASKED_ABOUT = /\bwhether\s+$|\bwhere\s+(?:he|she|they|you|it)\s*(?:['’]ll|will|would)?\s+be\s+(?:on\s+)?$/i;

/** The leading preposition a day rule keeps in its match ("before this weekend"), read as part of the words before. */
const LEADING_BEFORE = /^(?:before|on|for)\s+/i;

/**
 * Whether the day a rule matched at phrase[index, end) is one of those above, not when the act is due: read from
 * the 70 characters before it (and a leading "before" / "on" / "for" the match kept).
 */
export function namesNoDueDay(phrase: string, index: number, end: number): boolean {
  // A match may start with the space before its day ("care of| Sunday").
  const match = phrase.slice(index, end).trimStart();
  const lead = LEADING_BEFORE.exec(match)?.[0] ?? '';
  const before = `${phrase.slice(Math.max(0, index - 70), index).trimEnd()} ${lead}`;
  return EVENT_DAY.test(before) || DAY_AS_OBJECT.test(before) || NOT_BEFORE.test(before) || AWAY.test(before) || ASKED_ABOUT.test(before);
}
