/**
 * Error analysis without labels for client risks: findRisks on pool sentences that are NOT in the labelled
 * inbound sets (`npx tsx bench/tools/unlabelled-risks.ts pool.jsonl [n]`), to read for false alarms.
 */
import { readFileSync } from 'node:fs';
import { findRisks } from '../../src/analysis/risks';

const [file, n = '150'] = process.argv.slice(2);
const labelled = new Set<string>();
for (const f of ['inbound-r-lists.refs.jsonl', 'inbound-r-lists-2.refs.jsonl', 'inbound-parakweet.jsonl', 'inbound-parakweet-2.jsonl']) {
  for (const line of readFileSync(new URL(`../../corpus/real/${f}`, import.meta.url), 'utf8').split('\n').filter(Boolean)) {
    const item = JSON.parse(line) as { sha?: string; text?: string };
    if (item.sha) labelled.add(item.sha);
    if (item.text) labelled.add(item.text);
  }
}
const rows = readFileSync(file!, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; sha?: string });
const found = rows.filter((r) => !labelled.has(r.sha ?? '') && !labelled.has(r.text)).flatMap((r) => findRisks(r.text, 'them').map((k) => `${k.signal ?? k.kind}: ${r.text}`));
console.error(`${found.length} unlabelled risk findings`);
for (const line of found.slice(0, Number(n))) console.log(line);
