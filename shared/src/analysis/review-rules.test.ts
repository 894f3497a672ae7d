import { describe, expect, it } from 'vitest';
import { isActiveClient, REVIEW_INTERVAL_DAYS, reviewDueAt, reviewDueSince } from './review-rules';

describe('quarterly review', () => {
  it('is due an interval after the last review, or after the first contact when there has been none', () => {
    expect(REVIEW_INTERVAL_DAYS).toBe(90);
    expect(reviewDueAt('2026-08-01T10:00:00.000Z', '2025-01-01T00:00:00.000Z')).toBe('2026-10-30T10:00:00.000Z');
    expect(reviewDueAt(null, '2026-08-01T10:00:00.000Z')).toBe('2026-10-30T10:00:00.000Z');
    expect(reviewDueAt(null, '2026-08-01T10:00:00.000Z', 30)).toBe('2026-08-31T10:00:00.000Z');
    expect(reviewDueAt(null, null)).toBeNull();
  });

  it('reminds of active clients only, and not before the interval has passed', () => {
    const base = { lastReviewAt: null, firstContactAt: '2026-08-01T10:00:00.000Z', lastContactAt: '2026-10-20T10:00:00.000Z' };
    expect(reviewDueSince(base, '2026-10-29T10:00:00.000Z')).toBeUndefined();
    expect(reviewDueSince(base, '2026-10-31T10:00:00.000Z')).toBe('2026-10-30T10:00:00.000Z');
    // Reviewed last week: not due again for another interval.
    expect(reviewDueSince({ ...base, lastReviewAt: '2026-11-20T10:00:00.000Z' }, '2026-11-27T10:00:00.000Z')).toBeUndefined();
    // A client's own interval.
    expect(reviewDueSince({ ...base, intervalDays: 180 }, '2026-11-27T10:00:00.000Z')).toBeUndefined();
    // Nobody has been in touch for over six months: not an active client.
    expect(isActiveClient('2026-01-01T00:00:00.000Z', '2026-11-27T10:00:00.000Z')).toBe(false);
    expect(reviewDueSince({ ...base, lastContactAt: '2026-01-01T00:00:00.000Z' }, '2026-11-27T10:00:00.000Z')).toBeUndefined();
  });
});
