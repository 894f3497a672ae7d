/**
 * Draws round 9's inbound sentences for hand labelling of client risks (README "Round 9"): the same release and
 * reading as rounds 7 and 8 (`state-mail.ts`), items no earlier round holds, in an order of its own.
 * `FOLLOWTHROUGH_STATE_MAIL_DIR=<that repository>/data/docs/text npx tsx bench/tools/draw-state-risks-9.ts out`
 * writes `out.jsonl`. Deterministic: candidates in the order of the SHA-256 of "round 9 risks|" + their text.
 *
 * Client-risk language is rare in this mail, so the draw leans on it, and it keeps the sentences that only look like
 * it (worry about a foreign crisis, a delay of someone else's) so that false alarms are measured:
 * `strong` the first 130 with a word of displeasure, chasing or a slipped date; `risk-words` the first 110 of the
 * rest with a broader risk word (round 7's list and more); `other` the first 80 of what is left. The split is by
 * the text's own SHA-256, as every round. No rule is run on the candidates: labels are written before any.
 *
 * `... draw-state-risks-9.ts out principal` draws a second part after the first was committed (so it skips the first):
 * the first 150 sentences of the Secretary's own messages to her staff (the principal of those who serve her, as a
 * client is of a supplier) that chase, ask after or judge something: where a client's risk in this mail is likeliest.
 */
import { writeFileSync } from 'node:fs';
import { candidateSentences, sha256, splitOf, usedSentences } from './state-mail';

const dir = process.env.FOLLOWTHROUGH_STATE_MAIL_DIR;
if (!dir) throw new Error('set FOLLOWTHROUGH_STATE_MAIL_DIR to the data/docs/text folder of the release');
const [outFile = 'inbound-draw', part = 'first'] = process.argv.slice(2);

const STRONG =
  /\b(?:disappoint|frustrat|unacceptab|upset|annoy|angry|furious|irritat|outrag|complain|unhappy|not happy|fed up|still (?:waiting|haven't|have not|no|not)|haven't (?:heard|received|gotten|seen)|have not (?:heard|received|gotten|seen)|no (?:response|reply|answer)|behind schedule|missed|slipp|overdue|too late|yet to|why (?:hasn't|haven't|isn't|didn't|wasn't)|where is|not good enough|sloppy|mistake|inexcusable|ridiculous|embarrass)/i;
const RISK_WORDS =
  /\b(?:concern|worr|nervous|cancel|budget|quality|late|delay|problem|fail|behind|urgent|deadline|on track|alternative|replace|new (?:head|director|chief|boss)|resign|tender|in-?house|postpon|pushed back|risk|trouble|complain|escalat)/i;

const drawKey = (text: string): string => sha256(`round 9 risks|${text}`);
const candidates = candidateSentences(dir, usedSentences())
  .map((c) => ({ ...c, key: drawKey(c.text) }))
  .sort((a, b) => (a.key < b.key ? -1 : 1));

// The Secretary's account: "H" in the release's From lines, or the address itself.
const PRINCIPAL = /^H$|hrod17/i;
const CHASING =
  /\b(?:still|yet|haven't|have not|hasn't|never|where|why|what happened|when will|when do|waiting|late|again|thought|supposed|did you|didn't|did not|wasn't|isn't|can't|not sure|worr|concern|disappoint|frustrat|upset|unhappy|problem|mistake|wrong|missed|need|should)/i;

const strong = candidates.filter((c) => STRONG.test(c.text)).slice(0, 130);
const riskWords = candidates.filter((c) => !STRONG.test(c.text) && RISK_WORDS.test(c.text)).slice(0, 110);
const other = candidates.filter((c) => !STRONG.test(c.text) && !RISK_WORDS.test(c.text)).slice(0, 80);
const principal = candidates.filter((c) => PRINCIPAL.test(c.sender) && CHASING.test(c.text)).slice(0, 150);
const inbound = (
  part === 'principal'
    ? principal.map((c) => ({ ...c, draw: 'principal' }))
    : [...strong.map((c) => ({ ...c, draw: 'strong' })), ...riskWords.map((c) => ({ ...c, draw: 'risk-words' })), ...other.map((c) => ({ ...c, draw: 'other' }))]
).sort((a, b) => (a.key < b.key ? -1 : 1));

writeFileSync(`${outFile}.jsonl`, inbound.map((c) => JSON.stringify({ text: c.text, split: splitOf(c.sha), source: c.source, ref: c.ref, sender: c.sender, sha: c.sha, draw: c.draw })).join('\n') + '\n');
console.error(`${candidates.length} candidates; strong ${candidates.filter((c) => STRONG.test(c.text)).length}; drew ${inbound.length}`);
