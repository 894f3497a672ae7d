/**
 * Draws round 8's outbound sentences for hand labelling (README "Round 8"): the same release and reading as round 7
 * (`state-mail.ts`), items no earlier round holds, in a different order so the draw is not round 7's next page.
 * `FOLLOWTHROUGH_STATE_MAIL_DIR=<that repository>/data/docs/text npx tsx bench/tools/draw-state-8.ts out`
 * writes `out.jsonl`. Deterministic: candidates in the order of the SHA-256 of "round 8|" + their text.
 *
 * Strata as rounds 5 and 7, a little larger because about one in ten drawn items is not person-written mail:
 * `A` the first 120 candidates the current rules call a promise, `B` the first 75 that round 1's broad first-person
 * net catches and the rules do not, `C` the first 45 first-person sentences outside the net. The split is by the
 * text's own SHA-256, as every round, not by the draw order. Labels are written before the rules are run on
 * anything but A's choice.
 */
import { writeFileSync } from 'node:fs';
import { SEND_TIMES, candidateSentences, sha256, splitOf, usedSentences } from './state-mail';

const dir = process.env.FOLLOWTHROUGH_STATE_MAIL_DIR;
if (!dir) throw new Error('set FOLLOWTHROUGH_STATE_MAIL_DIR to the data/docs/text folder of the release');
const [outFile = 'outbound-draw'] = process.argv.slice(2);

const drawKey = (text: string): string => sha256(`round 8|${text}`);
const candidates = candidateSentences(dir, usedSentences())
  .map((c) => ({ ...c, key: drawKey(c.text) }))
  .sort((a, b) => (a.key < b.key ? -1 : 1));

const outbound = [
  ...candidates.filter((c) => c.rules).slice(0, 120).map((c) => ({ ...c, stratum: 'A' })),
  ...candidates.filter((c) => !c.rules && c.net).slice(0, 75).map((c) => ({ ...c, stratum: 'B' })),
  ...candidates.filter((c) => !c.rules && !c.net && c.first).slice(0, 45).map((c) => ({ ...c, stratum: 'C' })),
].sort((a, b) => (a.key < b.key ? -1 : 1));

writeFileSync(`${outFile}.jsonl`, outbound.map((c, i) => JSON.stringify({ text: c.text, ...SEND_TIMES[i % 4], split: splitOf(c.sha), source: c.source, ref: c.ref, sender: c.sender, sha: c.sha, stratum: c.stratum })).join('\n') + '\n');
console.error(`${candidates.length} candidates; A ${candidates.filter((c) => c.rules).length}, net-only ${candidates.filter((c) => !c.rules && c.net).length}; drew ${outbound.length} outbound`);
