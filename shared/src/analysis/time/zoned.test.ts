import { describe, expect, it } from 'vitest';
import { addDays, offsetMinutes, wallClockFromIntl, weekdayOf, zonedParts, zonedToInstant } from './zoned';

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

  // 88,000 offsets, most of them a cold Intl call: seconds on a loaded two-core machine, so more than the default 5 s.
  it('gives the offset the wall clock shows, around changes, in odd zones, at the ends of the calendar', { timeout: 60_000 }, () => {
    // The offset as zonedParts shows it: wall clock minus the instant (to the second, as Intl has it).
    const fromParts = (ms: number, zone: string): number => {
      const p = zonedParts(ms, zone);
      return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000) / 60000);
    };
    const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Africa/Casablanca', 'Pacific/Apia', 'UTC'];
    const instants: number[] = [];
    // Every 37 minutes and a few seconds over the Berlin and New York changes of 2026, and every five days over decades.
    for (let ms = Date.parse('2026-03-07T00:00:00Z'); ms < Date.parse('2026-04-01T00:00:00Z'); ms += 2_220_123) instants.push(ms);
    for (let ms = Date.parse('2026-10-24T00:00:00Z'); ms < Date.parse('2026-11-03T00:00:00Z'); ms += 2_220_123) instants.push(ms);
    for (let ms = Date.parse('1890-01-01T00:00:00Z'); ms < Date.parse('2040-01-01T00:00:00Z'); ms += 5 * 86_400_000 + 3_601_001) instants.push(ms);
    instants.push(-62_135_596_800_000, -62_135_596_800_001, 253_402_300_799_999, 253_402_300_800_000, -1, 0, 999);
    const differ: string[] = [];
    for (const zone of zones) {
      for (const ms of instants) if (offsetMinutes(ms, zone) !== fromParts(ms, zone)) differ.push(`${zone} ${ms}`);
    }
    expect(differ).toEqual([]);
    expect(offsetMinutes(Date.parse('2026-03-29T00:59:00Z'), 'Europe/Berlin')).toBe(60);
    expect(offsetMinutes(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe(120);
  });

  it('does calendar arithmetic on local dates', () => {
    expect(addDays({ year: 2026, month: 12, day: 30 }, 3)).toMatchObject({ year: 2027, month: 1, day: 2 });
    expect(weekdayOf({ year: 2026, month: 11, day: 22 })).toBe(7);
  });
});

describe('zonedParts against Intl', () => {
  /** The wall clock straight from Intl, as zonedParts computed it before it cached offsets. */
  function intlClock(instantMs: number, timeZone: string): Record<string, number> {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    const parts = Object.fromEntries(format.formatToParts(new Date(instantMs)).map((p) => [p.type, p.value]));
    const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    return {
      year: Number(parts.year),
      month: Number(parts.month),
      day: Number(parts.day),
      hour: Number(parts.hour),
      minute: Number(parts.minute),
      second: Number(parts.second),
      weekday: weekdays.indexOf(parts.weekday ?? '') + 1,
    };
  }

  // Each window spans a DST change: Berlin and New York by an hour, Lord Howe by 30 minutes at 02:00
  // local (a half-hour UTC instant), Kathmandu's +05:45 with its 1986 change from +05:30.
  const windows: [string, string][] = [
    ['Europe/Berlin', '2026-03-29T00:00:00Z'],
    ['Europe/Berlin', '2026-10-25T00:00:00Z'],
    ['America/New_York', '2026-03-08T05:00:00Z'],
    ['America/New_York', '2026-11-01T04:00:00Z'],
    ['Australia/Lord_Howe', '2026-04-04T14:00:00Z'],
    ['Australia/Lord_Howe', '2026-10-03T14:00:00Z'],
    ['Asia/Kathmandu', '1985-12-31T17:00:00Z'],
    ['Asia/Kathmandu', '2026-06-30T12:00:00Z'],
  ];

  it.each(windows)('matches Intl minute by minute (and at odd seconds) around a change in %s from %s', (zone, from) => {
    const start = Date.parse(from);
    const mismatches: string[] = [];
    // Four hours in steps of 7 minutes 13.5 seconds: every bucket, boundaries and mid-bucket instants.
    for (let t = start; t < start + 4 * 3600000; t += 433500) {
      for (const instant of [t, t - 1, t + 999]) {
        const expected = intlClock(instant, zone);
        const actual = zonedParts(instant, zone);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push(`${new Date(instant).toISOString()}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('follows the clock through an offset change that is not on a 15-minute boundary', () => {
    // Liberia moved from -00:44:30 to UTC at 1972-01-07 00:00 local (00:44:30 UTC): the clock jumps
    // from 23:59:59 to 00:44:30 in the middle of a 15-minute bucket.
    const change = Date.parse('1972-01-07T00:44:30Z');
    for (const instant of [change - 60000, change - 1000, change, change + 1000, change + 60000]) {
      expect(zonedParts(instant, 'Africa/Monrovia')).toEqual(intlClock(instant, 'Africa/Monrovia'));
    }
    expect(zonedParts(change - 1000, 'Africa/Monrovia')).toMatchObject({ day: 6, hour: 23, minute: 59, second: 59 });
    expect(zonedParts(change, 'Africa/Monrovia')).toMatchObject({ day: 7, hour: 0, minute: 44, second: 30 });
  });

  it('reports an unknown zone as before', () => {
    expect(() => zonedParts(Date.parse('2026-01-01T00:00:00Z'), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('the wall clock read from Intl\'s text', () => {
  it('gives what formatToParts gives, in every era and zone the engine may meet', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'America/Sao_Paulo', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Africa/Monrovia', 'Pacific/Kiritimati', 'Asia/Tehran', 'Europe/Amsterdam'];
    const instants = [
      Date.UTC(2026, 2, 29, 0, 59, 59), Date.UTC(2026, 2, 29, 1, 0, 0), Date.UTC(2026, 9, 25, 0, 30, 0), Date.UTC(2024, 1, 29, 23, 59, 59),
      Date.UTC(1972, 0, 7, 0, 44, 30), Date.UTC(1937, 6, 1, 12, 0, 0), Date.UTC(1000, 0, 1, 0, 0, 0), Date.UTC(999, 11, 31, 23, 59, 59),
      Date.UTC(9999, 11, 31, 23, 59, 59), Date.UTC(10000, 0, 1, 0, 0, 0), Date.UTC(0, 0, 1, 0, 0, 0) - 86_400_000, Date.UTC(1970, 0, 1, 0, 0, 0),
    ];
    // And a stretch of ordinary instants a little over six hours apart: every weekday, hour and month.
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 22_333_000) instants.push(t);
    const differ: string[] = [];
    for (const zone of zones) {
      for (const instant of instants) {
        const text = wallClockFromIntl(instant, zone, 'text');
        const parts = wallClockFromIntl(instant, zone, 'parts');
        if (JSON.stringify(text) !== JSON.stringify(parts)) differ.push(`${zone} ${instant}`);
      }
    }
    expect(differ).toEqual([]);
    // A known answer too: both readings agreeing on a wrong clock would pass the comparison.
    expect(wallClockFromIntl(Date.UTC(2026, 3, 20, 7, 0, 0), 'Europe/Berlin', 'text')).toEqual({ year: 2026, month: 4, day: 20, hour: 9, minute: 0, second: 0, weekday: 1 });
  });
});
