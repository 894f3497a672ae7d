import type { InStatement, InValue } from '@libsql/client';
import {
  canBearOnPromises,
  aggregateFigures,
  aggregateOf,
  analyzeThread,
  contributionOf,
  deriveMessageFacts,
  emptyAggregate,
  extendThread,
  isMeaningful,
  parseAggregate,
  promiseId,
  replaceContributions,
  resolverFor,
  serializeAggregate,
  type AnalysisSettings,
  type CounterpartAggregate,
  type MessageFacts,
  type StoredMessageFacts,
  type ThreadContribution,
  type ThreadFacts,
} from '@followthrough/shared';
import {
  counterpartAggregates,
  evidence,
  evidenceRecipients,
  messages,
  promiseRecipients,
  promises,
  snippets,
  threads,
} from '../db/schema/index';
import { changedColumns, deleteIn, insertMany, names, runAll, selectIn, str, strOrNull, type Executor } from './sql';
import { parseStoredFacts, serializeCore } from './stored-facts';

const M = names(messages);
const T = names(threads);
const A = names(counterpartAggregates);
const P = names(promises);
const PR = names(promiseRecipients);
const S = names(snippets);
const E = names(evidence);
const ER = names(evidenceRecipients);

/** The snippets row that says a message of ours asked for feedback (its text is empty: nothing of the body is kept). */
export const FEEDBACK_ASKED = 'feedback-asked';

/** Everything a write inside one transaction needs: where, for whom, and with which settings. */
export interface AnalysisContext {
  tx: Executor;
  userId: string;
  settings: AnalysisSettings;
  /** settingsHash(settings): stamped on every derived row so a later settings change finds what to redo. */
  hash: string;
  /** Lets the event loop breathe between slices of CPU work (see sql.ts createYielder). */
  breathe: () => Promise<void>;
  /**
   * Client aggregates as this transaction has left them, kept parsed and written once by writeHeldAggregates
   * before the commit instead of by every step that changes them. A key client is touched by every slice
   * of an import, and its aggregate grows with its history: each slice parsed it, serialized it and wrote it.
   */
  heldAggregates?: Map<string, CounterpartAggregate>;
}

/** Writes the aggregates the transaction held (AnalysisContext.heldAggregates): call it before the commit. */
export async function writeHeldAggregates(ctx: AnalysisContext, held: Map<string, CounterpartAggregate>): Promise<void> {
  const aggregates = [...held.values()];
  held.clear();
  await writeAggregates({ ...ctx, heldAggregates: undefined }, aggregates);
}

/**
 * The settings that derived rows depend on (who we are, when we work, the default due days): a change
 * to any of them makes stored threads, aggregates and promises stale. The reply target and the default
 * cadence are applied when reading, so changing them costs nothing here.
 */
export function settingsHash(settings: AnalysisSettings): string {
  return JSON.stringify([
    [...settings.me].map((a) => a.trim().toLowerCase()).sort(),
    [...settings.internalDomains].map((d) => d.trim().toLowerCase()).sort(),
    settings.timeZone,
    settings.workingHours.start,
    settings.workingHours.end,
    [...settings.workingHours.days].sort(),
    settings.defaultPromiseWorkingDays,
  ]);
}

/** External recipients of a message of ours: who a promise in it was made to, who evidence went to. */
export function externalRecipients(f: MessageFacts, settings: AnalysisSettings): string[] {
  const resolver = resolverFor(settings);
  return [...new Set([...f.to, ...f.cc].map((a) => a.address).filter((a) => !resolver.isOurs(a)))];
}

export interface StoredThreadRow {
  threadId: string;
  counterpart: string | null;
  contribution: ThreadContribution;
  derivedHash: string;
  providedThreadId: string | null;
  facts: ThreadFacts;
  /** The row's THREAD_VALUE_COLUMNS as stored: a rewrite sets only those that differ. */
  values: InValue[];
}

/** A thread row's columns after its key (user, thread), as refreshThreads writes them. */
const THREAD_VALUE_COLUMNS = [T.counterpart, T.providedThreadId, T.subject, T.initiatedBy, T.firstAt, T.lastContactAt, T.awaitingSide, T.awaitingSince, T.awaitingMessageId, T.firstUnansweredRequestAt, T.messageCount, T.contactsJson, T.factsJson, T.derivedHash];

function contributionFromRow(factsJson: string, contactsJson: string): ThreadContribution {
  const facts = JSON.parse(factsJson) as Pick<ThreadFacts, 'initiatedBy' | 'lags' | 'unansweredRequests'>;
  return contributionOf(facts, JSON.parse(contactsJson) as string[]);
}

/** The thread rows as stored (their contribution to the aggregate is what must come out of it). */
export async function loadThreadRows(ctx: AnalysisContext, threadIds: readonly string[]): Promise<Map<string, StoredThreadRow>> {
  const out = new Map<string, StoredThreadRow>();
  const rows = await selectIn(ctx.tx, `SELECT ${T.threadId}, ${THREAD_VALUE_COLUMNS.join(', ')} FROM ${T.$} WHERE ${T.userId} = ? AND ${T.threadId} IN`, [ctx.userId], threadIds);
  for (const r of rows) {
    const facts = JSON.parse(str(r.facts_json)) as ThreadFacts;
    out.set(str(r.thread_id), {
      threadId: str(r.thread_id),
      counterpart: strOrNull(r.counterpart),
      contribution: contributionOf(facts, JSON.parse(str(r.contacts_json)) as string[]),
      derivedHash: str(r.derived_hash),
      providedThreadId: strOrNull(r.provided_thread_id),
      facts,
      // Rows come back in column order after thread_id.
      values: THREAD_VALUE_COLUMNS.map((_, i) => (r[i + 1] ?? null) as InValue),
    });
  }
  return out;
}

export interface ThreadMessage {
  stored: StoredMessageFacts;
  /** Findings were still inline in facts_json (a row from before facts were settings-independent). */
  legacy: boolean;
  facts: MessageFacts;
}

export type Findings = Pick<StoredMessageFacts, 'promises' | 'requests' | 'risks' | 'deliveries'>;

/**
 * The stored messages of the threads, derived with the settings in force. Thread analysis needs one
 * kind of finding, the requests (what we still owe an answer to): they come from the snippets table,
 * from `pending` (messages of this transaction whose findings are not written yet), or inline (legacy).
 */
export async function loadThreadMessages(ctx: AnalysisContext, threadIds: readonly string[], pending?: ReadonlyMap<string, Findings>): Promise<Map<string, ThreadMessage[]>> {
  const out = new Map<string, ThreadMessage[]>();
  for (const id of threadIds) out.set(id, []);
  const [rows, requestRows] = await Promise.all([
    selectIn(ctx.tx, `SELECT ${M.threadId}, ${M.factsJson} FROM ${M.$} WHERE ${M.userId} = ? AND ${M.threadId} IN`, [ctx.userId], threadIds),
    // The unary + keeps the planner on the (user, thread) index: on the (user, kind) one it walked every
    // request the user ever received (190,000 at a million messages, 320 ms a call; test/store/statement-plans).
    selectIn(ctx.tx, `SELECT ${S.messageId}, ${S.text} FROM ${S.$} WHERE ${S.userId} = ? AND +${S.kind} = 'request' AND ${S.threadId} IN`, [ctx.userId], threadIds),
  ]);
  const requests = new Map<string, { text: string }[]>();
  for (const r of requestRows) {
    const list = requests.get(str(r.message_id)) ?? [];
    list.push({ text: str(r.text) });
    requests.set(str(r.message_id), list);
  }
  for (const r of rows) {
    const { stored, legacy } = parseStoredFacts(str(r.facts_json));
    if (!legacy) stored.requests = pending?.get(stored.id)?.requests ?? requests.get(stored.id) ?? [];
    out.get(str(r.thread_id))?.push({ stored, legacy, facts: deriveMessageFacts(stored, ctx.settings) });
    await ctx.breathe();
  }
  return out;
}

export interface ThreadChange {
  threadId: string;
  before: StoredThreadRow | null;
  /** null when the thread has no messages left (deleted). */
  after: ThreadFacts | null;
  /** The thread's stored messages when it was analysed whole; empty when new mail only extended it. */
  messages: ThreadMessage[];
}

/** The messages of `list` in the order analyzeThread sorts them (time, then id). */
function inThreadOrder(list: readonly MessageFacts[]): MessageFacts[] {
  return [...list].sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Re-analyses the threads and applies the difference to the stored thread rows and to the aggregates
 * of the clients they belonged to and belong to now: the old contribution out, the new one in. A thread
 * that new mail (`appended`, this transaction's messages by thread) only extends, later than all of it,
 * is brought up to date from its stored facts alone (extendThread); the others are analysed from all
 * their stored messages. Work in proportion to the new mail, never to a client's history. `stored` is the
 * threads' rows as loadThreadRows returns them, when the caller has just read them in this transaction.
 */
export async function refreshThreads(
  ctx: AnalysisContext,
  threadIds: readonly string[],
  pending?: ReadonlyMap<string, Findings>,
  appended?: ReadonlyMap<string, readonly MessageFacts[]>,
  stored?: ReadonlyMap<string, StoredThreadRow>,
): Promise<Map<string, ThreadChange>> {
  const changes = new Map<string, ThreadChange>();
  if (threadIds.length === 0) return changes;
  const before = stored ?? (await loadThreadRows(ctx, threadIds));
  const extended = new Map<string, ThreadFacts>();
  for (const threadId of threadIds) {
    const row = before.get(threadId);
    const fresh = appended?.get(threadId);
    if (!row || !fresh || row.derivedHash !== ctx.hash) continue;
    // The stored facts carry the name the thread had when they were written (ingest may have renamed it).
    let facts: ThreadFacts | null = { ...row.facts, threadId };
    for (const m of inThreadOrder(fresh)) {
      facts = facts && extendThread(facts, m, ctx.settings);
      if (!facts) break;
    }
    if (facts) extended.set(threadId, facts);
  }
  const byThread = await loadThreadMessages(ctx, threadIds.filter((id) => !extended.has(id)), pending);
  const inserts: InValue[][] = [];
  const updates = changedColumns(THREAD_VALUE_COLUMNS);
  const removed: string[] = [];
  const deltas: { key: string; remove?: ThreadContribution; add?: ThreadContribution }[] = [];
  for (const threadId of threadIds) {
    const list = byThread.get(threadId) ?? [];
    const old = before.get(threadId) ?? null;
    if (old?.counterpart) deltas.push({ key: old.counterpart, remove: old.contribution });
    const grown = extended.get(threadId);
    if (!grown && list.length === 0) {
      if (old) removed.push(threadId);
      changes.set(threadId, { threadId, before: old, after: null, messages: [] });
      continue;
    }
    const facts = grown ?? analyzeThread(threadId, list.map((m) => m.facts), ctx.settings);
    await ctx.breathe();
    if (facts.counterpart) deltas.push({ key: facts.counterpart, add: contributionOf(facts, facts.contacts) });
    changes.set(threadId, { threadId, before: old, after: facts, messages: list });
    const provided = grown ? (old?.providedThreadId ?? appended?.get(threadId)?.find((m) => m.providedThreadId)?.providedThreadId ?? null) : (list.find((m) => m.stored.providedThreadId)?.stored.providedThreadId ?? null);
    const values: InValue[] = [
      facts.counterpart,
      provided,
      facts.subject,
      facts.initiatedBy,
      facts.firstMessage?.at ?? null,
      facts.lastContactAt,
      facts.awaiting?.side ?? null,
      facts.awaiting?.since ?? null,
      facts.awaiting?.lastMessageId ?? null,
      facts.firstUnansweredRequestAt,
      facts.messageIds.length,
      JSON.stringify(facts.contacts),
      JSON.stringify(facts),
      ctx.hash,
    ];
    if (old) updates.add([ctx.userId, threadId], old.values, values);
    else inserts.push([ctx.userId, threadId, ...values]);
  }
  await applyAggregateDeltas(ctx, deltas);
  const writes: InStatement[] = [
    // New threads (no stored row when they were read); the upsert keeps one row should one exist by now.
    ...insertMany(
      T.$,
      [T.userId, T.threadId, ...THREAD_VALUE_COLUMNS],
      inserts,
      `ON CONFLICT (${T.userId}, ${T.threadId}) DO UPDATE SET ${THREAD_VALUE_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}`,
    ),
    ...updates.statements(T.$, [T.userId, T.threadId]),
    ...deleteIn(`DELETE FROM ${T.$} WHERE ${T.userId} = ? AND ${T.threadId} IN`, [ctx.userId], removed),
  ];
  await runAll(ctx.tx, writes);
  return changes;
}

/** Applies thread contributions to client aggregates; an aggregate that drifted is rebuilt from its threads. */
async function applyAggregateDeltas(ctx: AnalysisContext, deltas: { key: string; remove?: ThreadContribution; add?: ThreadContribution }[]): Promise<void> {
  if (deltas.length === 0) return;
  const keys = [...new Set(deltas.map((d) => d.key))];
  const held = ctx.heldAggregates;
  const rows = await selectIn(ctx.tx, `SELECT ${A.key}, ${A.aggregateJson} FROM ${A.$} WHERE ${A.userId} = ? AND ${A.key} IN`, [ctx.userId], held ? keys.filter((k) => !held.has(k)) : keys);
  // One held with no threads left stands for a deleted row: it starts again empty, as it would from the table.
  const aggregates = new Map<string, CounterpartAggregate>(keys.map((k) => [k, held?.get(k) && held.get(k)!.threads > 0 ? held.get(k)! : emptyAggregate(k)]));
  for (const r of rows) aggregates.set(str(r.key), parseAggregate(str(r.aggregate_json)));
  const changes = new Map<string, { removed: ThreadContribution[]; added: ThreadContribution[] }>(keys.map((k) => [k, { removed: [], added: [] }]));
  for (const d of deltas) {
    const change = changes.get(d.key)!;
    if (d.remove) change.removed.push(d.remove);
    if (d.add) change.added.push(d.add);
  }
  const drifted = new Set<string>();
  for (const [key, { removed, added }] of changes) {
    try {
      replaceContributions(aggregates.get(key)!, removed, added);
    } catch {
      // Only a bug can get here (every thread write goes through refreshThreads); the fix is the truth.
      drifted.add(key);
    }
  }
  await ctx.breathe();
  await writeAggregates(ctx, [...aggregates.values()].filter((a) => !drifted.has(a.key)));
  for (const key of drifted) await rebuildAggregate(ctx, key);
}

async function writeAggregates(ctx: AnalysisContext, aggregates: readonly CounterpartAggregate[]): Promise<void> {
  if (ctx.heldAggregates) {
    for (const a of aggregates) ctx.heldAggregates.set(a.key, a);
    return;
  }
  const keep = aggregates.filter((a) => a.threads > 0);
  const drop = aggregates.filter((a) => a.threads === 0).map((a) => a.key);
  const writes: InStatement[] = [
    ...insertMany(
      A.$,
      [A.userId, A.key, A.threads, A.aggregateJson, A.figuresJson],
      keep.map((a) => [ctx.userId, a.key, a.threads, serializeAggregate(a), JSON.stringify(aggregateFigures(a))]),
      `ON CONFLICT (${A.userId}, ${A.key}) DO UPDATE SET ${A.threads} = excluded.${A.threads}, ${A.aggregateJson} = excluded.${A.aggregateJson}, ${A.figuresJson} = excluded.${A.figuresJson}`,
    ),
    ...deleteIn(`DELETE FROM ${A.$} WHERE ${A.userId} = ? AND ${A.key} IN`, [ctx.userId], drop),
  ];
  await runAll(ctx.tx, writes);
}

/** A client's aggregate recomputed from its stored thread rows. */
export async function rebuildAggregate(ctx: AnalysisContext, key: string): Promise<void> {
  const rows = await ctx.tx.execute({
    sql: `SELECT ${T.factsJson}, ${T.contactsJson} FROM ${T.$} WHERE ${T.userId} = ? AND ${T.counterpart} = ?`,
    args: [ctx.userId, key],
  });
  const contributions = rows.rows.map((r) => contributionFromRow(str(r.facts_json), str(r.contacts_json)));
  await writeAggregates(ctx, [aggregateOf(key, contributions)]);
}

/** The client a message's findings belong to: its thread's main client, else its own first one. */
export function counterpartOfMessage(f: MessageFacts, thread: ThreadFacts | null): string | null {
  return thread?.counterpart ?? f.counterparts[0] ?? null;
}

export interface NewPromise {
  id: string;
  threadId: string;
}

/**
 * Writes the findings of messages (promises, requests, risks, and our mail as fulfilment evidence), each
 * sentence once, with the client and recipients derived for the settings in force. Existing rows for the
 * same messages are replaced (a re-derivation), so this is also how findings follow a settings change.
 */
export async function writeFindings(
  ctx: AnalysisContext,
  items: readonly { facts: MessageFacts; threadId: string; thread: ThreadFacts | null }[],
  options: { replace: boolean },
): Promise<NewPromise[]> {
  if (items.length === 0) return [];
  const ids = items.map((i) => i.facts.id);
  const writes: InStatement[] = [];
  if (options.replace) {
    writes.push(
      ...deleteIn(`DELETE FROM ${PR.$} WHERE ${PR.userId} = ? AND ${PR.promiseId} IN (SELECT ${P.id} FROM ${P.$} WHERE ${P.userId} = ? AND ${P.messageId} IN`, [ctx.userId, ctx.userId], ids).map(
        (s) => ({ ...s, sql: `${s.sql})` }),
      ),
      ...deleteIn(`DELETE FROM ${S.$} WHERE ${S.userId} = ? AND ${S.messageId} IN`, [ctx.userId], ids),
      ...deleteIn(`DELETE FROM ${ER.$} WHERE ${ER.userId} = ? AND ${ER.messageId} IN`, [ctx.userId], ids),
      ...deleteIn(`DELETE FROM ${E.$} WHERE ${E.userId} = ? AND ${E.messageId} IN`, [ctx.userId], ids),
    );
  }
  const promiseRows: InValue[][] = [];
  const promiseRecipientRows: InValue[][] = [];
  const snippetRows: InValue[][] = [];
  const evidenceRows: InValue[][] = [];
  const evidenceRecipientRows: InValue[][] = [];
  const created: NewPromise[] = [];
  const keptPromiseIds = new Set<string>();
  for (const { facts: f, threadId, thread } of items) {
    const counterpart = counterpartOfMessage(f, thread);
    const madeTo = f.direction === 'outbound' ? externalRecipients(f, ctx.settings) : [];
    for (const p of f.promises) {
      const id = promiseId(f.id, p.text);
      if (keptPromiseIds.has(id)) continue;
      keptPromiseIds.add(id);
      created.push({ id, threadId });
      // Unsettled until the fulfilment fold runs in the same transaction (fulfilment-store.ts).
      promiseRows.push([ctx.userId, id, f.id, threadId, counterpart, p.text, f.sentAt, JSON.stringify(madeTo), p.dueText ?? null, p.dueAt, p.dueIsDefault ? 1 : 0, 'pending', p.dueAt, p.dueIsDefault ? 1 : 0, p.dueAt, ctx.hash]);
      for (const address of madeTo) promiseRecipientRows.push([ctx.userId, address, f.sentAt, id]);
    }
    let ordinal = 0;
    for (const r of f.requests) snippetRows.push([ctx.userId, f.id, ordinal++, 'request', 'them', threadId, counterpart, r.text, f.sentAt]);
    for (const r of f.risks) snippetRows.push([ctx.userId, f.id, ordinal++, r.kind, r.side, threadId, counterpart, r.text, f.sentAt]);
    // Our mail asked for feedback (feedback-questions.ts): the fact and its time, not the question.
    if (f.direction === 'outbound' && f.feedbackAsked) snippetRows.push([ctx.userId, f.id, ordinal++, FEEDBACK_ASKED, 'us', threadId, counterpart, '', f.sentAt]);
    if (isMeaningful(f) && f.direction === 'outbound' && canBearOnPromises(f)) {
      evidenceRows.push([ctx.userId, f.id, threadId, counterpart, f.sentAt, f.subject, JSON.stringify(madeTo), JSON.stringify(f.counterparts), JSON.stringify(f.attachments ?? []), JSON.stringify(f.deliveries ?? [])]);
      const resolver = resolverFor(ctx.settings);
      for (const address of madeTo) evidenceRecipientRows.push([ctx.userId, address, resolver.keyOf(address), f.sentAt, f.id]);
    }
  }
  if (options.replace) {
    // Promises of these messages that the settings no longer give them (the message changed side) go.
    const existing = await selectIn(ctx.tx, `SELECT ${P.id} FROM ${P.$} WHERE ${P.userId} = ? AND ${P.messageId} IN`, [ctx.userId], ids);
    const gone = existing.map((r) => str(r.id)).filter((id) => !keptPromiseIds.has(id));
    writes.push(...deleteIn(`DELETE FROM ${P.$} WHERE ${P.userId} = ? AND ${P.id} IN`, [ctx.userId], gone));
  }
  const upsert = 'ON CONFLICT DO NOTHING';
  writes.push(
    ...insertMany(
      P.$,
      [P.userId, P.id, P.messageId, P.threadId, P.counterpart, P.text, P.madeAt, P.madeToJson, P.dueText, P.detectedDueAt, P.detectedDueIsDefault, P.state, P.dueAt, P.dueIsDefault, P.overdueAfter, P.derivedHash],
      promiseRows,
      // A re-derivation keeps the promise row (and its fold) and updates what the settings decide.
      `ON CONFLICT (${P.userId}, ${P.id}) DO UPDATE SET ${[P.threadId, P.counterpart, P.madeToJson, P.dueText, P.detectedDueAt, P.detectedDueIsDefault, P.derivedHash].map((c) => `${c} = excluded.${c}`).join(', ')}`,
    ),
    ...insertMany(PR.$, [PR.userId, PR.address, PR.madeAt, PR.promiseId], promiseRecipientRows, upsert),
    ...insertMany(S.$, [S.userId, S.messageId, S.ordinal, S.kind, S.side, S.threadId, S.counterpart, S.text, S.at], snippetRows, upsert),
    ...insertMany(E.$, [E.userId, E.messageId, E.threadId, E.counterpart, E.at, E.subject, E.toJson, E.counterpartsJson, E.attachmentsJson, E.deliveriesJson], evidenceRows, upsert),
    ...insertMany(ER.$, [ER.userId, ER.address, ER.counterpart, ER.at, ER.messageId], evidenceRecipientRows, upsert),
  );
  await runAll(ctx.tx, writes);
  return created;
}

/** When a thread's main client changes, its findings move with it. */
export async function moveFindings(ctx: AnalysisContext, changes: Iterable<ThreadChange>): Promise<void> {
  const writes: InStatement[] = [];
  for (const change of changes) {
    // A thread new in this batch has no findings stored yet; they are written with its client.
    if (change.before === null || change.after === null) continue;
    const was = change.before.counterpart;
    const now = change.after.counterpart;
    if (was === now) continue;
    for (const [table, userCol, threadCol, cpCol] of [
      [P.$, P.userId, P.threadId, P.counterpart],
      [S.$, S.userId, S.threadId, S.counterpart],
      [E.$, E.userId, E.threadId, E.counterpart],
    ] as const) {
      writes.push({ sql: `UPDATE ${table} SET ${cpCol} = ? WHERE ${userCol} = ? AND ${threadCol} = ?`, args: [now, ctx.userId, change.threadId] });
    }
  }
  await runAll(ctx.tx, writes);
}

/** Stored facts and findings of messages, for a re-derivation: facts_json plus the rows holding each sentence. */
export async function loadFindings(ctx: AnalysisContext, messageIds: readonly string[]): Promise<Map<string, Pick<StoredMessageFacts, 'promises' | 'requests' | 'risks' | 'deliveries'>>> {
  const out = new Map<string, Pick<StoredMessageFacts, 'promises' | 'requests' | 'risks' | 'deliveries'>>();
  const entry = (id: string) => {
    let e = out.get(id);
    if (!e) out.set(id, (e = { promises: [], requests: [], risks: [] }));
    return e;
  };
  const [promiseRows, snippetRows, evidenceRows] = await Promise.all([
    selectIn(ctx.tx, `SELECT ${P.messageId}, ${P.text}, ${P.dueText} FROM ${P.$} WHERE ${P.userId} = ? AND ${P.messageId} IN`, [ctx.userId], messageIds),
    selectIn(ctx.tx, `SELECT ${S.messageId}, ${S.kind}, ${S.side}, ${S.text} FROM ${S.$} WHERE ${S.userId} = ? AND ${S.messageId} IN`, [ctx.userId], messageIds),
    selectIn(ctx.tx, `SELECT ${E.messageId}, ${E.deliveriesJson} FROM ${E.$} WHERE ${E.userId} = ? AND ${E.messageId} IN`, [ctx.userId], messageIds),
  ]);
  for (const r of promiseRows) entry(str(r.message_id)).promises.push(r.due_text === null ? { text: str(r.text) } : { text: str(r.text), dueText: str(r.due_text) });
  for (const r of snippetRows) {
    const e = entry(str(r.message_id));
    if (r.kind === 'request') e.requests.push({ text: str(r.text) });
    else if (r.kind === FEEDBACK_ASKED) continue; // a fact of the message itself (facts_json), written again from it
    else e.risks.push({ kind: str(r.kind) as StoredMessageFacts['risks'][number]['kind'], side: str(r.side) as 'us' | 'them', text: str(r.text) });
  }
  for (const r of evidenceRows) {
    const deliveries = JSON.parse(str(r.deliveries_json)) as NonNullable<StoredMessageFacts['deliveries']>;
    if (deliveries.length > 0) entry(str(r.message_id)).deliveries = deliveries;
  }
  return out;
}

/** The row a new message is stored as (its facts without findings). */
export function messageRow(userId: string, stored: StoredMessageFacts, threadId: string, facts: MessageFacts): InValue[] {
  return [userId, stored.id, threadId, stored.sentAt, facts.direction, stored.automated ? 1 : 0, serializeCore(stored)];
}

export const MESSAGE_COLUMNS = [M.userId, M.id, M.threadId, M.sentAt, M.direction, M.automated, M.factsJson];
