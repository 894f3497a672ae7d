/**
 * Draws round 12's inbound sentences for hand labelling of client risks (README "Round 12 (client risks)"): the
 * Secretary's messages to her staff that survive only as quoted history. Rounds 9-11 drew her newest messages (a
 * document's first message); a staffer's reply or forward carries the message it answers, and many of the Secretary's
 * messages are in the release only that way (`state-chains.ts` reads a document as its chain). The message just
 * above hers in the chain is usually the staffer's answer, printed beside the draw for the labeller (it is not stored).
 *
 * Left out: every sentence a `corpus/real/*` set holds, and every sentence of any newest message of the Secretary's
 * (those were rounds 9-11's draws, their unlabelled dev pool, or messages those rounds skipped), so no sentence any
 * earlier round read comes back. A message of more than 10 candidate sentences is skipped (pasted text), as in round 10.
 * Deterministic: messages in the order of the SHA-256 of "round 12 risks|" + their text.
 *
 * `FOLLOWTHROUGH_STATE_MAIL_DIR=<clone>/data/docs/text npx tsx bench/tools/draw-state-risks-12.ts out [strong] [chasing] [plain]`
 * writes `out.jsonl` (the draw) and `out.context.txt` (each message with the answer above it, for labelling):
 * `strong` sentences of messages with a word of complaint or of something owed (round 11's STRONG), then `chasing`
 * sentences of messages with a word of chasing (round 10's CHASING), then `plain` of messages with neither.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../../src/analysis/text/sentences';
import { visibleText } from '../../src/analysis/visible-text';
import { readChain } from './state-chains';
import { candidateSentences, sha256, splitOf, usedSentences } from './state-mail';

const dir = process.env.FOLLOWTHROUGH_STATE_MAIL_DIR;
if (!dir) throw new Error('set FOLLOWTHROUGH_STATE_MAIL_DIR to the data/docs/text folder of the release');
const [outFile = 'inbound-draw', strongCount = '150', chasingCount = '100', plainCount = '60'] = process.argv.slice(2);

const PRINCIPAL = /^H$|hrod17/i;
const CHASING =
  /\b(?:still|yet|haven't|have not|hasn't|never|why|what happened|waiting|supposed|thought you|didn't|did not|wrong|mistake|disappoint|upset|frustrat|problem|late|again)\b/i;
const STRONG =
  /\b(?:didn't get|did not get|haven't (?:got|gotten|received|seen|heard)|have not (?:got|gotten|received|seen|heard)|never (?:got|received|heard)|don't have|do not have|still (?:no|not|don't|haven't|have not|waiting)|not yet|wrong|mistake|why (?:wasn't|weren't|didn't|isn't|aren't|is there no|am I not|was I not)|thought you|supposed to|disappoint|upset|frustrat|annoy|surprised|again\?|what happened)\b/i;
const MAX_SENTENCES_A_MESSAGE = 10;

// Every sentence of the Secretary's newest messages, labelled or not: earlier rounds drew from, or read, these.
const newestOfPrincipal = candidateSentences(dir, new Set()).filter((c) => PRINCIPAL.test(c.sender));
const newest = new Set(newestOfPrincipal.map((c) => c.sha));
// This round's own file is left out, so the draw can be run again once its labels are committed.
const OWN_FILE = 'inbound-state-dept-12.jsonl';
const used = usedSentences(OWN_FILE);

// The release is OCR: one message quoted in two documents can read "Pls" in one and "PIs" in the other, "told me" and
// "old me". A sentence counts as read before when its letters are within a tenth of an earlier one's, found through the
// first or last 15 letters (an OCR slip rarely falls in both).
const lettersOf = (text: string): string => text.toLowerCase().replace(/[^a-z]/g, '');
const EDGE = 15;
const byEdge = new Map<string, string[]>();
function remember(letters: string): void {
  if (letters.length < EDGE) return;
  for (const edge of [`^${letters.slice(0, EDGE)}`, `$${letters.slice(-EDGE)}`]) {
    const known = byEdge.get(edge) ?? [];
    known.push(letters);
    byEdge.set(edge, known);
  }
}
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
function readAlready(letters: string): boolean {
  if (letters.length < EDGE) return false;
  const near = [...(byEdge.get(`^${letters.slice(0, EDGE)}`) ?? []), ...(byEdge.get(`$${letters.slice(-EDGE)}`) ?? [])];
  return near.some((old) => old.includes(letters) || letters.includes(old) || editDistance(old, letters) <= Math.ceil(letters.length / 10));
}
for (const c of newestOfPrincipal) remember(lettersOf(c.text));
for (const file of readdirSync(new URL('../../corpus/real/', import.meta.url)).filter((f) => f.endsWith('.jsonl') && f !== OWN_FILE)) {
  for (const line of readFileSync(new URL(`../../corpus/real/${file}`, import.meta.url), 'utf8').split('\n').filter(Boolean)) {
    const text = (JSON.parse(line) as { text?: string }).text;
    if (text) remember(lettersOf(text));
  }
}

interface Drawn { text: string; sha: string; ref: string }
interface QuotedMessage { ref: string; key: string; sentences: Drawn[]; answer: string; body: string }
const messages = new Map<string, QuotedMessage>();
for (const release of readdirSync(dir).sort()) {
  for (const name of readdirSync(join(dir, release)).sort()) {
    const ref = `${release}/${name}`;
    const chain = readChain(readFileSync(join(dir, ref), 'utf8'));
    chain.forEach((message, at) => {
      if (at === 0 || !PRINCIPAL.test(message.sender) || !message.body) return;
      const body = message.body.replace(/\s+/g, ' ').trim();
      if (messages.has(body)) return;
      const sentences: Drawn[] = [];
      let readBefore = false;
      for (const sentence of splitSentences(visibleText(message.body))) {
        const text = sentence.replace(/\s+/g, ' ').trim();
        if (text.length < 8 || text.length > 600 || !/[a-z]{3}/i.test(text)) continue;
        const sha = sha256(text).slice(0, 16);
        if (newest.has(sha) || used.has(sha) || readAlready(lettersOf(text))) readBefore = true;
        if (!sentences.some((s) => s.sha === sha)) sentences.push({ text, sha, ref });
      }
      // A message any of whose sentences an earlier round read is left whole, so no message is half drawn.
      if (readBefore || sentences.length === 0 || sentences.length > MAX_SENTENCES_A_MESSAGE) return;
      const answer = chain[at - 1]!;
      messages.set(body, { ref, key: sha256(`round 12 risks|${body}`), sentences, body, answer: `${answer.sender}: ${answer.body.replace(/\s+/g, ' ').slice(0, 300)}` });
    });
  }
}

// A sentence can recur in two quoted messages (a one-line chase sent twice, or its OCR variant); it is drawn once, in the first.
const taken = new Set<string>();
const ordered = [...messages.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
const out: (Drawn & { draw: string })[] = [];
const context: string[] = [];
function take(wanted: QuotedMessage[], limit: number, draw: string): number {
  let count = 0;
  for (const message of wanted) {
    if (count >= limit) break;
    const fresh = message.sentences.filter((s) => !taken.has(s.sha) && !readAlready(lettersOf(s.text)));
    if (fresh.length === 0) continue;
    for (const s of fresh) {
      taken.add(s.sha);
      remember(lettersOf(s.text));
    }
    out.push(...fresh.map((s) => ({ ...s, draw })));
    count += fresh.length;
    context.push(`## ${message.ref} [${draw}]\n> answer above: ${message.answer}\n${fresh.map((s) => `${out.findIndex((o) => o.sha === s.sha)}\t${s.text}`).join('\n')}\n`);
  }
  return count;
}
const isStrong = (m: QuotedMessage) => m.sentences.some((s) => STRONG.test(s.text));
const isChasing = (m: QuotedMessage) => m.sentences.some((s) => CHASING.test(s.text));
const strong = take(ordered.filter(isStrong), Number(strongCount), 'strong');
const chasing = take(ordered.filter((m) => !isStrong(m) && isChasing(m)), Number(chasingCount), 'chasing');
const plain = take(ordered.filter((m) => !isChasing(m)), Number(plainCount), 'plain');

writeFileSync(`${outFile}.jsonl`, out.map((c) => JSON.stringify({ text: c.text, split: splitOf(c.sha), source: 'state-dept-foia', ref: c.ref, sender: 'H', sha: c.sha, draw: c.draw })).join('\n') + '\n');
writeFileSync(`${outFile}.context.txt`, context.join('\n'));
console.error(`${messages.size} quoted messages of the principal no round read (${ordered.filter(isStrong).length} strong, ${ordered.filter((m) => !isStrong(m) && isChasing(m)).length} chasing); drew ${strong} + ${chasing} + ${plain} sentences`);
