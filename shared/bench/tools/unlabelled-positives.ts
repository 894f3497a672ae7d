/**
 * Error analysis without labels: the detector's promises on pool sentences that are NOT in the labelled set
 * (`npx tsx bench/tools/unlabelled-positives.ts pool.jsonl [n]`), to read for false alarms. Never used on
 * the holdout split.
 */
import { readFileSync } from 'node:fs';
import { explainPromises } from '../../src/analysis/promises';

const [file, n = '150', skip = '0'] = process.argv.slice(2);
const labelled = new Set<string>();
for (const f of ['outbound-r-lists.refs.jsonl', 'outbound-r-lists-2.refs.jsonl', 'outbound-r-lists-5.refs.jsonl', 'outbound-parakweet.jsonl', 'outbound-parakweet-2.jsonl', 'outbound-everything-list-11.refs.jsonl', 'outbound-twisted-list-12.refs.jsonl', 'outbound-berlios-lists-13.refs.jsonl', 'outbound-imagej-list-14.refs.jsonl', 'outbound-lists-positives-15.refs.jsonl']) {
  for (const line of readFileSync(new URL(`../../corpus/real/${f}`, import.meta.url), 'utf8').split('\n').filter(Boolean)) {
    const item = JSON.parse(line) as { sha?: string; text?: string };
    if (item.sha) labelled.add(item.sha);
    if (item.text) labelled.add(item.text);
  }
}
const rows = readFileSync(file!, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; sha?: string });
const positives = rows.filter((r) => !labelled.has(r.sha ?? '') && !labelled.has(r.text) && explainPromises(r.text).some((d) => d.promise));
console.error(`${positives.length} unlabelled positives`);
for (const r of positives.slice(Number(skip), Number(skip) + Number(n))) console.log(r.text);
