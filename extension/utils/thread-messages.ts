import type { NormalizedMessageInput, PromiseRecord } from '@followthrough/shared/model';
import type { PromiseView } from '@followthrough/shared/contract';
import type { ThreadSnapshot } from '../hosts/mail-host';
import type { LocalState } from './storage';

/** Thread snapshot -> normalized messages, and verdict overlay: no engine code, so cheap to import. */

function formatAddress(address: { name?: string; address: string }): string {
  return address.name ? `"${address.name.replace(/"/g, "'")}" <${address.address}>` : address.address;
}

/** The open thread as normalized messages: the same shape every mail source is turned into. */
export function snapshotToMessages(snapshot: ThreadSnapshot): { messages: NormalizedMessageInput[]; skipped: number } {
  const messages: NormalizedMessageInput[] = [];
  let skipped = 0;
  for (const message of snapshot.messages) {
    // Without a sender or a time a message can be neither a turn nor a lag: leave it out, say so.
    if (!message.from || !message.sentAt) {
      skipped += 1;
      continue;
    }
    messages.push({
      id: message.id,
      threadId: snapshot.threadId,
      from: formatAddress(message.from),
      to: message.to.map(formatAddress),
      cc: message.cc.map(formatAddress),
      date: message.sentAt,
      subject: snapshot.subject,
      text: message.text,
    });
  }
  return { messages, skipped };
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

