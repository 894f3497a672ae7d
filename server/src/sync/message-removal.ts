import type { AnalysisSettings } from '@followthrough/shared';
import type { Database } from '../db/client';
import { evidence, evidenceRecipients, messages, promiseRecipients, promises, snippets, threadRefs } from '../db/schema/index';
import { refreshThreads, settingsHash, type AnalysisContext } from '../store/analysis-writer';
import { promisesUsing, updateFulfilment } from '../store/fulfilment-store';
import { rebuildSubjectEntries } from '../store/rederive-threads';
import { createYielder, deleteIn, names, runAll, selectIn, str } from '../store/sql';
import { inWriteTransaction } from '../store/write-transaction';

const M = names(messages);
const P = names(promises);
const PR = names(promiseRecipients);
const S = names(snippets);
const E = names(evidence);
const ER = names(evidenceRecipients);
const R = names(threadRefs);

/**
 * Takes messages that left the mailbox out of the analysis, in one transaction: their rows and findings
 * go, each thread they were in is re-analysed from what remains (or dropped, its contribution taken out
 * of its client's aggregate), its subject entries are rebuilt, and promises that counted them as
 * evidence are folded again. Returns how many of the messages were stored.
 */
export async function removeMessages(database: Database, userId: string, messageIds: string[], settings: AnalysisSettings): Promise<number> {
  if (messageIds.length === 0) return 0;
  return inWriteTransaction(database, async (tx) => {
    const ctx: AnalysisContext = { tx, userId, settings, hash: settingsHash(settings), breathe: createYielder() };
    const found = await selectIn(tx, `SELECT ${M.id}, ${M.threadId} FROM ${M.$} WHERE ${M.userId} = ? AND ${M.id} IN`, [userId], messageIds);
    const present = found.map((r) => str(r.id));
    if (present.length === 0) return 0;
    const threadIds = [...new Set(found.map((r) => str(r.thread_id)))];
    const refold = await promisesUsing(tx, userId, present);
    await runAll(tx, [
      ...deleteIn(`DELETE FROM ${PR.$} WHERE ${PR.userId} = ? AND ${PR.promiseId} IN (SELECT ${P.id} FROM ${P.$} WHERE ${P.userId} = ? AND ${P.messageId} IN`, [userId, userId], present).map((s) => ({ ...s, sql: `${s.sql})` })),
      ...deleteIn(`DELETE FROM ${P.$} WHERE ${P.userId} = ? AND ${P.messageId} IN`, [userId], present),
      ...deleteIn(`DELETE FROM ${S.$} WHERE ${S.userId} = ? AND ${S.messageId} IN`, [userId], present),
      ...deleteIn(`DELETE FROM ${ER.$} WHERE ${ER.userId} = ? AND ${ER.messageId} IN`, [userId], present),
      ...deleteIn(`DELETE FROM ${E.$} WHERE ${E.userId} = ? AND ${E.messageId} IN`, [userId], present),
      ...deleteIn(`DELETE FROM ${R.$} WHERE ${R.userId} = ? AND ${R.messageId} IN`, [userId], present),
      ...deleteIn(`DELETE FROM ${M.$} WHERE ${M.userId} = ? AND ${M.id} IN`, [userId], present),
    ]);
    const changes = await refreshThreads(ctx, threadIds);
    await rebuildSubjectEntries(ctx, [...changes.values()]);
    // Promises of the removed messages are gone already; the others lost a piece of their evidence.
    await updateFulfilment(ctx, { refold });
    return present.length;
  });
}
