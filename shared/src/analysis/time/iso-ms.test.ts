import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoMs } from './iso-ms';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

describe('isoMs', () => {
  it('is Date.parse for what toISOString writes, from year 0 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (ms) => {
        const iso = new Date(ms).toISOString();
        return isoMs(iso) === Date.parse(iso) && isoMs(iso) === ms;
      }),
      { numRuns: 20_000 },
    );
  });

  it('is Date.parse for a date with an offset, with and without milliseconds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_102_444_799_999 }),
        fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
        fc.boolean(),
        (ms, offset, millis) => {
          const local = new Date(ms + offset * 60_000).toISOString().slice(0, millis ? 23 : 19);
          const sign = offset < 0 ? '-' : '+';
          const text = `${local}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
          return isoMs(text) === Date.parse(text);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('is Date.parse for any text built of the characters of a date', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'0123456789-:T.Z+ tz0129'), { minLength: 18, maxLength: 30 }), (chars) => {
        const text = chars.join('');
        return Object.is(isoMs(text), Date.parse(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('is Date.parse at the edges: leap days, hour 24, offsets out of range, other forms, nonsense', () => {
    const texts = [
      '2024-02-29T00:00:00Z', '2023-02-29T00:00:00Z', '1900-02-29T00:00:00Z', '2000-02-29T12:00:00.000Z', '2024-02-30T00:00:00Z',
      '2024-04-31T00:00:00Z', '2024-13-01T00:00:00Z', '2024-00-10T00:00:00Z', '2024-05-00T00:00:00Z', '2024-05-01T24:00:00Z',
      '2024-05-01T23:59:60Z', '2024-05-01T02:34:37+24:00', '2024-05-01T02:34:37+01:60', '2024-05-01T02:34:37-14:00',
      '2024-05-01T02:34:37.5Z', '2024-05-01T02:34:37.1234Z', '2024-05-01T02:34:37', '2024-05-01T02:34:37+0100',
      '2024-05-01 02:34:37Z', '2024-05-01t02:34:37z', '+002024-05-01T02:34:37Z', '2024-05-01T0a:34:37Z', '2024-05-01T02:34:37.-12Z',
      'Wed, 01 May 2024 02:34:37 +0100', '2024-05-01', '', 'not a date at all, not one',
    ];
    for (const text of texts) expect(Object.is(isoMs(text), Date.parse(text)), text).toBe(true);
    expect(isoMs('2026-04-20T09:00:00+02:00')).toBe(Date.UTC(2026, 3, 20, 7));
  });
});
