/**
 * Sync cursors: opaque to everything but the driver that made them, versioned and provider-tagged so a
 * cursor from another provider or an older format is recognised as unusable (and answered with a clean
 * full resync) instead of being misread. Encoded as base64url JSON.
 */
export type SyncCursor = GmailCursor | GraphCursor;

export interface GmailCursor {
  v: 1;
  p: 'gmail';
  /**
   * full: listing messages page by page (`pageToken` continues the listing; `historyId` is the mailbox
   * history id taken before the listing started, so nothing that changes during the full sync is missed).
   * incremental: `history.list` from `historyId` (`pageToken` continues a multi-page history answer).
   */
  mode: 'full' | 'incremental';
  historyId: string;
  pageToken?: string;
  /** Full sync only: the `after:` bound (epoch seconds) so every page of one listing uses the same query. */
  after?: number;
}

export interface GraphFolderCursor {
  /** The @odata.nextLink (mid-round) or @odata.deltaLink (round complete) to call next; absent = start. */
  link?: string;
  /** True once this folder's current round reached its deltaLink. */
  caughtUp: boolean;
}

/**
 * v2 watches every mail folder but Deleted Items, Junk, Drafts and Outbox (v1 watched only Inbox and Sent
 * Items, so archiving a message looked like deleting it). A v1 cursor is read as a v2 one whose two
 * folders are named by their well-known names; the next folder listing renames them to their ids.
 */
export interface GraphCursor {
  v: 2;
  p: 'graph';
  mode: 'full' | 'incremental';
  /** The `receivedDateTime ge` bound used for a folder's first round (ISO). */
  since?: string;
  /** Folder id (or a well-known name, from v1) -> its delta state. */
  folders: Record<string, GraphFolderCursor>;
  /** The folder list was taken for this round (it is taken again at the start of every round). */
  listed?: boolean;
  /** Folders whose messages count as deleted (Deleted Items, Junk, Drafts, Outbox), by id. */
  excluded?: string[];
}

export class CursorFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CursorFormatError';
  }
}

export function encodeCursor(cursor: SyncCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** Decodes a cursor for `provider`; throws CursorFormatError when it is not one of ours or is for another provider. */
export function decodeCursor<P extends SyncCursor['p']>(encoded: string, provider: P): Extract<SyncCursor, { p: P }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw new CursorFormatError(`sync cursor is not base64url JSON (starts "${encoded.slice(0, 12)}")`);
  }
  if (parsed === null || typeof parsed !== 'object') throw new CursorFormatError('sync cursor is not an object');
  const record = parsed as Record<string, unknown>;
  if (record.p !== provider) {
    throw new CursorFormatError(`sync cursor is for provider "${String(record.p)}", not "${provider}"`);
  }
  const versions = provider === 'graph' ? [1, 2] : [1];
  if (!versions.includes(record.v as number)) throw new CursorFormatError(`sync cursor version ${String(record.v)} is not supported (expected ${versions.join(' or ')})`);
  if (record.mode !== 'full' && record.mode !== 'incremental') {
    throw new CursorFormatError(`sync cursor mode "${String(record.mode)}" is not full or incremental`);
  }
  if (provider === 'gmail' && typeof record.historyId !== 'string') {
    throw new CursorFormatError('gmail sync cursor has no historyId');
  }
  if (provider === 'graph') {
    const folders = record.folders as Record<string, unknown> | undefined;
    if (!folders || typeof folders !== 'object' || Object.values(folders).some((f) => !f || typeof f !== 'object')) {
      throw new CursorFormatError('graph sync cursor lacks its folder state');
    }
    if (record.v === 1) return { ...(record as object), v: 2, listed: false } as Extract<SyncCursor, { p: P }>;
  }
  return parsed as Extract<SyncCursor, { p: P }>;
}
