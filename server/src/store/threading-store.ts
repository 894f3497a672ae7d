import type { InStatement } from '@libsql/client';
import { subjectThreadKeys, type MessageFacts, type SubjectKeyEntry, type Threader, type ThreaderSeed } from '@followthrough/shared';
import { messages, subjectThreads, threadRefs } from '../db/schema/index';
import { insertMany, names, selectIn, str, type Executor } from './sql';

const M = names(messages);
const R = names(threadRefs);
const ST = names(subjectThreads);

/** The engine joins subject and counterpart with U+0000, which SQLite text would cut short. */
export function storedSubjectKey(key: string): string {
  return key.replaceAll('\u0000', '\n');
}

function engineSubjectKey(stored: string): string {
  return stored.replaceAll('\n', '\u0000');
}

function refsOf(f: MessageFacts): string[] {
  return [...new Set([...(f.inReplyTo ? [f.inReplyTo] : []), ...f.references])];
}

/** The threader's seed for a batch, and which of the batch's own ids are stored messages (with their threads). */
export interface ThreaderSeedRead {
  seed: ThreaderSeed;
  /** The batch's messages already stored, and their threads: a copy of one of them is a duplicate. */
  storedThreads: Map<string, string>;
}

/**
 * Everything the threader may ask about a batch, read in indexed queries: the threads of the batch's own
 * ids and of the ids they reference (a stored message's thread from its row in messages, an id only ever
 * referenced from thread_refs), and the entries of their subject keys. The threader (threading.ts) is
 * then the same code the mailbox analyzer runs, with this as its memory.
 *
 * The same read tells which of the batch's messages are stored already (duplicates, left out of the
 * threading): one select of messages by id instead of two. Seeding with the duplicates' ids, references
 * and subject keys as well changes no assignment: the threader looks up only the ids and keys of the
 * messages it assigns, and reports only the entries they touch.
 */
export async function loadThreaderSeed(db: Executor, userId: string, batch: readonly MessageFacts[]): Promise<ThreaderSeedRead> {
  const ids = batch.flatMap((f) => [f.id, ...refsOf(f)]);
  const keys = batch.flatMap((f) => subjectThreadKeys(f).map(storedSubjectKey));
  const [refRows, storedRows, subjectRows] = await Promise.all([
    selectIn(db, `SELECT ${R.messageId}, ${R.threadId} FROM ${R.$} WHERE ${R.userId} = ? AND ${R.messageId} IN`, [userId], ids),
    selectIn(db, `SELECT ${M.id}, ${M.threadId} FROM ${M.$} WHERE ${M.userId} = ? AND ${M.id} IN`, [userId], ids),
    selectIn(db, `SELECT ${ST.subjectKey}, ${ST.threadId}, ${ST.firstMs}, ${ST.lastMs}, ${ST.hasRoot} FROM ${ST.$} WHERE ${ST.userId} = ? AND ${ST.subjectKey} IN`, [userId], keys),
  ]);
  const messageThreads = new Map(refRows.map((r) => [str(r.message_id), str(r.thread_id)]));
  const ownIds = new Set(batch.map((f) => f.id));
  const storedThreads = new Map<string, string>();
  // A stored message is where it went, whatever a reference to it claimed before it arrived.
  for (const r of storedRows) {
    const id = str(r.id);
    const threadId = str(r.thread_id);
    messageThreads.set(id, threadId);
    if (ownIds.has(id)) storedThreads.set(id, threadId);
  }
  const subjectEntries = new Map<string, SubjectKeyEntry[]>();
  for (const r of subjectRows) {
    const key = engineSubjectKey(str(r.subject_key));
    const list = subjectEntries.get(key) ?? [];
    list.push({ threadId: str(r.thread_id), first: Number(r.first_ms), last: Number(r.last_ms), hasRoot: Number(r.has_root) === 1 });
    subjectEntries.set(key, list);
  }
  return { seed: { messageThreads, subjectEntries }, storedThreads };
}

/**
 * What the threader learned, as writes: an id a message references keeps the first thread that claimed
 * it (insert if absent); subject entries are upserted. A message's own id is not written here: its row in
 * messages says where it went (loadThreaderSeed reads it there), and a second copy in thread_refs cost
 * two more indexes hit at random by every message (18% of the pages a real-size import's commits wrote).
 */
export function threaderWrites(userId: string, threader: Threader, ownIds: ReadonlySet<string>, named: (threadId: string) => string = (t) => t): InStatement[] {
  const { messageThreads, subjectEntries } = threader.changes();
  const referenced = messageThreads.filter(([id]) => !ownIds.has(id)).map(([id, thread]) => [userId, id, named(thread)]);
  return [
    ...insertMany(R.$, [R.userId, R.messageId, R.threadId], referenced, 'ON CONFLICT DO NOTHING'),
    ...insertMany(
      ST.$,
      [ST.userId, ST.subjectKey, ST.threadId, ST.firstMs, ST.lastMs, ST.hasRoot],
      subjectEntries.map(([key, e]) => [userId, storedSubjectKey(key), named(e.threadId), e.first, e.last, e.hasRoot ? 1 : 0]),
      `ON CONFLICT (${ST.userId}, ${ST.subjectKey}, ${ST.threadId}) DO UPDATE SET ${ST.firstMs} = excluded.${ST.firstMs}, ${ST.lastMs} = excluded.${ST.lastMs}, ${ST.hasRoot} = excluded.${ST.hasRoot}`,
    ),
  ];
}
