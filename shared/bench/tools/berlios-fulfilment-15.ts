/**
 * Round 15's fulfilment candidates (README "Round 15 (fulfilment)"): promises on the BerliOS lists (promises round 13's
 * source, `berlios-lists.ts`) followed to the same writer's later messages in the thread (up to three). Two kinds, in
 * this order:
 * - the sentences promises round 13 labelled a promise by hand (`outbound-berlios-lists-13.refs.jsonl`);
 * - then the engine's promises in any other reply, ordered by SHA-256 of `"round 15|" + address + "|" + text`
 *   (read in that order until enough promises are labelled; the labeller drops what is no promise).
 * The fulfilment rules are not run here: labels are written before they are.
 * `FOLLOWTHROUGH_BERLIOS_LIST_DIR=… npx tsx bench/tools/berlios-fulfilment-15.ts > candidates.jsonl`
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseRealOutbound, type RealFulfilment } from '../../corpus/real-mail';
import { explainPromises } from '../../src/analysis/promises';
import { splitSentences } from '../../src/analysis/text/sentences';
import { BERLIOS_LIST_SOURCE, findBerliosLists, readBerliosLists } from './berlios-lists';
import { twistedKey } from './twisted-list';
import { laterByWriter, readTwistedThreads } from './twisted-threads';

const LATER_SHOWN = 3;
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const dir = findBerliosLists();
if (!dir) throw new Error('set FOLLOWTHROUGH_BERLIOS_LIST_DIR');
const messages = readTwistedThreads(dir, readBerliosLists(dir));
const byKey = new Map(messages.map((m) => [twistedKey(m.list, m.messageId), m]));
const fold = (body: string): string => body.replace(/\s+/g, ' ');
const listOf = (source: string): string => source.slice(BERLIOS_LIST_SOURCE.length + 1);

/** A promise with the writer's later mail, as the labelled item will reference it, and what the labeller is shown. */
interface Candidate extends Omit<RealFulfilment, 'expected' | 'keptBy' | 'split'> {
  kind: 'labelled-13' | 'engine';
  text: string;
  subject: string;
  show: { subject: string; body: string }[];
}

const candidate = (kind: Candidate['kind'], made: (typeof messages)[number], offset: number, text: string): Candidate | undefined => {
  const later = laterByWriter(messages, made).slice(0, LATER_SHOWN);
  if (later.length === 0) return undefined;
  return {
    kind,
    source: `${BERLIOS_LIST_SOURCE}/${made.list}`,
    thread: made.thread,
    ref: made.messageId,
    offset,
    length: text.length,
    sha: sha256(text).slice(0, 16),
    later: later.map((m) => m.messageId),
    text,
    subject: made.subject,
    show: later.map((m) => ({ subject: m.subject, body: m.body.slice(0, 1200) })),
  };
};

const round13 = parseRealOutbound(readFileSync(new URL('../../corpus/real/outbound-berlios-lists-13.refs.jsonl', import.meta.url), 'utf8'), 'round 13');
const round13Messages = new Set(round13.map((i) => twistedKey(listOf(i.source), i.ref)));
const out: Candidate[] = [];
for (const item of round13.filter((i) => i.promise)) {
  const made = byKey.get(twistedKey(listOf(item.source), item.ref));
  if (!made || item.offset === undefined || item.length === undefined) continue;
  const text = fold(made.body).slice(item.offset, item.offset + item.length);
  const c = candidate('labelled-13', made, item.offset, text);
  if (c) out.push(c);
}
const engine: { order: string; c: Candidate }[] = [];
for (const made of messages) {
  if (made.messageId.includes('#') || round13Messages.has(twistedKey(made.list, made.messageId)) || !made.reply) continue;
  const body = fold(made.body);
  for (const sentence of splitSentences(body)) {
    if (!explainPromises(sentence).some((d) => d.promise)) continue;
    const offset = body.indexOf(sentence);
    if (offset < 0) continue;
    const c = candidate('engine', made, offset, sentence);
    if (c) engine.push({ order: sha256(`round 15|${made.address}|${sentence}`), c });
  }
}
engine.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
out.push(...engine.map((e) => e.c));
for (const c of out) console.log(JSON.stringify(c));
console.error(`${out.filter((c) => c.kind === 'labelled-13').length} of round 13's labelled promises with later mail; ${engine.length} engine promises with later mail`);
