/**
 * Draws round 12's outbound sentences for hand labelling (README "Round 12 (promises)"): the Twisted project's mailing
 * lists (`twisted-list.ts`), developers answering users and each other, writers no earlier round has seen.
 * `FOLLOWTHROUGH_TWISTED_LIST_DIR=<copy> npx tsx bench/tools/draw-twisted-12.ts out` writes `out.refs.jsonl` (what is
 * committed) and `out.text.jsonl` (the same items with their text and writer, for labelling; not committed).
 * Deterministic: candidates in the order of the SHA-256 of "round 12|" + their text.
 *
 * Candidates are the sentences of each reply's own text as the engine reads it (`visibleText`), 8-600 characters,
 * without Python code, tracebacks or paths. Strata as rounds 5-11: `A` the first 170 candidates the current rules call
 * a promise (precision), `B` the first 100 that round 1's broad first-person net catches and the rules do not, `C` the
 * first 70 first-person sentences outside the net (recall).
 */
import { drawListRound } from './list-round-draw';
import { TWISTED_LIST_SOURCE, findTwistedList, readTwistedList } from './twisted-list';

const dir = findTwistedList();
if (!dir) throw new Error('set FOLLOWTHROUGH_TWISTED_LIST_DIR to a copy of the Twisted lists\' monthly text archives');
const [outFile = 'outbound-draw'] = process.argv.slice(2);

// Code, tracebacks, shell lines, paths and addresses are not mail prose.
const CODE = /[{}]|\(\)|==|>>>|\bdef |\bself\.|\bimport \w|\bTraceback\b|File "|^\s*[#$%]|\w+\(\w*[,=]|https?:|\/\w+\/|\w\.py\b| at \w+\.\w+/;

drawListRound({ round: 12, source: TWISTED_LIST_SOURCE, messages: readTwistedList(dir), code: CODE, ownFile: 'outbound-twisted-list-12.refs.jsonl', strata: { A: 170, B: 100, C: 70 }, outFile });
