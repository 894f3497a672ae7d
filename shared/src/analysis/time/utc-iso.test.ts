import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcIso } from './utc-iso';

describe('utcIso', () => {
  it('is toISOString for every instant from 1970 to 2099', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_799_999 }), (ms) => utcIso(ms) === new Date(ms).toISOString()),
      { numRuns: 20_000 },
    );
  });

  it('is toISOString at the edges: leap days, year ends, the range ends', () => {
    for (const iso of ['1970-01-01T00:00:00.000Z', '2000-02-29T23:59:59.999Z', '2024-02-29T12:00:00.000Z', '2099-12-31T23:59:59.999Z', '2026-03-29T01:00:00.000Z', '2100-02-28T00:00:00.000Z']) {
      const ms = Date.parse(iso);
      expect(utcIso(ms)).toBe(iso);
      expect(utcIso(ms + 1)).toBe(new Date(ms + 1).toISOString());
      expect(utcIso(ms - 1)).toBe(new Date(ms - 1).toISOString());
    }
  });

  it('leaves other instants to Date, errors included', () => {
    expect(utcIso(-1)).toBe('1969-12-31T23:59:59.999Z');
    expect(utcIso(4_102_444_800_000)).toBe('2100-01-01T00:00:00.000Z');
    expect(utcIso(1.5)).toBe(new Date(1.5).toISOString());
    expect(() => utcIso(Number.NaN)).toThrow(RangeError);
  });
});
