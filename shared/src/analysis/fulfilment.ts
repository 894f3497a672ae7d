import type { DeliveryCandidate } from '../model/facts';
import type { TouchpointKind } from '../model/touchpoint';

/**
 * Whether a promise was kept (PRODUCT.md "Kept"): decided from what we did afterwards, one piece of
 * evidence at a time, so the server can apply new mail to stored promises without re-reading a client's
 * history, and the CLI and the extension get the same answer by folding the same evidence in time order.
 *
 * The contract every caller relies on:
 * - isFulfilmentCandidate(promise, evidence) says which evidence can matter at all, from metadata only
 *   (thread, recipients, time), so a store can find it with an index;
 * - judgeEvidence(promise, evidence) reads one candidate and says what it shows;
 * - resolveFulfilment(promise, evidence) === evidence sorted by (at, id), filtered by
 *   isFulfilmentCandidate, folded with applyJudgement from NO_FULFILMENT. Callers that see evidence in
 *   time order may fold one piece at a time; any out-of-order piece means folding again from the start.
 */

/** Something we did after the promise: a later message of ours, or a logged touchpoint. */
export type FulfilmentEvidence =
  | {
      kind: 'message';
      id: string;
      threadId: string;
      /** ISO 8601, UTC. */
      at: string;
      subject: string;
      /** External recipients (addresses, lower-case). */
      to: readonly string[];
      deliveries: readonly DeliveryCandidate[];
      attachments: readonly string[];
    }
  | {
      kind: 'touchpoint';
      id: string;
      at: string;
      counterpart: string;
      touchpointKind: TouchpointKind;
      summary?: string;
    };

/** What fulfilment needs to know about a promise (no settings: due dates are applied by the caller). */
export interface PromiseForFulfilment {
  id: string;
  text: string;
  messageId: string;
  threadId: string;
  counterpart: string | null;
  madeAt: string;
  /** External recipients of the promising message. */
  madeTo: readonly string[];
}

export interface FulfilmentJudgement {
  /** kept: it delivers what was promised; possibly-kept: it may, ask the user; slip: late, new time given. */
  verdict: 'kept' | 'possibly-kept' | 'slip';
  /** The words that show it ("Attached is the revised SOW"), for the evidence line beside the verdict. */
  quote: string | null;
  /** For a slip: the phrase that sets the new time, when one does. */
  dueText?: string;
}

export interface FulfilmentOutcome {
  /** The earliest evidence that keeps it (a strong one wins over an earlier "possibly"). */
  kept: { by: string; at: string; strength: 'kept' | 'possibly-kept'; quote: string | null } | null;
  /** The latest slip before it was kept: the promise is now due by the slip's new time. */
  slip: { by: string; at: string; quote: string | null; dueText: string | null } | null;
}

export const NO_FULFILMENT: FulfilmentOutcome = Object.freeze({ kept: null, slip: null });

/** Later mail to the same people keeps a promise only this long after it was made; the thread has no limit. */
export const FULFILMENT_WINDOW_DAYS = 90;
const WINDOW_MS = FULFILMENT_WINDOW_DAYS * 86_400_000;

/**
 * Evidence that can bear on the promise at all: after it was made, and either in the same thread, or
 * (within the window) mail to any of the people it was made to, or a touchpoint with its client.
 */
export function isFulfilmentCandidate(promise: PromiseForFulfilment, evidence: FulfilmentEvidence): boolean {
  const madeAt = Date.parse(promise.madeAt);
  const at = Date.parse(evidence.at);
  if (!(at > madeAt)) return false;
  if (evidence.kind === 'message') {
    if (evidence.id === promise.messageId) return false;
    if (evidence.threadId === promise.threadId) return true;
    return at - madeAt <= WINDOW_MS && evidence.to.some((address) => promise.madeTo.includes(address));
  }
  return promise.counterpart !== null && evidence.counterpart === promise.counterpart && at - madeAt <= WINDOW_MS;
}

/** What one candidate shows about the promise; null when it is unrelated. */
export function judgeEvidence(_promise: PromiseForFulfilment, evidence: FulfilmentEvidence): FulfilmentJudgement | null {
  // Any later contact in the thread or with the same people: the rule issue 11 replaces.
  return { verdict: 'kept', quote: evidence.kind === 'message' ? (evidence.deliveries[0]?.text ?? null) : (evidence.summary ?? null) };
}

/** One step of the fold: the outcome after `evidence` (already judged) on top of `outcome`. */
export function applyJudgement(outcome: FulfilmentOutcome, evidence: FulfilmentEvidence, judgement: FulfilmentJudgement | null): FulfilmentOutcome {
  if (judgement === null || outcome.kept?.strength === 'kept') return outcome;
  if (judgement.verdict === 'slip') {
    if (outcome.kept) return outcome;
    return { ...outcome, slip: { by: evidence.id, at: evidence.at, quote: judgement.quote, dueText: judgement.dueText ?? null } };
  }
  if (outcome.kept && judgement.verdict === 'possibly-kept') return outcome;
  return { ...outcome, kept: { by: evidence.id, at: evidence.at, strength: judgement.verdict, quote: judgement.quote } };
}

/** Time order for evidence: sent or logged time, then id. */
export function compareEvidence(a: FulfilmentEvidence, b: FulfilmentEvidence): number {
  return Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The whole fold: what all the evidence so far says about the promise. */
export function resolveFulfilment(promise: PromiseForFulfilment, evidence: readonly FulfilmentEvidence[]): FulfilmentOutcome {
  let outcome = NO_FULFILMENT;
  for (const e of [...evidence].sort(compareEvidence)) {
    if (!isFulfilmentCandidate(promise, e)) continue;
    outcome = applyJudgement(outcome, e, judgeEvidence(promise, e));
  }
  return outcome;
}
