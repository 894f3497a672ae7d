/**
 * Round 10's fulfilment candidates in the State Department release (README "Round 10 (fulfilment)"). Rounds 8 and 9 read
 * every sentence of an official's newest message that had later mail by the same official; this round reads each document
 * as the thread it quotes (`state-chains.ts`): an official's message anywhere in a chain, newest or quoted, and the same
 * official's newer messages in any chain that holds it. Sentences as round 9 (the engine's promises and round 1's broad
 * net; the labeller decides). Left out: every candidate rounds 8 and 9 read (round 8's first 105, round 9's 378, and any
 * sentence of the same official holding one of them or held by one). Deterministic: in the order of the SHA-256 of
 * `"round 10|" + sender + "|" + text`.
 * `FOLLOWTHROUGH_STATE_MAIL_DIR=<clone>/data/docs/text npx tsx bench/tools/state-fulfilment-10.ts > candidates.jsonl`
 */
import { followInChains } from './state-chain-follow';
import { round10Candidates, rounds8And9Read } from './state-fulfilment-drawn';

const dir = process.env.FOLLOWTHROUGH_STATE_MAIL_DIR;
if (!dir) throw new Error('set FOLLOWTHROUGH_STATE_MAIL_DIR to the data/docs/text folder of the release');
const { known, laterOf, documents } = followInChains(dir);
const candidates = round10Candidates(known, laterOf, rounds8And9Read(dir));
for (const candidate of candidates) console.log(JSON.stringify(candidate));
console.error(`${known.size} messages in ${documents} documents; ${candidates.length} candidates with later mail by the same official in a chain, rounds 8 and 9's read left out`);
