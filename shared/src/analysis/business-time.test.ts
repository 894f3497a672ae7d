import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analysisSettingsSchema } from '../model/settings';
import { businessMinutesBetween } from './business-time';
import { addDays, weekdayOf, zonedToInstant } from './time/zoned';

const berlin = analysisSettingsSchema.parse({ me: ['anna@northwind.io'], timeZone: 'Europe/Berlin' });

describe('businessMinutesBetween', () => {
  it('counts only time inside working hours on working days', () => {
    // Mon 10:00 -> Mon 15:30 Berlin (CET, UTC+1).
    expect(businessMinutesBetween('2026-11-02T09:00:00Z', '2026-11-02T14:30:00Z', berlin)).toBe(330);
    // Mon 15:30 -> Wed 09:30: 1.5 h + 8 h + 0.5 h.
    expect(businessMinutesBetween('2026-11-02T14:30:00Z', '2026-11-04T08:30:00Z', berlin)).toBe(600);
    // Evening to next morning: only the morning counts.
    expect(businessMinutesBetween('2026-11-02T19:00:00Z', '2026-11-03T08:15:00Z', berlin)).toBe(15);
  });

  it('skips weekends', () => {
    // Fri 16:00 -> Mon 10:00 Berlin: 1 h Friday + 1 h Monday.
    expect(businessMinutesBetween('2026-11-06T15:00:00Z', '2026-11-09T09:00:00Z', berlin)).toBe(120);
    // Sat -> Sun: nothing.
    expect(businessMinutesBetween('2026-11-07T09:00:00Z', '2026-11-08T17:00:00Z', berlin)).toBe(0);
  });

  it('is correct across the spring-forward and fall-back changes', () => {
    // Fri 27 Mar 2026 16:00 CET -> Mon 30 Mar 10:00 CEST: still 1 h + 1 h, though the wall gap is 65 h not 66 h.
    expect(businessMinutesBetween('2026-03-27T15:00:00Z', '2026-03-30T08:00:00Z', berlin)).toBe(120);
    // Fri 23 Oct 16:00 CEST -> Mon 26 Oct 10:00 CET.
    expect(businessMinutesBetween('2026-10-23T14:00:00Z', '2026-10-26T09:00:00Z', berlin)).toBe(120);
    // A whole week spanning the change has exactly 5 x 8 h.
    expect(businessMinutesBetween('2026-03-23T08:00:00Z', '2026-03-30T07:00:00Z', berlin)).toBe(2400);
  });

  it('uses the user zone, not UTC', () => {
    const newYork = analysisSettingsSchema.parse({ me: ['anna@northwind.io'], timeZone: 'America/New_York' });
    // 14:00 UTC is 09:00 in New York (EST): 14:00 -> 15:00 UTC is one working hour there ...
    expect(businessMinutesBetween('2026-11-02T14:00:00Z', '2026-11-02T15:00:00Z', newYork)).toBe(60);
    // ... while 08:00 -> 13:00 UTC is before their day starts.
    expect(businessMinutesBetween('2026-11-02T08:00:00Z', '2026-11-02T13:00:00Z', newYork)).toBe(0);
  });

  it('honours custom working days and hours', () => {
    // Sunday-Thursday, 08:00-16:00 in Dubai (UTC+4, no DST).
    const dubai = analysisSettingsSchema.parse({
      me: ['sara@gulfco.ae'],
      timeZone: 'Asia/Dubai',
      workingHours: { start: '08:00', end: '16:00', days: [7, 1, 2, 3, 4] },
    });
    // Thu 15:00 -> Sun 09:00 local: 1 h Thursday + 1 h Sunday (Friday and Saturday off).
    expect(businessMinutesBetween('2026-11-05T11:00:00Z', '2026-11-08T05:00:00Z', dubai)).toBe(120);
    // A night shift 22:00-06:00 counts across midnight.
    const nights = analysisSettingsSchema.parse({ me: ['ops@northwind.io'], timeZone: 'UTC', workingHours: { start: '22:00', end: '06:00' } });
    expect(businessMinutesBetween('2026-11-02T23:00:00Z', '2026-11-03T05:00:00Z', nights)).toBe(360);
  });

  it('returns 0 for reversed ranges and names a bad date', () => {
    expect(businessMinutesBetween('2026-11-03T10:00:00Z', '2026-11-02T10:00:00Z', berlin)).toBe(0);
    expect(() => businessMinutesBetween('yesterday', '2026-11-02T10:00:00Z', berlin)).toThrow(/start "yesterday"/);
  });
});

describe('businessMinutesBetween over long spans', () => {
  it('counts a whole year of weekdays, DST changes included', () => {
    // Mon 5 Jan 2026 00:00 -> Mon 4 Jan 2027 00:00 Berlin: 52 weeks of 5 x 8 h, plus nothing else.
    expect(businessMinutesBetween('2026-01-04T23:00:00Z', '2027-01-03T23:00:00Z', berlin)).toBe(52 * 5 * 480);
  });

  it('adds up: the time from A to C is A to B plus B to C, for any B', () => {
    const a = Date.parse('2025-12-30T13:17:00Z');
    const c = Date.parse('2026-11-20T12:00:00Z');
    for (let i = 1; i < 40; i++) {
      const b = new Date(a + ((c - a) * i) / 40 + i * 7_777_000).toISOString();
      const whole = businessMinutesBetween(new Date(a).toISOString(), new Date(c).toISOString(), berlin);
      const parts = businessMinutesBetween(new Date(a).toISOString(), b, berlin) + businessMinutesBetween(b, new Date(c).toISOString(), berlin);
      expect(parts).toBeCloseTo(whole, 0);
    }
  });
});

describe('working windows that contain the clock change itself', () => {
  it('counts the hour the clocks repeat or skip, as it happens on the wall', () => {
    const nightNy = analysisSettingsSchema.parse({ me: ['ops@northwind.io'], timeZone: 'America/New_York', workingHours: { start: '00:00', end: '04:00', days: [7] } });
    // Sunday 1 Nov 2026, 00:00-04:00 New York: 01:00-02:00 happens twice, so 5 real hours.
    expect(businessMinutesBetween('2026-10-31T12:00:00Z', '2026-11-02T12:00:00Z', nightNy)).toBe(300);
    const nightBerlin = analysisSettingsSchema.parse({ me: ['ops@northwind.io'], timeZone: 'Europe/Berlin', workingHours: { start: '00:00', end: '04:00', days: [7] } });
    // Sunday 29 Mar 2026, 00:00-04:00 Berlin: 02:00-03:00 never happens, so 3 real hours.
    expect(businessMinutesBetween('2026-03-28T12:00:00Z', '2026-03-30T12:00:00Z', nightBerlin)).toBe(180);
    // Starting inside the repeated hour (the second 01:30, EST) leaves 2.5 hours.
    expect(businessMinutesBetween('2026-11-01T06:30:00Z', '2026-11-02T12:00:00Z', nightNy)).toBe(150);
  });
});

/** The definition, day by day: what the closed form must equal (slow on long spans, so only used here). */
function perDayReference(startIso: string, endIso: string, settings: ReturnType<typeof analysisSettingsSchema.parse>): number {
  const start = Date.parse(startIso);
  const end = Date.parse(endIso);
  if (end <= start) return 0;
  const [sh, sm] = settings.workingHours.start.split(':').map(Number) as [number, number];
  const [eh, em] = settings.workingHours.end.split(':').map(Number) as [number, number];
  let total = 0;
  for (let day = Math.floor(start / 86_400_000) - 2; day <= Math.floor(end / 86_400_000) + 1; day++) {
    const d = new Date(day * 86_400_000);
    const local = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    if (!settings.workingHours.days.includes(weekdayOf(local))) continue;
    const from = zonedToInstant({ ...local, hour: sh, minute: sm }, settings.timeZone);
    const to = zonedToInstant({ ...(eh * 60 + em <= sh * 60 + sm ? addDays(local, 1) : local), hour: eh, minute: em }, settings.timeZone);
    total += Math.max(0, Math.min(to, end) - Math.max(from, start));
  }
  return Math.round(total / 6000) / 10;
}

describe('businessMinutesBetween in closed form', () => {
  const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Santiago', 'UTC', 'Africa/Casablanca'];
  const hours = [
    { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
    { start: '22:00', end: '06:00', days: [1, 2, 3, 4, 5, 6, 7] },
    { start: '00:00', end: '04:00', days: [7] },
    { start: '08:30', end: '08:30', days: [2, 4] },
  ];

  it('equals the day-by-day definition over random spans, zones and working hours', () => {
    const lo = Date.UTC(2015, 0, 1);
    const hi = Date.UTC(2030, 0, 1);
    fc.assert(
      fc.property(
        fc.integer({ min: lo, max: hi }),
        fc.integer({ min: 0, max: 400 * 86_400_000 }),
        fc.constantFrom(...zones),
        fc.constantFrom(...hours),
        (startMs, spanMs, timeZone, workingHours) => {
          const settings = analysisSettingsSchema.parse({ me: ['a@b.io'], timeZone, workingHours });
          const startIso = new Date(startMs).toISOString();
          const endIso = new Date(startMs + spanMs).toISOString();
          expect(businessMinutesBetween(startIso, endIso, settings)).toBeCloseTo(perDayReference(startIso, endIso, settings), 0);
        },
      ),
      { numRuns: 120, seed: 10 },
    );
  });

  it('counts the whole supported range (1970-2100) exactly: every weekday of 130 years, 8 hours each', () => {
    const utc = analysisSettingsSchema.parse({ me: ['a@b.io'], timeZone: 'UTC' });
    const days = (Date.UTC(2100, 0, 1) - Date.UTC(1970, 0, 1)) / 86_400_000;
    let weekdays = 0;
    for (let d = 0; d < days; d++) if (![0, 6].includes(new Date(d * 86_400_000).getUTCDay())) weekdays++;
    expect(businessMinutesBetween('1970-01-01T00:00:00Z', '2100-01-01T00:00:00Z', utc)).toBe(weekdays * 480);
  });

  it('counts nothing past the end of the range a message can have: a reply dated 9999 is counted to 2100', () => {
    expect(businessMinutesBetween('2026-03-02T09:00:00+01:00', '9999-12-31T10:00:00+01:00', berlin)).toBe(
      businessMinutesBetween('2026-03-02T09:00:00+01:00', '2100-01-01T00:00:00Z', berlin),
    );
  });
});
