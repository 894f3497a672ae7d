/**
 * Draws round 13's outbound sentences for hand labelling (README "Round 13 (promises)"): four small projects' mailing
 * lists preserved from BerliOS (`berlios-lists.ts`), maintainers answering users and users answering back, writers no
 * earlier round has seen. `FOLLOWTHROUGH_BERLIOS_LIST_DIR=<copy> npx tsx bench/tools/draw-berlios-13.ts out` writes
 * `out.refs.jsonl` (what is committed) and `out.text.jsonl` (the same items with their text and writer, for labelling;
 * not committed). Deterministic: candidates in the order of the SHA-256 of "round 13|" + their text.
 *
 * Candidates are the sentences of each reply's own text as the engine reads it (`visibleText`), 8-600 characters,
 * without code, kernel logs, device dumps or paths. Strata as rounds 5-12: `A` the first 160 candidates the current
 * rules call a promise (precision), `B` the first 70 that round 1's broad first-person net catches and the rules do
 * not, `C` the first 40 first-person sentences outside the net (recall).
 */
import { drawListRound } from './list-round-draw';
import { BERLIOS_LIST_SOURCE, findBerliosLists, readBerliosLists } from './berlios-lists';

const dir = findBerliosLists();
if (!dir) throw new Error('set FOLLOWTHROUGH_BERLIOS_LIST_DIR to a folder of the lists\' monthly text archives (<list>/<YYYY-Month>.txt)');
const [outFile = 'outbound-draw'] = process.argv.slice(2);

// Code, tracebacks, kernel logs, device dumps, shell lines, paths and addresses are not mail prose.
const CODE = /0x[0-9a-f]|\[\s*\d+\.\d+\]|;\s*$|->|::|[{}]|\(\)|==|>>>|\bdef |\bself\.|\bimport \w|\bTraceback\b|File "|^\s*[#$%]|\w+\(\w*[,=]|https?:|\/\w+\/|\w\.py\b| at \w+\.\w+/;

drawListRound({ round: 13, source: BERLIOS_LIST_SOURCE, messages: readBerliosLists(dir), code: CODE, ownFile: 'outbound-berlios-lists-13.refs.jsonl', strata: { A: 160, B: 70, C: 40 }, outFile });
