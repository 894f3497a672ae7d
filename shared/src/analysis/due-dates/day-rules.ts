/**
 * The day phrases a due date can be stated with ("by Friday", "tomorrow morning", "end of Q3", "in 3
 * days"), each a pattern and a builder, in the order the header of ../due-dates.ts documents.
 */
import { addDays, clockToMinutes, daysInMonth } from '../time/zoned';
import type { Clock, DayMatch, Frame, LocalDate } from './calendar';
import {
  MONTH_RE,
  NUM_RE,
  PREP,
  WEEKDAY_NAMES,
  WEEKDAY_RE,
  addWorkingDays,
  compare,
  lastWorkingDayOfMonth,
  lastWorkingDayOfWeek,
  mondayOf,
  monthOf,
  nextMonthDay,
  nextWeekday,
  toNumber,
} from './calendar';
import { ORDINALS, monthStage, quarterOf, quarterStage, stageOf, toldAsPast, yearStage } from './periods';

type DayBuilder = (m: RegExpExecArray, frame: Frame, today: LocalDate) => Omit<DayMatch, 'index' | 'end'> | undefined;

/**
 * Compiled once: resolving a due date runs every rule over one sentence, for every promise found. Exported
 * read-only for day-rules.test.ts, which checks each rule's hint against its pattern.
 */
export const DAY_RULES: readonly { re: RegExp; build: DayBuilder; hint: RegExp }[] = [];

/** `hint`: a cheap test the text must pass before the rule's full pattern is run on it. */
function add(re: RegExp, build: DayBuilder, hint: RegExp): void {
  (DAY_RULES as { re: RegExp; build: DayBuilder; hint: RegExp }[]).push({ re: new RegExp(re.source, 'gi'), build, hint });
}

/**
 * A day told as when something happened: "since it only started shipping on Monday", "where it ended this am",
 * "I sent it on Monday (and will send the rest on Friday)". A past verb of the clause stands right before the
 * day, with at most an adverb before it and an object or an -ing word after it; "we will deliver Monday" and
 * "as agreed, I'll send it Monday" are no such thing.
 */
const HAPPENED_BEFORE_DAY =
  /\b(?:i|we|you|it|he|she|they|that|which)\s+(?:\w+ly\s+|only\s+|just\s+|already\s+)?(?:started|began|ended|arrived|came|went|shipped|happened|left|met|spoke|talked|sent|received|released|launched|finished|was|were|did)\s+(?:it\s+|them\s+|this\s+|that\s+|\w+ing\s+)?$/i;
function happenedThen(m: RegExpExecArray): boolean {
  return HAPPENED_BEFORE_DAY.test(m.input.slice(Math.max(0, m.index - 60), m.index));
}

// Hints: a rule runs only on text holding a word its pattern cannot match without (every hint below is a
// literal the pattern contains in each of its alternatives, with the same case-insensitivity), so skipping
// it changes no match. Most sentences name no date, or one kind of date, and skip most rules.
// day-rules.test.ts checks every hint against its rule over the corpus and generated phrases.
const NUMERIC_DASH = /\d-\d/;
const NUMERIC_SLASH = /\d\/\d/;
const NUMERIC_DOT = /\d\.\d/;
const MONTH_WORD = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
const ORDINAL_DAY = /\d(?:st|nd|rd|th)/i;
const TOMORROW = /tomorrow/i;
const TODAY = /today|later in the day/i;
const TONIGHT = /tonight|this eve/i;
const THIS_PART_OF_DAY = /this (?:morning|aft)/i;
const AM_WORD = /(?:this|in|the) am\b/i;
const NEXT_WEEK = /next week/i;
const NEXT_EARLY_WEEK = /next (?:early )?week/i;
const THIS_WE = /this we\b/i;
const IN_NUMBER = /in\s+\d/i;
const WEEK = /week|eow/i;
const WEEK_OF = /week of/i;
const END_OF = /end of/i;
// "week-end" and "week end" are how many European writers spell it.
const WEEKEND = /week[- ]?end/i;
const MONTH = /month|eom/i;
const NEXT_MONTH = /next month/i;
const UNIT = /min|hour|hr|day|week/i;
const DAY = /day/i;
const COUPLE_OR_FEW = /couple|few/i;
const DAY_OR_TWO = /day or two/i;
const FROM_NOW = /from now/i;
const IN_THE_PART_OF_DAY = /in the (?:morning|afternoon|evening)/i;
const HOUR = /hour/i;
const OR_TWO = /or two/i;
const FORTNIGHT = /fortnight/i;
const WITHIN = /within/i;
const WEEKDAY = /mon|tue|wed|thu|fri|saturday|sunday/i;

const MONTH_HINT = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;
const QUARTER_HINT = /quarter|\bq[1-4]|\beoq/i;
const YEAR_HINT = /year|\b20\d\d|\beoy/i;

const p = PREP;

add(new RegExp(String.raw`\b${p}(\d{4})-(\d{2})-(\d{2})\b`), (m, frame, today) => {
  const date = nextMonthDay(today, Number(m[2]), Number(m[3]), Number(m[1]));
  return date && { date, clock: 'eod' };
}, NUMERIC_DASH);
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
}, NUMERIC_SLASH);
add(new RegExp(String.raw`${NUMERIC_LEAD}?(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2}(?![\d.]))?(?![\d.]*\d)`), (m, frame, today) => {
  if (!(m[3]?.length === 4) && !/^(?:by|on|before|until|till|for|due)\s/i.test(m[0])) return undefined;
  const date = nextMonthDay(today, Number(m[2]), Number(m[1]), m[3] ? Number(m[3]) : undefined);
  return date && { date, clock: 'eod' };
}, NUMERIC_DOT);
add(
  new RegExp(String.raw`\b${p}(?:${WEEKDAY_RE},?\s+)?${MONTH_RE}\.?\s+(?:the\s+(?=\d{1,2}(?:st|nd|rd|th)))?(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?`),
  (m, frame, today) => {
    const date = nextMonthDay(today, monthOf(m[2]!.toLowerCase()), Number(m[3]), m[4] ? Number(m[4]) : undefined);
    return date && { date, clock: 'eod' };
  },
  MONTH_WORD,
);
add(
  new RegExp(String.raw`\b${p}(?:${WEEKDAY_RE},?\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH_RE}\b\.?(?:,?\s+(\d{4}))?`),
  (m, frame, today) => {
    const date = nextMonthDay(today, monthOf(m[3]!.toLowerCase()), Number(m[2]), m[4] ? Number(m[4]) : undefined);
    return date && { date, clock: 'eod' };
  },
  MONTH_WORD,
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
}, ORDINAL_DAY);

// "tomorrow or the day after" offers the later day, as "X or Y" does when both are named.
add(/\b(?:by\s+|before\s+)?(?:(?:the\s+)?day after tomorrow|tomorrow or (?:on\s+)?the day after)\b/, (_m, frame, today) => ({ date: addDays(today, 2), clock: 'eod' }), TOMORROW);
add(/\b(?:by\s+|before\s+)?(?:first thing\s+(?:in the morning\s+)?tomorrow(?:\s+morning)?|tomorrow first thing)\b/, (_m, frame, today) => ({
  date: addDays(today, 1),
  clock: { hour: 0, minute: clockToMinutes(frame.hours.start) + 60 },
}), TOMORROW);
add(/\b(?:by\s+|before\s+|until\s+)?tomorrow(?:\s+(morning|afternoon|evening|night|eod|cob|am))?\b/, (m, frame, today) => ({
  date: addDays(today, 1),
  clock: partOfDay(m[1]),
}), TOMORROW);
add(/\b(?:by\s+|before\s+)?(?:(?:later\s+)?today|later in the day)\b/, (_m, frame, today) => ({ date: today, clock: 'eod' }), TODAY);
add(/\b(?:by\s+|before\s+)?(?:tonight|this evening|this eve|later tonight)\b/, (_m, frame, today) => ({ date: today, clock: 'late' }), TONIGHT);
// The dot of the abbreviation "aft." is part of the date; a sentence's closing dot is not.
add(/\b(?:by\s+|before\s+)?this (morning|afternoon|aft)\b(?:(?<=aft)\.)?/, (m, frame, today) => (happenedThen(m) ? undefined : { date: today, clock: partOfDay(m[1]) }), THIS_PART_OF_DAY);
// "this am" is this morning; "in am" / "in the am" the next morning to come: today's when said before noon.
add(/\b(?:by\s+|before\s+)?(?:this|in(?: the)?) am\b/, (m, frame, today) => (happenedThen(m) ? undefined : {
  date: /^(?:by\s+|before\s+)?this/i.test(m[0]) || frame.nowMinutes < 12 * 60 ? today : addDays(today, 1),
  clock: partOfDay('morning'),
}), AM_WORD);
add(/\b(?:by\s+|before\s+)?(?:the\s+)?end of next week\b/, (_m, frame, today) => ({
  date: lastWorkingDayOfWeek(addDays(mondayOf(today), 7), frame),
  clock: 'eod',
}), NEXT_WEEK);
// "next early week" is how some writers order "early next week".
add(/\b(?:(?:early|beginning of|start of|first thing)\s+next week|next early week)\b/, (_m, frame, today) => ({ date: addDays(mondayOf(today), 8), clock: 'eod' }), NEXT_EARLY_WEEK);
add(/\b(?:mid|middle of)[-\s]next week\b/, (_m, frame, today) => ({ date: addDays(mondayOf(today), 9), clock: 'eod' }), NEXT_WEEK);
add(/\b(?:by\s+|during\s+|sometime\s+|within\s+)?(?:the\s+)?(?<!(?:early|mid|beginning of|start of|end of)\s)next week\b/, (_m, frame, today) => ({
  date: lastWorkingDayOfWeek(addDays(mondayOf(today), 7), frame),
  clock: 'eod',
}), NEXT_WEEK);
add(
  /\b(?:by\s+|before\s+)?(?:the\s+)?(?:end of (?:the|this) (?:working |work |business )?week|end of week|eow|later this week|later in the week|during the week(?![- ]?end)(?!\s+(?:of|after|before)\b)|this week(?![- ]?end)|within the week|by the week[- ]?end|before the week[- ]?end|by week'?s end)\b/,
  (_m, frame, today) => {
    let date = lastWorkingDayOfWeek(today, frame);
    if (compare(date, today) < 0) date = lastWorkingDayOfWeek(addDays(today, 7), frame);
    return { date, clock: 'eod' };
  },
  WEEK,
);
add(/\b(?:by\s+|before\s+)?mid-?week\b/, (_m, frame, today) => {
  let date = addDays(mondayOf(today), 2);
  if (compare(date, today) < 0) date = addDays(date, 7);
  return { date, clock: 'eod' };
}, WEEK);
// "first week of October": the last working day of the week holding the 1st.
add(new RegExp(String.raw`\b(?:by\s+|in\s+|during\s+)?(?:the\s+)?(first|1st) week of ${MONTH_RE}\b`), (m, frame, today) => {
  const month = monthOf(m[2]!.toLowerCase());
  const first = nextMonthDay(today, month, 1) ?? { year: today.year, month, day: 1 };
  return { date: lastWorkingDayOfWeek(first, frame), clock: 'eod' };
}, WEEK_OF);
// "by the end of October": the last working day of that month.
add(new RegExp(String.raw`\b(?:by\s+|before\s+)?(?:the\s+)?end of ${MONTH_RE}\b`), (m, frame, today) => {
  const month = monthOf(m[1]!.toLowerCase());
  const year = month < today.month ? today.year + 1 : today.year;
  return { date: lastWorkingDayOfMonth(year, month, frame), clock: 'eod' };
}, END_OF);
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

// "after the weekend", "after this weekend": the first working day after this week's Sunday.
add(/\bafter (?:the|this) week[- ]?end\b/, (_m, frame, today) => ({ date: addWorkingDays(addDays(mondayOf(today), 6), 1, frame), clock: 'eod' }), WEEKEND);
// "this WE": the weekend in the short form of French and German writers; only in capitals ("this we can do" is no date).
add(/\bthis WE\b/, (m, frame, today) => (m[0].endsWith('WE') ? { date: addDays(mondayOf(today), 6), clock: 'late' } : undefined), THIS_WE);
add(/\b(?:over|during|on|by|at)\s+the week[- ]?end\b|(?<!\bafter )\bthis week[- ]?end\b/, (m, frame, today) => {
  if (/^by/i.test(m[0])) return undefined;
  return { date: addDays(mondayOf(today), 6), clock: 'late' };
}, WEEKEND);
add(/\b(?:by\s+|before\s+)?(?:the\s+)?(?:end of (?:the|this) month|end of month|eom|month[- ]end)\b/, (_m, frame, today) => ({
  date: lastWorkingDayOfMonth(today.year, today.month, frame),
  clock: 'eod',
}), MONTH);
// "early next month", "mid-next month": the stage of next month, as "early October" is of October.
add(/\b(?:by\s+|before\s+)?(?:the\s+)?(early|mid|middle of|beginning of|start of|late)[-\s]+(?:the\s+)?next month\b/, (m, frame, today) => {
  const month = today.month === 12 ? 1 : today.month + 1;
  const year = today.month === 12 ? today.year + 1 : today.year;
  const stage = stageOf(undefined, m[1]!.toLowerCase().replace(/ of$/, ''));
  return { date: monthStage(year, month, stage, undefined, frame), clock: 'eod' };
}, NEXT_MONTH);
add(/\b(?:by\s+|before\s+)?(?:the\s+)?(?:end of\s+)?next month\b/, (m, frame, today) => {
  // "before next month" is before it starts, as "before October" is.
  if (/^before\s+(?!the\s+end)/i.test(m[0])) return { date: lastWorkingDayOfMonth(today.year, today.month, frame), clock: 'eod' };
  const month = today.month === 12 ? 1 : today.month + 1;
  const year = today.month === 12 ? today.year + 1 : today.year;
  return { date: lastWorkingDayOfMonth(year, month, frame), clock: 'eod' };
}, NEXT_MONTH);

// Relative durations.
// "in about 2 weeks" is read as in 2 weeks; "in the next one or two weeks" as the later of the two.
const ROUGHLY = String.raw`(?:(?:about|around|approximately|roughly|some)\s+)?`;
// "in 2-3 days" and "60-90 minutes from now" are ranges too: the later end is the promise.
const FIRST_OF_RANGE = String.raw`(?:${NUM_RE.replace('(', '(?:')}(?:\s+(?:or|to)\s+|\s*[-–]\s*))?`;
add(new RegExp(String.raw`\b(?:in|within|inside)\s+(?:the\s+next\s+)?${ROUGHLY}${FIRST_OF_RANGE}${NUM_RE}\s+(?:(business|working|work)\s+)?(minutes?|mins?|hours?|hrs?|days?|weeks?)\b`), (m, frame, today) => {
  const n = toNumber(m[1]!.toLowerCase());
  const unit = m[3]!.toLowerCase();
  if (m[2]) return { date: addWorkingDays(today, unit.startsWith('week') ? n * 5 : n, frame), clock: 'eod' };
  if (unit.startsWith('min')) return { instant: frame.now + n * 60000 };
  if (unit.startsWith('h')) return { instant: frame.now + n * 3600000 };
  return { date: addDays(today, unit.startsWith('week') ? n * 7 : n), clock: 'eod' };
}, UNIT);
// "Will call thru ops in 5.", "back in 10": a bare number closing a quick reply counts minutes. Only in a short
// phrase (a quick reply) and up to 30; "fixed in 2.9." and "as described in 5 of the FAQ" are no such close.
add(/\bin\s+(\d{1,2})(?=\s*[.!]*\s*$)/, (m, frame) => {
  const n = Number(m[1]);
  if (n < 1 || n > 30 || m.input.length > 60) return undefined;
  return { instant: frame.now + n * 60000 };
}, IN_NUMBER);
add(new RegExp(String.raw`\b${NUM_RE}\s+(business|working|work)\s+days?\b`), (m, frame, today) => ({
  date: addWorkingDays(today, toNumber(m[1]!.toLowerCase()), frame),
  clock: 'eod',
}), DAY);
add(/\b(?:in|within)\s+(?:the\s+next\s+)?(?:a\s+)?(couple|few)(?:\s+of)?\s+(hours|days|weeks)\b/, (m, frame, today) => {
  const n = m[1]!.toLowerCase() === 'couple' ? 2 : 3;
  const unit = m[2]!.toLowerCase();
  if (unit === 'hours') return { instant: frame.now + n * 3600000 };
  return { date: addDays(today, unit === 'weeks' ? n * 7 : n), clock: 'eod' };
}, COUPLE_OR_FEW);
// "60-90 minutes from now", "two days from now": counted from the sending, as "in 90 minutes".
add(new RegExp(String.raw`\b${ROUGHLY}${FIRST_OF_RANGE}${NUM_RE}\s+(minutes?|mins?|hours?|hrs?|days?|weeks?)\s+from now\b`), (m, frame, today) => {
  const n = toNumber(m[1]!.toLowerCase());
  const unit = m[2]!.toLowerCase();
  if (unit.startsWith('min')) return { instant: frame.now + n * 60000 };
  if (unit.startsWith('h')) return { instant: frame.now + n * 3600000 };
  return { date: addDays(today, unit.startsWith('week') ? n * 7 : n), clock: 'eod' };
}, FROM_NOW);
// "I'll do so in the morning", "in the afternoon I will upload it": the next such part of the day to come (today's
// while it lasts). Only a time of day: any other day in the phrase wins ("on Monday, in the morning").
add(/\b(?:by\s+|before\s+)?(?:later\s+)?in the (morning|afternoon|evening)\b(?!\s+of\b)/, (m, frame, today) => {
  const part = m[1]!.toLowerCase();
  const endsAt = part === 'morning' ? 12 * 60 : part === 'afternoon' ? clockToMinutes(frame.hours.end) : 24 * 60;
  return { date: frame.nowMinutes < endsAt ? today : addDays(today, 1), clock: partOfDay(part), partOfDayOnly: true };
}, IN_THE_PART_OF_DAY);
add(/\b(?:in|within)\s+(?:a|the next)\s+day or two\b/, (_m, frame, today) => ({ date: addDays(today, 2), clock: 'eod' }), DAY_OR_TWO);
// "in an hour or two", "within a week or two": the later, as "in the next one or two weeks".
add(/\b(?:in|within)\s+(?:an?|one|the next)\s+(hour|week)\s+or\s+two\b/, (m, frame, today) =>
  m[1]!.toLowerCase() === 'hour' ? { instant: frame.now + 2 * 3600000 } : { date: addDays(today, 14), clock: 'eod' }, OR_TWO);
add(/\b(?:in|within)\s+(?:a|one|the next)\s+fortnight\b|\bin\s+(?:a|one)\s+fortnight'?s time\b/, (_m, frame, today) => ({ date: addDays(today, 14), clock: 'eod' }), FORTNIGHT);
add(/\b(?:in|within)\s+(?:the\s+(?:next\s+)?)?(hour|half an hour|half hour)\b/, (m, frame) => ({
  instant: frame.now + (m[1]!.startsWith('half') ? 30 : 60) * 60000,
}), HOUR);
add(/\bwithin\s+(?:the|a)\s+day\b/, (_m, frame) => ({ instant: frame.now + 24 * 3600000 }), WITHIN);

add(new RegExp(String.raw`\b(?:(?:by|on|before|until|for)\s+)?(first thing\s+(?:on\s+)?)?(next|this|coming|this coming)?\s*${WEEKDAY_RE}\b(?!['’]s\b)(?:\s+(morning|afternoon|evening|night|eod|cob|am))?`), (m, frame, today) => {
  const weekday = WEEKDAY_NAMES[m[3]!.toLowerCase()];
  if (!weekday || happenedThen(m)) return undefined;
  // "Thursday's call" names an event, not a deadline (excluded by the lookahead above).
  // "Sat"/"Sun" abbreviations are too ambiguous in prose and are not in WEEKDAY_RE.
  const qualifier = m[2]?.toLowerCase();
  let date: LocalDate;
  if (qualifier === 'next') date = addDays(mondayOf(today), 7 + weekday - 1);
  else date = nextWeekday(today, weekday);
  if (m[1]) return { date, clock: { hour: 0, minute: clockToMinutes(frame.hours.start) + 60 } };
  return { date, clock: partOfDay(m[4]) };
}, WEEKDAY);

/** One rule's pattern matched in a text: what dayMatches reads before it knows the frame. */
export interface DayRuleMatch {
  rule: number;
  m: RegExpExecArray;
}

/**
 * Every rule's matches in `text`, in rule order: the costly part of dayMatches, and a function of the text
 * alone, so a caller may keep it per phrase and build the days for each send time (buildDays).
 */
export function dayRuleMatches(text: string): DayRuleMatch[] {
  const out: DayRuleMatch[] = [];
  for (let rule = 0; rule < DAY_RULES.length; rule++) {
    const { re, hint } = DAY_RULES[rule]!;
    if (!hint.test(text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      out.push({ rule, m });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return out;
}

/** The days those matches state in `frame` (a builder may refuse a match, e.g. a date that does not exist). */
export function buildDays(matches: readonly DayRuleMatch[], frame: Frame): DayMatch[] {
  const out: DayMatch[] = [];
  for (const { rule, m } of matches) {
    const built = DAY_RULES[rule]!.build(m, frame, frame.today);
    if (built) out.push({ index: m.index, end: m.index + m[0].length, ...built });
  }
  return out;
}

export function dayMatches(text: string, frame: Frame): DayMatch[] {
  return buildDays(dayRuleMatches(text), frame);
}

export function partOfDay(part: string | undefined): Clock | 'eod' | 'late' {
  switch (part?.toLowerCase()) {
    // "Thursday am", "tomorrow am": the short form of the morning in quick mail.
    case 'am':
    case 'morning':
      return { hour: 12, minute: 0 };
    case 'evening':
    case 'night':
      return 'late';
    default:
      return 'eod';
  }
}

