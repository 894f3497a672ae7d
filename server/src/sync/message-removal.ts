import type { InStatement } from '@libsql/client';
import type { AnalysisSettings, MessageFacts } from '@followthrough/shared';
import type { Database } from '../db/client';
import { analyzeThread, createCounterpartResolver } from '../store/engine';

/**
 * Takes messages that left the mailbox out of the analysis: their rows, promises, request / risk
 * snippets and threading keys go, and each thread they were in is re-analysed from what remains (or
 * dropped when nothing remains). The ingest path (store/ingest.ts) has no delete, so this mirrors its
 * thread write; it is the only other writer of those tables.
 */
export async function removeMessages(database: Database, userId: string, messageIds: string[], settings: AnalysisSettings): Promise<number> {
  if (messageIds.length === 0) return 0;
  const unique = [...new Set(messageIds)];
  const tx = await database.client.transaction('write');
  try {
    const marks = unique.map(() => '?').join(',');
    const found = await tx.execute({ sql: `SELECT id, thread_id FROM messages WHERE user_id = ? AND id IN (${marks})`, args: [userId, ...unique] });
    const present = found.rows.map((r) => String(r.id));
    if (present.length === 0) {
      await tx.commit();
      return 0;
    }
    const threadIds = [...new Set(found.rows.map((r) => String(r.thread_id)))];
    const presentMarks = present.map(() => '?').join(',');
    const writes: InStatement[] = [
      { sql: `DELETE FROM messages WHERE user_id = ? AND id IN (${presentMarks})`, args: [userId, ...present] },
      { sql: `DELETE FROM promises WHERE user_id = ? AND message_id IN (${presentMarks})`, args: [userId, ...present] },
      { sql: `DELETE FROM snippets WHERE user_id = ? AND message_id IN (${presentMarks})`, args: [userId, ...present] },
    ];
    const tables = await tx.execute(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('subject_keys', 'thread_refs')`);
    for (const row of tables.rows) {
      writes.push({ sql: `DELETE FROM ${String(row.name)} WHERE user_id = ? AND message_id IN (${presentMarks})`, args: [userId, ...present] });
    }
    await tx.batch(writes);

    const resolver = createCounterpartResolver(settings);
    for (const threadId of threadIds) {
      const rest = await tx.execute({ sql: 'SELECT facts_json FROM messages WHERE user_id = ? AND thread_id = ?', args: [userId, threadId] });
      if (rest.rows.length === 0) {
        await tx.execute({ sql: 'DELETE FROM threads WHERE user_id = ? AND thread_id = ?', args: [userId, threadId] });
        continue;
      }
      const facts = rest.rows.map((r) => JSON.parse(String(r.facts_json)) as MessageFacts);
      const thread = analyzeThread(threadId, facts, settings);
      const contacts = new Set<string>();
      if (thread.counterpart) {
        for (const f of facts) for (const a of [f.from, ...f.to, ...f.cc]) if (resolver.keyOf(a.address) === thread.counterpart) contacts.add(a.address);
      }
      await tx.execute({
        sql: `UPDATE threads SET counterpart = ?, last_contact_at = ?, awaiting_side = ?, awaiting_since = ?, message_count = ?,
                contacts_json = ?, facts_json = ? WHERE user_id = ? AND thread_id = ?`,
        args: [
          thread.counterpart,
          thread.lastContactAt,
          thread.awaiting?.side ?? null,
          thread.awaiting?.since ?? null,
          facts.length,
          JSON.stringify([...contacts].sort()),
          JSON.stringify(thread),
          userId,
          threadId,
        ],
      });
    }
    await tx.commit();
    return present.length;
  } finally {
    tx.close();
  }
}
