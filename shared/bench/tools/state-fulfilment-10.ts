/**
 * Round 10's fulfilment candidates in the State Department release (README "Round 10 (fulfilment)"). Rounds 8 and 9 read
 * every sentence of an official's newest message that had later mail by the same official; this round reads each document
 * as the thread it quotes (`state-chains.ts`): an official's message anywhere in a chain, newest or quoted, and the same
 * official's newer messages in any chain that holds it. Sentences as round 9 (the engine's promises and round 1's broad
 * net; the labeller decides). Left out: every candidate rounds 8 and 9 read (round 8's first 105, round 9's 378, and any
 * sentence of the same official holding one of them or held by one). Deterministic: in the order of the SHA-256 of
 * `"round 10|" + sender + "|" + text`.
 * `FOLLOWTHROUGH_STATE_MAIL_DIR=<clone>/data/docs/text npx tsx bench/tools/state-fulfilment-10.ts > candidates.jsonl`
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { explainPromises } from '../../src/analysis/promises';
import { splitSentences } from '../../src/analysis/text/sentences';
import { visibleText } from '../../src/analysis/visible-text';
import { type ChainMessage, readChain } from './state-chains';
import { type FulfilmentCandidate, fold, fulfilmentCandidates, laterInConversation, readOfficialMessages, round8Candidates } from './state-conversations';
import { NET, sha256 } from './state-mail';

const ROUND_8_READ = 105;
const LATER_KEPT = 3;

const dir = process.env.FOLLOWTHROUGH_STATE_MAIL_DIR;
if (!dir) throw new Error('set FOLLOWTHROUGH_STATE_MAIL_DIR to the data/docs/text folder of the release');
const pickSentences = (body: string): string[] => splitSentences(visibleText(body)).filter((s) => NET.test(s) || explainPromises(s).some((d) => d.promise));

// What rounds 8 and 9 read, recomputed as their tools draw it.
const officialMessages = readOfficialMessages(dir);
const round8Read = round8Candidates(officialMessages).slice(0, ROUND_8_READ);
const round9Read = fulfilmentCandidates(officialMessages, (made) => pickSentences(made.body), (c) => sha256(`round 9|${c.sender}|${c.text}`), laterInConversation).filter(
  (c) => !round8Read.some((r) => r.sender === c.sender && (r.text === c.text || (r.ref === c.ref && (r.text.includes(c.text) || c.text.includes(r.text))))),
);
const readBefore = [...round8Read, ...round9Read];
const wasRead = (sender: string, text: string): boolean => readBefore.some((r) => r.sender === sender && (r.text === text || r.text.includes(text) || text.includes(r.text)));

// One message is one message however many documents quote it: keyed by its sender, time and opening.
interface KnownMessage extends ChainMessage { key: string; ref: string }
const known = new Map<string, KnownMessage>();
const chains: string[][] = [];
for (const release of readdirSync(dir).sort()) {
  for (const name of readdirSync(join(dir, release)).sort()) {
    const ref = `${release}/${name}`;
    const keys: string[] = [];
    for (const message of readChain(readFileSync(join(dir, ref), 'utf8'))) {
      if (!message.body) continue;
      const key = `${message.sender}|${message.sentAt}|${fold(message.body).slice(0, 60)}`;
      if (!known.has(key)) known.set(key, { ...message, key, ref });
      keys.push(key);
    }
    chains.push(keys);
  }
}
// For each official message, the same official's newer messages in any chain that holds it: above it in the chain (a
// chain is newest first) and sent later (quoted headers give their times in other zones, so both are asked).
const laterOf = new Map<string, Set<string>>();
for (const keys of chains) {
  for (const [at, key] of keys.entries()) {
    const made = known.get(key)!;
    if (!made.official) continue;
    for (const other of keys.slice(0, at)) {
      const m = known.get(other)!;
      if (m.sender !== made.sender || m.sentAt <= made.sentAt) continue;
      const set = laterOf.get(key) ?? new Set<string>();
      set.add(other);
      laterOf.set(key, set);
    }
  }
}

// As round 9, when no chain holds a newer message of the same official: that official's messages on the same subject
// (without Re:/Fw:, at least 8 characters) within three days, quoted or newest, since the release splits conversations.
const subjectOf = (subject: string): string => subject.replace(/^(?:\s*(?:re|fw|fwd)\s*:\s*)+/i, '').replace(/\s+/g, ' ').trim().toLowerCase();
const FOLLOW_UP_MS = 3 * 86_400_000;
const bySenderSubject = new Map<string, KnownMessage[]>();
for (const m of known.values()) {
  const key = `${m.sender}|${subjectOf(m.subject)}`;
  bySenderSubject.set(key, [...(bySenderSubject.get(key) ?? []), m]);
}
for (const made of known.values()) {
  if (!made.official || laterOf.has(made.key) || subjectOf(made.subject).length < 8) continue;
  const madeAt = Date.parse(made.sentAt);
  const follow = (bySenderSubject.get(`${made.sender}|${subjectOf(made.subject)}`) ?? []).filter((m) => {
    const lag = Date.parse(m.sentAt) - madeAt;
    return lag > 0 && lag < FOLLOW_UP_MS;
  });
  if (follow.length > 0) laterOf.set(made.key, new Set(follow.map((m) => m.key)));
}

const seen = new Set<string>();
const out: { order: string; candidate: FulfilmentCandidate }[] = [];
for (const made of known.values()) {
  const laterKeys = laterOf.get(made.key);
  if (!laterKeys) continue;
  for (const picked of pickSentences(made.body)) {
    const text = fold(picked);
    const key = `${made.sender}|${text}`;
    if (text.length < 12 || seen.has(key) || wasRead(made.sender, text)) continue;
    // A copy of one message whose header gives seconds (or OCR changed its opening) is not a later message: a later
    // message is a later minute, and one text at one minute is kept once.
    const later = [...new Map([...laterKeys].map((k) => known.get(k)!).map((m) => [`${m.sentAt.slice(0, 16)}|${fold(m.body).slice(0, 60)}`, m])).values()]
      .filter((m) => m.sentAt.slice(0, 16) > made.sentAt.slice(0, 16) && !fold(m.body).includes(text))
      .sort((a, b) => (a.sentAt < b.sentAt ? -1 : a.sentAt > b.sentAt ? 1 : 0))
      .slice(0, LATER_KEPT)
      .map((m) => ({ ref: m.ref, sentAt: m.sentAt, subject: m.subject, body: fold(m.body) }));
    if (later.length === 0) continue;
    seen.add(key);
    const candidate: FulfilmentCandidate = { text, sha: sha256(text).slice(0, 16), source: 'state-dept-foia', ref: made.ref, sender: made.sender, sentAt: made.sentAt, subject: made.subject, later };
    out.push({ order: sha256(`round 10|${made.sender}|${text}`), candidate });
  }
}
out.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
for (const { candidate } of out) console.log(JSON.stringify(candidate));
console.error(`${known.size} messages in ${chains.length} documents; ${out.length} candidates with later mail by the same official in a chain, rounds 8 and 9's read left out`);
