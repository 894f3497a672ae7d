import {
  canBearOnPromises,
  createThreader,
  deriveMessageFacts,
  isMeaningful,
  readMessage,
  type AnalysisSettings,
  type FulfilmentEvidence,
  type MessageFacts,
  isMessageRejectedError,
  LIMITS,
  normalizeMessageId,
  normalizedMessageSchema,
  type MessageRejection,
  type NormalizedMessage,
  type NormalizedMessageInput,
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
import { createYielder, insertMany, names, runAll, selectIn, str } from './sql';
import { inWriteTransaction } from './write-transaction';
import { loadThreaderSeed, threaderWrites } from './threading-store';
import { renameStatements, threadsToRename } from './thread-names';

const M = names(messages);
const T = names(threads);

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

function rejection(id: string, err: unknown): RejectedMessage {
  if (isMessageRejectedError(err)) return { id, code: err.code, reason: err.reason };
  // Any other error's message could quote the mail: only its kind is kept.
  return { id, code: 'analysis_failed', reason: `the analysis failed on this message (${err instanceof Error ? err.name : 'error'})` };
}

/** A field of the message that failed its schema, as a rejection that names the field and never its value. */
function schemaRejection(id: string, index: number, issue: { path: PropertyKey[]; message: string; code?: string } | undefined): RejectedMessage {
  const field = issue?.path.map(String).join('.') ?? '';
  const where = `messages.${index}${field ? `.${field}` : ''}`;
  const code = field === 'date' ? 'date_invalid' : issue?.code === 'too_big' ? 'field_too_long' : 'unreadable';
  return { id, code, reason: `${where}: ${issue?.message ?? 'not a message'}` };
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
export async function ingestMessages(
  database: Database,
  userId: string,
  input: readonly (NormalizedMessage | NormalizedMessageInput)[],
  settings: AnalysisSettings,
  options: { validate?: boolean } = {},
): Promise<IngestResult> {
  const breathe = createYielder();
  const order: string[] = [];
  const read = new Map<string, { stored: StoredMessageFacts; facts: MessageFacts }>();
  const rejected: RejectedMessage[] = [];
  const rejectedIds = new Set<string>();
  for (const [index, raw] of input.entries()) {
    // Messages from the API are checked one by one: a bad one is rejected, the rest go in.
    let message: NormalizedMessage;
    if (options.validate) {
      const parsed = normalizedMessageSchema.safeParse(raw);
      if (!parsed.success) {
        const rawId = (raw as { id?: unknown }).id;
        const id = typeof rawId === 'string' && rawId.length <= LIMITS.messageId ? normalizeMessageId(rawId) : `#${index}`;
        rejected.push(schemaRejection(id, index, parsed.error.issues[0]));
        rejectedIds.add(id);
        await breathe();
        continue;
      }
      message = parsed.data;
    } else message = raw as NormalizedMessage;
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

/** The write transaction both paths share: threads, aggregates, findings and fulfilment for what was read. */
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
  return inWriteTransaction(database, async (tx) => {
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
    // Threads are named after their earliest message: one that arrives after later ones renames its thread.
    const renames = await threadsToRename(tx, userId, fresh.map((m) => ({ facts: m.facts, threadId: threadOf.get(m.stored.id)! })));
    const named = (threadId: string) => renames.get(threadId) ?? threadId;
    for (const [id, threadId] of threadOf) threadOf.set(id, named(threadId));
    if (renames.size > 0) await runAll(tx, renameStatements(userId, renames), breathe);
    const affected = [...new Set(threadOf.values())];

    // A touched thread is derived again whole when it was derived with other settings, or never since
    // its messages were stored in an earlier format.
    const [hashRows, withMessages] = await Promise.all([
      selectIn(tx, `SELECT ${T.threadId}, ${T.derivedHash} FROM ${T.$} WHERE ${T.userId} = ? AND ${T.threadId} IN`, [userId], affected),
      selectIn(tx, `SELECT DISTINCT ${M.threadId} FROM ${M.$} WHERE ${M.userId} = ? AND ${M.threadId} IN`, [userId], affected),
    ]);
    const hashOf = new Map(hashRows.map((r) => [str(r.thread_id), str(r.derived_hash)]));
    const stale = new Set(withMessages.map((r) => str(r.thread_id)).filter((id) => hashOf.get(id) !== ctx.hash));

    await runAll(tx, [
      ...insertMany(
        M.$,
        MESSAGE_COLUMNS,
        fresh.map((m) => messageRow(userId, m.stored, threadOf.get(m.stored.id)!, m.facts)),
        'ON CONFLICT DO NOTHING',
      ),
      ...threaderWrites(userId, threader, new Set(fresh.map((m) => m.stored.id)), named),
    ], breathe);

    const current = affected.filter((id) => !stale.has(id));
    const freshFindings = new Map(fresh.map((m) => [m.stored.id, m.stored]));
    const appended = new Map<string, MessageFacts[]>();
    for (const m of fresh) {
      const threadId = threadOf.get(m.stored.id)!;
      const list = appended.get(threadId) ?? [];
      list.push(m.facts);
      appended.set(threadId, list);
    }
    const changes = await refreshThreads(ctx, current, freshFindings, appended);
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
      threadsUpdated: affected.length,
      threads: order.filter((id) => !rejectedIds.has(id)).map((messageId) => ({ messageId, threadId: threadOf.get(messageId) ?? storedThreadOf.get(messageId)! })),
      rejected,
    };
  });
}
