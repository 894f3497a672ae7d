/**
 * Due dates for promises, resolved in the user's time zone relative to when the mail was sent.
 *
 * Decisions (the corpus is labelled by these):
 * - "end of day" is the end of working hours (settings.workingHours.end) in the user's zone. When a
 *   promise for "today"/"EOD" is sent after that hour, it means 23:59 that day.
 * - "tonight" / "this evening": 23:59 today. "this morning" / "tomorrow morning" / "<weekday> morning":
 *   12:00. "this afternoon": end of day today. "first thing tomorrow": one hour after working start.
 * - Weekday names ("by Friday", "on Monday", "Friday"): the next such day, today included (said on a
 *   Friday, "by Friday" is today at end of day). "next Friday": the Friday of next week (ISO weeks,
 *   Monday first). "this Friday": the Friday of this week, or of next week if it has passed.
 * - "this week" / "end of the week" / "by the weekend": the last working day of this week, end of day
 *   (next week's when this week's has passed). "next week": the last working day of next week.
 *   "early next week": Tuesday of next week. "mid next week": Wednesday of next week.
 *   "over the weekend": Sunday 23:59.
 * - "end of the month": the last working day of the month; "next month": the last working day of
 *   next month.
 * - Month names alone ("by October", "in October", "during October", "October 2027") mean the whole
 *   month: its last working day, end of day. Like weekday names they mean the next such month, today's
 *   month included; a stated year is kept. The stage of a month narrows it: "early October" / "the start
 *   of October" is the last working day on or before the 10th (the first third), "mid-October" / "the
 *   middle of October" on or before the 15th, and "late October" / "the end of October" the last
 *   working day. An early or mid stage that has already passed means next year's (like an explicit date).
 *   "before October" means before it starts: the last working day of September.
 * - Quarters are calendar quarters (Q1 = January to March; the engine knows no fiscal year, so "fiscal
 *   Q3" and "Q3 FY27" are not read). "by Q4", "in Q4", "end of Q3", "the third quarter": the last
 *   working day of the quarter (end of Q3 = last working day of September); the next such quarter, this
 *   one included; "Q1 2027" / "Q1 '27" keep the year. "early Q3" = the last working day of its first
 *   month, "mid-Q3" = on or before the 15th of its middle month, "before Q3" = the end of Q2. "this
 *   quarter" / "end of the quarter" / "by quarter-end": the last working day of the current quarter;
 *   "next quarter": of the next one.
 * - Years: "by year end", "by the end of the year", "later this year", "this year", "end of 2026": the
 *   last working day of that December; "next year": of next December; "early 2027" = end of April,
 *   "mid-2027" = end of June; "in the new year" = early January (as "early January" above).
 * - Months, quarters and years need a word that gives them a due sense (by, in, during, before, within,
 *   over, early/mid/late, end of): "our October newsletter", "Q3 results", "the year-end report" and
 *   "the plan for next quarter" state no date. Told as a past event they do not either ("as discussed
 *   in October", "the figures we sent in Q3", "in Q3 last year", "earlier this year"). A day in the same
 *   phrase is more precise and wins ("the October event materials by Friday" is due on Friday). Such a
 *   period is flagged `period`, and promises.ts uses one that stands before the commitment only when it
 *   opens the sentence ("In October, we'll ..."), not "Following our review in October, I'll ...".
 *   Lower-case "may" and "march" are never read as months.
 * - "in N days/weeks", "in a couple of days" (2), "in a few days" (3), "in a day or two" (2): that
 *   calendar day at end of day. "in/within N hours/minutes", "within 48 hours": exactly that long after
 *   sending. "within N business/working days": N working days later, end of day.
 * - "by the 20th": the next 20th of a month (today included), end of day.
 * - Explicit dates ("March 5", "5 March", "5th of March", "2026-03-05", "3/5"): end of day on the next
 *   such date (a date earlier than the sent date without a year means next year). Numeric dates are
 *   ambiguous: a number above 12 decides; otherwise zones in the Americas read month/day and every
 *   other zone day/month (the time zone is the only locale hint the engine has).
 * - A clock time alone ("by 3pm", "by noon"): today at that time, or tomorrow if it has passed.
 * - No stated date: `defaultWorkingDays` working days after the sent day, end of day, marked default.
 */
import type { WorkingHours } from '../model/settings';
import type { PromiseContext } from './promises';
import { addDays, assertTimeZone, clockToMinutes, daysInMonth, weekdayOf, zonedParts, zonedToInstant } from './time/zoned';
import type { LocalDateTime } from './time/zoned';

export interface ResolvedDue {
  dueAt: string;
  dueText: string;
  /**
   * The date names a whole month, quarter or year ("in October", "by Q3"). Such phrases also appear
   * as topics and past events, so a caller reading beyond the commitment's own words may discard them.
   */
  period?: boolean;
}

type LocalDate = { year: number; month: number; day: number };
type Clock = { hour: number; minute: number };

interface Frame {
  now: number;
  today: LocalDate;
  nowMinutes: number;
  timeZone: string;
  hours: WorkingHours;
  americas: boolean;
  /** UTC offset at the sent time, in ms: the first guess when turning a local due time into an instant. */
  offsetMs: number;
}

interface DayMatch {
  index: number;
  end: number;
  /** The local date, or an absolute instant (for "in 3 hours"). */
  date?: LocalDate;
  instant?: number;
  /** The default time of day for this phrase; `eod` = end of working hours. */
  clock?: Clock | 'eod' | 'late';
  /** A whole month, quarter or year ("in October", "by Q3"), not a day. */
  period?: boolean;
}

interface TimeMatch {
  index: number;
  end: number;
  clock: Clock | 'eod';
}

const WEEKDAY_NAMES: Record<string, number> = {
  monday: 1, mon: 1, tuesday: 2, tues: 2, tue: 2, wednesday: 3, wed: 3, thursday: 4, thurs: 4, thur: 4, thu: 4,
  friday: 5, fri: 5, saturday: 6, sunday: 7,
};
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30, 'twenty-four': 24,
  'forty-eight': 48, seventy: 70, 'seventy-two': 72,
};

const PREP = String.raw`(?:(?:by|on|before|until|till|for|no later than|at|at the latest by|from)\s+)?(?:the\s+)?`;
const WEEKDAY_RE = String.raw`(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri)`;
const MONTH_RE = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const NUM_RE = String.raw`(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|twenty-four|forty-eight|seventy-two)`;

function toNumber(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word] ?? 1);
}

function monthOf(word: string): number {
  return MONTHS[word.slice(0, word.startsWith('sept') ? 4 : 3)] ?? 1;
}

function isWorkingDay(date: LocalDate, frame: Frame): boolean {
  return frame.hours.days.includes(weekdayOf(date));
}

function addWorkingDays(date: LocalDate, n: number, frame: Frame): LocalDate {
  let current: LocalDate = date;
  let left = n;
  // Bounded: working days are 1-7 per week, so n working days take at most 7n calendar days.
  for (let guard = 0; left > 0 && guard < n * 7 + 7; guard++) {
    current = addDays(current, 1);
    if (isWorkingDay(current, frame)) left--;
  }
  return current;
}

function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - weekdayOf(date));
}

/** The last working day of the ISO week containing `date` (Friday for Mon-Fri hours). */
function lastWorkingDayOfWeek(date: LocalDate, frame: Frame): LocalDate {
  const monday = mondayOf(date);
  for (let i = 6; i >= 0; i--) {
    const day = addDays(monday, i);
    if (isWorkingDay(day, frame)) return day;
  }
  return addDays(monday, 4);
}

function lastWorkingDayOfMonth(year: number, month: number, frame: Frame): LocalDate {
  for (let d = daysInMonth(year, month); d >= 1; d--) {
    const day = { year, month, day: d };
    if (isWorkingDay(day, frame)) return day;
  }
  return { year, month, day: daysInMonth(year, month) };
}

/** The last working day on or before `date` (the date itself when there is none in that month before it). */
function workingDayOnOrBefore(date: LocalDate, frame: Frame): LocalDate {
  for (let day = date.day; day >= 1; day--) {
    const candidate = { ...date, day };
    if (isWorkingDay(candidate, frame)) return candidate;
  }
  return date;
}

/** Where in a period a phrase points: its first third, its middle, its end, or (for "before") the period before it. */
type Stage = 'early' | 'mid' | 'late' | 'before';

function stageOf(sense: string | undefined, part: string | undefined): Stage {
  switch (part?.toLowerCase()) {
    case 'early':
    case 'start':
    case 'beginning':
      return 'early';
    case 'mid':
    case 'middle':
      return 'mid';
    case 'late':
    case 'end':
    case 'close':
      return 'late';
    default:
      return sense?.toLowerCase() === 'before' ? 'before' : 'late';
  }
}

/**
 * A stage of a month. Without a stated year (`today` given), an early or mid stage that has passed
 * means next year's, as an explicit date does.
 */
function monthStage(year: number, month: number, stage: Stage, today: LocalDate | undefined, frame: Frame): LocalDate {
  if (stage === 'before') return month === 1 ? lastWorkingDayOfMonth(year - 1, 12, frame) : lastWorkingDayOfMonth(year, month - 1, frame);
  if (stage === 'late') return lastWorkingDayOfMonth(year, month, frame);
  const date = workingDayOnOrBefore({ year, month, day: stage === 'early' ? 10 : 15 }, frame);
  if (today && compare(date, today) < 0) return monthStage(year + 1, month, stage, undefined, frame);
  return date;
}

/** Calendar quarters: Q1 is January to March. */
function quarterOf(date: LocalDate): number {
  return Math.ceil(date.month / 3);
}

function quarterStage(year: number, quarter: number, stage: Stage, frame: Frame): LocalDate {
  const firstMonth = quarter * 3 - 2;
  switch (stage) {
    case 'early':
      return lastWorkingDayOfMonth(year, firstMonth, frame);
    case 'mid':
      return workingDayOnOrBefore({ year, month: firstMonth + 1, day: 15 }, frame);
    case 'before':
      return quarter === 1 ? lastWorkingDayOfMonth(year - 1, 12, frame) : lastWorkingDayOfMonth(year, firstMonth - 1, frame);
    default:
      return lastWorkingDayOfMonth(year, quarter * 3, frame);
  }
}

function yearStage(year: number, stage: Stage, frame: Frame): LocalDate {
  switch (stage) {
    case 'early':
      return lastWorkingDayOfMonth(year, 4, frame);
    case 'mid':
      return lastWorkingDayOfMonth(year, 6, frame);
    case 'before':
      return lastWorkingDayOfMonth(year - 1, 12, frame);
    default:
      return lastWorkingDayOfMonth(year, 12, frame);
  }
}

const ORDINALS: Record<string, number> = { fir: 1, '1st': 1, sec: 2, '2nd': 2, thi: 3, '3rd': 3, fou: 4, '4th': 4 };

/**
 * A month or quarter told as something that happened ("as discussed in October", "the figures we sent
 * in Q3", "in Q3 last year") is not when anything is due.
 */
const PAST_BEFORE =
  /\b(?:as|we|i|you|they|it|which|that|was|were)\s+(?:\w+\s+)?(?:discussed|agreed|mentioned|met|spoke|talked|said|sent|saw|signed|launched|reported|presented|shared|promised|delivered|did|had|closed|was|were|been)\s+(?:\w+\s+){0,3}$/i;
const PAST_AFTER = /^,?\s*(?:of\s+)?(?:last year|this past|ago\b)/i;

function toldAsPast(m: RegExpExecArray): boolean {
  return PAST_BEFORE.test(m.input.slice(Math.max(0, m.index - 80), m.index)) || PAST_AFTER.test(m.input.slice(m.index + m[0].length));
}

function compare(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function nextWeekday(today: LocalDate, weekday: number): LocalDate {
  return addDays(today, (weekday - weekdayOf(today) + 7) % 7);
}

/** The next date with this month/day on or after today (next year when it has passed). */
function nextMonthDay(today: LocalDate, month: number, day: number, year?: number): LocalDate | undefined {
  const fullYear = year === undefined ? undefined : year < 100 ? 2000 + year : year;
  let candidate = { year: fullYear ?? today.year, month, day };
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(candidate.year, month)) return undefined;
  if (fullYear === undefined && compare(candidate, today) < 0) candidate = { ...candidate, year: today.year + 1 };
  return candidate;
}

type DayBuilder = (m: RegExpExecArray, frame: Frame, today: LocalDate) => Omit<DayMatch, 'index' | 'end'> | undefined;

/** Compiled once: resolving a due date runs every rule over one sentence, for every promise found. */
const DAY_RULES: { re: RegExp; build: DayBuilder; hint?: RegExp }[] = [];

/** `hint`: a cheap test the text must pass before the rule's full pattern is run on it. */
function add(re: RegExp, build: DayBuilder, hint?: RegExp): void {
  DAY_RULES.push({ re: new RegExp(re.source, 'gi'), build, hint });
}

const MONTH_HINT = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;
const QUARTER_HINT = /quarter|\bq[1-4]|\beoq/i;
const YEAR_HINT = /year|\b20\d\d|\beoy/i;

const p = PREP;

add(new RegExp(String.raw`\b${p}(\d{4})-(\d{2})-(\d{2})\b`), (m, frame, today) => {
  const date = nextMonthDay(today, Number(m[2]), Number(m[3]), Number(m[1]));
  return date && { date, clock: 'eod' };
});
// Bare numbers with a slash or dots are often not dates ("24/7", "1/2 hour", "R 2.9.11"): without a year
// they count only after a preposition ("by 3/5", "on 5.3.").
const NUMERIC_LEAD = String.raw`(?<![\w./-])(?:(?:by|on|before|until|till|for|due)\s+(?:the\s+)?)`;
add(new RegExp(String.raw`${NUMERIC_LEAD}?(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?(?![\w/.]*\d)`), (m, frame, today) => {
  if (!m[3] && !/^(?:by|on|before|until|till|for|due)\s/i.test(m[0])) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const dayFirst = a > 12 || (b <= 12 && !frame.americas);
  const date = nextMonthDay(today, dayFirst ? b : a, dayFirst ? a : b, m[3] ? Number(m[3]) : undefined);
  return date && { date, clock: 'eod' };
});
add(new RegExp(String.raw`${NUMERIC_LEAD}?(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2}(?![\d.]))?(?![\d.]*\d)`), (m, frame, today) => {
  if (!(m[3]?.length === 4) && !/^(?:by|on|before|until|till|for|due)\s/i.test(m[0])) return undefined;
  const date = nextMonthDay(today, Number(m[2]), Number(m[1]), m[3] ? Number(m[3]) : undefined);
  return date && { date, clock: 'eod' };
});
add(
  new RegExp(String.raw`\b${p}(?:${WEEKDAY_RE},?\s+)?${MONTH_RE}\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?`),
  (m, frame, today) => {
    const date = nextMonthDay(today, monthOf(m[2]!.toLowerCase()), Number(m[3]), m[4] ? Number(m[4]) : undefined);
    return date && { date, clock: 'eod' };
  },
);
add(
  new RegExp(String.raw`\b${p}(?:${WEEKDAY_RE},?\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH_RE}\b\.?(?:,?\s+(\d{4}))?`),
  (m, frame, today) => {
    const date = nextMonthDay(today, monthOf(m[3]!.toLowerCase()), Number(m[2]), m[4] ? Number(m[4]) : undefined);
    return date && { date, clock: 'eod' };
  },
);
// "by the 20th": the next 20th, this month or next.
add(new RegExp(String.raw`\b(?:by|on|before|until|for)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?${MONTH_RE})`), (m, frame, today) => {
  const n = Number(m[1]);
  if (n < 1 || n > 31) return undefined;
  let year = today.year;
  let month = today.month;
  if (n < today.day) {
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  while (n > daysInMonth(year, month)) month++;
  return { date: { year, month, day: n }, clock: 'eod' };
});

add(/\b(?:by\s+|before\s+)?(?:the\s+)?day after tomorrow\b/, (_m, frame, today) => ({ date: addDays(today, 2), clock: 'eod' }));
add(/\b(?:by\s+|before\s+)?(?:first thing\s+(?:in the morning\s+)?tomorrow(?:\s+morning)?|tomorrow first thing)\b/, (_m, frame, today) => ({
  date: addDays(today, 1),
  clock: { hour: 0, minute: clockToMinutes(frame.hours.start) + 60 },
}));
add(/\b(?:by\s+|before\s+|until\s+)?tomorrow(?:\s+(morning|afternoon|evening|night|eod|cob))?\b/, (m, frame, today) => ({
  date: addDays(today, 1),
  clock: partOfDay(m[1]),
}));
add(/\b(?:by\s+|before\s+)?(?:later\s+)?today\b/, (_m, frame, today) => ({ date: today, clock: 'eod' }));
add(/\b(?:by\s+|before\s+)?(?:tonight|this evening|later tonight)\b/, (_m, frame, today) => ({ date: today, clock: 'late' }));
add(/\b(?:by\s+|before\s+)?this (morning|afternoon)\b/, (m, frame, today) => ({ date: today, clock: partOfDay(m[1]) }));
add(/\b(?:by\s+|before\s+)?(?:the\s+)?end of next week\b/, (_m, frame, today) => ({
  date: lastWorkingDayOfWeek(addDays(mondayOf(today), 7), frame),
  clock: 'eod',
}));
add(/\b(?:early|beginning of|start of|first thing)\s+next week\b/, (_m, frame, today) => ({ date: addDays(mondayOf(today), 8), clock: 'eod' }));
add(/\b(?:mid|middle of)[-\s]next week\b/, (_m, frame, today) => ({ date: addDays(mondayOf(today), 9), clock: 'eod' }));
add(/\b(?:by\s+|during\s+|sometime\s+|within\s+)?(?:the\s+)?(?<!(?:early|mid|beginning of|start of|end of)\s)next week\b/, (_m, frame, today) => ({
  date: lastWorkingDayOfWeek(addDays(mondayOf(today), 7), frame),
  clock: 'eod',
}));
add(
  /\b(?:by\s+|before\s+)?(?:the\s+)?(?:end of (?:the|this) (?:working |work |business )?week|end of week|eow|later this week|this week|within the week|by the weekend|before the weekend|by week'?s end)\b/,
  (_m, frame, today) => {
    let date = lastWorkingDayOfWeek(today, frame);
    if (compare(date, today) < 0) date = lastWorkingDayOfWeek(addDays(today, 7), frame);
    return { date, clock: 'eod' };
  },
);
add(/\b(?:by\s+|before\s+)?mid-?week\b/, (_m, frame, today) => {
  let date = addDays(mondayOf(today), 2);
  if (compare(date, today) < 0) date = addDays(date, 7);
  return { date, clock: 'eod' };
});
// "first week of October": the last working day of the week holding the 1st.
add(new RegExp(String.raw`\b(?:by\s+|in\s+|during\s+)?(?:the\s+)?(first|1st) week of ${MONTH_RE}\b`), (m, frame, today) => {
  const month = monthOf(m[2]!.toLowerCase());
  const first = nextMonthDay(today, month, 1) ?? { year: today.year, month, day: 1 };
  return { date: lastWorkingDayOfWeek(first, frame), clock: 'eod' };
});
// "by the end of October": the last working day of that month.
add(new RegExp(String.raw`\b(?:by\s+|before\s+)?(?:the\s+)?end of ${MONTH_RE}\b`), (m, frame, today) => {
  const month = monthOf(m[1]!.toLowerCase());
  const year = month < today.month ? today.year + 1 : today.year;
  return { date: lastWorkingDayOfMonth(year, month, frame), clock: 'eod' };
});
// Months, quarters and years named as periods: see the header for what each stage ("early", "mid",
// "late", "before") means. They need a word that gives them a due sense; "our October newsletter" and
// "Q3 results" name a topic, not a deadline.
add(
  new RegExp(String.raw`\b(?:(by|before|in|during|within|over|sometime in|some time in|later in)\s+)?(?:(early|mid|late)[-\s]+|(?:the\s+)?(start|beginning|middle) of\s+)?${MONTH_RE}\b(?:(?<=\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec))\.)?(?:,?\s+(\d{4}))?(?!\s*\d)(?!['’]s)`),
  (m, frame, today) => {
    const [, sense, part, partOf, monthWord, yearText] = m;
    if (!sense && !part && !partOf) return undefined;
    // Lower-case "may" and "march" are the verb and the noun far more often than the month.
    if (/^(?:may|mar)/.test(monthWord!)) return undefined;
    if (toldAsPast(m)) return undefined;
    const month = monthOf(monthWord!.toLowerCase());
    const stage = stageOf(sense, part ?? partOf);
    const stated = yearText === undefined ? undefined : Number(yearText);
    const year = stated ?? (month < today.month ? today.year + 1 : today.year);
    return { date: monthStage(year, month, stage, stated === undefined ? today : undefined, frame), clock: 'eod', period: true };
  },
  MONTH_HINT,
);

add(
  new RegExp(String.raw`\b(?:(by|before|in|during|within|over|sometime in|some time in|later in)\s+)?(?:the\s+)?(?:(early|mid|late)[-\s]+|(start|beginning|middle|end|close) of\s+(?:the\s+)?)?(?:q([1-4])|(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)(?:,?\s+(?:of\s+)?(\d{4})|\s*['’](\d{2}))?\b(?!['’]s)(?!\s*(?:of\s+)?(?:fy|fiscal|financial))`),
  (m, frame, today) => {
    const [, sense, part, partOf, digit, ordinal, yearText, shortYear] = m;
    if (!sense && !part && !partOf) return undefined;
    if (toldAsPast(m)) return undefined;
    const quarter = digit ? Number(digit) : ORDINALS[ordinal!.toLowerCase().slice(0, 3)]!;
    const stated = yearText ? Number(yearText) : shortYear ? 2000 + Number(shortYear) : undefined;
    const current = quarterOf(today);
    const year = stated ?? (quarter < current ? today.year + 1 : today.year);
    return { date: quarterStage(year, quarter, stageOf(sense, part ?? partOf), frame), clock: 'eod', period: true };
  },
  QUARTER_HINT,
);

add(
  /\b(?:(by|before|in|during|within|over|sometime in|later|for)\s+)?(?:the\s+)?(?:(early|mid|late)[-\s]+|(start|beginning|middle|end|close) of\s+(?:the\s+)?)?(?<!earlier\s)(?:(next|this|current|the)\s+)?quarter(?![- ]?end)\b(?!['’]s)/,
  (m, frame, today) => {
    const [, senseWord, part, partOf, which] = m;
    const sense = senseWord?.toLowerCase();
    // "the plan for next quarter" names a topic; "the quarter" alone needs "end of" or "within".
    if (sense === 'for' || (!which && !partOf)) return undefined;
    if ((!which || which === 'the') && !partOf && sense !== 'within') return undefined;
    if (toldAsPast(m)) return undefined;
    let year = today.year;
    let quarter = quarterOf(today);
    if (which === 'next') [year, quarter] = quarter === 4 ? [year + 1, 1] : [year, quarter + 1];
    return { date: quarterStage(year, quarter, stageOf(sense === 'later' ? undefined : sense, part ?? partOf), frame), clock: 'eod', period: true };
  },
  QUARTER_HINT,
);

add(
  /\b(?:by|before|at|around)\s+(?:the\s+)?(?:quarter[- ]end|eoq)\b(?!-)/,
  (_m, frame, today) => ({ date: quarterStage(today.year, quarterOf(today), 'late', frame), clock: 'eod', period: true }),
  QUARTER_HINT,
);

add(
  /\b(?:(by|before|in|during|within|over|sometime|later|for|at|around|towards?)\s+)?(?:the\s+)?(?:(early|mid|late)[-\s]+|(start|beginning|middle|end|close) of\s+(?:the\s+)?)?(?<!earlier\s)(?:(?:(next|this|current|the)\s+)?(?:calendar\s+)?year(?![- ]?end)|(20\d\d))\b(?!['’]s)/,
  (m, frame, today) => {
    const [, senseWord, part, partOf, which, yearText] = m;
    const sense = senseWord?.toLowerCase();
    if (sense === 'for' || toldAsPast(m)) return undefined;
    // A bare year ("in 2027") and "the year" need a stage: "end of 2026", "early 2027", "by the end of the year".
    if ((yearText || !which || which === 'the') && !part && !partOf && !(which === 'the' && sense === 'within')) return undefined;
    const year = yearText ? Number(yearText) : which === 'next' ? today.year + 1 : today.year;
    return { date: yearStage(year, stageOf(sense === 'later' || sense === 'sometime' ? undefined : sense, part ?? partOf), frame), clock: 'eod', period: true };
  },
  YEAR_HINT,
);

add(
  /\b(?:by|before|at|around)\s+(?:the\s+)?(?:year[- ]end|eoy)\b(?!-)/,
  (_m, frame, today) => ({ date: yearStage(today.year, 'late', frame), clock: 'eod', period: true }),
  YEAR_HINT,
);

// "in the new year": early January, this January when said in it.
add(
  /\b(?:(?:early\s+)?in|after)\s+the new year\b/,
  (_m, frame, today) => ({
    date: monthStage(today.month === 1 ? today.year : today.year + 1, 1, 'early', undefined, frame),
    clock: 'eod',
    period: true,
  }),
  YEAR_HINT,
);

add(/\b(?:over|during|on|by|at)\s+the weekend\b|\bthis weekend\b/, (m, frame, today) => {
  if (/^by/i.test(m[0])) return undefined;
  return { date: addDays(mondayOf(today), 6), clock: 'late' };
});
add(/\b(?:by\s+|before\s+)?(?:the\s+)?(?:end of (?:the|this) month|end of month|eom|month[- ]end)\b/, (_m, frame, today) => ({
  date: lastWorkingDayOfMonth(today.year, today.month, frame),
  clock: 'eod',
}));
add(/\b(?:by\s+|before\s+)?(?:the\s+)?(?:end of\s+)?next month\b/, (_m, frame, today) => {
  const month = today.month === 12 ? 1 : today.month + 1;
  const year = today.month === 12 ? today.year + 1 : today.year;
  return { date: lastWorkingDayOfMonth(year, month, frame), clock: 'eod' };
});

// Relative durations.
add(new RegExp(String.raw`\b(?:in|within|inside)\s+(?:the\s+next\s+)?${NUM_RE}\s+(?:(business|working|work)\s+)?(minutes?|mins?|hours?|hrs?|days?|weeks?)\b`), (m, frame, today) => {
  const n = toNumber(m[1]!.toLowerCase());
  const unit = m[3]!.toLowerCase();
  if (m[2]) return { date: addWorkingDays(today, unit.startsWith('week') ? n * 5 : n, frame), clock: 'eod' };
  if (unit.startsWith('min')) return { instant: frame.now + n * 60000 };
  if (unit.startsWith('h')) return { instant: frame.now + n * 3600000 };
  return { date: addDays(today, unit.startsWith('week') ? n * 7 : n), clock: 'eod' };
});
add(new RegExp(String.raw`\b${NUM_RE}\s+(business|working|work)\s+days?\b`), (m, frame, today) => ({
  date: addWorkingDays(today, toNumber(m[1]!.toLowerCase()), frame),
  clock: 'eod',
}));
add(/\b(?:in|within)\s+(?:the\s+next\s+)?(?:a\s+)?(couple|few)(?:\s+of)?\s+(hours|days|weeks)\b/, (m, frame, today) => {
  const n = m[1]!.toLowerCase() === 'couple' ? 2 : 3;
  const unit = m[2]!.toLowerCase();
  if (unit === 'hours') return { instant: frame.now + n * 3600000 };
  return { date: addDays(today, unit === 'weeks' ? n * 7 : n), clock: 'eod' };
});
add(/\b(?:in|within)\s+(?:a|the next)\s+day or two\b/, (_m, frame, today) => ({ date: addDays(today, 2), clock: 'eod' }));
add(/\b(?:in|within)\s+(?:the\s+(?:next\s+)?)?(hour|half an hour|half hour)\b/, (m, frame) => ({
  instant: frame.now + (m[1]!.startsWith('half') ? 30 : 60) * 60000,
}));
add(/\bwithin\s+(?:the|a)\s+day\b/, (_m, frame) => ({ instant: frame.now + 24 * 3600000 }));

add(new RegExp(String.raw`\b(?:(?:by|on|before|until|for)\s+)?(first thing\s+(?:on\s+)?)?(next|this|coming|this coming)?\s*${WEEKDAY_RE}\b(?!['’]s\b)(?:\s+(morning|afternoon|evening|night|eod|cob))?`), (m, frame, today) => {
  const weekday = WEEKDAY_NAMES[m[3]!.toLowerCase()];
  if (!weekday) return undefined;
  // "Thursday's call" names an event, not a deadline (excluded by the lookahead above).
  // "Sat"/"Sun" abbreviations are too ambiguous in prose and are not in WEEKDAY_RE.
  const qualifier = m[2]?.toLowerCase();
  let date: LocalDate;
  if (qualifier === 'next') date = addDays(mondayOf(today), 7 + weekday - 1);
  else date = nextWeekday(today, weekday);
  if (m[1]) return { date, clock: { hour: 0, minute: clockToMinutes(frame.hours.start) + 60 } };
  return { date, clock: partOfDay(m[4]) };
});

function dayMatches(text: string, frame: Frame): DayMatch[] {
  const out: DayMatch[] = [];
  for (const { re, build, hint } of DAY_RULES) {
    if (hint && !hint.test(text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const built = build(m, frame, frame.today);
      if (built) out.push({ index: m.index, end: m.index + m[0].length, ...built });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return out;
}

function partOfDay(part: string | undefined): Clock | 'eod' | 'late' {
  switch (part?.toLowerCase()) {
    case 'morning':
      return { hour: 12, minute: 0 };
    case 'evening':
    case 'night':
      return 'late';
    default:
      return 'eod';
  }
}

function timeMatches(text: string): TimeMatch[] {
  const out: TimeMatch[] = [];
  const re =
    /\b(?:(?:by|at|before|until|no later than)\s+)?(?:(\d{1,2})(?::(\d{2}))?\s*((?:a|p)\.m\.|(?:a|p)m)(?![a-z])|(\d{1,2}):(\d{2})\b|(noon|midday|midnight)|(eod|cob|eob|close of (?:business|play)|end of (?:the\s+)?(?:business\s+|working\s+)?day))/gi;
  for (const m of text.matchAll(re)) {
    let clock: Clock | 'eod';
    if (m[1]) {
      let hour = Number(m[1]) % 12;
      if (/^p/i.test(m[3]!)) hour += 12;
      clock = { hour, minute: Number(m[2] ?? 0) };
      if (Number(m[1]) > 12) continue;
    } else if (m[4]) {
      const hour = Number(m[4]);
      if (hour > 23) continue;
      clock = { hour, minute: Number(m[5]) };
    } else if (m[6]) {
      clock = /midnight/i.test(m[6]) ? { hour: 23, minute: 59 } : { hour: 12, minute: 0 };
    } else {
      clock = 'eod';
    }
    out.push({ index: m.index, end: m.index + m[0].length, clock });
  }
  return out;
}

/**
 * Frames by sent time, zone and hours: every promise of a message (and the default due date) shares
 * one, and building one costs an Intl call. Bounded so a long run cannot grow it without limit.
 */
const frames = new Map<string, Frame>();

function frameOf(context: PromiseContext): Frame {
  const { start, end, days } = context.workingHours;
  const key = `${context.sentAt}|${context.timeZone}|${start}|${end}|${days.join(',')}`;
  const cached = frames.get(key);
  if (cached) return cached;
  const frame = buildFrame(context);
  if (frames.size >= 256) frames.clear();
  frames.set(key, frame);
  return frame;
}

function buildFrame(context: PromiseContext): Frame {
  const now = Date.parse(context.sentAt);
  if (Number.isNaN(now)) throw new RangeError(`resolveDueDate: sentAt "${context.sentAt}" is not an ISO 8601 date`);
  assertTimeZone(context.timeZone);
  const parts = zonedParts(now, context.timeZone);
  return {
    now,
    today: { year: parts.year, month: parts.month, day: parts.day },
    nowMinutes: parts.hour * 60 + parts.minute,
    timeZone: context.timeZone,
    hours: context.workingHours,
    americas: /^(?:America|US|Canada|Pacific\/Honolulu)\b/.test(context.timeZone),
    offsetMs: Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - Math.floor(now / 1000) * 1000,
  };
}

/** Local due times already turned into instants, by zone: many promises share "Friday 17:00". */
const instants = new Map<string, number>();

function instantAt(date: LocalDate, clock: Clock | 'eod' | 'late', frame: Frame): number {
  let minutes: number;
  if (clock === 'eod') minutes = clockToMinutes(frame.hours.end);
  else if (clock === 'late') minutes = 23 * 60 + 59;
  else minutes = clock.hour * 60 + clock.minute;
  const local: LocalDateTime = { ...date, hour: Math.floor(minutes / 60), minute: minutes % 60 };
  const key = `${frame.timeZone}|${date.year}-${date.month}-${date.day}|${minutes}`;
  const cached = instants.get(key);
  if (cached !== undefined) return cached;
  let instant: number | undefined;
  // Daylight-saving changes happen at night: a due time from 04:00 on cannot fall into a gap or an
  // overlap, so the sent-time offset (checked with one look at the clock) usually gives it directly.
  if (local.hour! >= 4) {
    const guess = Date.UTC(date.year, date.month - 1, date.day, local.hour!, local.minute!) - frame.offsetMs;
    const seen = zonedParts(guess, frame.timeZone);
    if (seen.day === date.day && seen.hour === local.hour && seen.minute === local.minute && seen.month === date.month) instant = guess;
  }
  instant ??= zonedToInstant(local, frame.timeZone);
  if (instants.size >= 4096) instants.clear();
  instants.set(key, instant);
  return instant;
}

/**
 * The due date stated in `phrase` (a sentence or part of one), or null when it states none.
 * `dueText` is the phrase as written ("by Friday", "tomorrow at 3pm").
 */
/** Every date phrase contains one of these; most text does not, and skips the full rules. */
const DATE_HINT =
  /\d|day|tonight|tomorrow|morning|afternoon|evening|week|month|mon|tue|wed|thu|fri|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|eod|cob|eob|eow|eom|noon|midnight|hour|minute|close of|quarter|year|q[1-4]|eoq|eoy/i;

/** "starting 24 April", "beginning on Monday": the date the commitment starts at. */
const START_MARKER = /\b(?:starting|beginning|commencing|effective|as of)(?:\s+(?:on|from))?[\s,]*$/i;
/** "every Friday", "each Monday": a recurring day, not a date by itself. */
const RECURRING = /\b(?:every|each)\s+(?:other\s+)?$/i;

/**
 * The day match that sets the due date: normally the first one; a stated start date wins ("every
 * Friday, starting 24 April" is first due on 24 April), and a recurring weekday yields to any date.
 */
function chooseDay(phrase: string, days: readonly DayMatch[]): DayMatch | undefined {
  const before = (d: DayMatch): string => phrase.slice(Math.max(0, d.index - 30), d.index);
  const started = days.find((d) => START_MARKER.test(before(d)));
  if (started) return started;
  // A day is more precise than a month or quarter around it: "the October event materials by Friday".
  const first = days.find((d) => !d.period) ?? days[0];
  if (first && RECURRING.test(before(first))) return days.find((d) => d.index > first.index && d.index >= first.end) ?? first;
  return first;
}

export function resolveDueDate(phrase: string, context: PromiseContext): ResolvedDue | null {
  const frame = frameOf(context);
  if (!DATE_HINT.test(phrase)) return null;
  const days = dayMatches(phrase, frame).sort((a, b) => a.index - b.index || b.end - a.end);
  const times = timeMatches(phrase);
  const day = chooseDay(phrase, days);
  const nearTime = times.find((t) => !day || (t.index <= day.end + 25 && t.end >= day.index - 25));
  if (!day && !nearTime) return null;

  let dueAt: number;
  let start: number;
  let end: number;
  if (day) {
    start = day.index;
    end = day.end;
    if (day.instant !== undefined) {
      dueAt = day.instant;
    } else {
      const clock = nearTime && nearTime.clock !== 'eod' ? nearTime.clock : day.clock ?? 'eod';
      if (nearTime) {
        start = Math.min(start, nearTime.index);
        end = Math.max(end, nearTime.end);
      }
      dueAt = instantAt(day.date!, clock, frame);
      // "today"/"EOD" said after working hours ended means later tonight.
      if (clock === 'eod' && compare(day.date!, frame.today) === 0 && dueAt <= frame.now) {
        dueAt = instantAt(frame.today, 'late', frame);
      }
    }
  } else {
    const time = nearTime!;
    start = time.index;
    end = time.end;
    dueAt = instantAt(frame.today, time.clock, frame);
    if (dueAt <= frame.now) {
      dueAt =
        time.clock === 'eod' ? instantAt(frame.today, 'late', frame) : instantAt(addDays(frame.today, 1), time.clock, frame);
    }
  }
  const dueText = phrase.slice(start, end).trim();
  return { dueAt: new Date(dueAt).toISOString(), dueText, ...(day?.period ? { period: true } : {}) };
}

/** The due date a promise gets when it states none: N working days after the sent day, end of day. */
export function defaultDueDate(context: PromiseContext): string {
  const frame = frameOf(context);
  const date = addWorkingDays(frame.today, context.defaultWorkingDays, frame);
  return new Date(instantAt(date, 'eod', frame)).toISOString();
}
