/**
 * Whether this process can write to its database right now, as learnt from the writes it tries. Reads keep
 * working on a full disk; a process that knows its writes fail says so on /healthz and answers writes with a
 * clear 503 instead of a 500 on every request. Per process, like the health check it feeds.
 */
export interface StorageHealth {
  noteWriteFailure(error: unknown, at: Date): void;
  /** Not writable while a write failed in the last minute (a small write may still fit where others fail). */
  status(now: Date): { writable: true } | { writable: false; since: string; reason: string };
}

/** How long after the last failed write the process still reports itself unable to write. */
const FAILURE_WINDOW_MS = 60_000;

/** SQLite's answers for "the write cannot happen" (full disk, read-only file or volume, I/O error). */
export function storageFailureReason(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth++) {
    const e = current as { code?: unknown; message?: unknown; cause?: unknown };
    const text = `${typeof e.code === 'string' ? e.code : ''} ${typeof e.message === 'string' ? e.message : ''}`;
    if (/SQLITE_FULL|database or disk is full|ENOSPC/i.test(text)) return 'the database or its disk is full';
    if (/SQLITE_READONLY|readonly database|EROFS/i.test(text)) return 'the database is read-only';
    if (/SQLITE_IOERR|disk I\/O error|EIO/i.test(text)) return 'the database cannot be written (I/O error)';
    current = e.cause;
  }
  return null;
}

export function createStorageHealth(): StorageHealth {
  let failure: { since: string; last: number; reason: string } | null = null;
  return {
    noteWriteFailure(error, at) {
      const reason = storageFailureReason(error) ?? 'database writes fail';
      failure = { since: failure && at.getTime() - failure.last <= FAILURE_WINDOW_MS ? failure.since : at.toISOString(), last: at.getTime(), reason };
    },
    status(now) {
      if (!failure || now.getTime() - failure.last > FAILURE_WINDOW_MS) return { writable: true };
      return { writable: false, since: failure.since, reason: failure.reason };
    },
  };
}
