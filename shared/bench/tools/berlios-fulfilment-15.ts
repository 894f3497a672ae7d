/**
 * Round 15's fulfilment candidates (README "Round 15 (fulfilment)"): promises on the BerliOS lists (promises round 13's
 * source, `berlios-lists.ts`) followed to the same writer's later messages in the thread, promises round 13's
 * hand-labelled ones first (`outbound-berlios-lists-13.refs.jsonl`), then the engine's (list-fulfilment-draw.ts).
 * `FOLLOWTHROUGH_BERLIOS_LIST_DIR=… npx tsx bench/tools/berlios-fulfilment-15.ts > candidates.jsonl`
 */
import { BERLIOS_LIST_SOURCE, findBerliosLists, readBerliosLists } from './berlios-lists';
import { drawListFulfilment } from './list-fulfilment-draw';
import { readTwistedThreads } from './twisted-threads';

const dir = findBerliosLists();
if (!dir) throw new Error('set FOLLOWTHROUGH_BERLIOS_LIST_DIR');
drawListFulfilment({
  round: 15,
  promiseRounds: [{ round: 13, file: new URL('../../corpus/real/outbound-berlios-lists-13.refs.jsonl', import.meta.url) }],
  source: BERLIOS_LIST_SOURCE,
  messages: readTwistedThreads(dir, readBerliosLists(dir)),
});
