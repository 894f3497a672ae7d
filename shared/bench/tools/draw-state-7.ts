/**
 * Draws round 7's sentences for hand labelling (README "Round 7"): mail of US Department of State officials,
 * released under FOIA (case F-2014-20439) and OCR'd to text in datahoarder/secretary-clinton-email-dump.
 * `FOLLOWTHROUGH_STATE_MAIL_DIR=<that repository>/data/docs/text npx tsx bench/tools/draw-state-7.ts out in`
 * writes `out.jsonl` (outbound) and `in.jsonl` (inbound). Deterministic: candidates in the order of the SHA-256
 * of their text; every sentence any `corpus/real/*` set holds is skipped.
 *
 * Only the first (newest) message of each released document is read, up to its quoted history, and only when its
 * sender is a federal official: a state.gov address or the Secretary's own account. Their mail is a work of the US
 * government (17 U.S.C. 105), so its text can be committed; mail from outside the Department is not drawn.
 *
 * Outbound strata, as round 5: `A` the first 120 candidates the current rules call a promise, `B` the first 70
 * that round 1's broad first-person net catches and the rules do not, `C` the first 40 first-person sentences
 * outside the net. Inbound: `request` the first 65 questions or please-sentences, `risk-words` the first 50 with
 * a risk word, `other` the first 30 of the rest. Labels are written before the rules are run on anything but A's choice.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { explainPromises } from '../../src/analysis/promises';
import { splitSentences } from '../../src/analysis/text/sentences';
import { visibleText } from '../../src/analysis/visible-text';

const dir = process.env.FOLLOWTHROUGH_STATE_MAIL_DIR;
if (!dir) throw new Error('set FOLLOWTHROUGH_STATE_MAIL_DIR to the data/docs/text folder of the release');
const [outFile = 'outbound-draw', inFile = 'inbound-draw'] = process.argv.slice(2);
const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

const realDir = new URL('../../corpus/real/', import.meta.url);
const used = new Set<string>();
for (const file of readdirSync(realDir).filter((f) => f.endsWith('.jsonl'))) {
  for (const line of readFileSync(new URL(file, realDir), 'utf8').split('\n').filter(Boolean)) {
    const item = JSON.parse(line) as { sha?: string; text?: string };
    if (item.sha) used.add(item.sha);
    if (item.text) used.add(sha(item.text.replace(/\s+/g, ' ').trim()).slice(0, 16));
  }
}

// Page furniture the State Department's release adds to every page, and the redaction codes in the margin.
const FURNITURE = /UNCLASSIFIED U\.S\. Department of State|RELEASE IN (?:FULL|PART)|^\s*(?:B\d(?:,\s*B\d)*|\d\.\d\(\w\))\s*$/;
// Where the newest message ends: a quoted or forwarded message's header, or a mobile signature.
const HISTORY = /^\s*(?:-+\s*)?Original Message|^\s*-{3,}\s*Forwarded|^\s*From\s*:|^\s*On .{5,80} wrote:|^\s*Sent (?:from|via) (?:my )?(?:BlackBerry|iPad|iPhone|Verizon)/i;
// A federal official: a state.gov address (the OCR writes @ as © or drops a letter) or the Secretary's account.
const OFFICIAL = /state\.go|hrod17@/i;

interface Document { path: string; sender: string; body: string }
function readDocument(path: string, raw: string): Document | null {
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

const NET = /\b(?:I|we)\s*(?:'ll|’ll| will| shall|'m going to| am going to|'re going to| are going to|'m gonna)\b|\blet me\b|\bwill (?:do|send|look|fix|check|try|post|upload|get|make|add|update|let)\b|\b(?:I|we)(?:'m| am|'re| are) (?:sending|forwarding|attaching|uploading|preparing|working on)\b|\byou(?:'ll| will) (?:have|receive|get)\b|\bexpect\b|\bplan to\b|\bintend to\b/i;
const FIRST = /\b(?:I|we|my|our|me|us)\b/;
const REQUEST = /\?|\bplease\b|\bpls\b|\bcan you\b|\bcould you\b|\bwould you\b/i;
const RISK_WORDS = /\b(?:disappoint|concern|worr|cancel|budget|quality|late|delay|problem|unhappy|frustrat|complain|upset|slip|miss|behind|fail|urgent|angry|unacceptable)/i;

interface Candidate { source: string; ref: string; sha: string; text: string; sender: string; rules: boolean; net: boolean; first: boolean }
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
      const h = sha(text);
      if (used.has(h.slice(0, 16)) || seen.has(h)) continue;
      seen.add(h);
      const rules = explainPromises(text).some((d) => d.promise);
      candidates.push({ source: 'state-dept-foia', ref: path, sha: h.slice(0, 16), text, sender: doc.sender.replace(/\s*<.*$/, ''), rules, net: NET.test(text), first: FIRST.test(text) });
    }
  }
}
candidates.sort((a, b) => (a.sha < b.sha ? -1 : 1));

const SEND_TIMES = [
  { sentAt: '2026-03-04T10:00:00-06:00', timeZone: 'America/Chicago' },
  { sentAt: '2026-03-07T11:00:00Z', timeZone: 'Europe/London' },
  { sentAt: '2026-10-29T16:30:00+01:00', timeZone: 'Europe/Berlin' },
  { sentAt: '2026-06-15T08:15:00+09:00', timeZone: 'Asia/Tokyo' },
] as const;
// holdout = the first 32 bits of the text's SHA-256 mod 3 = 0, as rounds 1-6.
const splitOf = (hash: string): string => (Number.parseInt(hash.slice(0, 8), 16) % 3 === 0 ? 'holdout' : 'train');

const outbound = [
  ...candidates.filter((c) => c.rules).slice(0, 120).map((c) => ({ ...c, stratum: 'A' })),
  ...candidates.filter((c) => !c.rules && c.net).slice(0, 70).map((c) => ({ ...c, stratum: 'B' })),
  ...candidates.filter((c) => !c.rules && !c.net && c.first).slice(0, 40).map((c) => ({ ...c, stratum: 'C' })),
].sort((a, b) => (a.sha < b.sha ? -1 : 1));
const taken = new Set(outbound.map((c) => c.sha));
const rest = candidates.filter((c) => !taken.has(c.sha));
const inbound = [
  ...rest.filter((c) => REQUEST.test(c.text)).slice(0, 65).map((c) => ({ ...c, draw: 'request' })),
  ...rest.filter((c) => !REQUEST.test(c.text) && RISK_WORDS.test(c.text)).slice(0, 50).map((c) => ({ ...c, draw: 'risk-words' })),
  ...rest.filter((c) => !REQUEST.test(c.text) && !RISK_WORDS.test(c.text)).slice(0, 30).map((c) => ({ ...c, draw: 'other' })),
].sort((a, b) => (a.sha < b.sha ? -1 : 1));

writeFileSync(`${outFile}.jsonl`, outbound.map((c, i) => JSON.stringify({ text: c.text, ...SEND_TIMES[i % 4], split: splitOf(c.sha), source: c.source, ref: c.ref, sender: c.sender, sha: c.sha, stratum: c.stratum })).join('\n') + '\n');
writeFileSync(`${inFile}.jsonl`, inbound.map((c) => JSON.stringify({ text: c.text, split: splitOf(c.sha), source: c.source, ref: c.ref, sender: c.sender, sha: c.sha, draw: c.draw })).join('\n') + '\n');
console.error(`${candidates.length} candidates; A ${candidates.filter((c) => c.rules).length}, net-only ${candidates.filter((c) => !c.rules && c.net).length}; drew ${outbound.length} outbound, ${inbound.length} inbound`);
