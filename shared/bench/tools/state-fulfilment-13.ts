/**
 * Round 13's fulfilment candidates in the State Department release (README "Round 13 (fulfilment)"): the part of round
 * 12's draw that round 12 did not read. Round 12 read all of its first kind (sentences no earlier net caught, in messages
 * whose own header gives an official's address: `--addressed-only`) and the first 140 of its second kind (messages of
 * officials named without an address) in its own order; the rest of the second kind, no labeller has read. Those are
 * drawn here, in a new order (SHA-256 of `"round 13|" + sender + "|" + text`), leaving out any sentence a real-mail set
 * holds. The fulfilment rules are not run here: labels are written before they are.
 *
 * Round 12's lists are its tool's output (printed by `state-fulfilment-12.ts` with the engine of its day; today's engine
 * splits a few sentences differently, see the README):
 * `npx tsx bench/tools/state-fulfilment-13.ts <round 12 all>.jsonl <round 12 --addressed-only>.jsonl > candidates.jsonl`
 */
import { readFileSync } from 'node:fs';
import type { FulfilmentCandidate } from './state-conversations';
import { sha256, usedSentences } from './state-mail';

const ROUND_12_READ_OF_NAMED = 140;
const [allFile, addressedFile] = process.argv.slice(2);
if (!allFile || !addressedFile) throw new Error('usage: state-fulfilment-13.ts <round 12 all>.jsonl <round 12 --addressed-only>.jsonl');
const readCandidates = (file: string): FulfilmentCandidate[] => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as FulfilmentCandidate);
const keyOf = (c: FulfilmentCandidate): string => `${c.sender}|${c.text}`;

const addressed = new Set(readCandidates(addressedFile).map(keyOf));
const named = readCandidates(allFile).filter((c) => !addressed.has(keyOf(c)));
const used = usedSentences('fulfilment-state-dept-13.jsonl');
const unread = named.slice(ROUND_12_READ_OF_NAMED).filter((c) => !used.has(c.sha));
const order = (c: FulfilmentCandidate): string => sha256(`round 13|${c.sender}|${c.text}`);
unread.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
for (const candidate of unread) console.log(JSON.stringify(candidate));
console.error(`${named.length} candidates of the named officials' part; ${unread.length} that round 12 did not read`);
