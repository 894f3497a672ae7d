/**
 * The real-mail development set (README "Real mail"): sentences of mail nobody on the team wrote, labelled
 * by hand. Pure (takes the files' text), so the corpus test and `pnpm bench` compute the same figures.
 * Items from the R mailing lists are stored as references into the archive (list, message id, offset and
 * length in the whitespace-folded body), since that archive has no licence to copy it under: the bench
 * resolves them when the archive is present; the test uses the committed Parakweet part only.
 */
import { findRequests } from '../src/analysis/requests';
import { findRisks } from '../src/analysis/risks';
import { findDeliveries } from '../src/analysis/deliveries';
import { resolveFulfilment } from '../src/analysis/fulfilment';
import type { FulfilmentEvidence, PromiseForFulfilment } from '../src/analysis/fulfilment';
import { visibleText } from '../src/analysis/visible-text';
import type { CorpusRecord } from './evaluate';

export type RealSplit = 'train' | 'holdout';

interface RealCommon {
  /** parakweet, or r-mailing-lists/<list>. */
  source: string;
  /** File and line (Parakweet) or Message-ID (R lists). */
  ref: string;
  /** holdout: a third of the items by a hash of their text, never looked at while writing rules. */
  split: RealSplit;
  /** R-list references: where the sentence is in the message body with whitespace folded. */
  offset?: number;
  length?: number;
  /** First 16 hex digits of the sentence's SHA-256, to check a resolved reference. */
  sha?: string;
}

export type RealOutbound = Omit<CorpusRecord, 'split' | 'note'> & RealCommon & { line: number };

export interface RealInbound extends RealCommon {
  text: string;
  /** Does it ask us to do or answer something? */
  request: boolean;
  /** The client risk it shows (RiskKind, or a RISK_SIGNALS name for the finer ones), or null. */
  risk: string | null;
  line: number;
}

/** Looks up a message body of the R-list archive: (list, Message-ID) -> body, when the archive is present. */
export type BodyLookup = (list: string, messageId: string) => string | undefined;

function parseLines<T>(jsonl: string, file: string, check: (value: Record<string, unknown>, line: number) => void): (T & { line: number })[] {
  const out: (T & { line: number })[] = [];
  jsonl.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    const value = JSON.parse(raw) as Record<string, unknown>;
    check(value, i + 1);
    out.push({ ...(value as T), line: i + 1 });
  });
  return out;
}

function checkCommon(file: string, value: Record<string, unknown>, line: number): void {
  if (typeof value.source !== 'string' || typeof value.ref !== 'string' || (value.split !== 'train' && value.split !== 'holdout')) {
    throw new TypeError(`${file} line ${line}: needs source, ref and split (train | holdout)`);
  }
  if (typeof value.text !== 'string' && (typeof value.offset !== 'number' || typeof value.length !== 'number')) {
    throw new TypeError(`${file} line ${line}: needs text, or offset and length into the archived message`);
  }
}

export function parseRealOutbound(jsonl: string, file = 'outbound'): RealOutbound[] {
  return parseLines<RealOutbound>(jsonl, file, (value, line) => {
    checkCommon(file, value, line);
    if (typeof value.promise !== 'boolean' || typeof value.sentAt !== 'string' || typeof value.timeZone !== 'string') {
      throw new TypeError(`${file} line ${line}: needs promise, sentAt and timeZone`);
    }
  });
}

export function parseRealInbound(jsonl: string, file = 'inbound'): RealInbound[] {
  return parseLines<RealInbound>(jsonl, file, (value, line) => {
    checkCommon(file, value, line);
    if (typeof value.request !== 'boolean' || (value.risk !== null && typeof value.risk !== 'string')) {
      throw new TypeError(`${file} line ${line}: needs request (boolean) and risk (string or null)`);
    }
  });
}

/**
 * Fills in the text of referenced items from the archive; items whose message is missing are dropped
 * (the caller reports how many were resolved).
 */
export function resolveReferences<T extends RealCommon & { text?: string }>(items: readonly T[], lookup: BodyLookup): (T & { text: string })[] {
  const out: (T & { text: string })[] = [];
  for (const item of items) {
    if (typeof item.text === 'string') {
      out.push(item as T & { text: string });
      continue;
    }
    const body = lookup(item.source.replace(/^r-mailing-lists\//, ''), item.ref);
    if (body === undefined || item.offset === undefined || item.length === undefined) continue;
    out.push({ ...item, text: body.replace(/\s+/g, ' ').slice(item.offset, item.offset + item.length) });
  }
  return out;
}

export interface BinaryScore {
  items: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

function binary(items: readonly { expected: boolean; got: boolean }[]): BinaryScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { expected, got } of items) {
    if (got && expected) tp++;
    else if (got) fp++;
    else if (expected) fn++;
  }
  return { items: items.length, truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
}

/** Requests and client risks on inbound sentences (a risk counts as found when any risk is found). */
export function scoreInbound(items: readonly (RealInbound & { text: string })[]): { requests: BinaryScore; risks: BinaryScore } {
  return {
    requests: binary(items.map((i) => ({ expected: i.request, got: findRequests(i.text).length > 0 }))),
    risks: binary(items.map((i) => ({ expected: i.risk !== null, got: findRisks(i.text, 'them').length > 0 }))),
  };
}

/**
 * Real threads for fulfilment (README "Real mail"): a promise from an R-list message (by reference) and the
 * same sender's later messages in its thread (the "our later mail" of that conversation), labelled kept or
 * not kept by reading them.
 */
export interface RealFulfilment {
  source: string;
  thread: string;
  /** Message-ID of the promising message; the promise is at offset/length in its folded body. */
  ref: string;
  offset: number;
  length: number;
  sha: string;
  /** Message-IDs of the sender's later messages in the thread. */
  later: string[];
  expected: 'kept' | 'not-kept';
  /** What kept it, in the labeller's words (round 14 on). */
  keptBy?: string;
  split: RealSplit;
}

/** One JSON object per non-blank line. */
function parseJsonLines<T>(jsonl: string): T[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

export function parseRealFulfilment(jsonl: string): RealFulfilment[] {
  return parseJsonLines<RealFulfilment>(jsonl);
}

/**
 * A fulfilment item stored as text (round 8, State Department mail: federal works): the promise, the message it was
 * made in, and the same official's later messages in the conversation.
 */
export interface RealFulfilmentText {
  text: string;
  sha: string;
  source: string;
  /** Release path of the promising message. */
  ref: string;
  sender: string;
  sentAt: string;
  subject: string;
  later: { ref: string; sentAt: string; subject: string; body: string }[];
  expected: 'kept' | 'not-kept';
  /** What kept it, in the labeller's words. */
  keptBy?: string;
  split: RealSplit;
}

export function parseRealFulfilmentText(jsonl: string): RealFulfilmentText[] {
  return parseJsonLines<RealFulfilmentText>(jsonl);
}

/**
 * The engine's verdict on a text-stored fulfilment item: the later messages as our mail in the promise's
 * conversation, each read for deliveries as the engine reads outbound mail.
 */
export function fulfilmentVerdictOfText(item: RealFulfilmentText): 'kept' | 'possibly-kept' | 'not-kept' {
  const { promise, evidence } = fulfilmentCaseOfText(item);
  const outcome = resolveFulfilment(promise, evidence);
  return outcome.kept ? (outcome.kept.strength === 'kept' ? 'kept' : 'possibly-kept') : 'not-kept';
}

/** A text-stored item as the engine sees it: the promise, and each later message as our mail in its conversation. */
export function fulfilmentCaseOfText(item: RealFulfilmentText): { promise: PromiseForFulfilment; evidence: (FulfilmentEvidence & { kind: 'message' })[] } {
  const thread = `state:${item.ref}`;
  // A message is its document and its time: one released document can hold the promise and a later message of the
  // same official (round 10 reads the quoted chain), and the engine ignores evidence that is the promising message.
  const evidence = item.later.map((m) => ({ kind: 'message' as const, id: `${m.ref}@${m.sentAt}`, threadId: thread, at: m.sentAt, subject: m.subject, to: ['reader'], deliveries: findDeliveries(visibleText(m.body)), attachments: [] }));
  return { promise: { id: item.ref, text: item.text, messageId: `${item.ref}@${item.sentAt}`, threadId: thread, counterpart: 'reader', madeAt: item.sentAt, madeTo: ['reader'] }, evidence };
}

export interface FulfilmentScore {
  promises: number;
  /** Status agrees with the label; a "possibly kept" agrees with neither. */
  right: number;
  /** Called kept when it was not (the aim: at most 1 in 50). */
  falseKept: number;
  /** Called "possibly kept": the user is asked. */
  possibly: number;
  /** Labelled kept and called kept. */
  keptFound: number;
  kept: number;
}

export function scoreFulfilment(outcomes: readonly { expected: 'kept' | 'not-kept'; got: 'kept' | 'possibly-kept' | 'not-kept' }[]): FulfilmentScore {
  const score: FulfilmentScore = { promises: outcomes.length, right: 0, falseKept: 0, possibly: 0, keptFound: 0, kept: 0 };
  for (const { expected, got } of outcomes) {
    if (got === expected) score.right++;
    if (got === 'possibly-kept') score.possibly++;
    if (got === 'kept' && expected === 'not-kept') score.falseKept++;
    if (expected === 'kept') {
      score.kept++;
      if (got === 'kept') score.keptFound++;
    }
  }
  return score;
}
