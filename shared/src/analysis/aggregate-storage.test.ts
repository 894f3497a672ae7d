import { describe, expect, it } from 'vitest';
import { decodeSortedLags, encodeSortedLags, parseAggregate, serializeAggregate } from './aggregate-storage';
import { addContribution, aggregateFigures, emptyAggregate } from './counterpart-aggregate';

/** Lags as thread analysis makes them: whole tenths of a minute. */
function tenthsList(n: number, seed: number): number[] {
  let x = seed;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    // Mostly minutes to days, some months, a few zeros.
    const scale = i % 50 === 0 ? 0 : i % 7 === 0 ? 600_000 : 30_000;
    out.push(Math.round((x / 2147483648) * scale) / 10);
  }
  return out.sort((a, b) => a - b);
}

describe('aggregate storage', () => {
  it('gives back exactly the numbers of a sorted list of tenths, in far fewer characters than JSON', () => {
    const list = tenthsList(14_000, 7);
    const stored = encodeSortedLags(list);
    expect(typeof stored).toBe('string');
    expect(decodeSortedLags(stored)).toEqual(list);
    expect((stored as string).length).toBeLessThan(JSON.stringify(list).length / 2.5);
    // Large gaps take several digits; the largest a list may hold survives too.
    const wide = [0, 0, 0.1, 31.9, 3_276.8, 429_496_729.5];
    expect(decodeSortedLags(encodeSortedLags(wide))).toEqual(wide);
    expect(decodeSortedLags(encodeSortedLags([]))).toEqual([]);
  });

  it('writes the digits aggregates already stored hold (the format does not change)', () => {
    // Differences in tenths: 0, 1, 31, 1 (one digit each), then 32,768 = 0 + 0·32 + 0·32² + 1·32³ (four).
    expect(encodeSortedLags([0, 0.1, 3.2, 3.3])).toBe('d10:ABfB');
    expect(encodeSortedLags([0, 3_276.8])).toBe('d10:AgggB');
    // The largest list value, 2^32 - 1 tenths: six full digits of 5 bits, then the 2 bits left (3).
    expect(encodeSortedLags([429_496_729.5])).toBe('d10:______D');
    expect(decodeSortedLags(encodeSortedLags([429_496_729.5]))).toEqual([429_496_729.5]);
  });

  it('keeps as a plain list what the encoding cannot hold exactly', () => {
    for (const list of [[-0.5, 3], [1.25, 2], [1, 429_496_729.6], [3, 2]]) {
      expect(encodeSortedLags(list)).toEqual(list);
      expect(decodeSortedLags(encodeSortedLags(list))).toEqual(list);
    }
  });

  it('reads an aggregate stored as plain JSON (as before) and one it stored, with the same figures', () => {
    const aggregate = emptyAggregate('acme.example');
    addContribution(aggregate, {
      initiatedBy: 'us',
      lags: tenthsList(40, 3).map((minutes, i) => ({ responder: i % 2 === 0 ? 'us' : 'them', minutes, businessMinutes: Math.round(minutes * 3) / 10 })),
      contacts: ['dana@acme.example'],
      unansweredRequests: 1,
    });
    const plain = JSON.stringify(aggregate);
    const stored = serializeAggregate(aggregate);
    expect(stored).not.toEqual(plain);
    expect(parseAggregate(plain)).toEqual(aggregate);
    expect(parseAggregate(stored)).toEqual(aggregate);
    expect(aggregateFigures(parseAggregate(stored))).toEqual(aggregateFigures(aggregate));
  });

  it('refuses a damaged list instead of reading wrong lags', () => {
    expect(() => decodeSortedLags('d10:AB*')).toThrow(/holds "\*"/);
    expect(() => decodeSortedLags('d10:g')).toThrow(/ends inside a number/);
    expect(() => decodeSortedLags(42)).toThrow(/neither a list nor an encoded list/);
  });
});
