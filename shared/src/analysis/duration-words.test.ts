import { describe, expect, it } from 'vitest';
import { describeBusinessMinutes, describeMinutes, workingDayMinutes } from './duration-words';

const nineToFive = { workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] } };
const nightShift = { workingHours: { start: '22:00', end: '06:00', days: [1, 2, 3, 4, 5] } };
const shortDay = { workingHours: { start: '08:00', end: '12:00', days: [1, 2, 3, 4, 5] } };

describe('duration words', () => {
  it('says wall-clock time in minutes, hours and days', () => {
    expect(describeMinutes(45)).toBe('45 minutes');
    expect(describeMinutes(60)).toBe('1 hour');
    expect(describeMinutes(210)).toBe('3.5 hours');
    expect(describeMinutes(6 * 1440)).toBe('6 days');
  });

  it('counts a working day as the user works it, never as 24 hours', () => {
    expect(workingDayMinutes(nineToFive)).toBe(480);
    expect(workingDayMinutes(nightShift)).toBe(480);
    expect(workingDayMinutes(shortDay)).toBe(240);
    // 44 business hours: the old CLI said "1d 20h business"; these are 5.5 of the user's working days.
    expect(describeBusinessMinutes(44 * 60, nineToFive)).toBe('5.5 working days');
    expect(describeBusinessMinutes(44 * 60, shortDay)).toBe('11 working days');
  });

  it('uses working hours below two working days and minutes below an hour', () => {
    expect(describeBusinessMinutes(59, nineToFive)).toBe('59 working minutes');
    expect(describeBusinessMinutes(60, nineToFive)).toBe('1 working hour');
    expect(describeBusinessMinutes(240, nineToFive)).toBe('4 working hours');
    expect(describeBusinessMinutes(959, nineToFive)).toBe('16 working hours');
    expect(describeBusinessMinutes(960, nineToFive)).toBe('2 working days');
  });
});
