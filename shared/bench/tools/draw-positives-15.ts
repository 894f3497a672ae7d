/**
 * Draws round 15's outbound sentences for hand labelling (README "Round 15 (promises)"): only sentences the current
 * rules call a promise (a "positives draw", the data a trained veto lacks: README "Classifier (promises)"), from the
 * four list archives earlier rounds read (everything-list, Twisted, BerliOS, ImageJ2), in messages no round has drawn
 * from, spread over many writers.
 *   FOLLOWTHROUGH_EVERYTHING_LIST_DIR=… FOLLOWTHROUGH_TWISTED_LIST_DIR=… FOLLOWTHROUGH_BERLIOS_LIST_DIR=…
 *   FOLLOWTHROUGH_IMAGEJ_LIST_DIR=… npx tsx bench/tools/draw-positives-15.ts out
 * writes `out.refs.jsonl` (what is committed) and `out.text.jsonl` (the same items with their text and writer, for
 * labelling; not committed). Deterministic: candidates in the order of the SHA-256 of "round 15|" + their text.
 *
 * Candidates are the sentences of each message's own text as the engine reads it (`visibleText`), 8-600 characters,
 * without code, logs or paths (the union of rounds 12-14's patterns), that the rules call a promise. Left out: every
 * sentence a `corpus/real/*` file holds and every message any of them refers to (drawn, quoted as a promise's later
 * mail, or read for requests), so no writer's message is read twice. Each archive gives at most `PER_SOURCE` sentences (the ImageJ2 archive has few left: round 14 drew most of its positives)
 * and each writer at most `PER_WRITER` of them, so a few prolific maintainers cannot dominate the draw.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { explainPromises } from '../../src/analysis/promises';
import { BERLIOS_LIST_SOURCE, findBerliosLists, readBerliosLists } from './berlios-lists';
import { EVERYTHING_LIST_SOURCE, findEverythingList, readEverythingList } from './everything-list';
import { IMAGEJ_LIST_SOURCE, findImagejLists, readImagejLists } from './imagej-lists';
import { referableSentences } from './list-round-draw';
import { SEND_TIMES, sha256, splitOf, usedSentences } from './state-mail';
import { TWISTED_LIST_SOURCE, findTwistedList, readTwistedList } from './twisted-list';

const PER_SOURCE = 140;
const PER_WRITER = 4;
const OWN_FILE = 'outbound-lists-positives-15.refs.jsonl';

// Code, tracebacks, kernel and build logs, shell lines, paths and addresses are not mail prose (rounds 12-14's patterns).
const CODE =
  /0x[0-9a-f]|\[\s*\d+\.\d+\]|;\s*$|->|::|[{}]|\(\)|==|>>>|\bdef |\bself\.|\bnew \w+\(|\bpublic |\bprivate |\bimport \w|\bTraceback\b|File "|\bat \w+(?:\.\w+)+\(|Exception\b|\[(?:INFO|ERROR|WARNING)\]|^\s*[#$%]|\w+\(\w*[,=]|https?:|\/\w+\/|\w\.(?:py|java|jar|xml|ijm)\b|\bmvn\b| at \w+\.\w+/;

interface Message { source: string; ref: string; author: string; body: string }
interface Drawn { source: string; ref: string; author: string; offset: number; length: number; sha: string; text: string; key: string }

/** Every (source, message) a labelled real file refers to, as `source|ref`. */
function usedMessages(): Set<string> {
  const realDir = new URL('../../corpus/real/', import.meta.url);
  const used = new Set<string>();
  for (const file of readdirSync(realDir).filter((f) => f.endsWith('.jsonl') && f !== OWN_FILE)) {
    for (const line of readFileSync(new URL(file, realDir), 'utf8').split('\n').filter(Boolean)) {
      const item = JSON.parse(line) as { source?: string; ref?: string; later?: string[] };
      if (!item.source) continue;
      for (const ref of [item.ref, ...(item.later ?? [])]) if (ref) used.add(`${item.source}|${ref}`);
    }
  }
  return used;
}

function archives(): { source: string; messages: Message[] }[] {
  const everything = findEverythingList();
  const twisted = findTwistedList();
  const berlios = findBerliosLists();
  const imagej = findImagejLists();
  if (!everything || !twisted || !berlios || !imagej) throw new Error('set FOLLOWTHROUGH_{EVERYTHING,TWISTED,BERLIOS,IMAGEJ}_LIST_DIR: the draw needs all four archives');
  const pipermail = (source: string, messages: ReturnType<typeof readTwistedList>): Message[] =>
    messages.filter((m) => m.reply).map((m) => ({ source: `${source}/${m.list}`, ref: m.messageId, author: m.author, body: m.body }));
  return [
    { source: EVERYTHING_LIST_SOURCE, messages: readEverythingList(everything).map((m) => ({ source: EVERYTHING_LIST_SOURCE, ref: m.page, author: m.author, body: m.body })) },
    { source: TWISTED_LIST_SOURCE, messages: pipermail(TWISTED_LIST_SOURCE, readTwistedList(twisted)) },
    { source: BERLIOS_LIST_SOURCE, messages: pipermail(BERLIOS_LIST_SOURCE, readBerliosLists(berlios)) },
    { source: IMAGEJ_LIST_SOURCE, messages: pipermail(IMAGEJ_LIST_SOURCE, readImagejLists(imagej)) },
  ];
}

const [outFile = 'outbound-draw'] = process.argv.slice(2);
const usedText = usedSentences(OWN_FILE);
const usedMessage = usedMessages();
const seen = new Set<string>();
const drawn: Drawn[] = [];
for (const { source, messages } of archives()) {
  const candidates: Drawn[] = [];
  for (const message of messages) {
    if (!message.body || usedMessage.has(`${message.source}|${message.ref}`)) continue;
    for (const { text, offset, hash } of referableSentences(message.body, CODE)) {
      if (usedText.has(hash.slice(0, 16)) || seen.has(hash)) continue;
      seen.add(hash);
      if (!explainPromises(text).some((d) => d.promise)) continue;
      candidates.push({ source: message.source, ref: message.ref, author: message.author, offset, length: text.length, sha: hash.slice(0, 16), text, key: sha256(`round 15|${text}`) });
    }
  }
  candidates.sort((a, b) => (a.key < b.key ? -1 : 1));
  const perWriter = new Map<string, number>();
  const mine: Drawn[] = [];
  for (const c of candidates) {
    const writer = c.author.trim().toLowerCase();
    if ((perWriter.get(writer) ?? 0) >= PER_WRITER) continue;
    perWriter.set(writer, (perWriter.get(writer) ?? 0) + 1);
    mine.push(c);
    if (mine.length === PER_SOURCE) break;
  }
  console.error(`${source}: ${candidates.length} rule positives from ${new Set(candidates.map((c) => c.author)).size} writers; drew ${mine.length} from ${perWriter.size} writers`);
  drawn.push(...mine);
}
drawn.sort((a, b) => (a.key < b.key ? -1 : 1));

const reference = (c: Drawn, i: number) => ({ ...SEND_TIMES[i % 4], split: splitOf(c.sha), source: c.source, ref: c.ref, offset: c.offset, length: c.length, sha: c.sha, stratum: 'A' });
writeFileSync(`${outFile}.refs.jsonl`, drawn.map((c, i) => JSON.stringify(reference(c, i))).join('\n') + '\n');
writeFileSync(`${outFile}.text.jsonl`, drawn.map((c, i) => JSON.stringify({ text: c.text, author: c.author, ...reference(c, i) })).join('\n') + '\n');
console.error(`drew ${drawn.length} from ${new Set(drawn.map((c) => `${c.source}|${c.author}`)).size} writers, ${new Set(drawn.map((c) => `${c.source}|${c.ref}`)).size} messages`);
