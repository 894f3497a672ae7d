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
import { writeFileSync } from 'node:fs';
import { explainPromises } from '../../src/analysis/promises';
import { splitSentences } from '../../src/analysis/text/sentences';
import { visibleText } from '../../src/analysis/visible-text';
import { FIRST, NET, SEND_TIMES, sha256, splitOf, usedSentences } from './state-mail';
import { BERLIOS_LIST_SOURCE, findBerliosLists, readBerliosLists } from './berlios-lists';

const dir = findBerliosLists();
if (!dir) throw new Error('set FOLLOWTHROUGH_BERLIOS_LIST_DIR to a folder of the lists\' monthly text archives (<list>/<YYYY-Month>.txt)');
const [outFile = 'outbound-draw'] = process.argv.slice(2);

// Code, tracebacks, kernel logs, device dumps, shell lines, paths and addresses are not mail prose.
const CODE = /0x[0-9a-f]|\[\s*\d+\.\d+\]|;\s*$|->|::|[{}]|\(\)|==|>>>|\bdef |\bself\.|\bimport \w|\bTraceback\b|File "|^\s*[#$%]|\w+\(\w*[,=]|https?:|\/\w+\/|\w\.py\b| at \w+\.\w+/;

// The round's own labelled file is left out so that the draw can be run again once its labels are committed.
const used = usedSentences('outbound-berlios-lists-13.refs.jsonl');
const seen = new Set<string>();
const candidates = [];
for (const message of readBerliosLists(dir)) {
  if (!message.reply || !message.body) continue;
  const folded = message.body.replace(/\s+/g, ' ');
  for (const sentence of splitSentences(visibleText(message.body))) {
    const text = sentence.replace(/\s+/g, ' ').trim();
    if (text.length < 8 || text.length > 600 || !/[a-z]{3}/i.test(text) || CODE.test(text)) continue;
    // A reference needs the sentence to stand as it is in the folded body.
    const offset = folded.indexOf(text);
    const hash = sha256(text);
    if (offset < 0 || used.has(hash.slice(0, 16)) || seen.has(hash)) continue;
    seen.add(hash);
    candidates.push({
      source: `${BERLIOS_LIST_SOURCE}/${message.list}`, ref: message.messageId, author: message.author, offset, length: text.length, sha: hash.slice(0, 16), text,
      key: sha256(`round 13|${text}`), rules: explainPromises(text).some((d) => d.promise), net: NET.test(text), first: FIRST.test(text),
    });
  }
}
candidates.sort((a, b) => (a.key < b.key ? -1 : 1));

const outbound = [
  ...candidates.filter((c) => c.rules).slice(0, 160).map((c) => ({ ...c, stratum: 'A' })),
  ...candidates.filter((c) => !c.rules && c.net).slice(0, 70).map((c) => ({ ...c, stratum: 'B' })),
  ...candidates.filter((c) => !c.rules && !c.net && c.first).slice(0, 40).map((c) => ({ ...c, stratum: 'C' })),
].sort((a, b) => (a.key < b.key ? -1 : 1));

const reference = (c: (typeof outbound)[number], i: number) => ({ ...SEND_TIMES[i % 4], split: splitOf(c.sha), source: c.source, ref: c.ref, offset: c.offset, length: c.length, sha: c.sha, stratum: c.stratum });
writeFileSync(`${outFile}.refs.jsonl`, outbound.map((c, i) => JSON.stringify(reference(c, i))).join('\n') + '\n');
writeFileSync(`${outFile}.text.jsonl`, outbound.map((c, i) => JSON.stringify({ text: c.text, author: c.author, ...reference(c, i) })).join('\n') + '\n');
console.error(`${candidates.length} candidates from ${new Set(candidates.map((c) => c.author)).size} writers; A ${candidates.filter((c) => c.rules).length}, net-only ${candidates.filter((c) => !c.rules && c.net).length}; drew ${outbound.length}`);
