/**
 * Finds fulfilment candidates in the State Department release (README "Round 8", fulfilment): a promise the engine
 * finds in an official's newest message, and the same official's later newest messages in documents whose quoted
 * history holds the promise (a reply or forward in the same conversation). Prints JSON lines for hand labelling:
 * `FOLLOWTHROUGH_STATE_MAIL_DIR=<clone>/data/docs/text npx tsx bench/tools/state-fulfilment-8.ts > candidates.jsonl`.
 * Deterministic: promises in the order of the SHA-256 of their text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findPromises } from '../../src/analysis/promises';
import { DEFAULT_WORKING_HOURS } from '../../src/model/settings';
import { readDocument, sha256 } from './state-mail';

const dir = process.env.FOLLOWTHROUGH_STATE_MAIL_DIR;
if (!dir) throw new Error('set FOLLOWTHROUGH_STATE_MAIL_DIR to the data/docs/text folder of the release');
const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();

interface Message { ref: string; sender: string; sentAt: string; subject: string; body: string; raw: string }
const messages: Message[] = [];
for (const release of readdirSync(dir).sort()) {
  for (const name of readdirSync(join(dir, release)).sort()) {
    const path = `${release}/${name}`;
    const raw = readFileSync(join(dir, path), 'utf8');
    const doc = readDocument(path, raw);
    if (!doc?.body) continue;
    const sent = /^\s*Sent\s*:\s*(.+)$/m.exec(raw)?.[1]?.trim() ?? '';
    const at = Date.parse(sent.replace(/^\w+day,\s*/, ''));
    if (Number.isNaN(at)) continue;
    const subject = /^\s*Subject\s*:?\s+(.+)$/m.exec(raw)?.[1]?.trim() ?? '';
    messages.push({ ref: path, sender: doc.sender.replace(/\s*<.*$/, '').trim(), sentAt: new Date(at).toISOString(), subject, body: doc.body, raw: fold(raw) });
  }
}

const seen = new Set<string>();
const out: { sha: string; line: string }[] = [];
for (const made of messages) {
  const context = { sentAt: made.sentAt, timeZone: 'America/New_York', workingHours: DEFAULT_WORKING_HOURS, defaultWorkingDays: 2 };
  for (const promise of findPromises(made.body, context)) {
    const text = fold(promise.text);
    const key = `${made.sender}|${text}`;
    if (seen.has(key) || text.length < 12) continue;
    // Later newest messages by the same official whose quoted history holds the promise.
    // The promising message's opening must be quoted too: a short promise ("Will keep you posted.") recurs in
    // other conversations of the same official.
    const opening = fold(made.body).slice(0, 120);
    const later = messages.filter((m) => m.sender === made.sender && m.sentAt > made.sentAt && !fold(m.body).includes(text) && m.raw.includes(text) && m.raw.includes(opening));
    if (later.length === 0) continue;
    seen.add(key);
    const byTime = [...new Map(later.map((m) => [`${m.sentAt}|${fold(m.body)}`, m])).values()].sort((a, b) => (a.sentAt < b.sentAt ? -1 : 1)).slice(0, 3);
    const sha = sha256(text).slice(0, 16);
    out.push({ sha, line: JSON.stringify({ text, sha, source: 'state-dept-foia', ref: made.ref, sender: made.sender, sentAt: made.sentAt, subject: made.subject, later: byTime.map((m) => ({ ref: m.ref, sentAt: m.sentAt, subject: m.subject, body: fold(m.body) })) }) });
  }
}
out.sort((a, b) => (a.sha < b.sha ? -1 : 1));
for (const o of out) console.log(o.line);
console.error(`${messages.length} official messages; ${out.length} promises with later mail by the same official`);
