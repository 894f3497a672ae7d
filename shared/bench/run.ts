// The bench runs under Node (tsx); shared/src stays free of Node APIs (eslint forbids node:* there).
/**
 * `pnpm --filter @followthrough/shared bench`: the promise detector against the labelled corpus.
 * Prints precision, recall, F1 and due-date accuracy for all sentences, the training split and the
 * held-out and fresh splits, then the throughput of the language rules as a ratio to JSON-parsing the
 * same messages, and writes the figures to bench-results/promise-corpus.json at the repo root.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCorpus, scoreCorpus } from '../corpus/evaluate';
import { DEFAULT_WORKING_HOURS } from '../src/model/settings';
import { findPromises } from '../src/analysis/promises';
import { findRequests } from '../src/analysis/requests';
import { findRisks } from '../src/analysis/risks';
import { visibleText } from '../src/analysis/visible-text';
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

// Throughput of the language rules on realistic replies (greeting, a few sentences from the corpus,
// signature, Gmail-quoted history), as a ratio to merely JSON-parsing the same messages in this run.
const THROUGHPUT_MESSAGES = 20_000;
const sentences = records.map((r) => r.text);
const bodies: string[] = [];
for (let i = 0; i < THROUGHPUT_MESSAGES; i++) {
  const pick = (k: number): string => sentences[(i * 7 + k * 13) % sentences.length]!;
  const own = [pick(0), pick(1), pick(2), pick(3)].join(' ');
  const quoted = [pick(4), pick(5), pick(6)].map((q) => `> ${q}`).join('\n>\n');
  bodies.push(
    `Hi Dana,\n\n${own}\n\nBest regards,\nJane Doe\nAccount Director | Acme Consulting\n+44 20 7946 0018\n\n` +
      `On Mon, 2 Mar 2026 at 10:0${i % 10}, Dana Whitfield <dana@northwind.example> wrote:\n${quoted}\n`,
  );
}
const jsonl = bodies.map((text, i) => JSON.stringify({ id: `m${i}`, text }));
const context = { sentAt: '2026-03-04T10:00:00+01:00', timeZone: 'Europe/Berlin', workingHours: DEFAULT_WORKING_HOURS, defaultWorkingDays: 2 };
function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}
// Warm up both paths so the ratio compares optimised code with optimised code.
for (const line of jsonl.slice(0, 500)) JSON.parse(line);
for (const text of bodies.slice(0, 500)) findPromises(visibleText(text), context);
const parseMs = timed(() => {
  for (const line of jsonl) JSON.parse(line);
});
let found = 0;
const rulesMs = timed(() => {
  for (const line of jsonl) {
    const { text } = JSON.parse(line) as { text: string };
    const visible = visibleText(text);
    found += findPromises(visible, context).length + findRequests(visible).length + findRisks(visible, 'them').length;
  }
});
const throughput = {
  messages: THROUGHPUT_MESSAGES,
  parseOnlyMs: Math.round(parseMs),
  parseAndRulesMs: Math.round(rulesMs),
  messagesPerSecond: Math.round(THROUGHPUT_MESSAGES / (rulesMs / 1000)),
  ratioToParseOnly: Number((rulesMs / parseMs).toFixed(1)),
  candidatesFound: found,
};
console.log('Language rules throughput (visibleText + promises + requests + risks per message):');
console.table([throughput]);

mkdirSync(resultsDir, { recursive: true });
const summary = Object.fromEntries(
  Object.entries(splits).map(([split, s]) => [split, { ...s, failures: s.failures.map((f) => ({ line: f.line, expected: f.expected, got: f.got })) }]),
);
writeFileSync(
  `${resultsDir}promise-corpus.json`,
  `${JSON.stringify({ measuredAt: new Date().toISOString(), ...summary, throughput }, null, 2)}\n`,
);
console.log(`wrote ${resultsDir}promise-corpus.json`);
