import type { InStatement, InValue } from '@libsql/client';
import type { AnalysisSettings, MessageFacts, NormalizedMessage, ThreadFacts } from '@followthrough/shared';
import type { Database } from '../db/client';
import {
  analyzeThread,
  createCounterpartResolver,
  extractMessageFacts,
  isReplySubject,
  promiseId,
  resolveThreadId,
  subjectMergeWindowMs,
  subjectThreadKeys,
  type ThreadIndex,
} from './engine';

export interface IngestResult {
  accepted: number;
  duplicates: number;
  threadsUpdated: number;
  threads: { messageId: string; threadId: string }[];
}

/** The engine joins subject and counterpart with U+0000, which SQLite text would cut short. */
export function storedSubjectKey(key: string): string {
  return key.replaceAll('\u0000', '\n');
}

function refsOf(f: MessageFacts): string[] {
  return [...new Set([...(f.inReplyTo ? [f.inReplyTo] : []), ...f.references])];
}

function isReply(f: MessageFacts): boolean {
  return isReplySubject(f.subject) || refsOf(f).length > 0;
}

/** `INSERT INTO <head> VALUES (...), (...) <tail>` statements of at most ROWS_PER_INSERT rows each. */
function insertMany(head: string, rows: InValue[][], tail: string): InStatement[] {
  const out: InStatement[] = [];
  for (const part of chunks(rows, ROWS_PER_INSERT)) {
    const tuple = `(${placeholders(part[0]!.length)})`;
    out.push({ sql: `INSERT INTO ${head} VALUES ${new Array<string>(part.length).fill(tuple).join(',')} ${tail}`, args: part.flat() });
  }
  return out;
}

/**
 * SQLite allows 32,766 bound parameters per statement: 1,000 rows of our widest table (10 columns) and
 * 5,000 ids per IN list stay well inside it. Fewer, larger statements because the client prepares every
 * statement it runs, with no cache (the api bench's 1,000-message request went from 34 statements to 10).
 */
const ROWS_PER_INSERT = 1000;
const CHUNK = 5000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function placeholders(n: number): string {
  return new Array<string>(n).fill('?').join(',');
}

interface Executor {
  execute(stmt: InStatement): Promise<{ rows: ArrayLike<Record<string, unknown>> }>;
  batch(stmts: InStatement[]): Promise<unknown>;
}

/** Runs `SELECT ... WHERE user_id = ? AND <column> IN (...)` over any number of values. */
async function selectIn(tx: Executor, sqlHead: string, userId: string, values: string[]): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (const part of chunks([...new Set(values)])) {
    const result = await tx.execute({ sql: `${sqlHead} (${placeholders(part.length)})`, args: [userId, ...part] });
    for (let i = 0; i < result.rows.length; i++) rows.push(result.rows[i]!);
  }
  return rows;
}

/** Addresses of the counterpart that appear in the thread: "contacts" in the counterpart view. */
function threadContacts(facts: MessageFacts[], counterpart: string | null, keyOf: (a: string) => string | null): string[] {
  if (!counterpart) return [];
  const seen = new Set<string>();
  for (const f of facts) {
    for (const a of [f.from, ...f.to, ...f.cc]) {
      if (!seen.has(a.address) && keyOf(a.address) === counterpart) seen.add(a.address);
    }
  }
  return [...seen].sort();
}

/**
 * Stores a batch of messages for one user, idempotent by message id, and refreshes the analysis of
 * exactly the threads the new messages touched.
 *
 * Bodies go through the engine once (extractMessageFacts) and are dropped: only the facts (addresses,
 * subject, snippets) are stored. The reads and writes run in one write transaction, so two processes
 * ingesting into the same thread at once serialise instead of computing thread facts from stale views.
 */
export async function ingestMessages(
  database: Database,
  userId: string,
  input: NormalizedMessage[],
  settings: AnalysisSettings,
): Promise<IngestResult> {
  // 1. Facts first, outside the transaction: this is the CPU-heavy part and needs no database.
  const order: string[] = [];
  const factsById = new Map<string, MessageFacts>();
  for (const message of input) {
    order.push(message.id);
    if (!factsById.has(message.id)) factsById.set(message.id, extractMessageFacts(message, settings));
  }

  const tx = await database.client.transaction('write');
  try {
    // 2. Which ids are already stored (a re-sent message is not counted twice).
    const storedThreadOf = new Map<string, string>();
    for (const row of await selectIn(tx, 'SELECT id, thread_id FROM messages WHERE user_id = ? AND id IN', userId, [...factsById.keys()])) {
      storedThreadOf.set(String(row.id), String(row.thread_id));
    }
    const fresh = [...factsById.values()].filter((f) => !storedThreadOf.has(f.id));
    fresh.sort((a, b) => (a.sentAt < b.sentAt ? -1 : a.sentAt > b.sentAt ? 1 : 0));

    // 3. Thread resolution: the engine asks a ThreadIndex; we prefetch everything it can ask about.
    const referenced = fresh.flatMap(refsOf);
    const keysOf = new Map(fresh.map((f) => [f.id, subjectThreadKeys(f).map(storedSubjectKey)]));
    const dbThreadOfMessage = new Map<string, string>();
    // thread_refs holds stored messages' own ids and the ids they reference, so both "what this reply
    // answers" and "a reply that arrived before this original" are found.
    const lookupIds = [...referenced, ...fresh.map((f) => f.id)];
    for (const row of await selectIn(tx, 'SELECT message_id, thread_id FROM thread_refs WHERE user_id = ? AND message_id IN', userId, lookupIds)) {
      dbThreadOfMessage.set(String(row.message_id), String(row.thread_id));
    }
    const seenWithKey = new Map<string, { threadId: string; at: number; isReply: boolean }[]>();
    const remember = (key: string, threadId: string, at: string, isReply: boolean) => {
      const list = seenWithKey.get(key) ?? [];
      list.push({ threadId, at: Date.parse(at), isReply });
      seenWithKey.set(key, list);
    };
    const subjectRows = await selectIn(
      tx,
      'SELECT subject_key, thread_id, sent_at, is_reply FROM subject_keys WHERE user_id = ? AND subject_key IN',
      userId,
      [...keysOf.values()].flat(),
    );
    for (const row of subjectRows) remember(String(row.subject_key), String(row.thread_id), String(row.sent_at), Number(row.is_reply) === 1);
    const windowOf = (key: string) => subjectMergeWindowMs(key.split('\u0000')[0] ?? '');

    const batchThreadOfMessage = new Map<string, string>();
    const index: ThreadIndex = {
      threadOfMessage: (id) => batchThreadOfMessage.get(id) ?? dbThreadOfMessage.get(id) ?? storedThreadOf.get(id),
      // The thread last seen with this key within the engine's merge window of `near`.
      threadOfSubjectKey: (key, near) => {
        const stored = storedSubjectKey(key);
        const window = windowOf(key);
        const nearMs = near ? Date.parse(near) : undefined;
        let best: { threadId: string; at: number } | undefined;
        for (const seen of seenWithKey.get(stored) ?? []) {
          if (nearMs !== undefined && Math.abs(seen.at - nearMs) > window) continue;
          if (!best || seen.at > best.at) best = seen;
        }
        return best?.threadId;
      },
      // A thread whose messages with this key are all replies, starting after `near` within the window:
      // their original is arriving now.
      threadAwaitingRoot: (key, near) => {
        const nearMs = Date.parse(near);
        const window = windowOf(key);
        const byThread = new Map<string, { first: number; allReplies: boolean }>();
        for (const seen of seenWithKey.get(storedSubjectKey(key)) ?? []) {
          const entry = byThread.get(seen.threadId) ?? { first: seen.at, allReplies: true };
          entry.first = Math.min(entry.first, seen.at);
          entry.allReplies &&= seen.isReply;
          byThread.set(seen.threadId, entry);
        }
        for (const [threadId, entry] of byThread) {
          if (entry.allReplies && entry.first > nearMs && entry.first - nearMs <= window) return threadId;
        }
        return undefined;
      },
    };
    const threadOf = new Map<string, string>();
    for (const f of fresh) {
      const threadId = resolveThreadId(f, index);
      threadOf.set(f.id, threadId);
      batchThreadOfMessage.set(f.id, threadId);
      for (const key of keysOf.get(f.id)!) remember(key, threadId, f.sentAt, isReply(f));
      for (const ref of refsOf(f)) if (!index.threadOfMessage(ref)) batchThreadOfMessage.set(ref, threadId);
    }

    // 4. Re-analyse only the affected threads, from their stored facts plus the new ones.
    const affected = new Map<string, MessageFacts[]>();
    for (const f of fresh) {
      const threadId = threadOf.get(f.id)!;
      const list = affected.get(threadId) ?? [];
      list.push(f);
      affected.set(threadId, list);
    }
    for (const row of await selectIn(tx, 'SELECT thread_id, facts_json FROM messages WHERE user_id = ? AND thread_id IN', userId, [...affected.keys()])) {
      affected.get(String(row.thread_id))?.push(JSON.parse(String(row.facts_json)) as MessageFacts);
    }
    const resolver = createCounterpartResolver(settings);
    const keyOf = (address: string) => resolver.keyOf(address);

    const rows = {
      messages: [] as InValue[][],
      subjectKeys: [] as InValue[][],
      threadRefs: [] as InValue[][],
      promises: [] as InValue[][],
      snippets: [] as InValue[][],
      threads: [] as InValue[][],
    };
    const refRowWritten = new Set<string>();
    for (const f of fresh) {
      const threadId = threadOf.get(f.id)!;
      const counterpart = f.counterparts[0] ?? null;
      rows.messages.push([userId, f.id, threadId, f.sentAt, f.direction, f.automated ? 1 : 0, JSON.stringify(f)]);
      for (const key of keysOf.get(f.id)!) rows.subjectKeys.push([userId, key, f.id, threadId, f.sentAt, isReply(f) ? 1 : 0]);
      // First writer wins: a referenced id already placed in a thread keeps that thread. So only the
      // first row for an id not already stored can insert anything; the rest are not sent at all.
      for (const ref of [f.id, ...refsOf(f)]) {
        if (dbThreadOfMessage.has(ref) || refRowWritten.has(ref)) continue;
        refRowWritten.add(ref);
        rows.threadRefs.push([userId, ref, threadId]);
      }
      for (const p of f.promises) {
        rows.promises.push([userId, promiseId(f.id, p.text), f.id, threadId, counterpart, p.text, f.sentAt, p.dueAt, p.dueIsDefault ? 1 : 0, p.dueText ?? null]);
      }
      const snippetRows: [kind: string, side: string, text: string][] = [
        ...f.requests.map((r): [string, string, string] => ['request', 'them', r.text]),
        ...f.risks.map((r): [string, string, string] => [r.kind, r.side, r.text]),
      ];
      snippetRows.forEach(([kind, side, text], ordinal) => {
        rows.snippets.push([userId, f.id, ordinal, kind, side, threadId, counterpart, text, f.sentAt]);
      });
    }
    for (const [threadId, threadMessages] of affected) {
      const facts: ThreadFacts = analyzeThread(threadId, threadMessages, settings);
      const provided = threadMessages.find((m) => m.providedThreadId)?.providedThreadId ?? null;
      rows.threads.push([
        userId,
        threadId,
        facts.counterpart,
        provided,
        facts.lastContactAt,
        facts.awaiting?.side ?? null,
        facts.awaiting?.since ?? null,
        threadMessages.length,
        JSON.stringify(threadContacts(threadMessages, facts.counterpart, keyOf)),
        JSON.stringify(facts),
      ]);
    }
    // Multi-row INSERTs: one statement per table per few hundred rows. Preparing a statement costs far
    // more than binding a row, so this is what makes ingest fast (see bench/suites/api.ts).
    const writes: InStatement[] = [
      ...insertMany('messages (user_id, id, thread_id, sent_at, direction, automated, facts_json)', rows.messages, 'ON CONFLICT DO NOTHING'),
      ...insertMany('subject_keys (user_id, subject_key, message_id, thread_id, sent_at, is_reply)', rows.subjectKeys, 'ON CONFLICT DO NOTHING'),
      ...insertMany('thread_refs (user_id, message_id, thread_id)', rows.threadRefs, 'ON CONFLICT DO NOTHING'),
      ...insertMany(
        'promises (user_id, id, message_id, thread_id, counterpart, text, made_at, due_at, due_is_default, due_text)',
        rows.promises,
        'ON CONFLICT DO NOTHING',
      ),
      ...insertMany('snippets (user_id, message_id, ordinal, kind, side, thread_id, counterpart, text, at)', rows.snippets, 'ON CONFLICT DO NOTHING'),
      ...insertMany(
        'threads (user_id, thread_id, counterpart, provided_thread_id, last_contact_at, awaiting_side, awaiting_since, message_count, contacts_json, facts_json)',
        rows.threads,
        `ON CONFLICT (user_id, thread_id) DO UPDATE SET counterpart = excluded.counterpart,
           provided_thread_id = excluded.provided_thread_id, last_contact_at = excluded.last_contact_at,
           awaiting_side = excluded.awaiting_side, awaiting_since = excluded.awaiting_since,
           message_count = excluded.message_count, contacts_json = excluded.contacts_json, facts_json = excluded.facts_json`,
      ),
    ];
    if (writes.length > 0) await tx.batch(writes);
    await tx.commit();

    return {
      accepted: fresh.length,
      duplicates: input.length - fresh.length,
      threadsUpdated: affected.size,
      threads: order.map((messageId) => ({ messageId, threadId: threadOf.get(messageId) ?? storedThreadOf.get(messageId)! })),
    };
  } finally {
    tx.close();
  }
}
