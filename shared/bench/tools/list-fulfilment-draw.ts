/**
 * One draw of fulfilment candidates from a mailing-list archive, as fulfilment rounds 14 and 15 made them (README
 * "Round 14 (fulfilment)", "Round 15 (fulfilment)"): promises followed to the same writer's later messages in the
 * thread (up to three). Two kinds, in this order:
 * - the sentences the list's promise rounds labelled a promise by hand (their `.refs.jsonl`, this archive's items);
 * - then the engine's promises in any other reply, ordered by SHA-256 of `"round N|" + address + "|" + text`
 *   (read in that order until enough promises are labelled; the labeller drops what is no promise).
 * The fulfilment rules are not run here: labels are written before they are. Prints one candidate per line.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseRealOutbound, type RealFulfilment } from '../../corpus/real-mail';
import { explainPromises } from '../../src/analysis/promises';
import { splitSentences } from '../../src/analysis/text/sentences';
import { twistedKey } from './twisted-list';
import { laterByWriter, type TwistedThreadMessage } from './twisted-threads';

const LATER_SHOWN = 3;
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const fold = (body: string): string => body.replace(/\s+/g, ' ');

export interface ListFulfilmentDraw {
  /** This fulfilment round's number (the engine candidates' order). */
  round: number;
  /** The promise rounds whose hand-labelled promises come first, and their labelled files (items of other archives are skipped). */
  promiseRounds: { round: number; file: URL }[];
  /** Whether the engine's promises in other replies follow the labelled ones (round 16 draws only labelled promises). */
  engine?: boolean;
  /** The source named in each reference, before `/<list>`. */
  source: string;
  messages: TwistedThreadMessage[];
}

/** A promise with the writer's later mail, as the labelled item will reference it, and what the labeller is shown. */
interface Candidate extends Omit<RealFulfilment, 'expected' | 'keptBy' | 'split'> {
  kind: string;
  text: string;
  subject: string;
  show: { subject: string; body: string }[];
}

export function drawListFulfilment({ round, promiseRounds, source, messages, engine: withEngine = true }: ListFulfilmentDraw): void {
  const byKey = new Map(messages.map((m) => [twistedKey(m.list, m.messageId), m]));
  const listOf = (itemSource: string): string => itemSource.slice(source.length + 1);
  const candidate = (kind: string, made: TwistedThreadMessage, offset: number, text: string): Candidate | undefined => {
    const later = laterByWriter(messages, made).slice(0, LATER_SHOWN);
    if (later.length === 0) return undefined;
    return {
      kind,
      source: `${source}/${made.list}`,
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

  const out: Candidate[] = [];
  const labelledMessages = new Set<string>();
  for (const promiseRound of promiseRounds) {
    const labelled = parseRealOutbound(readFileSync(promiseRound.file, 'utf8'), `round ${promiseRound.round}`).filter((i) => i.source.startsWith(`${source}/`));
    for (const item of labelled) labelledMessages.add(twistedKey(listOf(item.source), item.ref));
    for (const item of labelled.filter((i) => i.promise)) {
      const made = byKey.get(twistedKey(listOf(item.source), item.ref));
      if (!made || item.offset === undefined || item.length === undefined) continue;
      const text = fold(made.body).slice(item.offset, item.offset + item.length);
      const c = candidate(`labelled-${promiseRound.round}`, made, item.offset, text);
      if (c) out.push(c);
    }
  }
  const engine: { order: string; c: Candidate }[] = [];
  for (const made of withEngine ? messages : []) {
    if (made.messageId.includes('#') || labelledMessages.has(twistedKey(made.list, made.messageId)) || !made.reply) continue;
    const body = fold(made.body);
    for (const sentence of splitSentences(body)) {
      if (!explainPromises(sentence).some((d) => d.promise)) continue;
      const offset = body.indexOf(sentence);
      if (offset < 0) continue;
      const c = candidate('engine', made, offset, sentence);
      if (c) engine.push({ order: sha256(`round ${round}|${made.address}|${sentence}`), c });
    }
  }
  engine.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  out.push(...engine.map((e) => e.c));
  for (const c of out) console.log(JSON.stringify(c));
  const labelledCount = promiseRounds.map((p) => `${out.filter((c) => c.kind === `labelled-${p.round}`).length} of round ${p.round}'s`).join(', ');
  console.error(`${source}: ${labelledCount} labelled promises with later mail; ${engine.length} engine promises with later mail`);
}
