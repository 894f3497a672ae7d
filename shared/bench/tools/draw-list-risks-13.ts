/**
 * Draws round 13's inbound sentences for hand labelling of client risks (README "Round 13 (client risks)"): users of
 * open-source projects writing to the project's mailing list, that is to the people who make what they use (the
 * nearest thing in public mail to a customer writing to its supplier). Two sources read by the existing readers: the
 * Twisted lists (`twisted-list.ts`: twisted-python and twisted-web) and the four BerliOS lists (`berlios-lists.ts`).
 * `FOLLOWTHROUGH_TWISTED_LIST_DIR=… FOLLOWTHROUGH_BERLIOS_LIST_DIR=… npx tsx bench/tools/draw-list-risks-13.ts out`
 * writes `out.refs.jsonl` (references with empty labels) and `out.text.jsonl` (the same with text, writer, subject, for
 * labelling; not committed). Deterministic; no rule is run on the candidates.
 *
 * The draw itself is `list-risk-draw.ts`'s (who is the supplier, which sentences are candidates, skipping what earlier
 * rounds drew): the project's people are the ten most frequent writers on a Twisted list, three on a BerliOS list.
 * Messages are ordered by the SHA-256 of "round 13 risks|" + list + "|" + Message-ID. Per source, in that order, all the
 * sentences of each message go to one stratum until it is full: `strong` a message with a narrow word of a user let down,
 * kept waiting or leaving (`STRONG`, `strongCount` sentences: the lists' risks are rare, and this is where most are),
 * `words` one with only a broad word of trouble (`TROUBLE`, `wordsCount`), `plain` one with neither (`plainCount`).
 *
 * The first part gave 6 risks in 351 sentences, so a second part was drawn after it was committed (and skips it):
 * `... draw-list-risks-13.ts out 100 0 0 2` takes, in the same order, all the sentences of the messages with a word of
 * displeasure, waiting, decline or leaving (`DISPLEASURE`, narrower than `STRONG`), `wordsCount` sentences a source,
 * marked `displeasure`.
 */
import { writeFileSync } from 'node:fs';
import { TWISTED_LIST_SOURCE, findTwistedList, readTwistedList, type TwistedMessage } from './twisted-list';
import { BERLIOS_LIST_SOURCE, findBerliosLists, readBerliosLists } from './berlios-lists';
import { DISPLEASURE, STRONG, TROUBLE, drawListUsers, drawnBeforePart, riskReference } from './list-risk-draw';

const twistedDir = findTwistedList();
const berliosDir = findBerliosLists();
if (!twistedDir || !berliosDir) throw new Error('set FOLLOWTHROUGH_TWISTED_LIST_DIR and FOLLOWTHROUGH_BERLIOS_LIST_DIR');
const [outFile = 'inbound-draw', wordsCount = '90', strongCount = '60', plainCount = '30', part = '1'] = process.argv.slice(2);
const SECOND_PART = part === '2';
// Each part runs again with the round's file present (drawnBeforePart).
const OWN_FILE = 'inbound-lists-13.refs.jsonl';
const SECOND_PART_DRAW = 'displeasure';

const { usedText, usedRefs } = drawnBeforePart(OWN_FILE, SECOND_PART_DRAW, SECOND_PART);
const seen = new Set<string>();
const wanted: Record<string, number> = SECOND_PART ? { [SECOND_PART_DRAW]: Number(wordsCount) } : { strong: Number(strongCount), words: Number(wordsCount), plain: Number(plainCount) };
const stratumOf = (sentences: readonly string[]): string =>
  SECOND_PART
    ? sentences.some((s) => DISPLEASURE.test(s)) ? SECOND_PART_DRAW : 'none'
    : sentences.some((s) => STRONG.test(s)) ? 'strong' : sentences.some((s) => TROUBLE.test(s)) ? 'words' : 'plain';
const draw = (source: string, messages: readonly TwistedMessage[], lists: readonly string[] | undefined, projectWriters: number) =>
  drawListUsers({ seed: 'round 13 risks|', source, messages, lists, projectWriters, wanted, stratumOf, usedText, usedRefs, seen });

const drawn = [
  ...draw(TWISTED_LIST_SOURCE, readTwistedList(twistedDir), ['twisted-python', 'twisted-web'], 10),
  ...draw(BERLIOS_LIST_SOURCE, readBerliosLists(berliosDir), undefined, 3),
];
writeFileSync(`${outFile}.refs.jsonl`, drawn.map((d) => JSON.stringify(riskReference(d))).join('\n') + '\n');
writeFileSync(`${outFile}.text.jsonl`, drawn.map((d) => JSON.stringify({ text: d.text, author: d.author, subject: d.subject, ...riskReference(d) })).join('\n') + '\n');
console.error(`drew ${drawn.length} sentences from ${new Set(drawn.map((d) => `${d.source}|${d.ref}`)).size} messages`);
