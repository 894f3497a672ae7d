/**
 * Due dates for promises, resolved in the user's time zone relative to when the mail was sent.
 *
 * Decisions (the corpus is labelled by these):
 * - "end of day" is the end of working hours (settings.workingHours.end) in the user's zone. When a
 *   promise for "today"/"EOD" is sent after that hour, it means 23:59 that day.
 * - "tonight" / "this evening" / "this eve": 23:59 today. "this morning" / "this am" / "tomorrow morning" /
 *   "<weekday> morning": 12:00; "in am" / "in the am": 12:00 of the next morning (today's when said before noon). "this afternoon": end of day today. "first thing tomorrow": one hour after working start.
 * - Weekday names ("by Friday", "on Monday", "Friday"): the next such day, today included (said on a
 *   Friday, "by Friday" is today at end of day). "next Friday": the Friday of next week (ISO weeks,
 *   Monday first). "this Friday": the Friday of this week, or of next week if it has passed.
 * - "this week" / "end of the week" / "by the weekend": the last working day of this week, end of day
 *   (next week's when this week's has passed). "next week": the last working day of next week.
 *   "early next week": Tuesday of next week. "mid next week": Wednesday of next week.
 *   "over the weekend": Sunday 23:59; "after the weekend": the first working day after it. "later in the week"
 *   as "this week".
 * - "end of the month": the last working day of the month; "next month": the last working day of
 *   next month, and its stages as a month name's ("early next month" on or before the 10th, "mid-next month"
 *   the 15th); "before next month" is the end of this one.
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
 *   calendar day at end of day; "in about N weeks" is N weeks, "in one or two weeks" the later (two), as
 *   "in an hour or two" and "within a week or two"; "in a fortnight" is 14 days.
 *   "in/within N hours/minutes", "within 48 hours", "90 minutes from now": exactly that long after sending
 *   ("N days from now" as "in N days"). A range is due at its end ("in 2-3 days", "60-90 minutes from now").
 *   Only "in" or "within" dates a window without a number ("in a few days"): "over the next few days", "during
 *   the following days" and "in the next days" tell the time the work spans, not a deadline. "within N
 *   business/working days": N working days later, end of day.
 * - "in the morning" / "in the afternoon" / "in the evening": the next such part of the day to come (today's
 *   while it lasts: the morning until noon, the afternoon until the end of working hours), at the times
 *   above; a day stated beside it sets the date ("on Monday, in the morning" is due on Monday).
 * - "by the 20th": the next 20th of a month (today included), end of day.
 * - Explicit dates ("March 5", "5 March", "5th of March", "2026-03-05", "3/5"): end of day on the next
 *   such date (a date earlier than the sent date without a year means next year). Numeric dates are
 *   ambiguous: a number above 12 decides; otherwise zones in the Americas read month/day and every
 *   other zone day/month (the time zone is the only locale hint the engine has).
 * - A clock time alone ("by 3pm", "by noon", "by lunch" = noon): today at that time, or tomorrow if it has passed.
 *   "after lunch" is the afternoon: end of day today.
 * - A weekday or "this morning" told as when something happened ("since it only started shipping on Monday",
 *   "where it ended this am", "I sent it on Monday"): a past verb right before it. It states no due date.
 * - A clock time after "by", "before" or "no later than" later in the sentence than its day dates that day ("tomorrow
 *   after I talk with Sheri - should be by 11:00 am" is tomorrow 11:00), unless another day stands between. "after
 *   11am" / "from 3pm" is the earliest time, not a deadline; "between 8pm and 9pm" is due at its end.
 * - A bare "in 5" closing a short phrase (a quick reply) is five minutes (up to 30).
 * - "next early week" is "early next week"; "this WE" (capitals) the weekend; "during the week" as "this week".
 * - "if not today, then on Monday" said on a Monday is next Monday ("later today or Monday" keeps today).
 * - Days that are not the due date (due-dates/not-due.ts): the day of an event arranged ("set up a meeting on
 *   Thursday", "find a time next week"), prepared for ("talking points for the interview tomorrow") or written about
 *   ("a note discussing our call on Friday"); a day that is the act's object ("take care of Sunday"); the earliest
 *   the act can happen ("won't be before this weekend"); the writer's absence ("I am out of the office today"); a
 *   day asked about ("whether Tues 10/26 is an option").
 * - No stated date: `defaultWorkingDays` working days after the sent day, end of day, marked default.
 */
import { utcIso } from './time/utc-iso';
import { addDays } from './time/zoned';
import type { DayMatch, TimeMatch } from './due-dates/calendar';
import { addWorkingDays, compare } from './due-dates/calendar';
import { timeMatches } from './due-dates/clock';
import { buildDays, dayRuleMatches, type DayRuleMatch } from './due-dates/day-rules';
import type { DueDateContext } from './due-dates/frame';
import { frameOf, instantAt } from './due-dates/frame';
import { namesNoDueDay } from './due-dates/not-due';
import { groupedAnywhereByFirstLetter } from './text/first-letter-alternation';

export type { DueDateContext } from './due-dates/frame';

export interface ResolvedDue {
  dueAt: string;
  dueText: string;
  /**
   * The date names a whole month, quarter or year ("in October", "by Q3"). Such phrases also appear
   * as topics and past events, so a caller reading beyond the commitment's own words may discard them.
   */
  period?: boolean;
}

/**
 * The due date stated in `phrase` (a sentence or part of one), or null when it states none.
 * `dueText` is the phrase as written ("by Friday", "tomorrow at 3pm").
 */
/** Every date phrase contains one of these; most text does not, and skips the full rules. */
const DATE_HINT_WRITTEN =
  /\d|day|this we\b|aft|tonight|this eve|(?:this|in|the) am\b|tomorrow|morning|afternoon|evening|week|month|mon|tue|wed|thu|fri|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|eod|cob|eob|eow|eom|noon|lunch|fortnight|midnight|hour|minute|mins?\b|close of|quarter|year|q[1-4]|eoq|eoy/i;
/** DATE_HINT_WRITTEN as the engine reads it fastest (text/first-letter-alternation.ts); read with test() only. */
const DATE_HINT = groupedAnywhereByFirstLetter(DATE_HINT_WRITTEN);

/** "starting 24 April", "beginning on Monday": the date the commitment starts at. */
const START_MARKER = /\b(?:starting|beginning|commencing|effective|as of)(?:\s+(?:on|from))?[\s,]*$/i;
/** "every Friday", "each Monday": a recurring day, not a date by itself. */
const RECURRING = /\b(?:every|each)\s+(?:other\s+)?$/i;

/**
 * The day match that sets the due date: normally the first one; a stated start date wins ("every
 * Friday, starting 24 April" is first due on 24 April), and a recurring weekday yields to any date.
 */
// A module-level function rather than a closure made per call: under tsx (which runs the CLI and the server)
// every named closure is also given its name at creation (esbuild's keepNames), a slow property definition.
/** The 30 characters before a day match, where "starting" or "every" would stand. */
function textBefore(phrase: string, d: DayMatch): string {
  return phrase.slice(Math.max(0, d.index - 30), d.index);
}

const IF_NOT = /\bif not\s*$/i;
const THEN_BEFORE = /(?:\bthen|,)\s+(?:on\s+|by\s+)?$/i;

/**
 * A weekday offered as the fallback of today ("if not today, then on Monday" said on a Monday) is next week's:
 * today is the day ruled out. "later today or Monday" said on a Monday keeps today (weekdays include today).
 */
function laterThanFirst(phrase: string, fallback: DayMatch, first: DayMatch): DayMatch {
  if (!fallback.date || !first.date || compare(fallback.date, first.date) !== 0 || !WEEKDAY_WORD.test(phrase.slice(fallback.index, fallback.end))) return fallback;
  return { ...fallback, date: addDays(fallback.date, 7) };
}
const WEEKDAY_WORD = /\b(?:mon|tue|wed|thu|fri|sat|sun)/i;

function chooseDay(phrase: string, days: readonly DayMatch[]): DayMatch | undefined {
  const started = days.find((d) => START_MARKER.test(textBefore(phrase, d)));
  if (started) return started;
  // A day is more precise than a month or quarter around it: "the October event materials by Friday".
  const first = days.find((d) => !d.period && !d.partOfDayOnly) ?? days.find((d) => !d.period) ?? days[0];
  if (first && RECURRING.test(textBefore(phrase, first))) return days.find((d) => d.index > first.index && d.index >= first.end) ?? first;
  // "today or this weekend", "Monday or Tuesday at the latest", "later today or early tomorrow": the later of two days is the promise.
  // "if not today (...) then on Monday": the day after "then" is the one promised.
  if (first && IF_NOT.test(textBefore(phrase, first))) {
    const fallback = days.find((d) => d.index >= first.end && THEN_BEFORE.test(textBefore(phrase, d)));
    if (fallback) return laterThanFirst(phrase, fallback, first);
  }
  const alternative = first && days.find((d) => d.index >= first.end && /^\s*,?\s*or(?:\s+(?:at (?:the )?latest|at last))?(?:\s+(?:by|on|early|first thing))?\s*$/i.test(phrase.slice(first.end, d.index)));
  return alternative ?? first;
}

/**
 * A deadline time told later in the sentence than its day: "I will call you tomorrow after I talk with
 * Sheri - should be by 11:00 am". Only a clock time after "by", "before" or "no later than", with no other
 * day between: "tomorrow after the meeting at 11:00 am" names the meeting's time, not ours.
 */
const DEADLINE_WORD = /^(?:by|before|no later than)\s/i;
function laterDeadline(phrase: string, day: DayMatch, times: readonly TimeMatch[], days: readonly DayMatch[]): TimeMatch | undefined {
  const time = times.find((t) => t.index >= day.end && t.index - day.end <= 80 && !t.bare && t.clock !== 'eod' && DEADLINE_WORD.test(phrase.slice(t.index, t.end)));
  if (!time || days.some((d) => d.index >= day.end && d.index < time.index)) return undefined;
  return time;
}

/**
 * Phrases already resolved in a frame: the promise rules ask about the same clause several times (does it
 * name a date, which one), and the answer depends only on the phrase and the frame. Bounded.
 */
const resolvedPhrases = new Map<string, ResolvedDue | null>();

export function resolveDueDate(phrase: string, context: DueDateContext): ResolvedDue | null {
  if (!DATE_HINT.test(phrase)) return null;
  const { start, end, days } = context.workingHours;
  const key = `${context.sentAt}|${context.timeZone}|${start}|${end}|${days.join(',')}\u0000${phrase}`;
  const cached = resolvedPhrases.get(key);
  if (cached !== undefined) return cached;
  const resolved = resolveUncached(phrase, context);
  if (resolvedPhrases.size >= 2048) resolvedPhrases.clear();
  resolvedPhrases.set(key, resolved);
  return resolved;
}

/** What the rules read in a phrase before any send time is known: its day-rule matches and clock times. */
interface PhraseReading {
  days: readonly DayRuleMatch[];
  times: readonly TimeMatch[];
}

/**
 * Phrase readings by phrase text. The same phrase ("by Friday", "tomorrow") recurs across mail sent at
 * different times, and reading it (every rule's pattern) costs far more than dating it, so the reading is
 * kept per phrase and only dated per send time. Bounded: a long run meets new phrases forever.
 */
const phraseReadings = new Map<string, PhraseReading>();

function readPhrase(phrase: string): PhraseReading {
  let reading = phraseReadings.get(phrase);
  if (!reading) {
    // Days the phrase names but does not set as due (due-dates/not-due.ts) depend on its words alone: left out here, once per phrase.
    const days = dayRuleMatches(phrase).filter(({ m }) => !namesNoDueDay(phrase, m.index, m.index + m[0].length));
    reading = { days, times: timeMatches(phrase) };
    if (phraseReadings.size >= 4096) phraseReadings.clear();
    phraseReadings.set(phrase, reading);
  }
  return reading;
}

function resolveUncached(phrase: string, context: DueDateContext): ResolvedDue | null {
  const frame = frameOf(context);
  const reading = readPhrase(phrase);
  const days = buildDays(reading.days, frame).sort((a, b) => a.index - b.index || b.end - a.end);
  const times = reading.times;
  const day = chooseDay(phrase, days);
  const nearTime =
    times.find((t) => (!day && !t.bare) || (day && t.index <= day.end + 25 && t.end >= day.index - 25)) ??
    (day && day.clock === 'eod' ? laterDeadline(phrase, day, times, days) : undefined);
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
  return { dueAt: utcIso(dueAt), dueText, ...(day?.period ? { period: true } : {}) };
}

/** The due date a promise gets when it states none: N working days after the sent day, end of day. */
export function defaultDueDate(context: DueDateContext): string {
  const frame = frameOf(context);
  const date = addWorkingDays(frame.today, context.defaultWorkingDays, frame);
  return utcIso(instantAt(date, 'eod', frame));
}
