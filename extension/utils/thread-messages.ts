import type { Address, NormalizedMessageInput, PromiseRecord } from '@followthrough/shared/model';
import type { PromiseView } from '@followthrough/shared/contract';
import type { MessageSnapshot, ThreadSnapshot } from '../hosts/mail-host';
import type { LocalState } from './storage';

/** Thread snapshot -> normalized messages, and verdict overlay: no engine code, so cheap to import. */

function formatAddress(address: { name?: string; address: string }): string {
  return address.name ? `"${address.name.replace(/"/g, "'")}" <${address.address}>` : address.address;
}

/** Everyone the page shows in the thread: each sender, and each recipient of an expanded message. */
function threadParticipants(snapshot: ThreadSnapshot): Address[] {
  const byAddress = new Map<string, Address>();
  const add = (address: Address | null) => {
    if (address && !byAddress.has(address.address)) byAddress.set(address.address, address);
  };
  for (const message of snapshot.messages) {
    add(message.from);
    for (const address of [...message.to, ...message.cc]) add(address);
  }
  return [...byAddress.values()];
}

/**
 * A collapsed message shows its sender and a snippet but no recipients (Gmail draws "to" only on
 * expanded messages). Read as addressed to nobody, our collapsed reply would look internal and drop
 * out of the reply times and the health score. In a thread a reply goes to the conversation, so a
 * collapsed message without recipients is taken as addressed to everyone else in it: each other
 * sender plus the recipients seen on expanded messages. Expanded messages keep what the page shows.
 */
function recipientsOf(message: MessageSnapshot, participants: readonly Address[]): Address[] {
  if (!message.partial || message.to.length > 0 || message.cc.length > 0) return message.to;
  const sender = message.from?.address;
  return participants.filter((p) => p.address !== sender);
}

/** The open thread as normalized messages: the same shape every mail source is turned into. */
export function snapshotToMessages(snapshot: ThreadSnapshot): { messages: NormalizedMessageInput[]; skipped: number } {
  const messages: NormalizedMessageInput[] = [];
  let skipped = 0;
  const participants = threadParticipants(snapshot);
  for (const message of snapshot.messages) {
    // Without a sender or a time a message can be neither a turn nor a lag: leave it out, say so
    // (read-coverage.ts takes out the figures it could have changed).
    if (!message.from || !message.sentAt) {
      skipped += 1;
      continue;
    }
    messages.push({
      id: message.id,
      threadId: snapshot.threadId,
      from: formatAddress(message.from),
      to: recipientsOf(message, participants).map(formatAddress),
      cc: message.cc.map(formatAddress),
      date: message.sentAt,
      subject: snapshot.subject,
      text: message.text,
      ...(message.attachments.length > 0 ? { attachments: message.attachments } : {}),
    });
  }
  return { messages, skipped };
}

/**
 * One entry per promise as the user reads it. The same sentence from the same message can reach us
 * twice under different ids (a copy of the message stored under a made-up id next to the synced
 * one); the user must not see it twice. Two promises are the same when they were made at the same
 * instant with the same text; the first one (the server's order) is kept.
 */
export function uniquePromises<T extends Pick<PromiseRecord, 'madeAt' | 'text'>>(promises: readonly T[]): T[] {
  const seen = new Set<string>();
  return promises.filter((p) => {
    const key = `${Date.parse(p.madeAt)}|${p.text.replace(/\s+/g, ' ').trim().toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Applies what the user said about a promise (done, not a promise, snoozed, new due date). */
export function withVerdict(record: PromiseRecord, local: LocalState): PromiseView {
  const verdict = local.verdicts[record.id];
  if (!verdict) return { ...record, verdict: null };
  const status =
    verdict.status === 'done' ? 'done' : verdict.status === 'dismissed' ? 'dismissed' : record.status === 'done' || record.status === 'dismissed' ? 'open' : record.status;
  return {
    ...record,
    status,
    dueAt: verdict.dueAt ?? record.dueAt,
    snoozedUntil: verdict.snoozedUntil ?? record.snoozedUntil ?? null,
    originalDueAt: verdict.dueAt ? (record.originalDueAt ?? record.dueAt) : (record.originalDueAt ?? null),
    verdict: {
      status: verdict.status ?? null,
      dueAt: verdict.dueAt ?? null,
      snoozedUntil: verdict.snoozedUntil ?? null,
      updatedAt: verdict.updatedAt,
    },
  };
}

