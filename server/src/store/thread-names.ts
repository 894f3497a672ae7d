import type { InStatement } from '@libsql/client';
import type { MessageFacts } from '@followthrough/shared';
import { evidence, messages, promises, snippets, subjectThreads, threadRefs, threads, touchpoints } from '../db/schema/index';
import { names, selectIn, str, type Executor } from './sql';

const M = names(messages);
const T = names(threads);

/**
 * A thread without a provider's id is named after its earliest message (time, then id), as the mailbox
 * analyzer names it, so its name does not depend on which message happened to arrive first: an original
 * imported after its replies, or two API processes taking a mailbox's batches in another order. Returns
 * the threads of this batch to rename (old id -> new id): those where a new message comes before the
 * one the thread is named after.
 */
export async function threadsToRename(
  db: Executor,
  userId: string,
  batch: readonly { facts: MessageFacts; threadId: string }[],
): Promise<Map<string, string>> {
  const candidates = new Map<string, MessageFacts>();
  const provided = new Set<string>();
  for (const { facts, threadId } of batch) {
    // A provider's thread id is the name; only threads named after a message can change name.
    if (facts.providedThreadId === threadId) provided.add(threadId);
    const best = candidates.get(threadId);
    if (!best || earlier(facts, best)) candidates.set(threadId, facts);
  }
  for (const r of await selectIn(db, `SELECT ${T.threadId} FROM ${T.$} WHERE ${T.userId} = ? AND ${T.providedThreadId} = ${T.threadId} AND ${T.threadId} IN`, [userId], [...candidates.keys()])) {
    provided.add(str(r.thread_id));
  }
  for (const id of provided) candidates.delete(id);
  if (candidates.size === 0) return new Map();
  // The message each thread is named after, when it is stored (a thread may be named after an id it
  // references, whose message we do not have: any message we have then names it better).
  const named = new Map<string, { id: string; sentAt: string }>();
  for (const r of await selectIn(db, `SELECT ${M.id}, ${M.sentAt} FROM ${M.$} WHERE ${M.userId} = ? AND ${M.id} IN`, [userId], [...candidates.keys()])) {
    named.set(str(r.id), { id: str(r.id), sentAt: str(r.sent_at) });
  }
  const renames = new Map<string, string>();
  for (const [threadId, first] of candidates) {
    const current = named.get(threadId) ?? (batch.find((b) => b.facts.id === threadId)?.facts ?? null);
    if (current === null || earlier(first, current)) {
      if (first.id !== threadId) renames.set(threadId, first.id);
    }
  }
  return renames;
}

function earlier(a: { id: string; sentAt: string }, b: { id: string; sentAt: string }): boolean {
  const d = Date.parse(a.sentAt) - Date.parse(b.sentAt);
  return d < 0 || (d === 0 && a.id < b.id);
}

/** Moves every stored row of the renamed threads to their new name, in one batch of the caller's transaction. */
export function renameStatements(userId: string, renames: ReadonlyMap<string, string>): InStatement[] {
  const tables = [messages, threadRefs, subjectThreads, threads, promises, snippets, evidence, touchpoints].map((table) => names(table));
  const out: InStatement[] = [];
  for (const [from, to] of renames) {
    for (const t of tables) {
      const cols = t as unknown as { $: string; userId: string; threadId: string };
      out.push({ sql: `UPDATE ${cols.$} SET ${cols.threadId} = ? WHERE ${cols.userId} = ? AND ${cols.threadId} = ?`, args: [to, userId, from] });
    }
  }
  return out;
}
