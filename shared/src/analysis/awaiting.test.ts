import { describe, expect, it } from 'vitest';
import { analysisSettingsSchema } from '../model/settings';
import { AWAITING_SATURATION, awaitingThresholds, latestStartWith, tallyAwaiting } from './awaiting';
import { businessMinutesBetween } from './business-time';

const settings = analysisSettingsSchema.parse({ me: ['anna@northwind.io'], timeZone: 'Europe/Berlin' });
// Friday 20 Nov 2026, 13:00 Berlin.
const now = '2026-11-20T12:00:00.000Z';

describe('awaiting thresholds', () => {
  it('finds the latest start whose wait reaches the target, to the millisecond', () => {
    const nowMs = Date.parse(now);
    const upTo = latestStartWith(nowMs, (m) => m > 240, settings)!;
    // Friday 09:00-13:00 Berlin is exactly 4 working hours, and so is any start from Thursday 17:00 on
    // (the night is not working time): "more than 240" starts in Thursday's last working seconds (to the
    // tenth of a minute business time is counted in).
    expect(new Date(upTo).toISOString()).toBe('2026-11-19T15:59:57.000Z');
    expect(businessMinutesBetween(new Date(upTo).toISOString(), now, settings)).toBeGreaterThan(240);
    expect(businessMinutesBetween(new Date(upTo + 1).toISOString(), now, settings)).toBe(240);
    expect(businessMinutesBetween('2026-11-20T07:59:00.000Z', now, settings)).toBe(240);
  });

  it('skips nights and weekends: three times the target (12 working hours) before Friday 13:00 is Thursday 09:00', () => {
    const { saturatedUpTo } = awaitingThresholds(now, settings);
    // At least 720 working minutes: Thursday 09:00:03 gives 719.95, which is counted as 720.0.
    expect(new Date(saturatedUpTo!).toISOString()).toBe('2026-11-19T08:00:03.000Z');
    expect(businessMinutesBetween('2026-11-19T08:00:00.000Z', now, settings)).toBe(720);
    expect(businessMinutesBetween('2026-11-19T08:00:03.001Z', now, settings)).toBeLessThan(720);
    expect(AWAITING_SATURATION).toBe(3);
  });

  it('says none when no start can reach the target', () => {
    expect(latestStartWith(Date.parse(now), () => false, settings)).toBeNull();
  });
});

describe('tallyAwaiting', () => {
  it('counts long waits and lists only the recent ones to measure', () => {
    const items = [
      { threadId: 'old', lastMessageId: 'm1', since: '2025-01-10T09:00:00.000Z' },
      { threadId: 'week', lastMessageId: 'm2', since: '2026-11-13T09:00:00.000Z' },
      { threadId: 'today', lastMessageId: 'm3', since: '2026-11-20T10:00:00.000Z' },
      { threadId: 'yesterday', lastMessageId: 'm4', since: '2026-11-19T15:00:00.000Z' },
    ];
    const tally = tallyAwaiting(items, now, settings, undefined, 2);
    expect(tally).toEqual({
      count: 4,
      overTarget: 3,
      saturated: 2,
      recentSinces: ['2026-11-19T15:00:00.000Z', '2026-11-20T10:00:00.000Z'],
      oldest: [items[0], items[1]],
    });
  });
});
