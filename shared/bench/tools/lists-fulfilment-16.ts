/**
 * Round 16's fulfilment candidates (README "Round 16 (fulfilment)"): the promises labelled by hand in promises round 14
 * (the ImageJ2 developers' list, `outbound-imagej-list-14.refs.jsonl`) and promises round 15 (the rules' positives,
 * `outbound-lists-positives-15.refs.jsonl`: its Pipermail archives' items; the everything-list is Hypermail, with no
 * thread reader), followed to the same writer's later messages in the thread (list-fulfilment-draw.ts). Labelled promises
 * only: no engine promises. Needs every Pipermail archive:
 * `FOLLOWTHROUGH_IMAGEJ_LIST_DIR=… FOLLOWTHROUGH_TWISTED_LIST_DIR=… FOLLOWTHROUGH_BERLIOS_LIST_DIR=… npx tsx bench/tools/lists-fulfilment-16.ts > candidates.jsonl`
 */
import { BERLIOS_LIST_SOURCE, findBerliosLists, readBerliosLists } from './berlios-lists';
import { IMAGEJ_LIST_SOURCE, findImagejLists, readImagejLists } from './imagej-lists';
import { drawListFulfilment } from './list-fulfilment-draw';
import { TWISTED_LIST_SOURCE, findTwistedList } from './twisted-list';
import { readTwistedThreads } from './twisted-threads';

const imagejDir = findImagejLists();
const twistedDir = findTwistedList();
const berliosDir = findBerliosLists();
if (!imagejDir || !twistedDir || !berliosDir) throw new Error('set FOLLOWTHROUGH_IMAGEJ_LIST_DIR, FOLLOWTHROUGH_TWISTED_LIST_DIR and FOLLOWTHROUGH_BERLIOS_LIST_DIR');
const promises14 = { round: 14, file: new URL('../../corpus/real/outbound-imagej-list-14.refs.jsonl', import.meta.url) };
const promises15 = { round: 15, file: new URL('../../corpus/real/outbound-lists-positives-15.refs.jsonl', import.meta.url) };
drawListFulfilment({ round: 16, promiseRounds: [promises14, promises15], source: IMAGEJ_LIST_SOURCE, messages: readTwistedThreads(imagejDir, readImagejLists(imagejDir)), engine: false });
drawListFulfilment({ round: 16, promiseRounds: [promises15], source: TWISTED_LIST_SOURCE, messages: readTwistedThreads(twistedDir), engine: false });
drawListFulfilment({ round: 16, promiseRounds: [promises15], source: BERLIOS_LIST_SOURCE, messages: readTwistedThreads(berliosDir, readBerliosLists(berliosDir)), engine: false });
