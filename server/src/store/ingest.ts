import {
  canBearOnPromises,
  createThreader,
  deriveMessageFacts,
  isMeaningful,
  type AnalysisSettings,
  type CounterpartAggregate,
  type FulfilmentEvidence,
  type MessageFacts,
  type MessageRejection,
  type NormalizedMessage,
  type NormalizedMessageInput,
  type StoredMessageFacts,
} from '@followthrough/shared';
import type { Transaction } from '@libsql/client';
import type { Database } from '../db/client';
import { messages } from '../db/schema/index';
import {
  externalRecipients,
  loadThreadRows,
  MESSAGE_COLUMNS,
  messageRow,
  moveFindings,
  refreshThreads,
  settingsHash,
  writeFindings,
  writeHeldAggregates,
  type AnalysisContext,
  type StoredThreadRow,
} from './analysis-writer';
import { updateFulfilment } from './fulfilment-store';
import { rederiveThreads } from './rederive-threads';
import { createYielder, insertMany, names, runAll, selectIn, str } from './sql';
import { rejection, type ReadOutcome } from './message-reader';
import { readPool, type ReadPool } from './read-pool';
import { inWriteTransaction } from './write-transaction';
import { loadThreaderSeed, threaderWrites } from './threading-store';
import { renameStatements, threadsToRename } from './thread-names';

const M = names(messages);
/**
 * Messages read per job on the reader threads, and stored per step of a transaction: slice k + 1 is
 * read while slice k is stored, so a batch is never waiting for all of its reads.
 */
const READ_SLICE = 500;
/**
 * Slices per write transaction. A commit writes every page its transaction changed, and most of the
 * pages an import changes are index pages hit at random (message ids, thread ids), so slices that share
 * a commit share most of those pages: 30,000 messages wrote 145,097 pages to the WAL in commits of 500
 * messages and 95,011 in commits of 1,000 (the messages per second, on a file in memory, did not move:
 * the gain is in what reaches the disk). The writes run on the writer thread (db/writer-thread.ts), so a
 * longer transaction holds no event loop; it holds the write lock, which other writers wait for.
 */
const SLICES_PER_COMMIT = 2;

/** A message of the batch that was not stored, and why (shared/model/message-rejection.ts). */
export type RejectedMessage = MessageRejection;

export interface IngestResult {
  accepted: number;
  duplicates: number;
  threadsUpdated: number;
  threads: { messageId: string; threadId: string }[];
  /** Messages that could not be read, each with why; every other message of the batch was stored. */
  rejected: RejectedMessage[];
}

/**
 * Stores a batch of messages for one user and updates what they change, a slice of READ_SLICE messages
 * at a time, SLICES_PER_COMMIT slices per write transaction:
 * - each body is read once (readMany, on reader threads for a large batch: read-pool.ts, the next slice
 *   read while this one is stored); a message that cannot be read is rejected with its reason and the
 *   rest of the batch is stored;
 * - threads are assigned by the engine's threader, seeded with the rows the batch can touch;
 * - the touched threads are re-analysed and their clients' aggregates adjusted (old contribution out,
 *   new in), findings are stored once each, and promises are brought up to date with the new evidence;
 * - a touched thread derived with other settings (a re-derivation still running) is derived again whole.
 * Idempotent by message id. The work is sliced so the event loop serves other requests in between.
 */
export async function ingestMessages(
  database: Database,
  userId: string,
  input: readonly (NormalizedMessage | NormalizedMessageInput)[],
  settings: AnalysisSettings,
  options: { validate?: boolean; pool?: ReadPool } = {},
): Promise<IngestResult> {
  const pool = options.pool ?? readPool;
  const validate = options.validate ?? false;
  const slices: { offset: number; messages: typeof input }[] = [];
  for (let offset = 0; offset < input.length; offset += READ_SLICE) slices.push({ offset, messages: input.slice(offset, offset + READ_SLICE) });
  // Each slice is read once, whatever happens to the transaction that stores it (a busy retry reruns it).
  const reads: Promise<ReadOutcome[]>[] = [];
  const readSlice = (k: number): Promise<ReadOutcome[]> => {
    if (reads[k]) return reads[k];
    const reading = pool.read(slices[k]!.messages, slices[k]!.offset, settings, validate);
    // Read ahead of its turn (before the lock, or while the previous slice is stored): a failure must not
    // be an unhandled rejection before it is awaited, or when a failed write means it never is.
    reading.catch(() => {});
    return (reads[k] = reading);
  };
  const total: IngestResult = { accepted: 0, duplicates: 0, threadsUpdated: 0, threads: [], rejected: [] };
  const touched = new Set<string>();
  for (let first = 0; first < slices.length; first += SLICES_PER_COMMIT) {
    const group = slices.slice(first, first + SLICES_PER_COMMIT).map((_, i) => first + i);
    // Reading needs nothing stored, so the group's first slice is read before the write lock is taken:
    // a batch waiting for the lock (held by a sync, a re-derivation or another process) has its first
    // slice ready when it gets it, instead of holding the lock while the slice is read.
    void readSlice(first);
    const results = await inWriteTransaction(database, async (tx) => {
      const stored: Awaited<ReturnType<typeof storeReadIn>>[] = [];
      // The group's slices change the same clients' aggregates: each is written once, at the end.
      const heldAggregates = new Map<string, CounterpartAggregate>();
      for (const k of group) {
        const outcomes = await readSlice(k);
        if (k + 1 < slices.length) void readSlice(k + 1);
        const { order, read, rejected, rejectedIds } = sortOutcomes(outcomes);
        stored.push(await storeReadIn(tx, userId, settings, createYielder(), order, read, rejected, rejectedIds, heldAggregates));
      }
      await writeHeldAggregates(contextOf(tx, userId, settings, createYielder()), heldAggregates);
      return stored;
    });
    for (const result of results) {
      total.accepted += result.accepted;
      total.duplicates += result.duplicates;
      total.threads.push(...result.threads);
      total.rejected.push(...result.rejected);
      for (const id of result.affected) touched.add(id);
    }
  }
  total.threadsUpdated = touched.size;
  return total;
}

/** A slice's read outcomes: what to store (the first reading of each id), and what was rejected. */
function sortOutcomes(outcomes: readonly ReadOutcome[]): {
  order: string[];
  read: Map<string, { stored: StoredMessageFacts; facts: MessageFacts }>;
  rejected: RejectedMessage[];
  rejectedIds: Set<string>;
} {
  const order: string[] = [];
  const read = new Map<string, { stored: StoredMessageFacts; facts: MessageFacts }>();
  const rejected: RejectedMessage[] = [];
  const rejectedIds = new Set<string>();
  for (const outcome of outcomes) {
    if (outcome.kind === 'rejected') {
      // A copy of a message already read is skipped, not read again (its body may differ).
      if (outcome.stage === 'analysis' && read.has(outcome.rejection.id)) continue;
      rejected.push(outcome.rejection);
      rejectedIds.add(outcome.rejection.id);
      continue;
    }
    const id = outcome.stored.id;
    order.push(id);
    if (!read.has(id) && !rejectedIds.has(id)) read.set(id, outcome);
  }
  return { order, read, rejected, rejectedIds };
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
  const { affected, ...result } = await inWriteTransaction(database, (tx) => storeReadIn(tx, userId, settings, breathe, order, read, rejected, rejectedIds));
  return { ...result, threadsUpdated: affected.length };
}

/** What both paths write in their transaction: threads, aggregates, findings and fulfilment for what was read. */
async function storeReadIn(
  tx: Transaction,
  userId: string,
  settings: AnalysisSettings,
  breathe: () => Promise<void>,
  order: readonly string[],
  read: ReadonlyMap<string, { stored: StoredMessageFacts; facts: MessageFacts }>,
  rejected: RejectedMessage[],
  rejectedIds: ReadonlySet<string>,
  heldAggregates?: Map<string, CounterpartAggregate>,
): Promise<Omit<IngestResult, 'threadsUpdated'> & { affected: string[] }> {
  const ctx: AnalysisContext = { ...contextOf(tx, userId, settings, breathe), ...(heldAggregates ? { heldAggregates } : {}) };
  // One read seeds the threader and finds the messages stored already (duplicates, not threaded again).
  const { seed, storedThreads: storedThreadOf } = await loadThreaderSeed(
    tx,
    userId,
    [...read.values()].map((m) => m.facts),
  );
  const fresh = [...read.values()].filter((m) => !storedThreadOf.has(m.stored.id));

  // Threads, by the engine's threader, in arrival order (the order the CLI reads a file in).
  const threader = createThreader(seed);
  const threadOf = new Map<string, string>();
  for (const m of fresh) threadOf.set(m.stored.id, threader.assign(m.facts));
  const assigned = [...new Set(threadOf.values())];
  // Threads are named after their earliest message: one that arrives after later ones renames its thread.
  // The stored rows of the threads, and which have stored messages, are read alongside: renaming is rare,
  // and when it happens they are read again under the new names.
  const [renames, firstRead] = await Promise.all([
    threadsToRename(tx, userId, fresh.map((m) => ({ facts: m.facts, threadId: threadOf.get(m.stored.id)! }))),
    storedThreadState(ctx, assigned),
  ]);
  const named = (threadId: string) => renames.get(threadId) ?? threadId;
  for (const [id, threadId] of threadOf) threadOf.set(id, named(threadId));
  if (renames.size > 0) await runAll(tx, renameStatements(userId, renames));
  const affected = [...new Set(threadOf.values())];
  const { rows: storedRows, stale } = renames.size > 0 ? await storedThreadState(ctx, affected) : firstRead;

  await runAll(tx, [
    ...insertMany(
      M.$,
      MESSAGE_COLUMNS,
      fresh.map((m) => messageRow(userId, m.stored, threadOf.get(m.stored.id)!, m.facts)),
      'ON CONFLICT DO NOTHING',
    ),
    ...threaderWrites(userId, threader, new Set(fresh.map((m) => m.stored.id)), named),
  ]);

  const current = affected.filter((id) => !stale.has(id));
  const freshFindings = new Map(fresh.map((m) => [m.stored.id, m.stored]));
  const appended = new Map<string, MessageFacts[]>();
  for (const m of fresh) {
    const threadId = threadOf.get(m.stored.id)!;
    const list = appended.get(threadId) ?? [];
    list.push(m.facts);
    appended.set(threadId, list);
  }
  // The thread rows read above are as refreshThreads would read them: nothing since has written threads.
  const changes = await refreshThreads(ctx, current, freshFindings, appended, storedRows);
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
    .filter((m) => isMeaningful(m.facts) && m.facts.direction === 'outbound' && canBearOnPromises(m.stored))
    .map((m) => ({
      kind: 'message',
      id: m.stored.id,
      threadId: threadOf.get(m.stored.id)!,
      at: m.stored.sentAt,
      subject: m.stored.subject,
      to: externalRecipients(m.facts, settings),
      counterparts: m.facts.counterparts,
      deliveries: m.stored.deliveries ?? [],
      attachments: m.stored.attachments ?? [],
    }));
  await updateFulfilment(ctx, { fresh: newPromises.map((p) => p.id), newEvidence });

  return {
    accepted: fresh.length,
    duplicates: order.filter((id) => !rejectedIds.has(id)).length - fresh.length,
    affected,
    threads: order.filter((id) => !rejectedIds.has(id)).map((messageId) => ({ messageId, threadId: threadOf.get(messageId) ?? storedThreadOf.get(messageId)! })),
    rejected,
  };
}

function contextOf(tx: Transaction, userId: string, settings: AnalysisSettings, breathe: () => Promise<void>): AnalysisContext {
  return { tx, userId, settings, hash: settingsHash(settings), breathe };
}

/**
 * The stored rows of threads, and which of them are stale (before this slice's messages are written): a
 * thread with stored messages is derived again whole when its row was derived with other settings, or is
 * missing (never derived since its messages were stored in an earlier format). Only the threads whose row
 * is missing or differs are looked up in messages: most of a slice's threads have a current row.
 */
async function storedThreadState(ctx: AnalysisContext, threadIds: readonly string[]): Promise<{ rows: Map<string, StoredThreadRow>; stale: Set<string> }> {
  const rows = await loadThreadRows(ctx, threadIds);
  const unsure = threadIds.filter((id) => rows.get(id)?.derivedHash !== ctx.hash);
  const withMessages = await selectIn(ctx.tx, `SELECT DISTINCT ${M.threadId} FROM ${M.$} WHERE ${M.userId} = ? AND ${M.threadId} IN`, [ctx.userId], unsure);
  return { rows, stale: new Set(withMessages.map((r) => str(r.thread_id))) };
}
