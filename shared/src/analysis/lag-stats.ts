import type { LagSample, Side } from '../model/facts';
import type { LagStats } from '../model/analysis-document';

/** Median: the middle value, or the mean of the two middle values for an even count (PRODUCT.md). */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * p90 by the nearest-rank method: the smallest value with at least 90% of the samples at or below it
 * (rank ceil(0.9 n)). Chosen over interpolation because it is always a lag that actually happened, so
 * "90% of our replies took at most 6 h" can be checked against a real reply.
 */
export function percentileNearestRank(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  return sorted[Math.min(n, rank) - 1] ?? null;
}

const round1 = (x: number | null): number | null => (x === null ? null : Math.round(x * 10) / 10);

/** Count, median and p90 of the lags `responder` took, in wall-clock and business minutes (1 decimal). */
export function lagStats(samples: readonly LagSample[], responder: Side): LagStats {
  const mine = samples.filter((s) => s.responder === responder);
  const wall = mine.map((s) => s.minutes).sort((a, b) => a - b);
  const business = mine.map((s) => s.businessMinutes).sort((a, b) => a - b);
  return lagStatsOfSorted(wall, business);
}

/** The same figures from lags already sorted ascending (a client's aggregate keeps them so). */
export function lagStatsOfSorted(wall: readonly number[], business: readonly number[]): LagStats {
  return {
    count: wall.length,
    medianMinutes: round1(median(wall)),
    medianBusinessMinutes: round1(median(business)),
    p90Minutes: round1(percentileNearestRank(wall, 90)),
    p90BusinessMinutes: round1(percentileNearestRank(business, 90)),
  };
}
