/**
 * What the State Department fulfilment rounds 8-10 drew, recomputed as their tools draw it, so a later round can leave
 * it out (README "Round 10 (fulfilment)" and "Round 12 (fulfilment)"). Round 8 read the first 105 of its draw, rounds 9
 * and 10 all of theirs. Round 10's list is the one `state-fulfilment-10.ts` prints.
 */
import { explainPromises } from '../../src/analysis/promises';
import { splitSentences } from '../../src/analysis/text/sentences';
import { visibleText } from '../../src/analysis/visible-text';
import { type KnownMessage, laterMessagesOf } from './state-chain-follow';
import { type FulfilmentCandidate, fold, fulfilmentCandidates, laterInConversation, readOfficialMessages, round8Candidates } from './state-conversations';
import { NET, sha256 } from './state-mail';

const ROUND_8_READ = 105;

/** The sentences rounds 9 and 10 drew: the engine's promises and round 1's broad net. */
export const earlierNets = (sentence: string): boolean => NET.test(sentence) || explainPromises(sentence).some((d) => d.promise);
const pickSentences = (body: string): string[] => splitSentences(visibleText(body)).filter(earlierNets);

/** Rounds 8 and 9's read candidates: round 8's first 105 and round 9's whole draw. */
export function rounds8And9Read(dir: string): FulfilmentCandidate[] {
  const officialMessages = readOfficialMessages(dir);
  const round8Read = round8Candidates(officialMessages).slice(0, ROUND_8_READ);
  const round9Read = fulfilmentCandidates(officialMessages, (made) => pickSentences(made.body), (c) => sha256(`round 9|${c.sender}|${c.text}`), laterInConversation).filter(
    (c) => !round8Read.some((r) => r.sender === c.sender && (r.text === c.text || (r.ref === c.ref && (r.text.includes(c.text) || c.text.includes(r.text))))),
  );
  return [...round8Read, ...round9Read];
}

/** Whether `readBefore` holds the same official's sentence, or one holding it or held by it. */
export const wasRead = (readBefore: readonly FulfilmentCandidate[], sender: string, text: string): boolean =>
  readBefore.some((r) => r.sender === sender && (r.text === text || r.text.includes(text) || text.includes(r.text)));

/** Round 10's draw: every sentence the earlier nets catch in an official's message (an address says so) with later mail in a chain. */
export function round10Candidates(known: ReadonlyMap<string, KnownMessage>, laterOf: ReadonlyMap<string, ReadonlySet<string>>, readBefore: readonly FulfilmentCandidate[]): FulfilmentCandidate[] {
  const seen = new Set<string>();
  const out: { order: string; candidate: FulfilmentCandidate }[] = [];
  for (const made of known.values()) {
    const laterKeys = laterOf.get(made.key);
    if (!laterKeys || !made.official) continue;
    for (const picked of pickSentences(made.body)) {
      const text = fold(picked);
      const key = `${made.sender}|${text}`;
      if (text.length < 12 || seen.has(key) || wasRead(readBefore, made.sender, text)) continue;
      const later = laterMessagesOf(known, laterKeys, made, text);
      if (later.length === 0) continue;
      seen.add(key);
      const candidate: FulfilmentCandidate = { text, sha: sha256(text).slice(0, 16), source: 'state-dept-foia', ref: made.ref, sender: made.sender, sentAt: made.sentAt, subject: made.subject, later };
      out.push({ order: sha256(`round 10|${made.sender}|${text}`), candidate });
    }
  }
  return out.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0)).map((o) => o.candidate);
}
