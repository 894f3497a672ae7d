/**
 * Draws round 5's outbound sentences for hand labelling (README "Round 5"):
 * `npx tsx bench/tools/draw-outbound-5.ts > draw.jsonl`. Deterministic: candidates are ordered by the SHA-256
 * of their text. Skips every sentence any `corpus/real/*` set already holds (by that hash).
 *
 * Rounds 1-2 drew from the visible text of replies, 20-300 characters, without code-like marks, and round 2
 * took every sentence of that pool the rules of the day called a promise: the current rules find one more
 * there. So this draw widens the pool to what those filters left out and the engine still reads in real
 * mail: sentences of any length and with code-like marks, the messages that start a thread (our outbound mail
 * need not be a reply), and the announcement lists' mail (r-announce, r-packages: a maintainer writing to users).
 * Job ads (r-sig-jobs) stay out: they are not mail between people.
 *
 * Strata (recorded on each item): `A` every candidate the current rules call a promise (what precision is
 * measured on); `B` the first 70 the broad first-person net catches that the rules do not, and `C` the first 30
 * first-person sentences outside the net (recall), both from replies without code-like marks as round 2.
 * `draw` says where an item came from: `reply` (a reply, in the old filters), `reply-wide` (a reply, outside
 * them), `first` (a thread's first message), `announcement`.
 * Send times by position in the output (four, as rounds 1-2); labels are written before the rules are run.
 */
import { createHash } from 'node:crypto';
import { explainPromises } from '../../src/analysis/promises';
import { splitSentences } from '../../src/analysis/text/sentences';
import { visibleText } from '../../src/analysis/visible-text';
import { findArchive, readArchive } from './archive';
import { usedSentences } from './state-mail';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
const dir = findArchive();
if (!dir) throw new Error('R-list archive not found');
const messages = await readArchive(dir);

const used = usedSentences();

const ANNOUNCEMENTS = /^(?:r-announce|r-packages)$/;
// The filters of rounds 1-2 (bench/tools/pool.ts), to tell which candidates those draws could have taken.
const CODE = /<-|[{}]|\(\)|==|::|\$\w|^\s*[>#]|\w+\(\w*[,=]|\bfunction\s*\(|\bError in\b|\bWarning message|\.R\b|\bsudo\b|\/usr\/|\bapt-get\b|https?:|@/;
const NET = /\b(?:I|we)\s*(?:'ll|’ll| will| shall|'m going to| am going to|'re going to| are going to|'m gonna)\b|\blet me\b|\bwill (?:do|send|look|fix|check|try|post|upload|get|make|add|update|let)\b|\b(?:I|we)(?:'m| am|'re| are) (?:sending|forwarding|attaching|uploading|preparing|working on)\b|\byou(?:'ll| will) (?:have|receive|get)\b|\bexpect\b|\bplan to\b|\bintend to\b/i;
const FIRST = /\b(?:I|we|my|our|me|us)\b/;

interface Candidate { source: string; ref: string; offset: number; length: number; sha: string; text: string; draw: string; rules: boolean; net: boolean; first: boolean }
const candidates: Candidate[] = [];
const seen = new Set<string>();
for (const m of messages) {
  if (m.list === 'r-sig-jobs' || !m.body) continue;
  const folded = m.body.replace(/\s+/g, ' ');
  for (const sentence of splitSentences(visibleText(m.body))) {
    const text = sentence.replace(/\s+/g, ' ').trim();
    if (text.length < 8 || text.length > 600 || !/[a-z]{3}/i.test(text)) continue;
    const offset = folded.indexOf(text);
    if (offset < 0) continue;
    const h = sha(text);
    if (used.has(h.slice(0, 16)) || seen.has(h)) continue;
    seen.add(h);
    const oldFilters = text.length >= 20 && text.length <= 300 && !CODE.test(text);
    const draw = ANNOUNCEMENTS.test(m.list) ? 'announcement' : !m.inReplyTo ? 'first' : oldFilters ? 'reply' : 'reply-wide';
    const rules = explainPromises(text).some((d) => d.promise);
    candidates.push({ source: `r-mailing-lists/${m.list}`, ref: m.messageId, offset, length: text.length, sha: h.slice(0, 16), text, draw, rules, net: NET.test(text), first: FIRST.test(text) });
  }
}
candidates.sort((a, b) => (a.sha < b.sha ? -1 : 1));

const stratumA = candidates.filter((c) => c.rules);
const stratumB = candidates.filter((c) => !c.rules && c.draw === 'reply' && c.net).slice(0, 70);
const stratumC = candidates.filter((c) => !c.rules && c.draw === 'reply' && !c.net && c.first).slice(0, 30);
const drawn = [
  ...stratumA.map((c) => ({ ...c, stratum: 'A' })),
  ...stratumB.map((c) => ({ ...c, stratum: 'B' })),
  ...stratumC.map((c) => ({ ...c, stratum: 'C' })),
].sort((a, b) => (a.sha < b.sha ? -1 : 1));

const SEND_TIMES = [
  { sentAt: '2026-03-04T10:00:00-06:00', timeZone: 'America/Chicago' },
  { sentAt: '2026-03-07T11:00:00Z', timeZone: 'Europe/London' },
  { sentAt: '2026-10-29T16:30:00+01:00', timeZone: 'Europe/Berlin' },
  { sentAt: '2026-06-15T08:15:00+09:00', timeZone: 'Asia/Tokyo' },
] as const;
drawn.forEach((c, i) => {
  // holdout = the first 32 bits of the text's SHA-256 mod 3 = 0, as rounds 1-4.
  const split = Number.parseInt(c.sha.slice(0, 8), 16) % 3 === 0 ? 'holdout' : 'train';
  const { source, ref, offset, length, sha: hash, stratum, draw, text } = c;
  console.log(JSON.stringify({ ...SEND_TIMES[i % 4], split, source, ref, offset, length, sha: hash, stratum, draw, text }));
});
const count = (xs: { draw: string }[]): string => ['reply', 'reply-wide', 'first', 'announcement'].map((d) => `${d} ${xs.filter((x) => x.draw === d).length}`).join(', ');
console.error(`${candidates.length} candidates; A ${stratumA.length} (${count(stratumA)}), B ${stratumB.length}, C ${stratumC.length}`);
