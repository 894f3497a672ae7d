/**
 * Draws promises with later mail for hand labelling of fulfilment (README "Real mail", round 4):
 * `npx tsx bench/tools/fulfilment-pool.ts > pool.txt`. A candidate is a sentence of the R-list outbound sets
 * (rounds 1, 2 and 5) labelled a promise by hand, whose sender wrote again later in the same thread, that no fulfilment set holds
 * yet. (The detector's own finds with later mail are all in the sets already: rounds 1 and 2 drew every one.)
 * Ordered by the hash of the text; split by the same hash (first 32 bits mod 3 = 0: holdout). Prints, for
 * reading, the promise, the message it is in and the visible text of the sender's later messages, then the
 * reference line to label. The fulfilment rules are not run here: labels are written before they are.
 */
import { readFileSync } from 'node:fs';
import { parseRealOutbound } from '../../corpus/real-mail';
import { visibleText } from '../../src/analysis/visible-text';
import { findArchive, readArchive } from './archive';

const dir = findArchive();
if (!dir) throw new Error('R-list archive not found');
const messages = await readArchive(dir);
const byId = new Map(messages.map((m) => [`${m.list}|${m.messageId}`, m]));
const byThread = new Map<string, typeof messages>();
for (const m of messages) {
  const key = `${m.list}|${m.threadId}`;
  const list = byThread.get(key) ?? [];
  list.push(m);
  byThread.set(key, list);
}
const read = (file: string): string => readFileSync(new URL(`../../corpus/real/${file}`, import.meta.url), 'utf8');

const done = new Set<string>();
for (const file of ['fulfilment-r-lists.refs.jsonl', 'fulfilment-r-lists-2.refs.jsonl', 'fulfilment-r-lists-4.refs.jsonl', 'fulfilment-r-lists-6.refs.jsonl']) {
  let text = '';
  try {
    text = read(file);
  } catch {
    continue;
  }
  for (const line of text.split('\n').filter(Boolean)) done.add((JSON.parse(line) as { sha: string }).sha);
}

const out: { sha: string; print: string }[] = [];
for (const file of ['outbound-r-lists.refs.jsonl', 'outbound-r-lists-2.refs.jsonl', 'outbound-r-lists-5.refs.jsonl']) {
  for (const item of parseRealOutbound(read(file), file)) {
    if (!item.promise || !item.sha || done.has(item.sha)) continue;
    const list = item.source.replace(/^r-mailing-lists\//, '');
    const made = item.ref ? byId.get(`${list}|${item.ref}`) : undefined;
    if (!made) continue;
    const later = (byThread.get(`${list}|${made.threadId}`) ?? []).filter((o) => o.sender === made.sender && o.date > made.date).sort((a, b) => (a.date < b.date ? -1 : 1));
    if (later.length === 0) continue;
    const text = made.body.replace(/\s+/g, ' ').slice(item.offset, (item.offset ?? 0) + (item.length ?? 0));
    const split = Number.parseInt(item.sha.slice(0, 8), 16) % 3 === 0 ? 'holdout' : 'train';
    const ref = { source: item.source, thread: made.threadId, ref: made.messageId, offset: item.offset, length: item.length, sha: item.sha, later: later.map((o) => o.messageId), expected: '?', split };
    let print = `\n######## ${item.sha} ${split} ${made.date} ${made.subject}\nPROMISE: ${text}\n--- its message\n${visibleText(made.body).trim().slice(0, 1200)}`;
    for (const o of later) print += `\n--- later ${o.date} ${o.subject}\n${visibleText(o.body).trim().slice(0, 5000)}`;
    out.push({ sha: item.sha, print: `${print}\nREF ${JSON.stringify(ref)}` });
  }
}
out.sort((a, b) => (a.sha < b.sha ? -1 : 1));
for (const o of out) console.log(o.print);
console.error(`${out.length} candidates`);
