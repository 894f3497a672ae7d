/**
 * Round 14's fulfilment candidates (README "Round 14 (fulfilment)"): promises on the Twisted project's lists followed to
 * the same writer's later messages in the thread, promises round 12's hand-labelled ones first
 * (`outbound-twisted-list-12.refs.jsonl`), then the engine's (list-fulfilment-draw.ts).
 * `FOLLOWTHROUGH_TWISTED_LIST_DIR=… npx tsx bench/tools/twisted-fulfilment-14.ts > candidates.jsonl`
 */
import { drawListFulfilment } from './list-fulfilment-draw';
import { TWISTED_LIST_SOURCE, findTwistedList } from './twisted-list';
import { readTwistedThreads } from './twisted-threads';

const dir = findTwistedList();
if (!dir) throw new Error('set FOLLOWTHROUGH_TWISTED_LIST_DIR');
drawListFulfilment({
  round: 14,
  promiseRounds: [{ round: 12, file: new URL('../../corpus/real/outbound-twisted-list-12.refs.jsonl', import.meta.url) }],
  source: TWISTED_LIST_SOURCE,
  messages: readTwistedThreads(dir),
});
