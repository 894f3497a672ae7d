/**
 * Round 9's fulfilment candidates in the State Department release (README "Round 9"): as round 8, an official's
 * sentence followed by the same official's later messages in the conversation, but drawn wider, since round 8's
 * promises the engine finds were nearly used up: every sentence the engine calls a promise or round 1's broad
 * first-person net catches (the labeller decides whether it is a promise, so promises the engine misses count too).
 * The 105 candidates round 8 read (and sentences holding one of them) (its first 105, which this commit's rules reproduce byte for byte) are left out.
 * Deterministic: in the order of the SHA-256 of `"round 9|" + sender + "|" + text`.
 * `FOLLOWTHROUGH_STATE_MAIL_DIR=<clone>/data/docs/text npx tsx bench/tools/state-fulfilment-9.ts > candidates.jsonl`
 */
import { explainPromises } from '../../src/analysis/promises';
import { splitSentences } from '../../src/analysis/text/sentences';
import { visibleText } from '../../src/analysis/visible-text';
import { type FulfilmentCandidate, fulfilmentCandidates, laterInConversation, readOfficialMessages, round8Candidates } from './state-conversations';
import { NET, sha256 } from './state-mail';

const ROUND_8_READ = 105;

const dir = process.env.FOLLOWTHROUGH_STATE_MAIL_DIR;
if (!dir) throw new Error('set FOLLOWTHROUGH_STATE_MAIL_DIR to the data/docs/text folder of the release');

const messages = readOfficialMessages(dir);
const readInRound8 = round8Candidates(messages).slice(0, ROUND_8_READ);
// A sentence holding a promise round 8 read (or held by it) in the same message is that promise again.
const wasRead = (c: FulfilmentCandidate): boolean =>
  readInRound8.some((r) => r.sender === c.sender && (r.text === c.text || (r.ref === c.ref && (r.text.includes(c.text) || c.text.includes(r.text)))));
const candidates = fulfilmentCandidates(
  messages,
  (made) => splitSentences(visibleText(made.body)).filter((s) => NET.test(s) || explainPromises(s).some((d) => d.promise)),
  (c) => sha256(`round 9|${c.sender}|${c.text}`),
  laterInConversation,
).filter((c) => !wasRead(c));
for (const candidate of candidates) console.log(JSON.stringify(candidate));
console.error(`${messages.length} official messages; ${candidates.length} candidates with later mail by the same official, round 8's read left out`);
