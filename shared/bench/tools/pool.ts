/**
 * Draws candidate sentences for hand labelling from the R-list archive (README "Real mail", round 2):
 * `npx tsx corpus/tools/pool.ts outbound|inbound > pool.jsonl`. Deterministic (a hash of the text orders
 * the draw); sentences already in the set are skipped. Prints JSON lines with the reference fields.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { visibleText } from '../../src/analysis/visible-text';
import { splitSentences } from '../../src/analysis/text/sentences';
import { findArchive, readArchive } from './archive';

const kind = process.argv[2] ?? 'outbound';
const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
const dir = findArchive();
if (!dir) throw new Error('R-list archive not found');
const messages = await readArchive(dir);

const used = new Set<string>();
for (const file of ['outbound-r-lists.refs.jsonl', 'inbound-r-lists.refs.jsonl', 'outbound-r-lists-2.refs.jsonl', 'inbound-r-lists-2.refs.jsonl', 'outbound-r-lists-5.refs.jsonl']) {
  let text = '';
  try {
    text = readFileSync(new URL(`../../corpus/real/${file}`, import.meta.url), 'utf8');
  } catch {
    continue;
  }
  for (const line of text.split('\n').filter(Boolean)) used.add((JSON.parse(line) as { sha: string }).sha);
}

/** Announcements, job ads and package news are not conversation. */
const SKIP_LISTS = /^(?:r-announce|r-packages|r-sig-jobs)$/;
const CODE = /<-|[{}]|\(\)|==|::|\$\w|^\s*[>#]|\w+\(\w*[,=]|\bfunction\s*\(|\bError in\b|\bWarning message|\.R\b|\bsudo\b|\/usr\/|\bapt-get\b|https?:|@/;
const NET = /\b(?:I|we)\s*(?:'ll|’ll| will| shall|'m going to| am going to|'re going to| are going to|'m gonna)\b|\blet me\b|\bwill (?:do|send|look|fix|check|try|post|upload|get|make|add|update|let)\b|\b(?:I|we)(?:'m| am|'re| are) (?:sending|forwarding|attaching|uploading|preparing|working on)\b|\byou(?:'ll| will) (?:have|receive|get)\b|\bexpect\b|\bplan to\b|\bintend to\b/i;
const FIRST = /\b(?:I|we|my|our|me|us)\b/;
const RISK =
  /disappoint|frustrat|unhappy|not happy|concern|worr|cancel|terminat|budget|cost|expensive|price|alternativ|switch|competitor|migrat|move (?:to|away)|moving (?:to|away)|drop(?:ping)? (?:r|support)|quality|worse|degrad|regress|broken|late\b|delay|slow|unaccept|complain|escalat|deadline|dissatisf|waste|annoy|poor|useless|unreliab|give up|giving up|no longer|abandon|deprecat|renew|contract|tender|replace|serious|urgent|critical|blocker|stuck|lost|lose|fail/i;

interface Out { source: string; ref: string; offset: number; length: number; sha: string; text: string; net: boolean; thread: string; sender: string; date: string }
const pool: Out[] = [];
const seen = new Set<string>();
for (const m of messages) {
  if (SKIP_LISTS.test(m.list) || !m.body) continue;
  if (kind === 'outbound' && !m.inReplyTo) continue;
  const folded = m.body.replace(/\s+/g, ' ');
  for (const sentence of splitSentences(visibleText(m.body))) {
    const text = sentence.replace(/\s+/g, ' ').trim();
    if (text.length < 20 || text.length > 300 || CODE.test(text) || !/[a-z]{3}/.test(text)) continue;
    const offset = folded.indexOf(text);
    if (offset < 0) continue;
    const h = sha(text);
    if (used.has(h.slice(0, 16)) || seen.has(h)) continue;
    seen.add(h);
    const net = kind === 'outbound' ? NET.test(text) : RISK.test(text);
    if (kind === 'outbound' && !net && !FIRST.test(text)) continue;
    pool.push({ source: `r-mailing-lists/${m.list}`, ref: m.messageId, offset, length: text.length, sha: h.slice(0, 16), text, net, thread: m.threadId, sender: m.sender, date: m.date });
  }
}
pool.sort((a, b) => (a.sha < b.sha ? -1 : 1));
for (const p of pool) console.log(JSON.stringify(p));
console.error(`${pool.length} candidates, ${pool.filter((p) => p.net).length} in the net`);
