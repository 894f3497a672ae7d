import { describe, expect, it } from 'vitest';
import { numericDateOrder, parseHostTimestamp } from './host-dates';

// vitest.config.ts runs tests in UTC: host timestamps are local wall-clock times.
describe('parseHostTimestamp', () => {
  it('reads Gmail\'s title dates in the eight UI languages', () => {
    const march2 = '2026-03-02T09:00:00.000Z';
    expect(parseHostTimestamp('Mon, Mar 2, 2026, 9:00 AM')).toBe(march2); // en-US
    expect(parseHostTimestamp('Mon, 2 Mar 2026, 09:00')).toBe(march2); // en-GB
    expect(parseHostTimestamp('Mo., 2. März 2026, 09:00')).toBe(march2); // de
    expect(parseHostTimestamp('lun. 2 mars 2026, 09:00')).toBe(march2); // fr
    expect(parseHostTimestamp('lun, 2 mar 2026, 9:00')).toBe(march2); // es
    expect(parseHostTimestamp('seg., 2 de mar. de 2026, 09:00')).toBe(march2); // pt
    expect(parseHostTimestamp('lun 2 mar 2026, 09:00')).toBe(march2); // it
    expect(parseHostTimestamp('ma 2 mrt 2026 09:00')).toBe(march2); // nl
    expect(parseHostTimestamp('2026年3月2日(月) 9:00')).toBe(march2); // ja
    // Spanish weekday "mar" (Tuesday) before the day is not read as the month.
    expect(parseHostTimestamp('mar, 3 feb 2026, 9:05')).toBe('2026-02-03T09:05:00.000Z');
    expect(parseHostTimestamp('Di., 15. Dez. 2026, 18:45')).toBe('2026-12-15T18:45:00.000Z');
    expect(parseHostTimestamp('mer. 7 oct. 2026, 14:05')).toBe('2026-10-07T14:05:00.000Z');
    expect(parseHostTimestamp('qui., 17 de set. de 2026, 08:30')).toBe('2026-09-17T08:30:00.000Z');
    expect(parseHostTimestamp('Thu, Nov 12, 2026, 4:55\u202fPM')).toBe('2026-11-12T16:55:00.000Z');
    expect(parseHostTimestamp('2026年3月3日(火) 午後4:30')).toBe('2026-03-03T16:30:00.000Z');
    expect(parseHostTimestamp('Sun, Mar 29, 2026, 12:30 AM')).toBe('2026-03-29T00:30:00.000Z');
    expect(parseHostTimestamp('2026-11-12T16:55:00+01:00')).toBe('2026-11-12T15:55:00.000Z');
  });

  it('reads Outlook\'s numeric dates in the order of the page\'s language', () => {
    expect(parseHostTimestamp('Mon 11/16/2026 2:20 PM')).toBe('2026-11-16T14:20:00.000Z');
    expect(parseHostTimestamp('Mo 16.11.2026 14:20')).toBe('2026-11-16T14:20:00.000Z');
    expect(parseHostTimestamp('lun. 16/11/2026 14:20')).toBe('2026-11-16T14:20:00.000Z');
    expect(parseHostTimestamp('ma 16-11-2026 14:20')).toBe('2026-11-16T14:20:00.000Z');
    expect(parseHostTimestamp('2026/11/16 (月) 14:20')).toBe('2026-11-16T14:20:00.000Z');
    // Both numbers 12 or less: the order comes from the page's language, never guessed.
    expect(parseHostTimestamp('Mo 02.11.2026 08:05')).toBeNull();
    expect(parseHostTimestamp('Mo 02.11.2026 08:05', { numericOrder: numericDateOrder('de-DE') })).toBe('2026-11-02T08:05:00.000Z');
    expect(parseHostTimestamp('Mon 2/11/2026 8:05 AM', { numericOrder: numericDateOrder('en-US') })).toBe('2026-02-11T08:05:00.000Z');
  });

  it('knows the numeric order of each language', () => {
    expect(numericDateOrder('en-US')).toBe('month-first');
    for (const locale of ['en-GB', 'de-DE', 'fr-FR', 'es-ES', 'pt-BR', 'it-IT', 'nl-NL']) expect(numericDateOrder(locale), locale).toBe('day-first');
    expect(numericDateOrder('ja-JP')).toBeNull();
  });

  it('returns null for relative or partial times instead of guessing', () => {
    expect(parseHostTimestamp('Nov 12')).toBeNull();
    expect(parseHostTimestamp('Mo 16.11.')).toBeNull();
    expect(parseHostTimestamp('3 hours ago')).toBeNull();
    expect(parseHostTimestamp('vor 3 Stunden')).toBeNull();
    expect(parseHostTimestamp('31 Feb 2026, 10:00')).toBeNull();
    expect(parseHostTimestamp('')).toBeNull();
    expect(parseHostTimestamp(null)).toBeNull();
  });
});
