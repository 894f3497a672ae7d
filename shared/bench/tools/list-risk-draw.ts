/**
 * The draw of list users' sentences for hand labelling of client risks, shared by rounds 13 and 14 (README "Round 13
 * (client risks)", "Round 14 (client risks)"): users of open-source projects writing to the project's mailing list, that
 * is to the people who make what they use (the nearest thing in public mail to a customer writing to its supplier).
 *
 * Who is the supplier: on each list, the writers of the most messages (`projectWriters`) are taken to be the project's own
 * people; every other writer is a user. Only users' messages are drawn, first posts and replies alike. A message any
 * earlier round drew a sentence from is left out whole.
 * Candidates are the sentences of a message's own text as the engine reads it (`visibleText`), 8-600 characters, without
 * code, logs or paths; a message with more than 10 of them is skipped (pasted output, long designs).
 * Messages are ordered by the SHA-256 of `seed + list + "|" + Message-ID`. In that order, all the sentences of each
 * message go to the stratum `stratumOf` names for them, until that stratum holds its `wanted` count.
 * Deterministic; no rule is run on the candidates.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { splitSentences } from '../../src/analysis/text/sentences';
import { visibleText } from '../../src/analysis/visible-text';
import { sha256, splitOf, usedSentences } from './state-mail';
import type { TwistedMessage } from './twisted-list';

// As the promise rounds' draws of these archives: code, tracebacks, kernel logs, device dumps, shell lines, paths and
// addresses are not mail prose.
export const CODE = /0x[0-9a-f]|\[\s*\d+\.\d+\]|;\s*$|->|::|[{}]|\(\)|==|>>>|\bdef |\bself\.|\bimport \w|\bTraceback\b|File "|^\s*[#$%]|\w+\(\w*[,=]|https?:|\/\w+\/|\w\.py\b| at \w+\.\w+/;
// A word of trouble with what the project supplies, of waiting for it, or of leaving it: broad on purpose, so that the
// drawn mail carries the risks the lists hold and the look-alikes around them.
export const TROUBLE =
  /\b(?:disappoint\w*|frustrat\w*|annoy\w*|unhappy|concern\w*|worr\w*|alternative\w*|switch\w*|competitor|abandon\w*|give up|giving up|gave up|regression|worse|no longer|stopped working|broke|broken|still|waiting|waited|any news|any update|release date|deadline|delay\w*|late|slow\w*|unaccept\w*|complain\w*|useless|unreliab\w*|unusable|ridiculous|shame|ignored|no answer|no response|no reply|months|weeks|again|why)\b/i;
// Narrower: words a user let down, kept waiting or leaving uses.
export const STRONG =
  /\b(?:disappoint\w*|frustrat\w*|unhappy|annoy\w*|unaccept\w*|switch(?:ed|ing)? (?:to|back|away)|mov(?:e|ed|ing) (?:to|away from)|give up|giving up|gave up|abandon\w*|regression|stopped working|no longer works?|still (?:not|no|doesn't|does not|isn't|haven't|waiting|broken)|any news|any update|any progress|still waiting|been waiting|no (?:answer|response|reply)|ignored|useless|unusable|unreliable|ridiculous|worse|when will)\b/i;
// Words of a user displeased, kept waiting, seeing a decline or leaving.
export const DISPLEASURE =
  /\b(?:disappoint\w*|frustrat\w*|unacceptable|annoy(?:ed|ing)|fed up|sick of|tired of|give up on|giving up on|gave up on|switch(?:ed|ing)? to|mov(?:ed|ing) to|no longer us\w*|waste of time|ridiculous|pathetic|terrible|awful|horrible|still waiting|been waiting|any news|any progress|no (?:response|answer|reply|feedback)|ignored|(?:weeks|months) ago|regression|used to work|worked (?:fine|before)|broke (?:my|our)|broken since|since (?:the )?(?:upgrade|update)|after (?:the )?(?:upgrade|update|updating|upgrading)|worse than|slower than|keeps crashing|crash\w* again)\b/i;

const MAX_SENTENCES_A_MESSAGE = 10;

/** References (source|ref) of every message a committed round file other than `ownFile` drew from. */
export function usedMessages(ownFile: string): Set<string> {
  const realDir = new URL('../../corpus/real/', import.meta.url);
  const used = new Set<string>();
  for (const file of readdirSync(realDir).filter((f) => f.endsWith('.jsonl') && f !== ownFile)) {
    for (const line of readFileSync(new URL(file, realDir), 'utf8').split('\n').filter(Boolean)) {
      const item = JSON.parse(line) as { source?: string; ref?: string; later?: string[] };
      if (item.source && item.ref) used.add(`${item.source}|${item.ref}`);
      for (const later of item.later ?? []) if (item.source) used.add(`${item.source}|${later}`);
    }
  }
  return used;
}

/**
 * What counts as drawn before a part of a two-part round: every committed round file but the round's own (`ownFile`), and
 * of the round's own items those of the other part. So each part runs again to the same items with the file present: the
 * second part skips the first, and the first's strata fill before the second's messages are reached.
 */
export function drawnBeforePart(ownFile: string, secondPartDraw: string, secondPart: boolean): { usedText: Set<string>; usedRefs: Set<string> } {
  const usedText = usedSentences(ownFile);
  const usedRefs = usedMessages(ownFile);
  try {
    for (const line of readFileSync(new URL(`../../corpus/real/${ownFile}`, import.meta.url), 'utf8').split('\n').filter(Boolean)) {
      const item = JSON.parse(line) as { source: string; ref: string; sha: string; draw: string };
      if ((item.draw === secondPartDraw) === secondPart) continue;
      usedText.add(item.sha);
      usedRefs.add(`${item.source}|${item.ref}`);
    }
  } catch {
    // The round's file is not there before its first part is committed.
  }
  return { usedText, usedRefs };
}

export interface DrawnSentence { source: string; ref: string; author: string; subject: string; offset: number; length: number; sha: string; text: string; draw: string }

export interface ListDraw {
  /** Prefix of the hash that orders messages, e.g. "round 13 risks|". */
  seed: string;
  source: string;
  messages: readonly TwistedMessage[];
  /** The lists of the source to draw from; all when undefined. */
  lists?: readonly string[];
  projectWriters: number;
  /** Sentences wanted per stratum. */
  wanted: Record<string, number>;
  /** The stratum a message's candidate sentences belong to (a key of `wanted`, or another name to skip it). */
  stratumOf: (sentences: readonly string[]) => string;
  /** SHA-256 prefixes (16 hex) of sentences earlier rounds drew: a message holding one is left out. */
  usedText: ReadonlySet<string>;
  /** source|ref of messages earlier rounds drew from. */
  usedRefs: ReadonlySet<string>;
  /** Hashes of sentences drawn so far in this run (shared across sources, updated). */
  seen: Set<string>;
}

export function drawListUsers(d: ListDraw): DrawnSentence[] {
  const mine = d.messages.filter((m) => !d.lists || d.lists.includes(m.list));
  const writers = new Map<string, Map<string, number>>();
  for (const m of mine) {
    const counts = writers.get(m.list) ?? new Map<string, number>();
    counts.set(m.author, (counts.get(m.author) ?? 0) + 1);
    writers.set(m.list, counts);
  }
  const project = new Map([...writers].map(([list, counts]) => [list, new Set([...counts].sort((a, b) => b[1] - a[1]).slice(0, d.projectWriters).map(([a]) => a))]));
  for (const [list, people] of project) console.error(`${d.source}/${list}: project writers ${[...people].join('; ')}`);

  const ordered = mine
    .filter((m) => m.body && !project.get(m.list)!.has(m.author) && !d.usedRefs.has(`${d.source}/${m.list}|${m.messageId}`))
    .map((m) => ({ m, key: sha256(`${d.seed}${m.list}|${m.messageId}`) }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  const out: DrawnSentence[] = [];
  const filled: Record<string, number> = Object.fromEntries(Object.keys(d.wanted).map((k) => [k, 0]));
  for (const { m } of ordered) {
    if (Object.keys(d.wanted).every((k) => filled[k]! >= d.wanted[k]!)) break;
    const folded = m.body.replace(/\s+/g, ' ');
    const sentences: Omit<DrawnSentence, 'draw'>[] = [];
    let drawnBefore = false;
    for (const sentence of splitSentences(visibleText(m.body))) {
      const text = sentence.replace(/\s+/g, ' ').trim();
      if (text.length < 8 || text.length > 600 || !/[a-z]{3}/i.test(text) || CODE.test(text)) continue;
      const offset = folded.indexOf(text);
      const hash = sha256(text);
      if (d.usedText.has(hash.slice(0, 16))) drawnBefore = true;
      if (offset < 0 || d.seen.has(hash)) continue;
      sentences.push({ source: `${d.source}/${m.list}`, ref: m.messageId, author: m.author, subject: m.subject, offset, length: text.length, sha: hash.slice(0, 16), text });
    }
    if (drawnBefore || sentences.length === 0 || sentences.length > MAX_SENTENCES_A_MESSAGE) continue;
    const draw = d.stratumOf(sentences.map((s) => s.text));
    if (!(draw in d.wanted) || filled[draw]! >= d.wanted[draw]!) continue;
    for (const s of sentences) d.seen.add(sha256(s.text));
    out.push(...sentences.map((s) => ({ ...s, draw })));
    filled[draw] = filled[draw]! + sentences.length;
  }
  console.error(`${d.source}: ${ordered.length} users' messages; drew ${JSON.stringify(filled)}`);
  return out;
}

export const riskReference = (d: DrawnSentence) => ({ request: null, risk: null, split: splitOf(d.sha), source: d.source, ref: d.ref, offset: d.offset, length: d.length, sha: d.sha, draw: d.draw });
