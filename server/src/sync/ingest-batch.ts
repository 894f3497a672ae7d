import {
  extractMessageFacts,
  isMessageRejectedError,
  MESSAGE_REJECTION_CODES,
  type AnalysisSettings,
  type MessageRejectionCode,
  type NormalizedMessage,
} from '@followthrough/shared';
import type { Database } from '../db/client';
import { screenMessage } from '../mail/to-normalized';
import { ingestMessages } from '../store/ingest';

/**
 * How import and both syncs store a batch: every good message is stored, each bad one is skipped with its
 * reason, and one bad message never costs the others.
 *
 * 1. Screened first with the engine's own boundary checks (shared senderAddress and messageInstant): a
 *    bounce without a sender address or a reply dated 9999 never reaches ingest.
 * 2. Then the store's ingest, which isolates per message itself and answers `rejected`: those are taken,
 *    their reasons kept only when a shared rule wrote them (others may quote the message). When instead it throws for the batch, and the error is not the database's (a disk
 *    that is full must stop the sync, not skip mail), each message is run through the engine alone: those
 *    that throw are skipped with their error's code (MessageRejectedError) or as `analysis_failed`, and the
 *    rest is ingested again. If every message passes alone, the failure was not one message's: it is
 *    thrown, and the sync's cursor does not move past anything.
 */
/** A skipped message: `code` is a MessageRejectedError code, or the store's own (e.g. invalid_message). */
export interface BatchRejection {
  id: string;
  code: string;
  reason: string;
}

export interface BatchOutcome {
  accepted: number;
  duplicates: number;
  rejected: BatchRejection[];
}

type Ingest = (messages: NormalizedMessage[]) => Promise<{ accepted: number; duplicates: number; rejected?: { id: string; code: string; reason: string }[] }>;

const OUR_CODES = new Set<string>(MESSAGE_REJECTION_CODES);

/**
 * A rejection from the store as the sync status and the log may show it: a reason the shared rules wrote
 * (MessageRejectedError) names the field only; any other may quote the message, so only its code is kept.
 */
function contentFree(r: { id: string; code: string; reason: string }): BatchRejection {
  return OUR_CODES.has(r.code as MessageRejectionCode) ? r : { id: r.id, code: r.code, reason: `the analysis refused this message (${r.code})` };
}

/** Errors of the storage layer (libSQL, SQLite, the network to a remote database): never one message's fault. */
export function isStorageError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth++) {
    const e = current as { name?: unknown; code?: unknown; cause?: unknown };
    if (e.name === 'LibsqlError' || e.name === 'LibsqlBatchError') return true;
    if (typeof e.code === 'string' && /^(SQLITE_|ECONN|ETIMEDOUT|EPIPE|ENOSPC|EIO|HRANA|SERVER_ERROR)/.test(e.code)) return true;
    current = e.cause;
  }
  return false;
}

function rejectionOf(message: NormalizedMessage, error: unknown): BatchRejection {
  if (isMessageRejectedError(error)) return { id: message.id, code: error.code, reason: error.reason };
  // The engine's own message could quote the mail: only the error's kind is kept.
  return { id: message.id, code: 'analysis_failed', reason: `the analysis failed on this message (${error instanceof Error ? error.name : 'error'})` };
}

export async function ingestBatch(
  database: Database,
  userId: string,
  messages: NormalizedMessage[],
  settings: AnalysisSettings,
  ingest: Ingest = (batch) => ingestMessages(database, userId, batch, settings),
  /** What finds the message the engine cannot take, when a batch fails (the engine's own extraction). */
  extract: (message: NormalizedMessage) => unknown = (message) => extractMessageFacts(message, settings),
): Promise<BatchOutcome> {
  const rejected: BatchRejection[] = [];
  let good: NormalizedMessage[] = [];
  for (const message of messages) {
    const refused = screenMessage(message);
    if (refused) rejected.push({ id: message.id, code: refused.code, reason: refused.problem });
    else good.push(message);
  }
  if (good.length === 0) return { accepted: 0, duplicates: 0, rejected };
  let result: Awaited<ReturnType<Ingest>>;
  try {
    result = await ingest(good);
  } catch (error) {
    if (isStorageError(error)) throw error;
    const alone: BatchRejection[] = [];
    const kept: NormalizedMessage[] = [];
    for (const message of good) {
      try {
        extract(message);
        kept.push(message);
      } catch (single) {
        if (isStorageError(single)) throw single;
        alone.push(rejectionOf(message, single));
      }
    }
    if (alone.length === 0) throw error;
    rejected.push(...alone);
    good = kept;
    if (good.length === 0) return { accepted: 0, duplicates: 0, rejected };
    result = await ingest(good);
  }
  if (result.rejected) rejected.push(...result.rejected.map(contentFree));
  return { accepted: result.accepted, duplicates: result.duplicates, rejected };
}
