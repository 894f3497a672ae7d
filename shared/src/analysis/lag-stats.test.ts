import { describe, expect, it } from 'vitest';
import type { LagSample } from '../model/facts';
import { lagStats, median, percentileNearestRank } from './lag-stats';

function sample(responder: 'us' | 'them', minutes: number, businessMinutes = minutes): LagSample {
  return {
    responder,
    turnStartMessageId: `s${minutes}`,
    replyMessageId: `r${minutes}`,
    startedAt: '2026-11-02T09:00:00Z',
    repliedAt: '2026-11-02T10:00:00Z',
    minutes,
    businessMinutes,
  };
}

describe('median and p90', () => {
  it('takes the mean of the two middle values for an even count', () => {
    expect(median([10, 20, 40, 100])).toBe(30);
    expect(median([10, 20, 40])).toBe(20);
    expect(median([])).toBeNull();
  });

  it('uses nearest rank for p90', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentileNearestRank(ten, 90)).toBe(9);
    expect(percentileNearestRank([...ten, 11], 90)).toBe(10);
    expect(percentileNearestRank([42], 90)).toBe(42);
  });
});

describe('lagStats', () => {
  it('summarises one side only, wall-clock and business minutes separately', () => {
    const samples = [sample('us', 30, 30), sample('us', 900, 60), sample('us', 120, 120), sample('us', 3000, 480), sample('them', 5)];
    expect(lagStats(samples, 'us')).toEqual({
      count: 4,
      medianMinutes: 510,
      medianBusinessMinutes: 90,
      p90Minutes: 3000,
      p90BusinessMinutes: 480,
    });
    expect(lagStats(samples, 'them').count).toBe(1);
    expect(lagStats([], 'them')).toEqual({ count: 0, medianMinutes: null, medianBusinessMinutes: null, p90Minutes: null, p90BusinessMinutes: null });
  });
});
