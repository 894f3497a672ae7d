import { describe, expect, it } from 'vitest';
import type { PromiseVerdict } from '../model/promise';
import { NO_FULFILMENT, type FulfilmentOutcome } from './fulfilment';
import { promiseRecordAt, promiseStatusAt, settlePromise, tallyPromises, type SettleInput } from './promise-status';

// "I'll send you the revised timeline by Friday." sent Mon 2 Nov 2026 10:00 Berlin, due Fri 6 Nov 17:00 Berlin.
const base: SettleInput = {
  id: 'p1',
  messageId: '<a1@northwind.io>',
  threadId: 'rollout',
  counterpart: 'acme.com',
  text: "I'll send you the revised timeline by Friday.",
  madeAt: '2026-11-02T09:00:00.000Z',
  dueText: 'by Friday',
  dueAt: '2026-11-06T16:00:00.000Z',
  dueIsDefault: false,
  fulfilment: NO_FULFILMENT,
};

const keptAt = (at: string, strength: 'kept' | 'possibly-kept' = 'kept'): FulfilmentOutcome => ({
  kept: { by: '<a2@northwind.io>', at, strength, quote: 'Attached is the revised timeline.' },
  slip: null,
});

const statusAt = (input: SettleInput, now: string) => promiseStatusAt(settlePromise(input), now);

describe('settling a promise', () => {
  it('is open before the due date and overdue after it', () => {
    expect(statusAt(base, '2026-11-04T12:00:00.000Z')).toBe('open');
    expect(statusAt(base, '2026-11-06T16:00:00.000Z')).toBe('open');
    expect(statusAt(base, '2026-11-06T16:00:00.001Z')).toBe('overdue');
  });

  it('is kept when its evidence came by the due date, kept late after it, with the evidence shown', () => {
    const kept = settlePromise({ ...base, fulfilment: keptAt('2026-11-05T10:00:00.000Z') });
    expect(kept).toMatchObject({ state: 'kept', keptBy: '<a2@northwind.io>', evidence: 'Attached is the revised timeline.' });
    expect(promiseRecordAt(kept, '2026-11-09T08:00:00.000Z')).toMatchObject({ status: 'kept', keptAt: '2026-11-05T10:00:00.000Z', evidence: 'Attached is the revised timeline.' });
    expect(settlePromise({ ...base, fulfilment: keptAt('2026-11-09T07:00:00.000Z') }).state).toBe('kept-late');
  });

  it('says possibly kept when the evidence is weak', () => {
    expect(statusAt({ ...base, fulfilment: keptAt('2026-11-05T10:00:00.000Z', 'possibly-kept') }, '2026-11-09T08:00:00.000Z')).toBe('possibly-kept');
  });

  it('does not count evidence from after `now`: a past now gives a past answer', () => {
    const later = { ...base, fulfilment: keptAt('2026-11-05T10:00:00.000Z') };
    expect(statusAt(later, '2026-11-04T12:00:00.000Z')).toBe('open');
    expect(promiseRecordAt(settlePromise(later), '2026-11-04T12:00:00.000Z')).toMatchObject({ keptBy: null, keptAt: null });
  });

  it('moves the due date with a slip that names a new one, and remembers the original', () => {
    const slip: FulfilmentOutcome = { kept: null, slip: { by: '<a3@northwind.io>', at: '2026-11-06T09:00:00.000Z', quote: 'You will have it Monday.', dueText: 'Monday' } };
    const moved = settlePromise({ ...base, fulfilment: slip, slipDueAt: '2026-11-09T16:00:00.000Z' });
    expect(moved).toMatchObject({ dueAt: '2026-11-09T16:00:00.000Z', originalDueAt: '2026-11-06T16:00:00.000Z', dueIsDefault: false });
    expect(promiseStatusAt(moved, '2026-11-08T12:00:00.000Z')).toBe('open');
    expect(promiseStatusAt(moved, '2026-11-10T12:00:00.000Z')).toBe('overdue');
  });

  it('applies the user verdicts, which always win', () => {
    const overdueNow = '2026-11-09T08:00:00.000Z';
    const withVerdict = (verdict: PromiseVerdict) => settlePromise({ ...base, fulfilment: keptAt('2026-11-05T10:00:00.000Z'), verdict });
    expect(promiseStatusAt(withVerdict({ status: 'done' }), overdueNow)).toBe('done');
    expect(promiseStatusAt(withVerdict({ status: 'dismissed' }), overdueNow)).toBe('dismissed');
    expect(promiseStatusAt(settlePromise({ ...base, verdict: { status: 'open' } }), overdueNow)).toBe('overdue');
    // A new due date: not overdue yet, and the change is remembered for the progress report.
    expect(settlePromise({ ...base, verdict: { dueAt: '2026-11-13T17:00:00+01:00' } })).toMatchObject({
      dueAt: '2026-11-13T16:00:00.000Z',
      originalDueAt: '2026-11-06T16:00:00.000Z',
      dueIsDefault: false,
    });
    // Snoozed until Wednesday: open until then, overdue after.
    const snoozed = settlePromise({ ...base, verdict: { snoozedUntil: '2026-11-11T08:00:00Z' } });
    expect(snoozed).toMatchObject({ snoozedUntil: '2026-11-11T08:00:00.000Z', overdueAfter: '2026-11-11T08:00:00.000Z' });
    expect(promiseStatusAt(snoozed, overdueNow)).toBe('open');
    expect(promiseStatusAt(snoozed, '2026-11-12T08:00:00.000Z')).toBe('overdue');
  });

  it('counts promises by status, with the oldest overdue due date', () => {
    const tally = tallyPromises([
      { status: 'open', dueAt: '2026-11-30T16:00:00.000Z' },
      { status: 'overdue', dueAt: '2026-11-06T16:00:00.000Z' },
      { status: 'overdue', dueAt: '2026-10-06T16:00:00.000Z' },
      { status: 'kept', dueAt: '2026-10-06T16:00:00.000Z' },
      { status: 'possibly-kept', dueAt: '2026-10-06T16:00:00.000Z' },
    ]);
    expect(tally).toMatchObject({ open: 1, overdue: 2, kept: 1, possiblyKept: 1, keptLate: 0, oldestOverdueDueAt: '2026-10-06T16:00:00.000Z' });
  });
});
