/**
 * Finds fulfilment candidates in the State Department release (README "Round 8", fulfilment): a promise the engine
 * finds in an official's newest message, and the same official's later newest messages in documents whose quoted
 * history holds the promise (a reply or forward in the same conversation). Prints JSON lines for hand labelling:
 * `FOLLOWTHROUGH_STATE_MAIL_DIR=<clone>/data/docs/text npx tsx bench/tools/state-fulfilment-8.ts > candidates.jsonl`.
 * Deterministic: promises in the order of the SHA-256 of their text.
 */
import { readOfficialMessages, round8Candidates } from './state-conversations';

const dir = process.env.FOLLOWTHROUGH_STATE_MAIL_DIR;
if (!dir) throw new Error('set FOLLOWTHROUGH_STATE_MAIL_DIR to the data/docs/text folder of the release');

const messages = readOfficialMessages(dir);
const candidates = round8Candidates(messages);
for (const candidate of candidates) console.log(JSON.stringify(candidate));
console.error(`${messages.length} official messages; ${candidates.length} promises with later mail by the same official`);
