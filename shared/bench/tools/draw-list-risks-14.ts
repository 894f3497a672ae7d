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
 */
import { writeFileSync } from 'node:fs';
import { usedSentences } from './state-mail';
import { TWISTED_LIST_SOURCE, findTwistedList, readTwistedList, type TwistedMessage } from './twisted-list';
import { BERLIOS_LIST_SOURCE, findBerliosLists, readBerliosLists } from './berlios-lists';
import { IMAGEJ_LIST_SOURCE, findImagejLists, readImagejLists } from './imagej-lists';
import { DISPLEASURE, STRONG, TROUBLE, drawListUsers, riskReference, usedMessages } from './list-risk-draw';

const imagejDir = findImagejLists();
const twistedDir = findTwistedList();
const berliosDir = findBerliosLists();
if (!imagejDir || !twistedDir || !berliosDir) throw new Error('set FOLLOWTHROUGH_IMAGEJ_LIST_DIR, FOLLOWTHROUGH_TWISTED_LIST_DIR and FOLLOWTHROUGH_BERLIOS_LIST_DIR');
const [outFile = 'inbound-draw'] = process.argv.slice(2);
// Run again with the round's file present, the draw is the same: its own items do not count as drawn before.
const OWN_FILE = 'inbound-lists-14.refs.jsonl';

const usedText = usedSentences(OWN_FILE);
const usedRefs = usedMessages(OWN_FILE);
const seen = new Set<string>();
const stratumOf = (sentences: readonly string[]): string =>
  sentences.some((s) => DISPLEASURE.test(s)) ? 'displeasure' : sentences.some((s) => STRONG.test(s)) ? 'strong' : sentences.some((s) => TROUBLE.test(s)) ? 'words' : 'plain';
const draw = (source: string, messages: readonly TwistedMessage[], lists: readonly string[] | undefined, projectWriters: number, wanted: Record<string, number>) =>
  drawListUsers({ seed: 'round 14 risks|', source, messages, lists, projectWriters, wanted, stratumOf, usedText, usedRefs, seen });

const drawn = [
  ...draw(IMAGEJ_LIST_SOURCE, readImagejLists(imagejDir), undefined, 10, { displeasure: 70, strong: 45, words: 50, plain: 25 }),
  ...draw(TWISTED_LIST_SOURCE, readTwistedList(twistedDir), ['twisted-python', 'twisted-web'], 10, { displeasure: 60, strong: 15 }),
  ...draw(BERLIOS_LIST_SOURCE, readBerliosLists(berliosDir), undefined, 3, { displeasure: 60, strong: 15 }),
];
writeFileSync(`${outFile}.refs.jsonl`, drawn.map((d) => JSON.stringify(riskReference(d))).join('\n') + '\n');
writeFileSync(`${outFile}.text.jsonl`, drawn.map((d) => JSON.stringify({ text: d.text, author: d.author, subject: d.subject, ...riskReference(d) })).join('\n') + '\n');
console.error(`drew ${drawn.length} sentences from ${new Set(drawn.map((d) => `${d.source}|${d.ref}`)).size} messages`);
