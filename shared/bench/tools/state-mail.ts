/**
 * Reading the State Department FOIA release (README "Round 7") for the hand-labelling draws: which documents are
 * an official's mail, where the newest message's body starts and ends, and the candidate sentences the engine would
 * read in it. Shared by `draw-state-7.ts` and `draw-state-8.ts` so every round reads the release the same way.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { explainPromises } from '../../src/analysis/promises';
import { splitSentences } from '../../src/analysis/text/sentences';
import { visibleText } from '../../src/analysis/visible-text';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * SHA-256 prefixes of every sentence any `corpus/real/*` set already holds, so no round draws an item twice; a round's
 * own file (`ownFile`) is left out so that its draw can be run again once its labels are committed.
 */
export function usedSentences(ownFile?: string): Set<string> {
  const realDir = new URL('../../corpus/real/', import.meta.url);
  const used = new Set<string>();
  for (const file of readdirSync(realDir).filter((f) => f.endsWith('.jsonl') && f !== ownFile)) {
    for (const line of readFileSync(new URL(file, realDir), 'utf8').split('\n').filter(Boolean)) {
      const item = JSON.parse(line) as { sha?: string; text?: string };
      if (item.sha) used.add(item.sha);
      if (item.text) used.add(sha256(item.text.replace(/\s+/g, ' ').trim()).slice(0, 16));
    }
  }
  return used;
}

// Page furniture the State Department's release adds to every page, and the redaction codes in the margin.
export const FURNITURE = /UNCLASSIFIED U\.S\. Department of State|RELEASE IN (?:FULL|PART)|^\s*(?:B\d(?:,\s*B\d)*|\d\.\d\(\w\))\s*$/;
// Where the newest message ends: a quoted or forwarded message's header, or a mobile signature.
export const HISTORY = /^\s*(?:-+\s*)?Original Message|^\s*-{3,}\s*Forwarded|^\s*From\s*:|^\s*On .{5,80} wrote:|^\s*Sent (?:from|via) (?:my )?(?:BlackBerry|iPad|iPhone|Verizon)/i;
// A federal official: a state.gov address (the OCR writes @ as © or drops a letter) or the Secretary's account.
export const OFFICIAL = /state\.go|hrod17@/i;

export interface StateDocument { path: string; sender: string; body: string }

/** The newest message of a released document when an official sent it, else null. */
export function readDocument(path: string, raw: string): StateDocument | null {
  const lines = raw.split(/\r?\n/).filter((l) => !FURNITURE.test(l));
  const fromAt = lines.findIndex((l) => /^\s*From\s*:/.test(l));
  if (fromAt < 0) return null;
  const sender = lines[fromAt]!.replace(/^\s*From\s*:\s*/, '').trim();
  if (!OFFICIAL.test(sender)) return null;
  // The header block runs to its Subject line (or Attachments line after it).
  let start = fromAt + 1;
  while (start < lines.length && start < fromAt + 8 && !/^\s*Subject\s*:/.test(lines[start]!)) start++;
  start++;
  if (start < lines.length && /^\s*Attachments\s*:/.test(lines[start]!)) start++;
  const body: string[] = [];
  for (let i = start; i < lines.length; i++) {
    if (HISTORY.test(lines[i]!)) break;
    body.push(lines[i]!);
  }
  // Paragraphs are separated by blank lines; a paragraph's lines are the PDF's hard wraps.
  const paragraphs = body.join('\n').split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return { path, sender, body: paragraphs.join('\n\n') };
}

/** Round 1's broad first-person net: what a naive promise matcher would catch. */
export const NET = /\b(?:I|we)\s*(?:'ll|’ll| will| shall|'m going to| am going to|'re going to| are going to|'m gonna)\b|\blet me\b|\bwill (?:do|send|look|fix|check|try|post|upload|get|make|add|update|let)\b|\b(?:I|we)(?:'m| am|'re| are) (?:sending|forwarding|attaching|uploading|preparing|working on)\b|\byou(?:'ll| will) (?:have|receive|get)\b|\bexpect\b|\bplan to\b|\bintend to\b/i;
export const FIRST = /\b(?:I|we|my|our|me|us)\b/;

export interface Candidate { source: string; ref: string; sha: string; text: string; sender: string; rules: boolean; net: boolean; first: boolean }

/** Every distinct sentence of the officials' newest messages not yet in a real-mail set, in release order. */
export function candidateSentences(dir: string, used: Set<string>): Candidate[] {
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const release of readdirSync(dir).sort()) {
    for (const name of readdirSync(join(dir, release)).sort()) {
      const path = `${release}/${name}`;
      const doc = readDocument(path, readFileSync(join(dir, path), 'utf8'));
      if (!doc || !doc.body) continue;
      for (const sentence of splitSentences(visibleText(doc.body))) {
        const text = sentence.replace(/\s+/g, ' ').trim();
        if (text.length < 8 || text.length > 600 || !/[a-z]{3}/i.test(text)) continue;
        const h = sha256(text);
        if (used.has(h.slice(0, 16)) || seen.has(h)) continue;
        seen.add(h);
        const rules = explainPromises(text).some((d) => d.promise);
        candidates.push({ source: 'state-dept-foia', ref: path, sha: h.slice(0, 16), text, sender: doc.sender.replace(/\s*<.*$/, ''), rules, net: NET.test(text), first: FIRST.test(text) });
      }
    }
  }
  return candidates;
}

export const SEND_TIMES = [
  { sentAt: '2026-03-04T10:00:00-06:00', timeZone: 'America/Chicago' },
  { sentAt: '2026-03-07T11:00:00Z', timeZone: 'Europe/London' },
  { sentAt: '2026-10-29T16:30:00+01:00', timeZone: 'Europe/Berlin' },
  { sentAt: '2026-06-15T08:15:00+09:00', timeZone: 'Asia/Tokyo' },
] as const;

/** holdout = the first 32 bits of the text's SHA-256 mod 3 = 0, as in every round. */
export const splitOf = (hash: string): string => (Number.parseInt(hash.slice(0, 8), 16) % 3 === 0 ? 'holdout' : 'train');
