/**
 * Calendar arithmetic for due dates: local dates, working days, weeks and months, in the frame of one
 * sent message (its time zone, working hours and "today").
 */
import type { WorkingHours } from '../../model/settings';
import { addDays, daysInMonth, weekdayOf } from '../time/zoned';

export type LocalDate = { year: number; month: number; day: number };
export type Clock = { hour: number; minute: number };

export interface Frame {
  now: number;
  today: LocalDate;
  nowMinutes: number;
  timeZone: string;
  hours: WorkingHours;
  americas: boolean;
  /** UTC offset at the sent time, in ms: the first guess when turning a local due time into an instant. */
  offsetMs: number;
}

export interface DayMatch {
  index: number;
  end: number;
  /** The local date, or an absolute instant (for "in 3 hours"). */
  date?: LocalDate;
  instant?: number;
  /** The default time of day for this phrase; `eod` = end of working hours. */
  clock?: Clock | 'eod' | 'late';
  /** A whole month, quarter or year ("in October", "by Q3"), not a day. */
  period?: boolean;
  /** Only a time of day ("in the morning"): a day stated beside it is the date. */
  partOfDayOnly?: boolean;
}

export interface TimeMatch {
  index: number;
  end: number;
  clock: Clock | 'eod';
  /** A bare hour ("around 9"): a time only beside a day. */
  bare?: boolean;
}

export const WEEKDAY_NAMES: Record<string, number> = {
  monday: 1, mon: 1, tuesday: 2, tues: 2, tue: 2, wednesday: 3, wed: 3, thursday: 4, thurs: 4, thur: 4, thu: 4,
  friday: 5, fri: 5, saturday: 6, sunday: 7,
};
export const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
export const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30, 'twenty-four': 24,
  'forty-eight': 48, seventy: 70, 'seventy-two': 72,
};

export const PREP = String.raw`(?:(?:by|on|before|until|till|for|no later than|at|at the latest by|from)\s+)?(?:the\s+)?`;
export const WEEKDAY_RE = String.raw`(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri)`;
export const MONTH_RE = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
export const NUM_RE = String.raw`(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|twenty-four|forty-eight|seventy-two)`;

export function toNumber(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word] ?? 1);
}

export function monthOf(word: string): number {
  return MONTHS[word.slice(0, word.startsWith('sept') ? 4 : 3)] ?? 1;
}

export function isWorkingDay(date: LocalDate, frame: Frame): boolean {
  return frame.hours.days.includes(weekdayOf(date));
}

export function addWorkingDays(date: LocalDate, n: number, frame: Frame): LocalDate {
  let current: LocalDate = date;
  let left = n;
  // Bounded: working days are 1-7 per week, so n working days take at most 7n calendar days.
  for (let guard = 0; left > 0 && guard < n * 7 + 7; guard++) {
    current = addDays(current, 1);
    if (isWorkingDay(current, frame)) left--;
  }
  return current;
}

export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - weekdayOf(date));
}

/** The last working day of the ISO week containing `date` (Friday for Mon-Fri hours). */
export function lastWorkingDayOfWeek(date: LocalDate, frame: Frame): LocalDate {
  const monday = mondayOf(date);
  for (let i = 6; i >= 0; i--) {
    const day = addDays(monday, i);
    if (isWorkingDay(day, frame)) return day;
  }
  return addDays(monday, 4);
}

export function lastWorkingDayOfMonth(year: number, month: number, frame: Frame): LocalDate {
  for (let d = daysInMonth(year, month); d >= 1; d--) {
    const day = { year, month, day: d };
    if (isWorkingDay(day, frame)) return day;
  }
  return { year, month, day: daysInMonth(year, month) };
}

/** The last working day on or before `date` (the date itself when there is none in that month before it). */
export function workingDayOnOrBefore(date: LocalDate, frame: Frame): LocalDate {
  for (let day = date.day; day >= 1; day--) {
    const candidate = { ...date, day };
    if (isWorkingDay(candidate, frame)) return candidate;
  }
  return date;
}

export function compare(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function nextWeekday(today: LocalDate, weekday: number): LocalDate {
  return addDays(today, (weekday - weekdayOf(today) + 7) % 7);
}

/** The next date with this month/day on or after today (next year when it has passed). */
export function nextMonthDay(today: LocalDate, month: number, day: number, year?: number): LocalDate | undefined {
  const fullYear = year === undefined ? undefined : year < 100 ? 2000 + year : year;
  let candidate = { year: fullYear ?? today.year, month, day };
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(candidate.year, month)) return undefined;
  if (fullYear === undefined && compare(candidate, today) < 0) candidate = { ...candidate, year: today.year + 1 };
  return candidate;
}
