import type { PromiseRecord, PromiseStatus, PromiseVerdict } from '../model/promise';
import type { FulfilmentOutcome } from './fulfilment';
import { utcIso } from './time/utc-iso';
import { isoMs } from './time/iso-ms';

/**
 * Where a promise stands apart from the clock: kept (on time or late), possibly kept, done or dismissed
 * by the user, or still pending, in which case `overdueAfter` is the one instant the clock is compared
 * with. A store keeps these fields per promise and counts open / overdue promises with an index.
 */
export type SettledState = 'pending' | 'kept' | 'kept-late' | 'possibly-kept' | 'done' | 'dismissed';

export interface SettledPromise {
  id: string;
  messageId: string;
  threadId: string;
  counterpart: string | null;
  text: string;
  madeAt: string;
  /** The phrase that set the detected due date, when one did. */
  dueText?: string;
  /** The due date in force: the user's, else a slip's new date, else the detected one (ISO, UTC). */
  dueAt: string;
  dueIsDefault: boolean;
  /** The detected (or slipped) date when the user set another one, or the detected date when a slip moved it. */
  originalDueAt: string | null;
  state: SettledState;
  keptBy: string | null;
  keptAt: string | null;
  /** The words that show it was kept (or may have been), for the evidence line. */
  evidence: string | null;
  /** The slip that moved the date, when one did. */
  slip: { by: string; at: string; quote: string | null } | null;
  snoozedUntil: string | null;
  /** A pending promise is overdue once the clock is past this (its due date, or a later snooze). */
  overdueAfter: string;
}

export interface SettleInput {
  id: string;
  messageId: string;
  threadId: string;
  counterpart: string | null;
  text: string;
  madeAt: string;
  dueText?: string;
  /** The detected due date for the user's settings (resolvePromiseDue). */
  dueAt: string;
  dueIsDefault: boolean;
  fulfilment: FulfilmentOutcome;
  /** The slip's new due date for the user's settings, when the slip named one. */
  slipDueAt?: string | null;
  verdict?: PromiseVerdict | null;
}

const iso = utcIso;

/**
 * Settles a promise from what was detected, what fulfilment found and what the user said (PRODUCT.md):
 * the user's verdict always wins (done and dismissed are final, not-kept overrules the evidence of a
 * delivery, a new due date replaces the detected one,
 * a snooze holds off "overdue" until then, "open" restores detection); a slip moves the due date to the
 * slip's new one; kept before the due date in force is kept, after it kept late.
 */
export function settlePromise(input: SettleInput): SettledPromise {
  const { verdict, fulfilment } = input;
  const detected = isoMs(input.dueAt);
  if (Number.isNaN(detected)) throw new RangeError(`promise ${input.id}: due date "${input.dueAt}" is not a date`);
  const slipped = fulfilment.slip && input.slipDueAt ? isoMs(input.slipDueAt) : null;
  const planned = slipped ?? detected;
  const due = verdict?.dueAt ? isoMs(verdict.dueAt) : planned;
  const snoozedUntil = verdict?.snoozedUntil ? iso(isoMs(verdict.snoozedUntil)) : null;
  const originalDueAt = verdict?.dueAt && due !== planned ? iso(planned) : slipped !== null && slipped !== detected ? iso(detected) : null;
  const settled: SettledPromise = {
    id: input.id,
    messageId: input.messageId,
    threadId: input.threadId,
    counterpart: input.counterpart,
    text: input.text,
    madeAt: iso(isoMs(input.madeAt)),
    dueAt: iso(due),
    dueIsDefault: verdict?.dueAt || slipped !== null ? false : input.dueIsDefault,
    originalDueAt,
    state: 'pending',
    keptBy: null,
    keptAt: null,
    evidence: null,
    slip: fulfilment.slip ? { by: fulfilment.slip.by, at: fulfilment.slip.at, quote: fulfilment.slip.quote } : null,
    snoozedUntil,
    overdueAfter: iso(snoozedUntil === null ? due : Math.max(due, isoMs(snoozedUntil))),
  };
  if (input.dueText !== undefined) settled.dueText = input.dueText;
  if (verdict?.status === 'done' || verdict?.status === 'dismissed') {
    settled.state = verdict.status;
    return settled;
  }
  // "Not kept": what looked like a delivery was not one; the promise is owed until it is delivered.
  if (fulfilment.kept && verdict?.status !== 'not-kept') {
    const keptAt = isoMs(fulfilment.kept.at);
    settled.state = fulfilment.kept.strength === 'possibly-kept' ? 'possibly-kept' : keptAt <= due ? 'kept' : 'kept-late';
    settled.keptBy = fulfilment.kept.by;
    settled.keptAt = iso(keptAt);
    settled.evidence = fulfilment.kept.quote;
  }
  return settled;
}

/**
 * The status at `now`. Evidence after `now` does not count yet (a past `now` gives a past answer), so a
 * promise kept later is still open or overdue at `now`.
 */
export function promiseStatusAt(settled: Pick<SettledPromise, 'state' | 'keptAt' | 'overdueAfter'>, now: string): PromiseStatus {
  const nowMs = isoMs(now);
  if (Number.isNaN(nowMs)) throw new RangeError(`promiseStatusAt: now "${now}" is not a date`);
  const keptLater = settled.keptAt !== null && isoMs(settled.keptAt) > nowMs;
  if (settled.state !== 'pending' && !keptLater) return settled.state;
  return nowMs > isoMs(settled.overdueAfter) ? 'overdue' : 'open';
}

/** The record every view shows: the settled promise with its status at `now`. */
export function promiseRecordAt(settled: SettledPromise, now: string): PromiseRecord {
  const status = promiseStatusAt(settled, now);
  const kept = status === 'kept' || status === 'kept-late' || status === 'possibly-kept';
  const record: PromiseRecord = {
    id: settled.id,
    messageId: settled.messageId,
    threadId: settled.threadId,
    counterpart: settled.counterpart,
    text: settled.text,
    madeAt: settled.madeAt,
    dueAt: settled.dueAt,
    dueIsDefault: settled.dueIsDefault,
    status,
    keptBy: kept ? settled.keptBy : null,
    keptAt: kept ? settled.keptAt : null,
    evidence: kept ? settled.evidence : null,
    slip: settled.slip,
    snoozedUntil: settled.snoozedUntil,
    originalDueAt: settled.originalDueAt,
  };
  if (settled.dueText !== undefined) record.dueText = settled.dueText;
  return record;
}

/** Promise counts by status at `now`, and the oldest overdue due date: what health and lists are built on. */
export interface PromiseTally {
  open: number;
  overdue: number;
  kept: number;
  keptLate: number;
  possiblyKept: number;
  done: number;
  dismissed: number;
  oldestOverdueDueAt: string | null;
}

export const EMPTY_PROMISE_TALLY: PromiseTally = Object.freeze({
  open: 0,
  overdue: 0,
  kept: 0,
  keptLate: 0,
  possiblyKept: 0,
  done: 0,
  dismissed: 0,
  oldestOverdueDueAt: null,
});

export function tallyPromises(records: readonly Pick<PromiseRecord, 'status' | 'dueAt'>[]): PromiseTally {
  const tally = { ...EMPTY_PROMISE_TALLY };
  let oldest = Infinity;
  for (const p of records) {
    if (p.status === 'open') tally.open++;
    else if (p.status === 'overdue') {
      tally.overdue++;
      oldest = Math.min(oldest, isoMs(p.dueAt));
    } else if (p.status === 'kept') tally.kept++;
    else if (p.status === 'kept-late') tally.keptLate++;
    else if (p.status === 'possibly-kept') tally.possiblyKept++;
    else if (p.status === 'done') tally.done++;
    else tally.dismissed++;
  }
  tally.oldestOverdueDueAt = oldest === Infinity ? null : iso(oldest);
  return tally;
}
