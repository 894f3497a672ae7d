/**
 * Draws round 14's outbound sentences for hand labelling (README "Round 14 (promises)"): the ImageJ2 developers' list
 * (`imagej-lists.ts`), maintainers answering plugin writers and users and the users answering back, writers no earlier
 * round has seen. `FOLLOWTHROUGH_IMAGEJ_LIST_DIR=<copy> npx tsx bench/tools/draw-imagej-14.ts out` writes
 * `out.refs.jsonl` (what is committed) and `out.text.jsonl` (the same items with their text and writer, for labelling;
 * not committed). Deterministic: candidates in the order of the SHA-256 of "round 14|" + their text.
 *
 * Candidates are the sentences of each reply's own text as the engine reads it (`visibleText`), 8-600 characters,
 * without Java or shell code, stack traces, build logs or paths. Strata as rounds 5-13: `A` the first 160 candidates
 * the current rules call a promise (precision), `B` the first 70 that round 1's broad first-person net catches and
 * the rules do not, `C` the first 40 first-person sentences outside the net (recall).
 */
import { drawListRound } from './list-round-draw';
import { IMAGEJ_LIST_SOURCE, findImagejLists, readImagejLists } from './imagej-lists';

const dir = findImagejLists();
if (!dir) throw new Error('set FOLLOWTHROUGH_IMAGEJ_LIST_DIR to a folder of the lists\' monthly text archives (<list>/<YYYY-Month>.txt)');
const [outFile = 'outbound-draw'] = process.argv.slice(2);

// Java, shell lines, stack traces, Maven and Jenkins logs, paths and addresses are not mail prose.
const CODE = /;\s*$|->|::|[{}]|\(\)|==|\bnew \w+\(|\bpublic |\bprivate |\bimport \w|\bat \w+(?:\.\w+)+\(|Exception\b|\[(?:INFO|ERROR|WARNING)\]|^\s*[#$%]|\w+\(\w*[,=]|https?:|\/\w+\/|\w\.(?:java|jar|xml|py|ijm)\b|\bmvn\b/;

drawListRound({ round: 14, source: IMAGEJ_LIST_SOURCE, messages: readImagejLists(dir), code: CODE, ownFile: 'outbound-imagej-list-14.refs.jsonl', strata: { A: 160, B: 70, C: 40 }, outFile });
