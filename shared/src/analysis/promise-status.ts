import type { PromiseCandidate } from '../model/facts';
import type { PromiseRecord, PromiseVerdict } from '../model/promise';
import type { Touchpoint } from '../model/touchpoint';
import { promiseId } from './promise-id';

export interface LaterOutbound {
  messageId: string;
  at: string;
  threadId: string;
  /** External recipients (addresses) of that message. */
  to: string[];
}

export interface PromiseStatusInput {
  candidate: PromiseCandidate;
  messageId: string;
  threadId: string;
  counterpart: string | null;
  madeAt: string;
  /** Our outbound messages that might keep it (any order; earlier ones and ones after `now` are ignored). */
  laterOutbound: readonly LaterOutbound[];
  touchpoints: readonly Touchpoint[];
  verdict?: PromiseVerdict;
  now: string;
  /** External recipients of the promising message: a later mail to any of them elsewhere keeps it too. */
  madeTo?: readonly string[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * A promise's status at `now` (PRODUCT.md): kept when a later outbound message in that thread, or to the
 * same people in another thread, or a logged touchpoint with that counterpart, happened by the due date;
 * kept-late after it; otherwise open until the due date and overdue after it. Evidence after `now` is
 * ignored so the answer for a given `now` never changes as later mail arrives.
 * User verdicts win: done and dismissed are final, a new dueAt replaces the detected one, snoozedUntil
 * keeps it from being overdue until then, and "open" (the user undoing a verdict) restores detection.
 */
export function resolvePromiseStatus(input: PromiseStatusInput): PromiseRecord {
  const { candidate, verdict } = input;
  const madeAt = Date.parse(input.madeAt);
  const now = Date.parse(input.now);
  if (Number.isNaN(madeAt)) throw new RangeError(`promise in ${input.messageId}: madeAt "${input.madeAt}" is not a date`);
  if (Number.isNaN(now)) throw new RangeError(`resolvePromiseStatus: now "${input.now}" is not a date`);
  const detectedDue = Date.parse(candidate.dueAt);
  const due = verdict?.dueAt ? Date.parse(verdict.dueAt) : detectedDue;
  const snoozedUntil = verdict?.snoozedUntil ? iso(Date.parse(verdict.snoozedUntil)) : null;

  const record: PromiseRecord = {
    id: promiseId(input.messageId, candidate.text),
    messageId: input.messageId,
    threadId: input.threadId,
    counterpart: input.counterpart,
    text: candidate.text,
    madeAt: iso(madeAt),
    dueAt: iso(due),
    dueIsDefault: verdict?.dueAt ? false : candidate.dueIsDefault,
    status: 'open',
    keptBy: null,
    keptAt: null,
    originalDueAt: verdict?.dueAt && due !== detectedDue ? iso(detectedDue) : null,
    snoozedUntil,
  };
  if (candidate.dueText !== undefined) record.dueText = candidate.dueText;
  if (verdict?.status === 'done' || verdict?.status === 'dismissed') {
    record.status = verdict.status;
    return record;
  }

  // The earliest piece of evidence wins; ties go to the message (it is what the client saw).
  let keptBy: string | null = null;
  let keptAt = Infinity;
  const madeTo = new Set(input.madeTo ?? []);
  for (const m of input.laterOutbound) {
    const at = Date.parse(m.at);
    if (!(at > madeAt) || at > now || at >= keptAt || m.messageId === input.messageId) continue;
    const sameThread = m.threadId === input.threadId;
    const samePeople = m.to.some((address) => madeTo.has(address));
    if (sameThread || samePeople) {
      keptBy = m.messageId;
      keptAt = at;
    }
  }
  if (input.counterpart !== null) {
    for (const t of input.touchpoints) {
      const at = Date.parse(t.at);
      if (t.counterpart !== input.counterpart || !(at > madeAt) || at > now || at >= keptAt) continue;
      keptBy = t.id;
      keptAt = at;
    }
  }
  if (keptBy !== null) {
    record.status = keptAt <= due ? 'kept' : 'kept-late';
    record.keptBy = keptBy;
    record.keptAt = iso(keptAt);
    return record;
  }
  const snoozed = snoozedUntil !== null && Date.parse(snoozedUntil) > now;
  record.status = now > due && !snoozed ? 'overdue' : 'open';
  return record;
}
