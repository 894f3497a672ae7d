import type { InValue, Row } from '@libsql/client';
import {
  compareEvidence,
  foldFulfilmentOnto,
  FULFILMENT_WINDOW_DAYS,
  isFulfilmentCandidate,
  NO_FULFILMENT,
  resolvePromiseDue,
  settlePromise,
  type FulfilmentEvidence,
  type FulfilmentOutcome,
  type PromiseForFulfilment,
  type PromiseVerdict,
  type TouchpointKind,
} from '@followthrough/shared';
import { evidence, evidenceRecipients, promiseRecipients, promises, promiseVerdicts, touchpoints } from '../db/schema/index';
import type { AnalysisContext } from './analysis-writer';
import { changedColumns, names, runAll, selectIn, str, strOrNull, type Executor } from './sql';

const P = names(promises);
const PR = names(promiseRecipients);
const E = names(evidence);
const ER = names(evidenceRecipients);
const TP = names(touchpoints);
const V = names(promiseVerdicts);

const WINDOW_MS = FULFILMENT_WINDOW_DAYS * 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();

/** A promise row as the fold needs it. */
interface PromiseState {
  promise: PromiseForFulfilment;
  text: string;
  dueText: string | null;
  detectedDueAt: string;
  dueIsDefault: boolean;
  outcome: FulfilmentOutcome;
  /**
   * Where the fold stands: the position of the latest piece of evidence it judged (a judgement that is not
   * null), up to the piece that kept it for sure; null when none. Evidence after it may be folded on top;
   * evidence at or before it means folding again from the start. Unjudged pieces are left out because a
   * null judgement changes nothing wherever it stands, and because the position then depends only on the
   * evidence, not on which pieces arrived together (a batch's end moves nothing: cli-server-parity.test.ts).
   */
  foldedThrough: string | null;
  /** The row's SETTLED_COLUMNS as stored: settling writes only those that differ. */
  settledValues: InValue[];
}

/** What settling a promise writes: the fold's outcome and position, then the settled state and dates. */
const SETTLED_COLUMNS = [P.keptBy, P.keptAt, P.keptStrength, P.keptQuote, P.slipBy, P.slipAt, P.slipQuote, P.slipDueText, P.foldedThrough, P.state, P.dueAt, P.dueIsDefault, P.originalDueAt, P.snoozedUntil, P.overdueAfter];

const PROMISE_COLUMNS = `${P.id}, ${P.messageId}, ${P.threadId}, ${P.counterpart}, ${P.text}, ${P.madeAt}, ${P.madeToJson}, ${P.dueText}, ${P.detectedDueAt}, ${P.detectedDueIsDefault},
  ${SETTLED_COLUMNS.join(', ')}`;
/** Where SETTLED_COLUMNS start in a row of PROMISE_COLUMNS. */
const SETTLED_FROM = 10;

function toState(r: Row): PromiseState {
  const keptBy = strOrNull(r.kept_by);
  const slipBy = strOrNull(r.slip_by);
  return {
    promise: {
      id: str(r.id),
      text: str(r.text),
      messageId: str(r.message_id),
      threadId: str(r.thread_id),
      counterpart: strOrNull(r.counterpart),
      madeAt: str(r.made_at),
      madeTo: JSON.parse(str(r.made_to_json)) as string[],
    },
    text: str(r.text),
    dueText: strOrNull(r.due_text),
    detectedDueAt: str(r.detected_due_at),
    dueIsDefault: Number(r.detected_due_is_default) === 1,
    outcome: {
      kept: keptBy === null ? null : { by: keptBy, at: str(r.kept_at), strength: r.kept_strength === 'possibly-kept' ? 'possibly-kept' : 'kept', quote: strOrNull(r.kept_quote) },
      slip: slipBy === null ? null : { by: slipBy, at: str(r.slip_at), quote: strOrNull(r.slip_quote), dueText: strOrNull(r.slip_due_text) },
    },
    foldedThrough: strOrNull(r.folded_through),
    settledValues: SETTLED_COLUMNS.map((_, i) => (r[SETTLED_FROM + i] ?? null) as InValue),
  };
}

async function loadPromiseStates(db: Executor, userId: string, ids: readonly string[]): Promise<Map<string, PromiseState>> {
  const rows = await selectIn(db, `SELECT ${PROMISE_COLUMNS} FROM ${P.$} WHERE ${P.userId} = ? AND ${P.id} IN`, [userId], ids);
  return new Map(rows.map((r) => [str(r.id), toState(r)]));
}

function messageEvidence(r: Record<string, unknown>): FulfilmentEvidence {
  return {
    kind: 'message',
    id: str(r.message_id),
    threadId: str(r.thread_id),
    at: str(r.at),
    subject: str(r.subject),
    to: JSON.parse(str(r.to_json)) as string[],
    counterparts: JSON.parse(str(r.counterparts_json)) as string[],
    deliveries: JSON.parse(str(r.deliveries_json)) as Extract<FulfilmentEvidence, { kind: 'message' }>['deliveries'][number][],
    attachments: JSON.parse(str(r.attachments_json)) as string[],
  };
}

function touchpointEvidence(r: Record<string, unknown>): FulfilmentEvidence {
  return {
    kind: 'touchpoint',
    id: str(r.id),
    at: str(r.at),
    counterpart: str(r.counterpart),
    touchpointKind: str(r.kind) as TouchpointKind,
    ...(r.summary !== null && r.summary !== undefined ? { summary: str(r.summary) } : {}),
  };
}

const EVIDENCE_COLUMNS = (alias: string) =>
  [E.messageId, E.threadId, E.at, E.subject, E.toJson, E.counterpartsJson, E.attachmentsJson, E.deliveriesJson].map((c) => `${alias}.${c}`).join(', ');

/** Every piece of evidence that can bear on any of these promises (isFulfilmentCandidate filters per promise). */
async function loadCandidates(ctx: AnalysisContext, states: readonly PromiseState[]): Promise<FulfilmentEvidence[]> {
  if (states.length === 0) return [];
  const threadIds = [...new Set(states.map((s) => s.promise.threadId))];
  const addresses = [...new Set(states.flatMap((s) => s.promise.madeTo))];
  const counterparts = [...new Set(states.map((s) => s.promise.counterpart).filter((c): c is string => c !== null))];
  const from = iso(Math.min(...states.map((s) => Date.parse(s.promise.madeAt))));
  const until = iso(Math.max(...states.map((s) => Date.parse(s.promise.madeAt))) + WINDOW_MS);
  const [inThreads, toPeople, toClients, logged] = await Promise.all([
    selectIn(ctx.tx, `SELECT ${EVIDENCE_COLUMNS('e')} FROM ${E.$} e WHERE e.${E.userId} = ? AND e.${E.at} > ? AND e.${E.threadId} IN`, [ctx.userId, from], threadIds),
    selectIn(
      ctx.tx,
      `SELECT DISTINCT ${EVIDENCE_COLUMNS('e')} FROM ${ER.$} r JOIN ${E.$} e ON e.${E.userId} = r.${ER.userId} AND e.${E.messageId} = r.${ER.messageId}
       WHERE r.${ER.userId} = ? AND r.${ER.at} > ? AND r.${ER.at} <= ? AND r.${ER.address} IN`,
      [ctx.userId, from, until],
      addresses,
    ),
    selectIn(
      ctx.tx,
      `SELECT DISTINCT ${EVIDENCE_COLUMNS('e')} FROM ${ER.$} r JOIN ${E.$} e ON e.${E.userId} = r.${ER.userId} AND e.${E.messageId} = r.${ER.messageId}
       WHERE r.${ER.userId} = ? AND r.${ER.at} > ? AND r.${ER.at} <= ? AND r.${ER.counterpart} IN`,
      [ctx.userId, from, until],
      counterparts,
    ),
    selectIn(
      ctx.tx,
      `SELECT ${TP.id}, ${TP.at}, ${TP.counterpart}, ${TP.kind}, ${TP.summary} FROM ${TP.$} WHERE ${TP.userId} = ? AND ${TP.at} > ? AND ${TP.at} <= ? AND ${TP.counterpart} IN`,
      [ctx.userId, from, until],
      counterparts,
    ),
  ]);
  const byId = new Map<string, FulfilmentEvidence>();
  for (const r of [...inThreads, ...toPeople, ...toClients]) byId.set(str(r.message_id), messageEvidence(r));
  for (const r of logged) byId.set(str(r.id), touchpointEvidence(r));
  return [...byId.values()].sort(compareEvidence);
}

/** The promises a new piece of evidence can bear on, by the same rule as isFulfilmentCandidate, from the indexes. */
async function promisesReachedBy(ctx: AnalysisContext, pieces: readonly FulfilmentEvidence[]): Promise<Set<string>> {
  const ids = new Set<string>();
  const messagesOnly = pieces.filter((e): e is Extract<FulfilmentEvidence, { kind: 'message' }> => e.kind === 'message');
  const logged = pieces.filter((e): e is Extract<FulfilmentEvidence, { kind: 'touchpoint' }> => e.kind === 'touchpoint');
  if (messagesOnly.length > 0) {
    const first = Math.min(...messagesOnly.map((e) => Date.parse(e.at)));
    const latest = iso(Math.max(...messagesOnly.map((e) => Date.parse(e.at))));
    const earliest = iso(first - WINDOW_MS);
    // Not those kept for sure before all of this mail (the earliest delivery wins: updateFulfilment would
    // skip them after loading). Mail comes in time order, so a key client's promises in the window are
    // mostly such: a slice of a real-size import loaded about 600 promises to change a few.
    const notKeptBefore = `NOT (${P.keptStrength} IS 'kept' AND ${P.keptAt} < ?)`;
    const [inThreads, toPeople, atClients] = await Promise.all([
      selectIn(ctx.tx, `SELECT ${P.id} FROM ${P.$} WHERE ${P.userId} = ? AND ${P.madeAt} < ? AND ${notKeptBefore} AND ${P.threadId} IN`, [ctx.userId, latest, iso(first)], [
        ...new Set(messagesOnly.map((e) => e.threadId)),
      ]),
      selectIn(
        ctx.tx,
        `SELECT r.${PR.promiseId} AS id FROM ${PR.$} r JOIN ${P.$} p ON p.${P.userId} = r.${PR.userId} AND p.${P.id} = r.${PR.promiseId}
         WHERE r.${PR.userId} = ? AND r.${PR.madeAt} >= ? AND r.${PR.madeAt} < ? AND NOT (p.${P.keptStrength} IS 'kept' AND p.${P.keptAt} < ?) AND r.${PR.address} IN`,
        [ctx.userId, earliest, latest, iso(first)],
        [...new Set(messagesOnly.flatMap((e) => e.to))],
      ),
      selectIn(
        ctx.tx,
        `SELECT ${P.id} FROM ${P.$} WHERE ${P.userId} = ? AND ${P.madeAt} >= ? AND ${P.madeAt} < ? AND ${notKeptBefore} AND ${P.counterpart} IN`,
        [ctx.userId, earliest, latest, iso(first)],
        [...new Set(messagesOnly.flatMap((e) => e.counterparts ?? []))],
      ),
    ]);
    for (const r of [...inThreads, ...toPeople, ...atClients]) ids.add(str(r.id));
  }
  for (const t of logged) {
    // Not those already kept for sure before it (the earliest delivery wins: updateFulfilment would skip
    // them after loading); a key client has a few hundred promises in the window, most of them kept.
    const rows = await ctx.tx.execute({
      sql: `SELECT ${P.id} FROM ${P.$} WHERE ${P.userId} = ? AND ${P.counterpart} = ? AND ${P.madeAt} >= ? AND ${P.madeAt} < ?
              AND NOT (${P.keptStrength} IS 'kept' AND ${P.keptAt} < ?)`,
      args: [ctx.userId, t.counterpart, iso(Date.parse(t.at) - WINDOW_MS), t.at, t.at],
    });
    for (const r of rows.rows) ids.add(str(r.id));
  }
  return ids;
}

/**
 * Evidence filed by what can make it a candidate (thread, recipient, client), so each promise looks at
 * its own few pieces: the candidates of a promise, in time order (isFulfilmentCandidate decides).
 */
function candidateIndex(pieces: readonly FulfilmentEvidence[]): (promise: PromiseForFulfilment) => FulfilmentEvidence[] {
  const byThread = new Map<string, FulfilmentEvidence[]>();
  const byRecipient = new Map<string, FulfilmentEvidence[]>();
  const byCounterpart = new Map<string, FulfilmentEvidence[]>();
  const file = (map: Map<string, FulfilmentEvidence[]>, key: string, e: FulfilmentEvidence) => {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  };
  for (const e of pieces) {
    if (e.kind === 'message') {
      file(byThread, e.threadId, e);
      for (const address of e.to) file(byRecipient, address, e);
      for (const key of e.counterparts ?? []) file(byCounterpart, key, e);
    } else file(byCounterpart, e.counterpart, e);
  }
  return (promise) => {
    const near = new Set<FulfilmentEvidence>(byThread.get(promise.threadId) ?? []);
    for (const address of promise.madeTo) for (const e of byRecipient.get(address) ?? []) near.add(e);
    if (promise.counterpart !== null) for (const e of byCounterpart.get(promise.counterpart) ?? []) near.add(e);
    return [...near].filter((e) => isFulfilmentCandidate(promise, e)).sort(compareEvidence);
  };
}

/**
 * The engine's fold (foldFulfilmentOnto) of a promise's candidates, in evidence order and all later than
 * `through`, on top of `outcome`; with the position of the last piece it judged up to the one that kept the
 * promise for sure (see PromiseState.foldedThrough). From NO_FULFILMENT and null it is resolveFulfilment of
 * those candidates.
 */
function foldOnto(
  promise: PromiseForFulfilment,
  outcome: FulfilmentOutcome,
  through: string | null,
  candidates: readonly FulfilmentEvidence[],
): { outcome: FulfilmentOutcome; through: string | null } {
  let last = through;
  const folded = foldFulfilmentOnto(promise, outcome, candidates, (e) => {
    last = positionOf(e);
  });
  return { outcome: folded, through: last };
}

/** An evidence position that sorts like compareEvidence: ISO time, then id (worked out once per piece). */
const positions = new WeakMap<FulfilmentEvidence, string>();
function positionOf(e: FulfilmentEvidence): string {
  let position = positions.get(e);
  if (position === undefined) {
    position = `${new Date(Date.parse(e.at)).toISOString()}\u0001${e.id}`;
    positions.set(e, position);
  }
  return position;
}

/**
 * Brings promises up to date with evidence. `fresh` promises (just found) and `refold` ones are folded
 * over all their candidates; for the others, `newEvidence` is folded on top of the stored outcome when
 * it comes after everything folded so far (mail arrives in time order: the usual case, O(1) per
 * promise), and from the start when any of it is older. Then every touched promise is settled with the
 * user's verdict and written back.
 */
export async function updateFulfilment(
  ctx: AnalysisContext,
  input: { fresh?: Iterable<string>; refold?: Iterable<string>; newEvidence?: readonly FulfilmentEvidence[] },
): Promise<number> {
  const full = new Set<string>([...(input.fresh ?? []), ...(input.refold ?? [])]);
  const pieces = [...(input.newEvidence ?? [])].sort(compareEvidence);
  const reached = pieces.length > 0 ? await promisesReachedBy(ctx, pieces) : new Set<string>();
  const states = await loadPromiseStates(ctx.tx, ctx.userId, [...new Set([...full, ...reached])]);
  const toFold: PromiseState[] = [];
  const touched: PromiseState[] = [];
  const nearBatch = candidateIndex(pieces);
  for (const [id, state] of states) {
    if (full.has(id)) {
      toFold.push(state);
      continue;
    }
    const mine = nearBatch(state.promise);
    if (mine.length === 0) continue;
    const kept = state.outcome.kept;
    // Kept for sure, and all of this is later: nothing can change (the earliest delivery wins).
    if (kept?.strength === 'kept' && mine.every((e) => positionOf(e) > `${kept.at}\u0001${kept.by}`)) continue;
    if (state.foldedThrough !== null && mine.some((e) => positionOf(e) <= state.foldedThrough!)) {
      toFold.push(state);
      continue;
    }
    const before = state.foldedThrough;
    ({ outcome: state.outcome, through: state.foldedThrough } = foldOnto(state.promise, state.outcome, before, mine));
    // Evidence that says nothing about this promise (a logged call about something else, mail on another
    // topic) leaves its row as it was, position included (see foldedThrough). A key client's touchpoint
    // reaches every promise of the last 90 days, and rewriting them all made it cost 3-4 times a small
    // client's. A judged piece always moves the position, so an unmoved one means nothing was judged.
    const judged = state.foldedThrough !== before;
    if (judged) touched.push(state);
    // A key client's hundreds of promises in the window, judged by code not yet compiled (the first
    // message or call after a start), held the loop for 40-75 ms in one go.
    await ctx.breathe();
  }
  if (toFold.length > 0) {
    const nearLoaded = candidateIndex(await loadCandidates(ctx, toFold));
    for (const state of toFold) {
      ({ outcome: state.outcome, through: state.foldedThrough } = foldOnto(state.promise, NO_FULFILMENT, null, nearLoaded(state.promise)));
      touched.push(state);
      await ctx.breathe();
    }
  }
  await settleAndWrite(ctx, touched);
  return touched.length;
}

/** Settles promises (fold + verdict + settings) and writes the result. */
async function settleAndWrite(ctx: AnalysisContext, states: readonly PromiseState[]): Promise<void> {
  if (states.length === 0) return;
  const verdicts = await loadVerdicts(ctx.tx, ctx.userId, states.map((s) => s.promise.id));
  const updates = changedColumns(SETTLED_COLUMNS);
  for (const s of states) {
    await ctx.breathe();
    const slip = s.outcome.slip;
    const settled = settlePromise({
      id: s.promise.id,
      messageId: s.promise.messageId,
      threadId: s.promise.threadId,
      counterpart: s.promise.counterpart,
      text: s.text,
      madeAt: s.promise.madeAt,
      ...(s.dueText !== null ? { dueText: s.dueText } : {}),
      dueAt: s.detectedDueAt,
      dueIsDefault: s.dueIsDefault,
      fulfilment: s.outcome,
      slipDueAt: slip?.dueText ? resolvePromiseDue({ dueText: slip.dueText }, slip.at, ctx.settings).dueAt : null,
      verdict: verdicts.get(s.promise.id) ?? null,
    });
    const kept = s.outcome.kept;
    updates.add([ctx.userId, s.promise.id], s.settledValues, [
      kept?.by ?? null,
      kept?.at ?? null,
      kept?.strength ?? null,
      kept?.quote ?? null,
      slip?.by ?? null,
      slip?.at ?? null,
      slip?.quote ?? null,
      slip?.dueText ?? null,
      s.foldedThrough,
      settled.state,
      settled.dueAt,
      settled.dueIsDefault ? 1 : 0,
      settled.originalDueAt,
      settled.snoozedUntil,
      settled.overdueAfter,
    ]);
  }
  await runAll(ctx.tx, updates.statements(P.$, [P.userId, P.id]));
}

export async function loadVerdicts(db: Executor, userId: string, ids: readonly string[]): Promise<Map<string, PromiseVerdict>> {
  const rows = await selectIn(db, `SELECT ${V.promiseId}, ${V.status}, ${V.dueAt}, ${V.snoozedUntil} FROM ${V.$} WHERE ${V.userId} = ? AND ${V.promiseId} IN`, [userId], ids);
  const out = new Map<string, PromiseVerdict>();
  for (const r of rows) {
    out.set(str(r.promise_id), {
      ...(r.status ? { status: str(r.status) as NonNullable<PromiseVerdict['status']> } : {}),
      ...(r.due_at ? { dueAt: str(r.due_at) } : {}),
      ...(r.snoozed_until !== null ? { snoozedUntil: str(r.snoozed_until) } : {}),
    });
  }
  return out;
}

/** Re-settles promises whose verdict changed (no fold needed: the evidence is the same). */
export async function resettle(ctx: AnalysisContext, ids: readonly string[]): Promise<void> {
  const states = await loadPromiseStates(ctx.tx, ctx.userId, ids);
  await settleAndWrite(ctx, [...states.values()]);
}

/** Promises whose fold used a piece of evidence that is gone (a deleted message or touchpoint). */
export async function promisesUsing(db: Executor, userId: string, evidenceIds: readonly string[]): Promise<string[]> {
  const [kept, slipped] = await Promise.all([
    selectIn(db, `SELECT ${P.id} FROM ${P.$} WHERE ${P.userId} = ? AND ${P.keptBy} IN`, [userId], evidenceIds),
    selectIn(db, `SELECT ${P.id} FROM ${P.$} WHERE ${P.userId} = ? AND ${P.slipBy} IN`, [userId], evidenceIds),
  ]);
  return [...new Set([...kept, ...slipped].map((r) => str(r.id)))];
}

export { touchpointEvidence };
