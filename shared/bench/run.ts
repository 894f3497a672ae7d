/// <reference types="node" />
// The bench runs under Node (tsx); shared/src stays free of Node APIs (eslint forbids node:* there).
/**
 * `pnpm --filter @followthrough/shared bench`: the promise detector against the labelled corpus.
 * Prints precision, recall, F1 and due-date accuracy for all sentences, the training split and the
 * held-out split, and writes the figures to bench-results/promise-corpus.json at the repo root.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCorpus, scoreCorpus } from '../corpus/evaluate';
import type { CorpusScore } from '../corpus/evaluate';

const corpusUrl = new URL('../corpus/promises.jsonl', import.meta.url);
const resultsDir = fileURLToPath(new URL('../../bench-results/', import.meta.url));

const records = parseCorpus(readFileSync(corpusUrl, 'utf8'));
const splits: Record<string, CorpusScore> = {
  all: scoreCorpus(records),
  train: scoreCorpus(records.filter((r) => r.split === undefined)),
  holdout: scoreCorpus(records.filter((r) => r.split === 'holdout')),
  fresh: scoreCorpus(records.filter((r) => r.split === 'fresh')),
};

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const rows = Object.entries(splits).map(([split, s]) => ({
  split,
  sentences: s.sentences,
  tp: s.truePositives,
  fp: s.falsePositives,
  fn: s.falseNegatives,
  precision: pct(s.precision),
  recall: pct(s.recall),
  f1: pct(s.f1),
  'due (dated)': `${pct(s.dueAccuracy)} (${s.datedCorrect}/${s.datedPromises})`,
  'default agreement': pct(s.defaultAgreement),
}));
console.log('Promise detector on shared/corpus/promises.jsonl (aims: precision >= 95%, recall >= 90%, due >= 95%)');
console.table(rows);
const failures = splits.all!.failures;
if (failures.length) {
  console.log(`${failures.length} disagreement(s):`);
  for (const f of failures) console.log(`  line ${f.line}: ${f.text}\n    expected ${f.expected}, got ${f.got}`);
}

mkdirSync(resultsDir, { recursive: true });
const summary = Object.fromEntries(
  Object.entries(splits).map(([split, s]) => [split, { ...s, failures: s.failures.map((f) => ({ line: f.line, expected: f.expected, got: f.got })) }]),
);
writeFileSync(`${resultsDir}promise-corpus.json`, `${JSON.stringify({ measuredAt: new Date().toISOString(), ...summary }, null, 2)}\n`);
console.log(`wrote ${resultsDir}promise-corpus.json`);
