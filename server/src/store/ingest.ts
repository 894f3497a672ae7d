import {
  createThreader,
  deriveMessageFacts,
  isMeaningful,
  readMessage,
  type AnalysisSettings,
  type FulfilmentEvidence,
  type MessageFacts,
  type NormalizedMessage,
  type StoredMessageFacts,
} from '@followthrough/shared';
import type { Database } from '../db/client';
import { messages, threads } from '../db/schema/index';
import {
  externalRecipients,
  MESSAGE_COLUMNS,
  messageRow,
  moveFindings,
  refreshThreads,
  settingsHash,
  writeFindings,
  type AnalysisContext,
} from './analysis-writer';
import { updateFulfilment } from './fulfilment-store';
import { rederiveThreads } from './rederive-threads';
import { createYielder, insertMany, names, selectIn, str } from './sql';
import { loadThreaderSeed, threaderWrites } from './threading-store';

const M = names(messages);
const T = names(threads);

export interface RejectedMessage {
  id: string;
  /** What is wrong, for the user who sent it (it may quote the offending header; it is never logged). */
  reason: string;
  /** A machine code, when the rule that refused the message gave one. */
  code: string;
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  threadsUpdated: number;
  threads: { messageId: string; threadId: string }[];
  /** Messages that could not be read, each with why; every other message of the batch was stored. */
  rejected: RejectedMessage[];
}

function rejection(id: string, err: unknown): RejectedMessage {
  const code = typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : 'unreadable_message';
  return { id, reason: err instanceof Error ? err.message : String(err), code };
}

/**
 * Stores a batch of messages for one user and updates what they change, in one write transaction:
 * - each body is read once, before the transaction (readMessage); a message that cannot be read is
 *   rejected with its reason and the rest of the batch is stored;
 * - threads are assigned by the engine's threader, seeded with the rows the batch can touch;
 * - the touched threads are re-analysed and their clients' aggregates adjusted (old contribution out,
 *   new in), findings are stored once each, and promises are brought up to date with the new evidence;
 * - a touched thread derived with other settings (a re-derivation still running) is derived again whole.
 * Idempotent by message id. The work is sliced so the event loop serves other requests in between.
 */
export async function ingestMessages(database: Database, userId: string, input: readonly NormalizedMessage[], settings: AnalysisSettings): Promise<IngestResult> {
  const breathe = createYielder();
  const order: string[] = [];
  const read = new Map<string, { stored: StoredMessageFacts; facts: MessageFacts }>();
  const rejected: RejectedMessage[] = [];
  const rejectedIds = new Set<string>();
  for (const message of input) {
    order.push(message.id);
    if (read.has(message.id) || rejectedIds.has(message.id)) continue;
    try {
      const stored = readMessage(message, settings);
      read.set(message.id, { stored, facts: deriveMessageFacts(stored, settings) });
    } catch (err) {
      rejected.push(rejection(message.id, err));
      rejectedIds.add(message.id);
    }
    await breathe();
  }
  return storeRead(database, userId, settings, breathe, order, read, rejected, rejectedIds);
}

/**
 * Stores facts read elsewhere, the same way: what the extension remembered of threads opened before the
 * user signed in (readMessage ran in the browser; no body ever reaches the server on this path).
 */
export async function ingestStoredFacts(database: Database, userId: string, input: readonly StoredMessageFacts[], settings: AnalysisSettings): Promise<IngestResult> {
  const breathe = createYielder();
  const order: string[] = [];
  const read = new Map<string, { stored: StoredMessageFacts; facts: MessageFacts }>();
  const rejected: RejectedMessage[] = [];
  const rejectedIds = new Set<string>();
  for (const stored of input) {
    order.push(stored.id);
    if (read.has(stored.id) || rejectedIds.has(stored.id)) continue;
    try {
      read.set(stored.id, { stored, facts: deriveMessageFacts(stored, settings) });
    } catch (err) {
      rejected.push(rejection(stored.id, err));
      rejectedIds.add(stored.id);
    }
    await breathe();
  }
  return storeRead(database, userId, settings, breathe, order, read, rejected, rejectedIds);
}

async function storeRead(
  database: Database,
  userId: string,
  settings: AnalysisSettings,
  breathe: () => Promise<void>,
  order: readonly string[],
  read: ReadonlyMap<string, { stored: StoredMessageFacts; facts: MessageFacts }>,
  rejected: RejectedMessage[],
  rejectedIds: ReadonlySet<string>,
): Promise<IngestResult> {
  const tx = await database.client.transaction('write');
  try {
    const ctx: AnalysisContext = { tx, userId, settings, hash: settingsHash(settings), breathe };
    const storedThreadOf = new Map<string, string>();
    for (const r of await selectIn(tx, `SELECT ${M.id}, ${M.threadId} FROM ${M.$} WHERE ${M.userId} = ? AND ${M.id} IN`, [userId], [...read.keys()])) {
      storedThreadOf.set(str(r.id), str(r.thread_id));
    }
    const fresh = [...read.values()].filter((m) => !storedThreadOf.has(m.stored.id));

    // Threads, by the engine's threader, in arrival order (the order the CLI reads a file in).
    const threader = createThreader(await loadThreaderSeed(tx, userId, fresh.map((m) => m.facts)));
    const threadOf = new Map<string, string>();
    for (const m of fresh) threadOf.set(m.stored.id, threader.assign(m.facts));
    const affected = [...new Set(threadOf.values())];

    // A touched thread is derived again whole when it was derived with other settings, or never since
    // its messages were stored in an earlier format.
    const [hashRows, withMessages] = await Promise.all([
      selectIn(tx, `SELECT ${T.threadId}, ${T.derivedHash} FROM ${T.$} WHERE ${T.userId} = ? AND ${T.threadId} IN`, [userId], affected),
      selectIn(tx, `SELECT DISTINCT ${M.threadId} FROM ${M.$} WHERE ${M.userId} = ? AND ${M.threadId} IN`, [userId], affected),
    ]);
    const hashOf = new Map(hashRows.map((r) => [str(r.thread_id), str(r.derived_hash)]));
    const stale = new Set(withMessages.map((r) => str(r.thread_id)).filter((id) => hashOf.get(id) !== ctx.hash));

    await tx.batch([
      ...insertMany(
        M.$,
        MESSAGE_COLUMNS,
        fresh.map((m) => messageRow(userId, m.stored, threadOf.get(m.stored.id)!, m.facts)),
        'ON CONFLICT DO NOTHING',
      ),
      ...threaderWrites(userId, threader, new Set(fresh.map((m) => m.stored.id))),
    ]);

    const current = affected.filter((id) => !stale.has(id));
    const freshFindings = new Map(fresh.map((m) => [m.stored.id, m.stored]));
    const changes = await refreshThreads(ctx, current, freshFindings);
    await moveFindings(ctx, changes.values());
    const inCurrent = fresh.filter((m) => !stale.has(threadOf.get(m.stored.id)!));
    const newPromises = await writeFindings(
      ctx,
      inCurrent.map((m) => {
        const threadId = threadOf.get(m.stored.id)!;
        return { facts: m.facts, threadId, thread: changes.get(threadId)?.after ?? null };
      }),
      { replace: false },
    );
    if (stale.size > 0) {
      await rederiveThreads(ctx, [...stale], freshFindings);
    }
    // Our new mail may keep promises anywhere (the thread, or mail to the same people): fold it in.
    const newEvidence: FulfilmentEvidence[] = fresh
      .filter((m) => isMeaningful(m.facts) && m.facts.direction === 'outbound')
      .map((m) => ({
        kind: 'message',
        id: m.stored.id,
        threadId: threadOf.get(m.stored.id)!,
        at: m.stored.sentAt,
        subject: m.stored.subject,
        to: externalRecipients(m.facts, settings),
        deliveries: m.stored.deliveries ?? [],
        attachments: m.stored.attachments ?? [],
      }));
    await updateFulfilment(ctx, { fresh: newPromises.map((p) => p.id), newEvidence });
    await tx.commit();

    return {
      accepted: fresh.length,
      duplicates: order.filter((id) => !rejectedIds.has(id)).length - fresh.length,
      threadsUpdated: affected.length,
      threads: order.filter((id) => !rejectedIds.has(id)).map((messageId) => ({ messageId, threadId: threadOf.get(messageId) ?? storedThreadOf.get(messageId)! })),
      rejected,
    };
  } finally {
    tx.close();
  }
}
