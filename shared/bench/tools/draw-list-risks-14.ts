/**
 * Draws round 14's inbound sentences for hand labelling of client risks (README "Round 14 (client risks)"): users writing
 * to the makers of what they use, on three sources' lists: the ImageJ2 developers' list (`imagej-lists.ts`, whose users no
 * risk round has drawn), and the users of the Twisted and BerliOS lists (`twisted-list.ts`, `berlios-lists.ts`) that
 * round 13 did not draw. The draw itself is `list-risk-draw.ts`'s (who is the supplier, which sentences are candidates,
 * skipping every message an earlier round drew from); the project's people are the ten most frequent writers on the
 * ImageJ and Twisted lists, three on a BerliOS list.
 * `FOLLOWTHROUGH_IMAGEJ_LIST_DIR=… FOLLOWTHROUGH_TWISTED_LIST_DIR=… FOLLOWTHROUGH_BERLIOS_LIST_DIR=… npx tsx bench/tools/draw-list-risks-14.ts out`
 * writes `out.refs.jsonl` (references with empty labels) and `out.text.jsonl` (the same with text, writer, subject, for
 * labelling; not committed).
 * Messages are ordered by the SHA-256 of "round 14 risks|" + list + "|" + Message-ID; all the sentences of each message go
 * to the first stratum its words name, until that stratum is full: `displeasure` (a word of a user displeased, kept
 * waiting, seeing a decline or leaving), `strong` (a narrower word of trouble), `words` (a broad word of trouble), `plain`.
 * Round 13 found the lists' risks rare outside the first two; the plain and broad strata are the false-alarm side.
 *
 * The first part gave 19 risks in 343 sentences, so a second part was drawn after it was committed (and skips it):
 * `... draw-list-risks-14.ts out 2` takes, in the same order, all the sentences of the messages with a word of a user let
 * down, kept waiting, worried, looking elsewhere or paying for something that does not work (`LET_DOWN`, the families
 * the rules miss most on held-out mail), marked `let-down`.
 */
import { writeFileSync } from 'node:fs';
import { TWISTED_LIST_SOURCE, findTwistedList, readTwistedList, type TwistedMessage } from './twisted-list';
import { BERLIOS_LIST_SOURCE, findBerliosLists, readBerliosLists } from './berlios-lists';
import { IMAGEJ_LIST_SOURCE, findImagejLists, readImagejLists } from './imagej-lists';
import { DISPLEASURE, STRONG, TROUBLE, drawListUsers, drawnBeforePart, riskReference } from './list-risk-draw';

const imagejDir = findImagejLists();
const twistedDir = findTwistedList();
const berliosDir = findBerliosLists();
if (!imagejDir || !twistedDir || !berliosDir) throw new Error('set FOLLOWTHROUGH_IMAGEJ_LIST_DIR, FOLLOWTHROUGH_TWISTED_LIST_DIR and FOLLOWTHROUGH_BERLIOS_LIST_DIR');
const [outFile = 'inbound-draw', part = '1'] = process.argv.slice(2);
const SECOND_PART = part === '2';
// Each part runs again with the round's file present (drawnBeforePart).
const OWN_FILE = 'inbound-lists-14.refs.jsonl';
const SECOND_PART_DRAW = 'let-down';
// The second part's net: how users say they are let down, kept waiting, worried, looking elsewhere or paying for
// something that does not work.
const LET_DOWN =
  /\b(?:disappoint\w*|frustrat\w*|annoy\w*|unhappy|not happy|upset|angry|fed up|tired of|sick of|worried|concerned|nervous|let down|letdown|waste\w* (?:of )?(?:my |our )?time|wasted|still (?:waiting|broken|not fixed|no (?:word|answer|response|reply|news))|any (?:news|update|progress|word)|no (?:reply|response|answer|feedback)|(?:weeks|months|years) (?:ago|now|later)|for (?:weeks|months|years)|ages|how long|when will|eta|deadline|promised|unusable|useless|unreliable|unstable|buggy|crash\w*|regression|worse|broke\w*|used to work|no longer works?|stopped working|alternative\w*|switch(?:ed|ing)? (?:to|back|away)|mov(?:e|ed|ing) (?:to|away)|give up|gave up|giving up|abandon\w*|replace|drop(?:ped|ping)? (?:it|\w+ support)|paid|paying|pay for|licen[cs]e fee|support contract|customer|our users|my users|complain\w*|unacceptable|ridiculous|shame|embarrass\w*)\b/i;

const { usedText, usedRefs } = drawnBeforePart(OWN_FILE, SECOND_PART_DRAW, SECOND_PART);
const seen = new Set<string>();
const stratumOf = (sentences: readonly string[]): string =>
  SECOND_PART
    ? sentences.some((s) => LET_DOWN.test(s)) ? SECOND_PART_DRAW : 'none'
    : sentences.some((s) => DISPLEASURE.test(s)) ? 'displeasure' : sentences.some((s) => STRONG.test(s)) ? 'strong' : sentences.some((s) => TROUBLE.test(s)) ? 'words' : 'plain';
const wantedOf = (firstPart: Record<string, number>, secondPart: number): Record<string, number> => (SECOND_PART ? { [SECOND_PART_DRAW]: secondPart } : firstPart);
const draw = (source: string, messages: readonly TwistedMessage[], lists: readonly string[] | undefined, projectWriters: number, wanted: Record<string, number>) =>
  drawListUsers({ seed: 'round 14 risks|', source, messages, lists, projectWriters, wanted, stratumOf, usedText, usedRefs, seen });

const drawn = [
  ...draw(IMAGEJ_LIST_SOURCE, readImagejLists(imagejDir), undefined, 10, wantedOf({ displeasure: 70, strong: 45, words: 50, plain: 25 }, 90)),
  ...draw(TWISTED_LIST_SOURCE, readTwistedList(twistedDir), ['twisted-python', 'twisted-web'], 10, wantedOf({ displeasure: 60, strong: 15 }, 60)),
  ...draw(BERLIOS_LIST_SOURCE, readBerliosLists(berliosDir), undefined, 3, wantedOf({ displeasure: 60, strong: 15 }, 60)),
];
writeFileSync(`${outFile}.refs.jsonl`, drawn.map((d) => JSON.stringify(riskReference(d))).join('\n') + '\n');
writeFileSync(`${outFile}.text.jsonl`, drawn.map((d) => JSON.stringify({ text: d.text, author: d.author, subject: d.subject, ...riskReference(d) })).join('\n') + '\n');
console.error(`drew ${drawn.length} sentences from ${new Set(drawn.map((d) => `${d.source}|${d.ref}`)).size} messages`);
