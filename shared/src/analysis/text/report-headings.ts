/**
 * News given under a heading that says it is news: "A few quick updates: -- India: I spoke four times to ...",
 * "Update: the ferry sailed at 1pm", "Have update Ferry captain will sail at 1pm local", "Quick update on the visa: it
 * was approved". Staff write such reports to keep a promise to follow up, advise, revert or update ("Will follow up on
 * other items.", "Will advise"), and the heading is what tells them from mail that merely follows in the thread (a
 * schedule, a note of thanks). Read by deliveries.ts (such a sentence answers something) and fulfilment.ts (a promise
 * of a follow-up that names nothing is kept by it).
 *
 * The heading alone is no report ("Update:" on its own line says nothing yet), nor is one whose words are a plan of
 * ours ("Update: I'll send it Monday", "Update - will follow up tomorrow"): what the heading introduces must be there
 * and must not be our own future act.
 */

/** How many and what kind of update: "A few quick", "Status", "Latest", at most three words. */
const QUALIFIERS = String.raw`(?:(?:a|an|one|two|three|a few|few|some|several|quick|brief|short|latest|further|more|another|status|progress|final|small)\s+){0,3}`;
/**
 * What the update is about, if it says: "on India", "re: the visa", "from Tripoli". Not "for": "updates for DBI, RSQLite
 * and RMySQL" are software.
 */
const TOPIC = String.raw`(?:\s+(?:on|re:?|regarding|about|from)\s+[^:.!?]{1,60}?)?`;
/** "Update:", "A few quick updates:", "Readout from the call --", "Status report on the visa:". */
const TITLED = String.raw`${QUALIFIERS}(?:updates?|readout|(?:status|progress) report)${TOPIC}\s*(?::|\s[-–—]{1,2}\s)`;
/**
 * "Have update Ferry captain will sail", "We have an update on the visa: ...", "Got update from Ops - ...". The note form
 * without a subject or a colon only with "have" and no "the": "Have the update ready by Friday" asks for it, and "Got the
 * update from Ops yesterday" acknowledges it. With a subject, or with "got", only before a colon or a dash: "I have
 * updates for DBI ..." and "I got updates recently" are software.
 */
const KIND_OF_UPDATE = String.raw`(?:quick\s+|brief\s+|short\s+|further\s+|latest\s+)?updates?\b${TOPIC}`;
const BEFORE_NEWS = String.raw`\s*(?::|\s[-–—]{1,2}\s)`;
const HAVE = String.raw`have\s+(?:an?\s+)?${KIND_OF_UPDATE}(?:${BEFORE_NEWS}|\s)|(?:(?:i|we)\s+)?(?:have|got)\s+(?:an?\s+|the\s+|some\s+|another\s+)?${KIND_OF_UPDATE}${BEFORE_NEWS}`;

/** Exactly the flag "i": deliveries.ts joins it with its kind patterns. */
export const REPORT_HEADING = new RegExp(`^(?:${TITLED}|${HAVE})`, 'i');

/**
 * What follows the heading is no news: a plan of ours ("I'll send it Monday", "will follow up", "we are going to"), an
 * acknowledgement ("thanks for the note", "got it", "noted") or word that nothing has come yet ("still waiting", "no
 * news", "nothing yet", "not yet").
 */
const NO_NEWS = /^(?:(?:i|we)(?:'ll|’ll|\s+will|\s+shall|'m going to|’m going to|\s+am going to|'re going to|\s+are going to)|will|shall|going to|thanks|thank you|thx|got it|noted|ok|okay|sure|received|no (?:news|update|word|change|progress|response|reply|answer)|none|nothing|not yet|still (?:waiting|working|no|nothing|checking|looking|trying|pending|not)|waiting|working on|(?:i'm|i am|we're|we are) (?:still )?(?:working|looking|checking|waiting))\b/i;

/** News is words, at least two: a package manager's "updates: mirror.aarnet.edu.au" names a server. */
const SOME_WORDS = /^\S+\s+\S/;

/** Whether a sentence opens with a heading of news and gives the news after it. */
export function reportsUnderHeading(sentence: string): boolean {
  const heading = REPORT_HEADING.exec(sentence);
  if (!heading) return false;
  const news = sentence.slice(heading[0].length).replace(/^[\s:–—-]+/, '');
  return SOME_WORDS.test(news) && !NO_NEWS.test(news);
}

/** A heading with nothing after it ("Update:", "A few quick updates:"): the news is in the item that follows. */
const BARE_HEADING = new RegExp(String.raw`^${QUALIFIERS}(?:updates?|readout|(?:status|progress) report)${TOPIC}\s*(?::|[-–—]{1,2})\s*$`, 'i');
export function isBareHeading(sentence: string): boolean {
  return BARE_HEADING.test(sentence);
}
