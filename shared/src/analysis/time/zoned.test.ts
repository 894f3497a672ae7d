import { describe, expect, it } from 'vitest';
import { addDays, offsetMinutes, weekdayOf, zonedParts, zonedToInstant } from './zoned';

describe('zoned time', () => {
  it('reads the wall clock across the Berlin spring-forward change', () => {
    // 2026-03-29 01:00 UTC is 03:00 CEST, one hour after 01:59 CET.
    expect(zonedParts(Date.parse('2026-03-29T00:59:00Z'), 'Europe/Berlin')).toMatchObject({ hour: 1, minute: 59 });
    expect(zonedParts(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toMatchObject({ hour: 3, minute: 0 });
    expect(offsetMinutes(Date.parse('2026-07-01T12:00:00Z'), 'Europe/Berlin')).toBe(120);
    expect(offsetMinutes(Date.parse('2026-01-01T12:00:00Z'), 'America/New_York')).toBe(-300);
  });

  it('turns local wall-clock times into instants, gaps and overlaps included', () => {
    expect(new Date(zonedToInstant({ year: 2026, month: 7, day: 1, hour: 9 }, 'Europe/Berlin')).toISOString()).toBe(
      '2026-07-01T07:00:00.000Z',
    );
    // 02:30 does not exist in Berlin on 2026-03-29: the clock reads 03:30 CEST instead.
    expect(
      new Date(zonedToInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Berlin')).toISOString(),
    ).toBe('2026-03-29T01:30:00.000Z');
    // 01:30 happens twice in New York on 2026-11-01: the earlier (EDT) one is taken.
    expect(
      new Date(zonedToInstant({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York')).toISOString(),
    ).toBe('2026-11-01T05:30:00.000Z');
  });

  it('does calendar arithmetic on local dates', () => {
    expect(addDays({ year: 2026, month: 12, day: 30 }, 3)).toMatchObject({ year: 2027, month: 1, day: 2 });
    expect(weekdayOf({ year: 2026, month: 11, day: 22 })).toBe(7);
  });
});
