import { describe, expect, it } from 'vitest';
import { formatWeekdays, parseWeekdays } from './weekdays';

describe('weekdays', () => {
  it('reads ranges, lists, full names and ISO numbers', () => {
    expect(parseWeekdays('mon-fri')).toEqual({ ok: true, days: [1, 2, 3, 4, 5] });
    expect(parseWeekdays('sun-thu')).toEqual({ ok: true, days: [1, 2, 3, 4, 7] });
    expect(parseWeekdays('Mon,wed,FRI')).toEqual({ ok: true, days: [1, 3, 5] });
    expect(parseWeekdays(['Monday', 'tuesday', 3, '4'])).toEqual({ ok: true, days: [1, 2, 3, 4] });
    expect(parseWeekdays([1, 2, 3, 4, 5])).toEqual({ ok: true, days: [1, 2, 3, 4, 5] });
  });

  it('says what is wrong', () => {
    expect(parseWeekdays('mon-fry')).toEqual({ ok: false, error: '"fry" is not a weekday (use mon, tue, wed, thu, fri, sat, sun)' });
    expect(parseWeekdays('moon')).toMatchObject({ ok: false });
    expect(parseWeekdays([8])).toMatchObject({ ok: false, error: '8 is not a weekday number (1 = Monday ... 7 = Sunday)' });
    expect(parseWeekdays('mon-tue-wed')).toMatchObject({ ok: false });
  });

  it('writes days back the short way', () => {
    expect(formatWeekdays([1, 2, 3, 4, 5])).toBe('mon-fri');
    expect(formatWeekdays([7, 1, 2, 3, 4])).toBe('sun-thu');
    expect(formatWeekdays([1, 3, 5])).toBe('mon,wed,fri');
    expect(formatWeekdays([1, 2])).toBe('mon,tue');
    expect(formatWeekdays([1, 2, 3, 4, 5, 6, 7])).toBe('mon-sun');
  });
});
