/**
 * Does a small learned second stage help the promise rules on real mail? (issue 11b, README "Round 2")
 * `npx tsx bench/tools/promise-model.ts`
 *
 * A logistic regression over promiseFeatures (hand-chosen, promise-features.ts beside this file) is trained
 * on the TRAIN split only (real train items, both rounds, plus the authored corpus's unnamed split), on every
 * sentence the rules read a commitment in. The final answer is "rules say promise AND p >= threshold"; the
 * threshold is chosen by 5-fold cross-validation on the train split (the highest that keeps cross-validated
 * recall of the combined system >= 0.97 of the rules' own). Then, once, the holdout figures of the rules
 * alone and of the rules plus the model are printed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseCorpus } from '../../corpus/evaluate';
import { parseRealOutbound, resolveReferences } from '../../corpus/real-mail';
import { readCommitment } from '../../src/analysis/promises';
import { promiseFeatures } from './promise-features';
import { findArchive, readArchive } from './archive';

interface Item {
  text: string;
  promise: boolean;
  split: 'train' | 'holdout';
  source: string;
}

const real = (file: string): URL => new URL(`../../corpus/real/${file}`, import.meta.url);
const dir = findArchive();
const archive = dir ? await readArchive(dir) : [];
const bodies = new Map(archive.map((m) => [`${m.list}|${m.messageId}`, m.body]));
const sha = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);
const items: Item[] = [];
for (const file of ['outbound-parakweet.jsonl', 'outbound-r-lists.refs.jsonl', 'outbound-parakweet-2.jsonl', 'outbound-r-lists-2.refs.jsonl']) {
  const parsed = parseRealOutbound(readFileSync(real(file), 'utf8'), file);
  const resolved = resolveReferences(parsed, (list, id) => bodies.get(`${list}|${id}`)).filter((i) => !i.sha || sha(i.text) === i.sha);
  for (const r of resolved) items.push({ text: r.text, promise: r.promise, split: r.split, source: file });
}
for (const r of parseCorpus(readFileSync(new URL('../../corpus/promises.jsonl', import.meta.url), 'utf8'))) {
  if (r.split === undefined) items.push({ text: r.text, promise: r.promise, split: 'train', source: 'authored' });
}

interface Row {
  item: Item;
  rules: boolean;
  features: string[];
}
const rows: Row[] = items.map((item) => {
  const reading = readCommitment(item.text);
  return { item, rules: reading.promise, features: reading.commitment ? promiseFeatures(item.text, reading) : [] };
});
const candidates = (split: 'train' | 'holdout'): Row[] => rows.filter((r) => r.item.split === split && r.features.length > 0);

type Weights = Map<string, number>;
function train(data: Row[], epochs = 300, rate = 0.1, l2 = 0.01): Weights {
  const w: Weights = new Map();
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const row of data) {
      const z = row.features.reduce((sum, f) => sum + (w.get(f) ?? 0), 0);
      const p = 1 / (1 + Math.exp(-z));
      const g = (row.item.promise ? 1 : 0) - p;
      for (const f of row.features) {
        const old = w.get(f) ?? 0;
        w.set(f, old + rate * (g - l2 * old));
      }
    }
  }
  return w;
}
const prob = (w: Weights, features: string[]): number => 1 / (1 + Math.exp(-features.reduce((sum, f) => sum + (w.get(f) ?? 0), 0)));

function score(data: Row[], keep: (row: Row) => boolean): { tp: number; fp: number; fn: number; p: number; r: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const row of data) {
    const got = keep(row);
    if (got && row.item.promise) tp++;
    else if (got) fp++;
    else if (row.item.promise) fn++;
  }
  return { tp, fp, fn, p: tp / Math.max(1, tp + fp), r: tp / Math.max(1, tp + fn) };
}

// 5-fold cross-validation on the train split: out-of-fold probabilities for every train candidate.
const trainRows = candidates('train');
const oof = new Map<Row, number>();
for (let k = 0; k < 5; k++) {
  const fold = (row: Row): number => parseInt(sha(row.item.text).slice(0, 6), 16) % 5;
  const model = train(trainRows.filter((r) => fold(r) !== k));
  for (const r of trainRows.filter((r) => fold(r) === k)) oof.set(r, prob(model, r.features));
}
const trainAll = rows.filter((r) => r.item.split === 'train');
const rulesTrain = score(trainAll, (r) => r.rules);
let threshold = 0;
for (const t of [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]) {
  const s = score(trainAll, (r) => r.rules && (oof.get(r) ?? 1) >= t);
  if (s.r >= 0.97 * rulesTrain.r) threshold = t;
}
const cvCombined = score(trainAll, (r) => r.rules && (oof.get(r) ?? 1) >= threshold);
const model = train(trainRows);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
console.log(`features: ${model.size}; train candidates: ${trainRows.length}; threshold (cross-validated): ${threshold}`);
console.log(`train, cross-validated: rules P ${pct(rulesTrain.p)} R ${pct(rulesTrain.r)}; rules + model P ${pct(cvCombined.p)} R ${pct(cvCombined.r)}`);

// The holdout, read once: figures only.
const holdoutAll = rows.filter((r) => r.item.split === 'holdout');
const rulesHold = score(holdoutAll, (r) => r.rules);
const bothHold = score(holdoutAll, (r) => r.rules && prob(model, r.features) >= threshold);
const modelOnly = score(holdoutAll, (r) => r.features.length > 0 && prob(model, r.features) >= 0.5);
console.log(`holdout (${holdoutAll.length} real sentences): rules P ${pct(rulesHold.p)} R ${pct(rulesHold.r)} (tp ${rulesHold.tp} fp ${rulesHold.fp} fn ${rulesHold.fn})`);
console.log(`holdout: rules + model P ${pct(bothHold.p)} R ${pct(bothHold.r)} (tp ${bothHold.tp} fp ${bothHold.fp} fn ${bothHold.fn})`);
// For the record only (not used to choose anything): the combined system at other thresholds.
const curve = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7].map((t) => {
  const s = score(holdoutAll, (r) => r.rules && prob(model, r.features) >= t);
  const c = score(trainAll, (r) => r.rules && (oof.get(r) ?? 1) >= t);
  return `${t}: holdout P ${pct(s.p)} R ${pct(s.r)} / train (cv) P ${pct(c.p)} R ${pct(c.r)}`;
});
console.log(`rules + model at other thresholds:\n  ${curve.join('\n  ')}`);
console.log(`holdout: model alone (p >= 0.5 on any commitment the rules read) P ${pct(modelOnly.p)} R ${pct(modelOnly.r)}`);

