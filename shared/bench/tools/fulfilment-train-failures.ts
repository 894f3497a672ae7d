/**
 * Prints the fulfilment verdicts that disagree with their labels on the TRAIN split of the real fulfilment
 * sets (corpus README, rounds 1, 2, 4 and 6 from the R-list archive, rounds 8, 9, 10, 12 and 13 from the State Department
 * release, round 14 from the Twisted lists when FOLLOWTHROUGH_TWISTED_LIST_DIR is set, round 15 from the BerliOS lists when
 * FOLLOWTHROUGH_BERLIOS_LIST_DIR is set), each with the judge's verdict and the deliveries read in every later message: what the error analysis
 * reads, and the train confusion matrix (label by verdict) per set. The held-out items are skipped, never printed or counted. The R-list rounds need the archive (archive.ts); the State
 * rounds are stored as text: `npx tsx bench/tools/fulfilment-train-failures.ts`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fulfilmentCaseOfText, fulfilmentVerdictOfText, parseRealFulfilment, parseRealFulfilmentText } from '../../corpus/real-mail';
import { findDeliveries } from '../../src/analysis/deliveries';
import { judgeEvidence, resolveFulfilment } from '../../src/analysis/fulfilment';
import type { FulfilmentEvidence } from '../../src/analysis/fulfilment';
import { visibleText } from '../../src/analysis/visible-text';
import { findArchive, readArchive } from './archive';
import { findTwistedList } from './twisted-list';
import { findBerliosLists, readBerliosLists } from './berlios-lists';
import { findImagejLists, readImagejLists } from './imagej-lists';
import { readTwistedThreads, resolveTwistedFulfilment } from './twisted-threads';
const archive = findArchive();
const msgs = archive ? await readArchive(archive) : [];
if (!archive) console.log('R-list archive not found: rounds 1-6 skipped');
const rows = new Map(msgs.map((m) => [`${m.list}|${m.messageId}`, m]));
const sha = (t: string): string => createHash('sha256').update(t).digest('hex').slice(0, 16);
// The train confusion matrix (label by verdict), per set and over every set, printed at the end.
type Verdict = 'kept' | 'possibly-kept' | 'not-kept';
const confusion = new Map<string, Map<string, number>>();
const count = (set: string, expected: 'kept' | 'not-kept', got: Verdict): void => {
  for (const key of [set, 'every set']) {
    const row = confusion.get(key) ?? new Map<string, number>();
    row.set(`${expected}|${got}`, (row.get(`${expected}|${got}`) ?? 0) + 1);
    confusion.set(key, row);
  }
};
for (const file of ['fulfilment-r-lists.refs.jsonl', 'fulfilment-r-lists-2.refs.jsonl', 'fulfilment-r-lists-4.refs.jsonl', 'fulfilment-r-lists-6.refs.jsonl']) {
  for (const item of parseRealFulfilment(readFileSync(new URL(`../../corpus/real/${file}`, import.meta.url), 'utf8')).filter((i) => i.split === 'train')) {
    const list = item.source.replace(/^r-mailing-lists\//, '');
    const made = rows.get(`${list}|${item.ref}`);
    if (!made) continue;
    const text = made.body.replace(/\s+/g, ' ').slice(item.offset, item.offset + item.length);
    if (sha(text) !== item.sha) continue;
    const promise = { id: item.ref, text, messageId: item.ref, threadId: item.thread, counterpart: list, madeAt: made.date, madeTo: ['list'] };
    const evidence: FulfilmentEvidence[] = item.later.flatMap((id) => { const r = rows.get(`${list}|${id}`); return r ? [{ kind: 'message' as const, id, threadId: item.thread, at: r.date, subject: r.subject, to: ['list'], deliveries: findDeliveries(visibleText(r.body)), attachments: [] }] : []; });
    const out = resolveFulfilment(promise, evidence);
    const got = out.kept ? (out.kept.strength === 'kept' ? 'kept' : 'possibly-kept') : 'not-kept';
    count('r-lists', item.expected, got);
    if (got === item.expected) continue;
    console.log(`\n### expected ${item.expected} got ${got}: ${text}`);
    for (const e of evidence) {
      if (e.kind !== 'message') continue;
      const j = judgeEvidence(promise, e);
      console.log(`  - judge ${j?.verdict ?? 'none'}; deliveries: ${e.deliveries.map((d) => `${d.kind}: ${d.text.slice(0, 90)}`).join(' | ')}`);
      console.log(`    ${visibleText(rows.get(`${list}|${e.id}`)!.body).replace(/\s+/g, ' ').slice(0, 400)}`);
    }
  }
}
const twistedDir = findTwistedList();
if (!twistedDir) console.log('Twisted lists not found: round 14 skipped');
const berliosDir = findBerliosLists();
if (!berliosDir) console.log('BerliOS lists not found: round 15 skipped');
const imagejDir = findImagejLists();
if (!imagejDir || !twistedDir || !berliosDir) console.log('ImageJ2, Twisted or BerliOS lists not found: round 16 skipped');
const twistedThreads = twistedDir ? readTwistedThreads(twistedDir) : [];
const berliosThreads = berliosDir ? readTwistedThreads(berliosDir, readBerliosLists(berliosDir)) : [];
const trainOf = (file: string, threads: Parameters<typeof resolveTwistedFulfilment>[1]) =>
  resolveTwistedFulfilment(parseRealFulfilment(readFileSync(new URL(`../../corpus/real/${file}`, import.meta.url), 'utf8')).filter((i) => i.split === 'train'), threads, sha);
const textRounds = [
  ...[8, 9, 10, 12, 13].map((round) => ({ label: `state ${round}`, items: parseRealFulfilmentText(readFileSync(new URL(`../../corpus/real/fulfilment-state-dept-${round}.jsonl`, import.meta.url), 'utf8')) })),
  ...(twistedDir
    ? [{ label: 'twisted 14', items: trainOf('fulfilment-twisted-list-14.refs.jsonl', twistedThreads) }]
    : []),
  ...(berliosDir
    ? [{ label: 'berlios 15', items: trainOf('fulfilment-berlios-lists-15.refs.jsonl', berliosThreads) }]
    : []),
  ...(imagejDir && twistedDir && berliosDir
    ? [{ label: 'lists 16', items: trainOf('fulfilment-lists-16.refs.jsonl', [...readTwistedThreads(imagejDir, readImagejLists(imagejDir)), ...twistedThreads, ...berliosThreads]) }]
    : []),
];
for (const { label, items } of textRounds) {
  for (const item of items.filter((i) => i.split === 'train')) {
    const got = fulfilmentVerdictOfText(item);
    count(label, item.expected, got);
    if (got === item.expected) continue;
    console.log(`\n### [${label}] expected ${item.expected} got ${got}: ${item.text}${item.keptBy ? `\n    labelled kept by: ${item.keptBy}` : ''}`);
    const { promise, evidence } = fulfilmentCaseOfText(item);
    for (const [i, e] of evidence.entries()) {
      const j = judgeEvidence(promise, e);
      console.log(`  - judge ${j?.verdict ?? 'none'}; deliveries: ${e.deliveries.map((d) => `${d.kind}: ${d.text.slice(0, 90)}`).join(' | ')}`);
      console.log(`    ${item.later[i]!.body.slice(0, 400)}`);
    }
  }
}
console.log('\n## TRAIN confusion matrix: label (rows) by verdict (columns)');
console.table(
  // Every set last: a Map keeps insertion order, and it was inserted with the first set.
  [...confusion].sort(([a], [b]) => Number(a === 'every set') - Number(b === 'every set')).flatMap(([set, row]) =>
    (['kept', 'not-kept'] as const).map((label) => ({
      set,
      label,
      'said kept': row.get(`${label}|kept`) ?? 0,
      'said possibly kept': row.get(`${label}|possibly-kept`) ?? 0,
      'said not kept': row.get(`${label}|not-kept`) ?? 0,
    })),
  ),
);
