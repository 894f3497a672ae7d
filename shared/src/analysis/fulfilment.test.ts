import { describe, expect, it } from 'vitest';
import { isFulfilmentCandidate, resolveFulfilment, type FulfilmentEvidence, type PromiseForFulfilment } from './fulfilment';

const promise: PromiseForFulfilment = {
  id: 'p1',
  text: "I'll send you the revised SOW by Friday.",
  messageId: '<m1@us.example>',
  threadId: 'sow',
  counterpart: 'acme.com',
  madeAt: '2026-11-02T09:00:00.000Z',
  madeTo: ['tom@acme.com'],
};

const mail = (over: Partial<Extract<FulfilmentEvidence, { kind: 'message' }>>): FulfilmentEvidence => ({
  kind: 'message',
  id: '<m2@us.example>',
  threadId: 'sow',
  at: '2026-11-04T09:00:00.000Z',
  subject: 'Re: SOW',
  to: ['tom@acme.com'],
  deliveries: [],
  attachments: [],
  ...over,
});

describe('fulfilment candidates', () => {
  it('takes later mail in the thread at any age, and mail to the same people only within the window', () => {
    expect(isFulfilmentCandidate(promise, mail({}))).toBe(true);
    expect(isFulfilmentCandidate(promise, mail({ at: '2026-10-30T09:00:00.000Z' }))).toBe(false);
    expect(isFulfilmentCandidate(promise, mail({ threadId: 'other', at: '2026-11-20T09:00:00.000Z' }))).toBe(true);
    expect(isFulfilmentCandidate(promise, mail({ threadId: 'other', at: '2027-03-20T09:00:00.000Z' }))).toBe(false);
    expect(isFulfilmentCandidate(promise, mail({ threadId: 'other', to: ['ann@acme.com'] }))).toBe(false);
    expect(isFulfilmentCandidate(promise, mail({ id: promise.messageId }))).toBe(false);
  });

  it('folds evidence in time order whatever order it is given in', () => {
    const early = mail({ id: '<a@us.example>', at: '2026-11-03T09:00:00.000Z' });
    const late = mail({ id: '<b@us.example>', at: '2026-11-05T09:00:00.000Z' });
    expect(resolveFulfilment(promise, [late, early]).kept?.by).toBe('<a@us.example>');
    expect(resolveFulfilment(promise, [])).toEqual({ kept: null, slip: null });
  });
});
