import { describe, expect, it } from 'vitest';
import { feedbackDueSince, renewalDaysLeft, silenceLapsedAt } from './reminder-rules';

const now = '2026-11-20T12:00:00.000Z';

describe('reminder rules', () => {
  it('finds silence past the cadence, and none without a cadence or contact', () => {
    expect(silenceLapsedAt('2026-11-01T12:00:00.000Z', 14, now)).toBe('2026-11-15T12:00:00.000Z');
    expect(silenceLapsedAt('2026-11-10T12:00:00.000Z', 14, now)).toBeNull();
    expect(silenceLapsedAt('2026-11-01T12:00:00.000Z', null, now)).toBeNull();
    expect(silenceLapsedAt(null, 14, now)).toBeNull();
  });

  it('warns of renewals from today to 60 days ahead', () => {
    expect(renewalDaysLeft('2026-11-20', now)).toBe(0);
    expect(renewalDaysLeft('2027-01-19', now)).toBe(60);
    expect(renewalDaysLeft('2027-01-20', now)).toBeNull();
    expect(renewalDaysLeft('2026-11-19', now)).toBeNull();
  });

  it('asks for feedback from clients we are in touch with, when never or long ago asked', () => {
    expect(feedbackDueSince(null, '2026-11-18T12:00:00.000Z', now)).toBeNull();
    expect(feedbackDueSince('2026-08-01T12:00:00.000Z', '2026-11-18T12:00:00.000Z', now)).toBe('2026-10-30T12:00:00.000Z');
    expect(feedbackDueSince('2026-10-01T12:00:00.000Z', '2026-11-18T12:00:00.000Z', now)).toBeUndefined();
    // Out of touch for longer than the interval: a feedback question would be odd; silence says it first.
    expect(feedbackDueSince(null, '2026-05-01T12:00:00.000Z', now)).toBeUndefined();
  });
});
