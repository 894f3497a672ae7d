/**
 * Draws round 7's sentences for hand labelling (README "Round 7"): mail of US Department of State officials,
 * released under FOIA (case F-2014-20439) and OCR'd to text in datahoarder/secretary-clinton-email-dump.
 * `FOLLOWTHROUGH_STATE_MAIL_DIR=<that repository>/data/docs/text npx tsx bench/tools/draw-state-7.ts out in`
 * writes `out.jsonl` (outbound) and `in.jsonl` (inbound). Deterministic: candidates in the order of the SHA-256
 * of their text; every sentence any `corpus/real/*` set holds is skipped.
 *
 * Only the first (newest) message of each released document is read, up to its quoted history, and only when its
 * sender is a federal official: a state.gov address or the Secretary's own account. Their mail is a work of the US
 * government (17 U.S.C. 105), so its text can be committed; mail from outside the Department is not drawn.
 *
 * Outbound strata, as round 5: `A` the first 120 candidates the current rules call a promise, `B` the first 70
 * that round 1's broad first-person net catches and the rules do not, `C` the first 40 first-person sentences
 * outside the net. Inbound: `request` the first 65 questions or please-sentences, `risk-words` the first 50 with
 * a risk word, `other` the first 30 of the rest. Labels are written before the rules are run on anything but A's choice.
 */
import { writeFileSync } from 'node:fs';
import { SEND_TIMES, candidateSentences, splitOf, usedSentences } from './state-mail';

const dir = process.env.FOLLOWTHROUGH_STATE_MAIL_DIR;
if (!dir) throw new Error('set FOLLOWTHROUGH_STATE_MAIL_DIR to the data/docs/text folder of the release');
const [outFile = 'outbound-draw', inFile = 'inbound-draw'] = process.argv.slice(2);

const REQUEST = /\?|\bplease\b|\bpls\b|\bcan you\b|\bcould you\b|\bwould you\b/i;
const RISK_WORDS = /\b(?:disappoint|concern|worr|cancel|budget|quality|late|delay|problem|unhappy|frustrat|complain|upset|slip|miss|behind|fail|urgent|angry|unacceptable)/i;

const candidates = candidateSentences(dir, usedSentences());
candidates.sort((a, b) => (a.sha < b.sha ? -1 : 1));

const outbound = [
  ...candidates.filter((c) => c.rules).slice(0, 120).map((c) => ({ ...c, stratum: 'A' })),
  ...candidates.filter((c) => !c.rules && c.net).slice(0, 70).map((c) => ({ ...c, stratum: 'B' })),
  ...candidates.filter((c) => !c.rules && !c.net && c.first).slice(0, 40).map((c) => ({ ...c, stratum: 'C' })),
].sort((a, b) => (a.sha < b.sha ? -1 : 1));
const taken = new Set(outbound.map((c) => c.sha));
const rest = candidates.filter((c) => !taken.has(c.sha));
const inbound = [
  ...rest.filter((c) => REQUEST.test(c.text)).slice(0, 65).map((c) => ({ ...c, draw: 'request' })),
  ...rest.filter((c) => !REQUEST.test(c.text) && RISK_WORDS.test(c.text)).slice(0, 50).map((c) => ({ ...c, draw: 'risk-words' })),
  ...rest.filter((c) => !REQUEST.test(c.text) && !RISK_WORDS.test(c.text)).slice(0, 30).map((c) => ({ ...c, draw: 'other' })),
].sort((a, b) => (a.sha < b.sha ? -1 : 1));

writeFileSync(`${outFile}.jsonl`, outbound.map((c, i) => JSON.stringify({ text: c.text, ...SEND_TIMES[i % 4], split: splitOf(c.sha), source: c.source, ref: c.ref, sender: c.sender, sha: c.sha, stratum: c.stratum })).join('\n') + '\n');
writeFileSync(`${inFile}.jsonl`, inbound.map((c) => JSON.stringify({ text: c.text, split: splitOf(c.sha), source: c.source, ref: c.ref, sender: c.sender, sha: c.sha, draw: c.draw })).join('\n') + '\n');
console.error(`${candidates.length} candidates; A ${candidates.filter((c) => c.rules).length}, net-only ${candidates.filter((c) => !c.rules && c.net).length}; drew ${outbound.length} outbound, ${inbound.length} inbound`);
