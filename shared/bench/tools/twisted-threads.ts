/**
 * The Twisted lists (README "Round 12 (promises)", `twisted-list.ts`) as conversations, for fulfilment (README "Round 14
 * (fulfilment)"): each message with its writer's address, its time and its thread, so a promise can be followed to the
 * same writer's later messages in the thread. Bodies and Message-IDs are `readTwistedList`'s, so a reference resolves to
 * the very copy it was taken from.
 */
import { readFileSync } from 'node:fs';
import type { RealFulfilment, RealFulfilmentText } from '../../corpus/real-mail';
import { type TwistedMessage, archivedMessages, monthFiles, readTwistedList, twistedKey } from './twisted-list';

export interface TwistedThreadMessage extends TwistedMessage {
  /** The sender's address, "@" restored: who wrote it, whatever name they signed with. */
  address: string;
  sentAt: string;
  /** The first message of its thread that the archive holds, by In-Reply-To and References. */
  thread: string;
}

const idsIn = (value: string): string[] => [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!);

interface Headers {
  messageId: string;
  address: string;
  date: string;
  parents: string[];
}

function headersOfMonth(text: string): Headers[] {
  const out: Headers[] = [];
  for (const message of archivedMessages(text)) {
    const messageId = message.header('Message-ID').replace(/^<|>$/g, '');
    if (!messageId) continue;
    const envelope = /^From (\S+) at (\S+)\s+(.*)$/.exec(message.envelope)!;
    out.push({
      messageId,
      address: `${envelope[1]}@${envelope[2]}`.toLowerCase(),
      date: message.header('Date') || envelope[3]!,
      parents: [...idsIn(message.header('In-Reply-To')), ...idsIn(message.header('References'))],
    });
  }
  return out;
}

/** Every message of the lists with writer, time and thread; `messages` is `readTwistedList(dir)` when the caller has it. */
export function readTwistedThreads(dir: string, messages: readonly TwistedMessage[] = readTwistedList(dir)): TwistedThreadMessage[] {
  const headers = monthFiles(dir).flatMap(({ path }) => headersOfMonth(readFileSync(path, 'utf8')));
  if (headers.length !== messages.length) throw new Error(`headers ${headers.length} and messages ${messages.length} do not line up`);
  // Threads by union of each message with the messages it answers, within a list.
  const root = new Map<string, string>();
  const find = (key: string): string => {
    let at = key;
    while (root.has(at) && root.get(at) !== at) at = root.get(at)!;
    root.set(key, at);
    return at;
  };
  const join2 = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) root.set(rb, ra);
  };
  messages.forEach((m, i) => {
    const h = headers[i]!;
    if (!m.messageId.startsWith(h.messageId)) throw new Error(`message ${m.messageId} and header ${h.messageId} do not line up`);
    const own = twistedKey(m.list, h.messageId);
    find(own);
    for (const parent of h.parents) join2(twistedKey(m.list, parent), own);
  });
  return messages.map((m, i) => {
    const h = headers[i]!;
    const at = new Date(h.date);
    return { ...m, address: h.address, sentAt: Number.isNaN(at.getTime()) ? '' : at.toISOString(), thread: find(twistedKey(m.list, h.messageId)) };
  });
}

/** The same writer's messages after `made` in its thread, in time order (a later copy of one message is not a message). */
export function laterByWriter(all: readonly TwistedThreadMessage[], made: TwistedThreadMessage): TwistedThreadMessage[] {
  return all
    .filter((m) => m.thread === made.thread && m.address === made.address && m.sentAt > made.sentAt && !m.messageId.includes('#') && m.body.trim() !== '')
    .sort((a, b) => (a.sentAt < b.sentAt ? -1 : a.sentAt > b.sentAt ? 1 : 0));
}

const fold = (body: string): string => body.replace(/\s+/g, ' ');

/**
 * References to a Pipermail list's threads (round 14's Twisted lists, round 15's BerliOS lists: `source` is
 * `<archive>/<list>`) resolved into the text form the State rounds use, so one scorer reads both. An item whose promise
 * no longer matches its hash is left out (the caller counts them).
 */
export function resolveTwistedFulfilment(items: readonly RealFulfilment[], messages: readonly TwistedThreadMessage[], sha: (text: string) => string): RealFulfilmentText[] {
  const byKey = new Map(messages.map((m) => [twistedKey(m.list, m.messageId), m]));
  const out: RealFulfilmentText[] = [];
  for (const item of items) {
    const list = item.source.slice(item.source.indexOf('/') + 1);
    const made = byKey.get(twistedKey(list, item.ref));
    if (!made) continue;
    const text = fold(made.body).slice(item.offset, item.offset + item.length);
    if (sha(text) !== item.sha) continue;
    const later = item.later.flatMap((id) => {
      const m = byKey.get(twistedKey(list, id));
      return m ? [{ ref: id, sentAt: m.sentAt, subject: m.subject, body: m.replyBody ?? m.body }] : [];
    });
    out.push({ text, sha: item.sha, source: item.source, ref: item.ref, sender: made.address, sentAt: made.sentAt, subject: made.subject, later, expected: item.expected, ...(item.keptBy ? { keptBy: item.keptBy } : {}), split: item.split });
  }
  return out;
}
