/**
 * Months, quarters and years as due dates: which day a stage of a period ("early October", "end of Q3",
 * "mid-2027") means, and when a period is told as a past event rather than a deadline.
 */
import type { Frame, LocalDate } from './calendar';
import { compare, lastWorkingDayOfMonth, workingDayOnOrBefore } from './calendar';

/** Where in a period a phrase points: its first third, its middle, its end, or (for "before") the period before it. */
export type Stage = 'early' | 'mid' | 'late' | 'before';

export function stageOf(sense: string | undefined, part: string | undefined): Stage {
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
export function monthStage(year: number, month: number, stage: Stage, today: LocalDate | undefined, frame: Frame): LocalDate {
  if (stage === 'before') return month === 1 ? lastWorkingDayOfMonth(year - 1, 12, frame) : lastWorkingDayOfMonth(year, month - 1, frame);
  if (stage === 'late') return lastWorkingDayOfMonth(year, month, frame);
  const date = workingDayOnOrBefore({ year, month, day: stage === 'early' ? 10 : 15 }, frame);
  if (today && compare(date, today) < 0) return monthStage(year + 1, month, stage, undefined, frame);
  return date;
}

/** Calendar quarters: Q1 is January to March. */
export function quarterOf(date: LocalDate): number {
  return Math.ceil(date.month / 3);
}

export function quarterStage(year: number, quarter: number, stage: Stage, frame: Frame): LocalDate {
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

export function yearStage(year: number, stage: Stage, frame: Frame): LocalDate {
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

export const ORDINALS: Record<string, number> = { fir: 1, '1st': 1, sec: 2, '2nd': 2, thi: 3, '3rd': 3, fou: 4, '4th': 4 };

/**
 * A month or quarter told as something that happened ("as discussed in October", "the figures we sent
 * in Q3", "in Q3 last year") is not when anything is due.
 */
const PAST_BEFORE =
  /\b(?:as|we|i|you|they|it|which|that|was|were)\s+(?:\w+\s+)?(?:discussed|agreed|mentioned|met|spoke|talked|said|sent|saw|signed|launched|reported|presented|shared|promised|delivered|did|had|closed|was|were|been)\s+(?:\w+\s+){0,3}$/i;
const PAST_AFTER = /^,?\s*(?:of\s+)?(?:last year|this past|ago\b)/i;

export function toldAsPast(m: RegExpExecArray): boolean {
  return PAST_BEFORE.test(m.input.slice(Math.max(0, m.index - 80), m.index)) || PAST_AFTER.test(m.input.slice(m.index + m[0].length));
}
