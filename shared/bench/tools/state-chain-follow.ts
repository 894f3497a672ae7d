/**
 * Following an official's message in the State Department release to the same official's later messages, with each
 * document read as the thread it quotes (README "Round 10 (fulfilment)"). Shared by the round 10 and round 12 draws so
 * both follow a promise the same way.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ChainMessage, readChain } from './state-chains';
import { type LaterMessage, fold } from './state-conversations';

export interface KnownMessage extends ChainMessage { key: string; ref: string }

const LATER_KEPT = 3;
const FOLLOW_UP_MS = 3 * 86_400_000;
const subjectOf = (subject: string): string => subject.replace(/^(?:\s*(?:re|fw|fwd)\s*:\s*)+/i, '').replace(/\s+/g, ' ').trim().toLowerCase();

/** Every message of the release once (keyed by sender, time and opening), and for each official's one the keys of that official's later messages. */
export function followInChains(dir: string): { known: Map<string, KnownMessage>; laterOf: Map<string, Set<string>>; answered: Map<string, string>; officialNames: Set<string>; documents: number } {
  // One message is one message however many documents quote it: keyed by its sender, time and opening.
  const known = new Map<string, KnownMessage>();
  const chains: string[][] = [];
  // A quoted header often gives the sender's name without an address; a name that some copy gives with a state.gov
  // address (or the Secretary's account) is an official's.
  const officialNames = new Set<string>();
  for (const release of readdirSync(dir).sort()) {
    for (const name of readdirSync(join(dir, release)).sort()) {
      const ref = `${release}/${name}`;
      const keys: string[] = [];
      for (const message of readChain(readFileSync(join(dir, ref), 'utf8'))) {
        if (message.official) officialNames.add(message.sender);
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
  // The message each one answers: the one below it in the first chain that holds both.
  const answered = new Map<string, string>();
  for (const keys of chains) {
    for (const [at, key] of keys.entries()) {
      const made = known.get(key)!;
      if (at + 1 < keys.length && !answered.has(key)) answered.set(key, keys[at + 1]!);
      if (!made.official && !officialNames.has(made.sender)) continue;
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
  const bySenderSubject = new Map<string, KnownMessage[]>();
  for (const m of known.values()) {
    const key = `${m.sender}|${subjectOf(m.subject)}`;
    bySenderSubject.set(key, [...(bySenderSubject.get(key) ?? []), m]);
  }
  for (const made of known.values()) {
    if ((!made.official && !officialNames.has(made.sender)) || laterOf.has(made.key) || subjectOf(made.subject).length < 8) continue;
    const madeAt = Date.parse(made.sentAt);
    const follow = (bySenderSubject.get(`${made.sender}|${subjectOf(made.subject)}`) ?? []).filter((m) => {
      const lag = Date.parse(m.sentAt) - madeAt;
      return lag > 0 && lag < FOLLOW_UP_MS;
    });
    if (follow.length > 0) laterOf.set(made.key, new Set(follow.map((m) => m.key)));
  }

  return { known, laterOf, answered, officialNames, documents: chains.length };
}

/**
 * The later messages a candidate sentence is shown with: up to three, earliest first, one per minute and text. A copy of
 * one message whose header gives seconds (or OCR changed its opening) is not a later message, nor one that holds the sentence.
 */
export function laterMessagesOf(known: ReadonlyMap<string, KnownMessage>, laterKeys: ReadonlySet<string>, made: KnownMessage, text: string): LaterMessage[] {
  return [...new Map([...laterKeys].map((k) => known.get(k)!).map((m) => [`${m.sentAt.slice(0, 16)}|${fold(m.body).slice(0, 60)}`, m])).values()]
    .filter((m) => m.sentAt.slice(0, 16) > made.sentAt.slice(0, 16) && !fold(m.body).includes(text))
    .sort((a, b) => (a.sentAt < b.sentAt ? -1 : a.sentAt > b.sentAt ? 1 : 0))
    .slice(0, LATER_KEPT)
    .map((m) => ({ ref: m.ref, sentAt: m.sentAt, subject: m.subject, body: fold(m.body) }));
}
