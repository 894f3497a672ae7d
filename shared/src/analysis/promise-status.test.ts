import { describe, expect, it } from 'vitest';
import type { Touchpoint } from '../model/touchpoint';
import { resolvePromiseStatus, type PromiseStatusInput } from './promise-status';

// "I'll send you the revised timeline by Friday." sent Mon 2 Nov 2026 10:00 Berlin, due Fri 6 Nov 17:00 Berlin.
const base: PromiseStatusInput = {
  candidate: { text: "I'll send you the revised timeline by Friday.", dueAt: '2026-11-06T16:00:00.000Z', dueIsDefault: false, dueText: 'by Friday' },
  messageId: '<a1@northwind.io>',
  threadId: 'rollout',
  counterpart: 'acme.com',
  madeAt: '2026-11-02T09:00:00.000Z',
  madeTo: ['tom@acme.com'],
  laterOutbound: [],
  touchpoints: [],
  now: '2026-11-04T12:00:00.000Z',
};

const call: Touchpoint = { id: '6f1c2b9e-4d1a-4c3e-9a57-0c8d2e6b1a11', counterpart: 'acme.com', kind: 'call', at: '2026-11-05T14:00:00.000Z', summary: 'Walked Tom through the timeline' };

describe('resolvePromiseStatus', () => {
  it('is open before the due date and overdue after it', () => {
    expect(resolvePromiseStatus(base)).toMatchObject({ status: 'open', keptBy: null, dueAt: '2026-11-06T16:00:00.000Z', dueText: 'by Friday' });
    expect(resolvePromiseStatus({ ...base, now: '2026-11-09T08:00:00.000Z' }).status).toBe('overdue');
  });

  it('is kept by a later mail in the thread before the due date, kept late after it', () => {
    const reply = { messageId: '<a2@northwind.io>', at: '2026-11-05T10:00:00.000Z', threadId: 'rollout', to: ['tom@acme.com'] };
    expect(resolvePromiseStatus({ ...base, laterOutbound: [reply], now: '2026-11-09T08:00:00.000Z' })).toMatchObject({
      status: 'kept',
      keptBy: '<a2@northwind.io>',
      keptAt: '2026-11-05T10:00:00.000Z',
    });
    const late = { ...reply, at: '2026-11-09T07:00:00.000Z' };
    expect(resolvePromiseStatus({ ...base, laterOutbound: [late], now: '2026-11-09T08:00:00.000Z' }).status).toBe('kept-late');
  });

  it('is kept by a mail to the same people in another thread, not by mail to others', () => {
    const elsewhere = { messageId: '<b1@northwind.io>', at: '2026-11-05T10:00:00.000Z', threadId: 'timeline', to: ['tom@acme.com', 'lisa@acme.com'] };
    const others = { messageId: '<c1@northwind.io>', at: '2026-11-05T09:00:00.000Z', threadId: 'invoices', to: ['ap@acme.com'] };
    const now = '2026-11-09T08:00:00.000Z';
    expect(resolvePromiseStatus({ ...base, now, laterOutbound: [others, elsewhere] })).toMatchObject({ status: 'kept', keptBy: '<b1@northwind.io>' });
    expect(resolvePromiseStatus({ ...base, now, laterOutbound: [others] }).status).toBe('overdue');
  });

  it('is kept by a logged call with that client', () => {
    expect(resolvePromiseStatus({ ...base, touchpoints: [call], now: '2026-11-09T08:00:00.000Z' })).toMatchObject({ status: 'kept', keptBy: call.id });
    expect(resolvePromiseStatus({ ...base, touchpoints: [{ ...call, counterpart: 'globex.com' }], now: '2026-11-09T08:00:00.000Z' }).status).toBe('overdue');
  });

  it('ignores evidence from after `now` and from before the promise', () => {
    const reply = { messageId: '<a2@northwind.io>', at: '2026-11-05T10:00:00.000Z', threadId: 'rollout', to: ['tom@acme.com'] };
    const before = { ...reply, messageId: '<a0@northwind.io>', at: '2026-11-01T10:00:00.000Z' };
    expect(resolvePromiseStatus({ ...base, laterOutbound: [reply, before], now: '2026-11-04T12:00:00.000Z' }).status).toBe('open');
  });

  it('applies the user verdicts', () => {
    const overdueNow = { ...base, now: '2026-11-09T08:00:00.000Z' };
    expect(resolvePromiseStatus({ ...overdueNow, verdict: { status: 'done' } }).status).toBe('done');
    expect(resolvePromiseStatus({ ...overdueNow, verdict: { status: 'dismissed' } }).status).toBe('dismissed');
    expect(resolvePromiseStatus({ ...overdueNow, verdict: { status: 'open' } }).status).toBe('overdue');
    // A new due date: not overdue yet, and the change is remembered for the progress report.
    expect(resolvePromiseStatus({ ...overdueNow, verdict: { dueAt: '2026-11-13T17:00:00+01:00' } })).toMatchObject({
      status: 'open',
      dueAt: '2026-11-13T16:00:00.000Z',
      originalDueAt: '2026-11-06T16:00:00.000Z',
      dueIsDefault: false,
    });
    // Snoozed until Wednesday: open until then, overdue after.
    const snooze = { snoozedUntil: '2026-11-11T08:00:00Z' };
    expect(resolvePromiseStatus({ ...overdueNow, verdict: snooze })).toMatchObject({ status: 'open', snoozedUntil: '2026-11-11T08:00:00.000Z' });
    expect(resolvePromiseStatus({ ...overdueNow, now: '2026-11-12T08:00:00.000Z', verdict: snooze }).status).toBe('overdue');
  });

  it('gives the same id for the same message and sentence, whatever the wrapping', () => {
    const a = resolvePromiseStatus(base);
    const b = resolvePromiseStatus({ ...base, candidate: { ...base.candidate, text: "I'll send you the revised\n timeline by Friday." } });
    expect(b.id).toBe(a.id);
    expect(resolvePromiseStatus({ ...base, messageId: 'other' }).id).not.toBe(a.id);
  });
});
