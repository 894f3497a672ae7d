/**
 * findRisks against another copy of itself: the same risks on every sentence, and the CPU each takes per sentence.
 * `npx tsx bench/tools/risk-speed.ts <other risks.ts> [rounds] [pool.jsonl ...]`, where the other copy is, say, main's
 * shared/src taken out of git (`git archive main shared/src | tar -x -C /tmp/risks-main`), so it imports its own helpers.
 * Sentences: every line of each pool (JSON with `text`) and every sentence of the labelled inbound sets (both splits:
 * only the two outputs are compared, never a label, and a differing holdout sentence is named by its place, not shown).
 * Timing alternates the two copies in this one process, each over every sentence as the client's side, `rounds` times;
 * the split into sentences, which the engine has done before findRisks, is timed apart and left out.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RiskCandidate, Side } from '../../src/model/facts';
import { findRisks } from '../../src/analysis/risks';
import { splitSentences } from '../../src/analysis/text/sentences';
import { parseRealInbound, resolveReferences } from '../../corpus/real-mail';
import { findArchive, readArchive } from './archive';
import { findComplaints, readComplaints } from './complaints-archive';

type FindRisks = (visible: string, side: Side) => RiskCandidate[];
type SplitSentences = (text: string) => readonly string[];

const [otherPath, roundsArg = '5', ...poolFiles] = process.argv.slice(2);
if (!otherPath) throw new Error('usage: risk-speed.ts <other risks.ts> [rounds] [pool.jsonl ...]');
const other = ((await import(pathToFileURL(resolve(otherPath)).href)) as { findRisks: FindRisks }).findRisks;
// Each copy splits with its own text/sentences.ts, which keeps its last split: the engine has always split a message for
// promises and requests before it looks for risks, so the timing splits first and counts the split apart.
const otherSplit = ((await import(pathToFileURL(resolve(otherPath, '../text/sentences.ts')).href)) as { splitSentences: SplitSentences }).splitSentences;

interface Sentence { text: string; where: string; shown: boolean }
const sentences: Sentence[] = [];
for (const file of poolFiles) {
  readFileSync(file, 'utf8').split('\n').filter(Boolean).forEach((line, i) => sentences.push({ text: (JSON.parse(line) as { text: string }).text, where: `${file}:${i + 1}`, shown: true }));
}
const archiveDir = findArchive();
const rows = new Map((archiveDir ? await readArchive(archiveDir) : []).map((m) => [`${m.list}|${m.messageId}`, m.body]));
const complaints = findComplaints();
const tweets = new Map(complaints ? readComplaints(complaints).map((t) => [t.id, t.text.replace(/\s+/g, ' ').trim()]) : []);
const lookup = (list: string, id: string): string | undefined => (list.startsWith('complaints-social-media/') ? tweets.get(id) : rows.get(`${list}|${id}`));
const labelledFiles = ['inbound-parakweet.jsonl', 'inbound-r-lists.refs.jsonl', 'inbound-parakweet-2.jsonl', 'inbound-r-lists-2.refs.jsonl', 'inbound-complaints-3.refs.jsonl', 'inbound-state-dept-7.jsonl', 'inbound-state-dept-9.jsonl', 'inbound-complaints-9.refs.jsonl', 'inbound-state-dept-10.jsonl', 'inbound-complaints-10.refs.jsonl', 'inbound-state-dept-11.jsonl', 'inbound-complaints-11.refs.jsonl', 'inbound-state-dept-12.jsonl', 'inbound-complaints-12.refs.jsonl'];
let labelled = 0;
for (const file of labelledFiles) {
  const items = resolveReferences(parseRealInbound(readFileSync(new URL(`../../corpus/real/${file}`, import.meta.url), 'utf8'), file), lookup);
  items.forEach((item, i) => sentences.push({ text: item.text, where: `${file} item ${i + 1}`, shown: item.split === 'train' }));
  labelled += items.length;
}
console.log(`${sentences.length} sentences: ${sentences.length - labelled} of ${poolFiles.length} pools, ${labelled} labelled${archiveDir ? '' : ' (no R-list archive: its referenced sets are missing)'}${complaints ? '' : ' (no complaints file: tweets missing)'}`);

// The same risks, kind, signal, text and order, on both sides.
let compared = 0;
let differing = 0;
for (const sentence of sentences) {
  for (const side of ['them', 'us'] as const) {
    const mine = JSON.stringify(findRisks(sentence.text, side));
    const theirs = JSON.stringify(other(sentence.text, side));
    compared++;
    if (mine !== theirs) {
      differing++;
      if (differing <= 20) console.log(`DIFFERENT (${side}) ${sentence.where}${sentence.shown ? `: ${sentence.text}\n  this: ${mine}\n  other: ${theirs}` : ''}`);
    }
  }
}
console.log(`identical output: ${compared - differing} of ${compared} (sentence, side) pairs; ${differing} differ`);

/** CPU microseconds per sentence for one pass over every sentence as the client's side: split (as the engine has), then `find`. */
function cpuPerSentence(split: SplitSentences, find?: FindRisks): number {
  const start = process.cpuUsage();
  let found = 0;
  for (const sentence of sentences) {
    found += split(sentence.text).length;
    if (find) found += find(sentence.text, 'them').length;
  }
  const used = process.cpuUsage(start);
  if (found < 0) console.log(found);
  return (used.user + used.system) / sentences.length;
}

/** findRisks's own CPU per sentence: a pass with it, less a pass that only splits. */
const findRisksCpu = (split: SplitSentences, find: FindRisks): number => cpuPerSentence(split, find) - cpuPerSentence(split);

const ratios: number[] = [];
for (let round = 1; round <= Number(roundsArg); round++) {
  // Alternate which goes first so that neither always runs on a warmer or cooler machine.
  let theirs: number;
  let mine: number;
  if (round % 2) {
    theirs = findRisksCpu(otherSplit, other);
    mine = findRisksCpu(splitSentences, findRisks);
  } else {
    mine = findRisksCpu(splitSentences, findRisks);
    theirs = findRisksCpu(otherSplit, other);
  }
  ratios.push(mine / theirs);
  console.log(`round ${round}: other ${theirs.toFixed(2)} us/sentence, this ${mine.toFixed(2)} us/sentence, ratio ${(mine / theirs).toFixed(3)}`);
}
const sorted = [...ratios].sort((a, b) => a - b);
if (sorted.length) console.log(`this / other: ${sorted[0]!.toFixed(3)} .. ${sorted[sorted.length - 1]!.toFixed(3)}, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(3)}`);
