/**
 * Prints the fulfilment verdicts that disagree with their labels on the TRAIN split of the real fulfilment
 * sets (corpus README, rounds 1, 2, 4 and 6), each with the judge's verdict and the deliveries read in every later
 * message: what the error analysis reads. The held-out items are skipped, never printed. Needs the R-list
 * archive (archive.ts): `npx tsx bench/tools/fulfilment-train-failures.ts`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseRealFulfilment } from '../../corpus/real-mail';
import { findDeliveries } from '../../src/analysis/deliveries';
import { judgeEvidence, resolveFulfilment } from '../../src/analysis/fulfilment';
import type { FulfilmentEvidence } from '../../src/analysis/fulfilment';
import { visibleText } from '../../src/analysis/visible-text';
import { findArchive, readArchive } from './archive';
const msgs = await readArchive(findArchive()!);
const rows = new Map(msgs.map((m) => [`${m.list}|${m.messageId}`, m]));
const sha = (t: string): string => createHash('sha256').update(t).digest('hex').slice(0, 16);
for (const file of ['fulfilment-r-lists.refs.jsonl', 'fulfilment-r-lists-2.refs.jsonl', 'fulfilment-r-lists-4.refs.jsonl', 'fulfilment-r-lists-6.refs.jsonl']) {
  for (const item of parseRealFulfilment(readFileSync(new URL(`../../corpus/real/${file}`, import.meta.url), 'utf8')).filter((i) => i.split === 'train')) {
    const list = item.source.replace(/^r-mailing-lists\//, '');
    const made = rows.get(`${list}|${item.ref}`)!;
    const text = made.body.replace(/\s+/g, ' ').slice(item.offset, item.offset + item.length);
    if (sha(text) !== item.sha) continue;
    const promise = { id: item.ref, text, messageId: item.ref, threadId: item.thread, counterpart: list, madeAt: made.date, madeTo: ['list'] };
    const evidence: FulfilmentEvidence[] = item.later.flatMap((id) => { const r = rows.get(`${list}|${id}`); return r ? [{ kind: 'message' as const, id, threadId: item.thread, at: r.date, subject: r.subject, to: ['list'], deliveries: findDeliveries(visibleText(r.body)), attachments: [] }] : []; });
    const out = resolveFulfilment(promise, evidence);
    const got = out.kept ? (out.kept.strength === 'kept' ? 'kept' : 'possibly-kept') : 'not-kept';
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
