import type { InStatement } from '@libsql/client';
import { deriveMessageFacts, isRootMessage, subjectThreadKeys, type StoredMessageFacts } from '@followthrough/shared';
import { messages, promises, subjectThreads } from '../db/schema/index';
import { loadFindings, refreshThreads, writeFindings, type AnalysisContext, type Findings, type ThreadChange } from './analysis-writer';
import { updateFulfilment } from './fulfilment-store';
import { deleteIn, insertMany, names, runAll, selectIn, str, updateMany } from './sql';
import { serializeCore } from './stored-facts';
import { storedSubjectKey } from './threading-store';

const M = names(messages);
const P = names(promises);
const ST = names(subjectThreads);


/**
 * Derives threads again from what is stored, for the settings in force: the thread rows and client
 * aggregates (refreshThreads), each message's side and the findings' client, recipients and due dates,
 * the threader's subject entries, and every promise of the threads folded again. What a settings change
 * needs, and what ingest does for a thread it touches before the background re-derivation reached it.
 * `pending` holds findings of messages inserted in this transaction and not yet written to their tables.
 */
export async function rederiveThreads(ctx: AnalysisContext, threadIds: readonly string[], pending: ReadonlyMap<string, Findings> = new Map()): Promise<Map<string, ThreadChange>> {
  const changes = await refreshThreads(ctx, threadIds, pending);
  const all = [...changes.values()].flatMap((c) => c.messages.map((m) => ({ ...m, threadId: c.threadId, thread: c.after })));
  const stored = await loadFindings(
    ctx,
    all.filter((m) => !m.legacy && !pending.has(m.stored.id)).map((m) => m.stored.id),
  );
  const items = [];
  const rewrite: InStatement[] = [];
  const directions: [string, string, string, string][] = [];
  for (const m of all) {
    const findings: Findings = pending.get(m.stored.id) ?? (m.legacy ? m.stored : (stored.get(m.stored.id) ?? { promises: [], requests: [], risks: [] }));
    const whole: StoredMessageFacts = { ...m.stored, ...findings };
    const facts = deriveMessageFacts(whole, ctx.settings);
    items.push({ facts, threadId: m.threadId, thread: m.thread });
    directions.push([ctx.userId, m.stored.id, facts.direction, m.legacy ? serializeCore(whole) : '']);
    await ctx.breathe();
  }
  // Legacy rows (findings inline) are rewritten without them: from now on each sentence lives in one table.
  const legacy = directions.filter((d) => d[3] !== '');
  rewrite.push(...updateMany(M.$, [M.userId, M.id], [M.direction, M.factsJson], legacy));
  rewrite.push(...updateMany(M.$, [M.userId, M.id], [M.direction], directions.filter((d) => d[3] === '').map((d) => [d[0], d[1], d[2]])));
  await runAll(ctx.tx, rewrite);
  await writeFindings(ctx, items, { replace: true });
  await rebuildSubjectEntries(ctx, [...changes.values()]);
  const promiseRows = await selectIn(ctx.tx, `SELECT ${P.id} FROM ${P.$} WHERE ${P.userId} = ? AND ${P.threadId} IN`, [ctx.userId], threadIds);
  await updateFulfilment(ctx, { refold: promiseRows.map((r) => str(r.id)) });
  return changes;
}

/**
 * The threader's subject entries of these threads, from their messages: the span each key was seen in
 * and whether an original is among them (threading.ts). Built again rather than adjusted, because a
 * span cannot be shrunk when a message leaves it; the keys depend on the settings (the client's key).
 */
export async function rebuildSubjectEntries(ctx: AnalysisContext, changes: readonly ThreadChange[]): Promise<void> {
  const rows = new Map<string, { key: string; threadId: string; first: number; last: number; hasRoot: boolean }>();
  for (const change of changes) {
    for (const m of change.messages) {
      const at = Date.parse(m.stored.sentAt);
      for (const key of subjectThreadKeys(m.facts)) {
        const id = `${key}\u0001${change.threadId}`;
        const entry = rows.get(id) ?? { key, threadId: change.threadId, first: at, last: at, hasRoot: false };
        entry.first = Math.min(entry.first, at);
        entry.last = Math.max(entry.last, at);
        entry.hasRoot ||= isRootMessage(m.stored);
        rows.set(id, entry);
      }
    }
  }
  await runAll(ctx.tx, [
    ...deleteIn(`DELETE FROM ${ST.$} WHERE ${ST.userId} = ? AND ${ST.threadId} IN`, [ctx.userId], changes.map((c) => c.threadId)),
    ...insertMany(
      ST.$,
      [ST.userId, ST.subjectKey, ST.threadId, ST.firstMs, ST.lastMs, ST.hasRoot],
      [...rows.values()].map((e) => [ctx.userId, storedSubjectKey(e.key), e.threadId, e.first, e.last, e.hasRoot ? 1 : 0]),
      'ON CONFLICT DO NOTHING',
    ),
  ]);
}
