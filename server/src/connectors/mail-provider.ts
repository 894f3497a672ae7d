import type { MessageRejectionCode, NormalizedMessage } from '@followthrough/shared';

/**
 * One page of changes from a mailbox (CONVENTIONS habit 8). `upserted` are new or changed messages
 * (re-sending a known one is harmless: storage is idempotent by message id), `deletedIds` are provider
 * ids that left the mailbox. `nextCursor` is opaque and versioned (see sync/cursor.ts); persisting it
 * together with the page is what makes a crash resume exactly where it stopped.
 */
export interface SyncPage {
  upserted: SyncedMessage[];
  deletedIds: string[];
  nextCursor: string;
  /** True when the provider rejected the cursor and this page starts a clean full resync. */
  reset: boolean;
  /** True when the mailbox is caught up (the cursor now points at "changes after now"). */
  done: boolean;
  /**
   * Messages of this page that cannot become normalized messages (no sender address, a broken structure):
   * skipped with the reason, never content. The rest of the page is stored; the cursor moves on.
   */
  skipped: SkippedMessage[];
}

export interface SkippedMessage {
  providerId: string;
  /** The Message-ID when it was readable. */
  messageId: string | null;
  /** A MessageRejectedError code (model/message-rejection.ts), or the store's own for what it refused. */
  code: MessageRejectionCode | (string & {});
  reason: string;
}

/** A message as stored, plus the provider's own id (needed to honour later deletions). */
export interface SyncedMessage {
  providerId: string;
  message: NormalizedMessage;
}

export interface MailProvider {
  readonly provider: 'gmail' | 'graph';
  /**
   * Fetches the next page of changes. `null` starts a full sync of the last `fullSyncDays` days;
   * a cursor from a previous page continues a full sync or an incremental one.
   */
  getSyncPage(cursor: string | null): Promise<SyncPage>;
}

export interface MailProviderOptions {
  /** A full sync reaches back to this instant (default: 180 days before the sync starts). */
  fullSyncSince: Date;
  /** Whether the grant allows reading bodies (gmail.readonly / Mail.Read) or only metadata. */
  bodies: boolean;
}

export const defaultFullSyncDays = 180;

export function fullSyncSince(days: number = defaultFullSyncDays, now: number = Date.now()): Date {
  return new Date(now - days * 86_400_000);
}
