/**
 * Following an official's promise to the same official's later messages in the State Department release (README
 * "Round 8" and "Round 9", fulfilment). The release holds many documents of one conversation: a reply or forward
 * carries the chain it answers, so the later messages of a promise are the same official's newest messages in other
 * documents, sent later, whose quoted history holds the promise and the opening of the message that made it (a short
 * promise such as "Will keep you posted." recurs in other conversations, so the promise alone is not enough).
 * Shared by the round 8 and round 9 tools so both rounds read the release the same way.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { findPromises } from '../../src/analysis/promises';
import { DEFAULT_WORKING_HOURS } from '../../src/model/settings';
import { join } from 'node:path';
import { readDocument, sha256 } from './state-mail';

export const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();

export interface OfficialMessage { ref: string; sender: string; sentAt: string; subject: string; body: string; raw: string }

/** Every released document whose newest message an official sent, with its `Sent:` time and subject, in release order. */
export function readOfficialMessages(dir: string): OfficialMessage[] {
  const messages: OfficialMessage[] = [];
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
  return messages;
}

export interface LaterMessage { ref: string; sentAt: string; subject: string; body: string }

/** Up to three later messages by the promise's author that quote the promise and its message's opening, earliest first. */
export function laterBySameOfficial(messages: readonly OfficialMessage[], made: OfficialMessage, promiseText: string): LaterMessage[] {
  const opening = fold(made.body).slice(0, 120);
  const later = messages.filter((m) => m.sender === made.sender && m.sentAt > made.sentAt && !fold(m.body).includes(promiseText) && m.raw.includes(promiseText) && m.raw.includes(opening));
  return [...new Map(later.map((m) => [`${m.sentAt}|${fold(m.body)}`, m])).values()]
    .sort((a, b) => (a.sentAt < b.sentAt ? -1 : 1))
    .slice(0, 3)
    .map((m) => ({ ref: m.ref, sentAt: m.sentAt, subject: m.subject, body: fold(m.body) }));
}

const subjectOf = (subject: string): string => subject.replace(/^(?:\s*(?:re|fw|fwd)\s*:\s*)+/i, '').replace(/\s+/g, ' ').trim().toLowerCase();
const FOLLOW_UP_DAYS = 3;

/**
 * Round 9's wider net: the quoting messages of `laterBySameOfficial` when there are any, else up to three messages by
 * the promise's author on the same subject (without its Re:/Fw: prefixes, at least 8 characters) within three days.
 * The release often splits a conversation into documents that quote nothing (or quote it through OCR damage), and
 * "a new thread to the same people" is where a promise is kept too; a subject such as "Schedule" also brings
 * unrelated mail, which is what the rules must not take for a delivery.
 */
export function laterInConversation(messages: readonly OfficialMessage[], made: OfficialMessage, promiseText: string): LaterMessage[] {
  const quoting = laterBySameOfficial(messages, made, promiseText);
  if (quoting.length > 0) return quoting;
  const subject = subjectOf(made.subject);
  if (subject.length < 8) return [];
  const madeAt = Date.parse(made.sentAt);
  const later = messages.filter((m) => {
    const lag = Date.parse(m.sentAt) - madeAt;
    return m.sender === made.sender && m.ref !== made.ref && lag > 0 && lag < FOLLOW_UP_DAYS * 86_400_000 && subjectOf(m.subject) === subject && !fold(m.body).includes(promiseText);
  });
  return [...new Map(later.map((m) => [`${m.sentAt}|${fold(m.body)}`, m])).values()]
    .sort((a, b) => (a.sentAt < b.sentAt ? -1 : 1))
    .slice(0, 3)
    .map((m) => ({ ref: m.ref, sentAt: m.sentAt, subject: m.subject, body: fold(m.body) }));
}

export interface FulfilmentCandidate { text: string; sha: string; source: string; ref: string; sender: string; sentAt: string; subject: string; later: LaterMessage[] }

/**
 * Every sentence `pick` takes from an official's newest message that the same official's later messages (`follow`) follow, once per
 * official and text (the first in release order), in the order of `orderKey`.
 */
export function fulfilmentCandidates(
  messages: readonly OfficialMessage[],
  pick: (made: OfficialMessage) => readonly string[],
  orderKey: (candidate: FulfilmentCandidate) => string,
  follow: typeof laterBySameOfficial = laterBySameOfficial,
): FulfilmentCandidate[] {
  const seen = new Set<string>();
  const out: { key: string; candidate: FulfilmentCandidate }[] = [];
  for (const made of messages) {
    for (const picked of pick(made)) {
      const text = fold(picked);
      const key = `${made.sender}|${text}`;
      if (seen.has(key) || text.length < 12) continue;
      const later = follow(messages, made, text);
      if (later.length === 0) continue;
      seen.add(key);
      const candidate = { text, sha: sha256(text).slice(0, 16), source: 'state-dept-foia', ref: made.ref, sender: made.sender, sentAt: made.sentAt, subject: made.subject, later };
      out.push({ key: orderKey(candidate), candidate });
    }
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((o) => o.candidate);
}

/** Round 8's draw: the promises the engine finds, in the order of the SHA-256 of their text. */
export function round8Candidates(messages: readonly OfficialMessage[]): FulfilmentCandidate[] {
  return fulfilmentCandidates(
    messages,
    (made) => findPromises(made.body, { sentAt: made.sentAt, timeZone: 'America/New_York', workingHours: DEFAULT_WORKING_HOURS, defaultWorkingDays: 2 }).map((p) => p.text),
    (c) => c.sha,
  );
}
