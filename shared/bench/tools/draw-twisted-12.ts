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
import { writeFileSync } from 'node:fs';
import { explainPromises } from '../../src/analysis/promises';
import { splitSentences } from '../../src/analysis/text/sentences';
import { visibleText } from '../../src/analysis/visible-text';
import { FIRST, NET, SEND_TIMES, sha256, splitOf, usedSentences } from './state-mail';
import { TWISTED_LIST_SOURCE, findTwistedList, readTwistedList } from './twisted-list';

const dir = findTwistedList();
if (!dir) throw new Error('set FOLLOWTHROUGH_TWISTED_LIST_DIR to a copy of the Twisted lists\' monthly text archives');
const [outFile = 'outbound-draw'] = process.argv.slice(2);

// Code, tracebacks, shell lines, paths and addresses are not mail prose.
const CODE = /[{}]|\(\)|==|>>>|\bdef |\bself\.|\bimport \w|\bTraceback\b|File "|^\s*[#$%]|\w+\(\w*[,=]|https?:|\/\w+\/|\w\.py\b| at \w+\.\w+/;

// The round's own labelled file is left out so that the draw can be run again once its labels are committed.
const used = usedSentences('outbound-twisted-list-12.refs.jsonl');
const seen = new Set<string>();
const candidates = [];
for (const message of readTwistedList(dir)) {
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
      source: `${TWISTED_LIST_SOURCE}/${message.list}`, ref: message.messageId, author: message.author, offset, length: text.length, sha: hash.slice(0, 16), text,
      key: sha256(`round 12|${text}`), rules: explainPromises(text).some((d) => d.promise), net: NET.test(text), first: FIRST.test(text),
    });
  }
}
candidates.sort((a, b) => (a.key < b.key ? -1 : 1));

const outbound = [
  ...candidates.filter((c) => c.rules).slice(0, 170).map((c) => ({ ...c, stratum: 'A' })),
  ...candidates.filter((c) => !c.rules && c.net).slice(0, 100).map((c) => ({ ...c, stratum: 'B' })),
  ...candidates.filter((c) => !c.rules && !c.net && c.first).slice(0, 70).map((c) => ({ ...c, stratum: 'C' })),
].sort((a, b) => (a.key < b.key ? -1 : 1));

const reference = (c: (typeof outbound)[number], i: number) => ({ ...SEND_TIMES[i % 4], split: splitOf(c.sha), source: c.source, ref: c.ref, offset: c.offset, length: c.length, sha: c.sha, stratum: c.stratum });
writeFileSync(`${outFile}.refs.jsonl`, outbound.map((c, i) => JSON.stringify(reference(c, i))).join('\n') + '\n');
writeFileSync(`${outFile}.text.jsonl`, outbound.map((c, i) => JSON.stringify({ text: c.text, author: c.author, ...reference(c, i) })).join('\n') + '\n');
console.error(`${candidates.length} candidates from ${new Set(candidates.map((c) => c.author)).size} writers; A ${candidates.filter((c) => c.rules).length}, net-only ${candidates.filter((c) => !c.rules && c.net).length}; drew ${outbound.length}`);
