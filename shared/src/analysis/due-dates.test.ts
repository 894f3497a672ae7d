import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKING_HOURS } from '../model/settings';
import { defaultDueDate, resolveDueDate } from './due-dates';
import type { PromiseContext } from './promises';

function at(sentAt: string, timeZone: string, defaultWorkingDays = 2): PromiseContext {
  return { sentAt, timeZone, workingHours: DEFAULT_WORKING_HOURS, defaultWorkingDays };
}

/** dueAt as an instant, so expectations can be written with the zone's offset. */
function due(phrase: string, context: PromiseContext): number | null {
  const resolved = resolveDueDate(phrase, context);
  return resolved ? Date.parse(resolved.dueAt) : null;
}

// Wednesday 4 March 2026, 10:00 in Berlin (CET, +01:00).
const berlinWed = at('2026-03-04T10:00:00+01:00', 'Europe/Berlin');

describe('resolveDueDate', () => {
  it('reads weekday names: next occurrence, today included; "next Friday" is in next week', () => {
    expect(due('by Friday', berlinWed)).toBe(Date.parse('2026-03-06T17:00:00+01:00'));
    expect(due('on Wednesday', berlinWed)).toBe(Date.parse('2026-03-04T17:00:00+01:00'));
    expect(due('next Friday', berlinWed)).toBe(Date.parse('2026-03-13T17:00:00+01:00'));
    expect(due('next Tuesday', berlinWed)).toBe(Date.parse('2026-03-10T17:00:00+01:00'));
    expect(due('Monday morning', berlinWed)).toBe(Date.parse('2026-03-09T12:00:00+01:00'));
    expect(due('first thing Monday', berlinWed)).toBe(Date.parse('2026-03-09T10:00:00+01:00'));
  });

  it('reads a bare hour beside a day in office hours, on the right day in every zone ("on Monday around 9" sent on a Saturday)', () => {
    for (const [sentAt, timeZone, expected] of [
      ['2026-03-07T11:00:00Z', 'Europe/London', '2026-03-09T09:00:00Z'],
      ['2026-03-07T23:30:00-08:00', 'America/Los_Angeles', '2026-03-09T09:00:00-07:00'],
      ['2026-03-07T08:00:00+13:00', 'Pacific/Auckland', '2026-03-09T09:00:00+13:00'],
    ] as const) {
      expect(resolveDueDate("I'll call you on Monday around 9.", at(sentAt, timeZone))).toEqual({ dueAt: new Date(expected).toISOString(), dueText: 'on Monday around 9' });
    }
    expect(due('on Friday at 2', berlinWed)).toBe(Date.parse('2026-03-06T14:00:00+01:00'));
    // Alone, "at 9" is as often a count as a time; and "by 8 April" is a date, not 8 o'clock.
    expect(resolveDueDate('we were at 9 last week', berlinWed)).toBeNull();
    expect(due('by 8 April', berlinWed)).toBe(Date.parse('2026-04-08T17:00:00+02:00'));
  });

  it('takes the later of two days offered as alternatives, and reads "this aft" and "May the 4th"', () => {
    expect(resolveDueDate('today or this weekend', berlinWed)?.dueText).toBe('this weekend');
    // The dot of "aft." belongs to the date, a sentence's closing dot does not.
    expect(resolveDueDate('I will drop the samples off this afternoon.', berlinWed)?.dueText).toBe('this afternoon');
    expect(resolveDueDate('I will drop them off this aft. if that suits', berlinWed)?.dueText).toBe('this aft.');
    expect(due('Monday or Tuesday at the latest', berlinWed)).toBe(Date.parse('2026-03-10T17:00:00+01:00'));
    expect(resolveDueDate('an update later today or early tomorrow', berlinWed)?.dueText).toBe('tomorrow');
    expect(resolveDueDate('tomorrow or at last on Saturday', berlinWed)?.dueText).toBe('on Saturday');
    expect(due('an e-mail later in the day', berlinWed)).toBe(Date.parse('2026-03-04T17:00:00+01:00'));
    expect(due("I'm going to check it this aft", berlinWed)).toBe(Date.parse('2026-03-04T17:00:00+01:00'));
    expect(due('I shall coordinate the meeting on May the 4th', berlinWed)).toBe(Date.parse('2026-05-04T17:00:00+02:00'));
  });

  it('reads "tomorrow or the day after" as the later day, and "if not today, then on Monday" as Monday (round 17)', () => {
    expect(due('You will have the figures tomorrow or the day after.', berlinWed)).toBe(Date.parse('2026-03-06T17:00:00+01:00'));
    expect(due("I'll finish it, if not today (the office closes early) then on Monday.", berlinWed)).toBe(Date.parse('2026-03-09T17:00:00+01:00'));
    expect(due("I'll send it, if not today, Monday.", berlinWed)).toBe(Date.parse('2026-03-09T17:00:00+01:00'));
    expect(due("I'll send the draft today, then on Monday the final.", berlinWed)).toBe(Date.parse('2026-03-04T17:00:00+01:00'));
  });

  it('takes a stated start date over a recurring weekday', () => {
    // Tuesday 14 April 2026: the first weekly summary is due on Friday 24 April, not on Friday 17 April.
    const berlinTue = at('2026-04-14T10:00:00+02:00', 'Europe/Berlin');
    const weekly = resolveDueDate("We'll send you a weekly summary every Friday, starting 24 April.", berlinTue);
    expect(weekly?.dueAt).toBe(new Date(Date.parse('2026-04-24T17:00:00+02:00')).toISOString());
    expect(weekly?.dueText).toMatch(/^24 April/);
    expect(due('every Monday, beginning on 4 May', berlinTue)).toBe(Date.parse('2026-05-04T17:00:00+02:00'));
    // A recurring day alone still gives its next occurrence; a plain weekday before a date still wins.
    expect(due('every Friday', berlinTue)).toBe(Date.parse('2026-04-17T17:00:00+02:00'));
    expect(due('by Friday, and the invoice on 30 April', berlinTue)).toBe(Date.parse('2026-04-17T17:00:00+02:00'));
  });

  it('reads today, tonight, tomorrow and their parts of the day', () => {
    expect(due('by end of day', berlinWed)).toBe(Date.parse('2026-03-04T17:00:00+01:00'));
    expect(due('COB', berlinWed)).toBe(Date.parse('2026-03-04T17:00:00+01:00'));
    expect(due('later today', berlinWed)).toBe(Date.parse('2026-03-04T17:00:00+01:00'));
    expect(due('tonight', berlinWed)).toBe(Date.parse('2026-03-04T23:59:00+01:00'));
    // "this eve" is short for this evening; the eve of an event is no date.
    expect(due('notes this eve', berlinWed)).toBe(Date.parse('2026-03-04T23:59:00+01:00'));
    expect(due('on the eve of the summit', berlinWed)).toBeNull();
    // "this am" is this morning; "in am" the next morning to come (today's before noon, else tomorrow's).
    // "I am" and "8 am" are no part of day.
    expect(due("I'll call her this am", berlinWed)).toBe(Date.parse('2026-03-04T12:00:00+01:00'));
    expect(due('I will give you a call in am', berlinWed)).toBe(Date.parse('2026-03-04T12:00:00+01:00'));
    expect(due('I will give you a call in the am', at('2026-03-04T18:30:00+01:00', 'Europe/Berlin'))).toBe(Date.parse('2026-03-05T12:00:00+01:00'));
    expect(due('I am sending it', berlinWed)).toBeNull();
    expect(due('the spam filter', berlinWed)).toBeNull();
    expect(due('this afternoon', berlinWed)).toBe(Date.parse('2026-03-04T17:00:00+01:00'));
    expect(due('tomorrow', berlinWed)).toBe(Date.parse('2026-03-05T17:00:00+01:00'));
    expect(due('tomorrow morning', berlinWed)).toBe(Date.parse('2026-03-05T12:00:00+01:00'));
    // "tomorrow am" and "Thursday am": the short form of the morning (round 10); "Thursday at 10 am" keeps its clock.
    expect(due('I will send head table suggestions on Thursday am', berlinWed)).toBe(Date.parse('2026-03-05T12:00:00+01:00'));
    expect(due('tomorrow am', berlinWed)).toBe(Date.parse('2026-03-05T12:00:00+01:00'));
    expect(due('Thursday at 10 am', berlinWed)).toBe(Date.parse('2026-03-05T10:00:00+01:00'));
    expect(due('first thing tomorrow', berlinWed)).toBe(Date.parse('2026-03-05T10:00:00+01:00'));
    expect(due('tomorrow at 3pm', berlinWed)).toBe(Date.parse('2026-03-05T15:00:00+01:00'));
  });

  it('treats "EOD" said after working hours as later that night', () => {
    const sydneyEvening = at('2026-01-13T18:30:00+11:00', 'Australia/Sydney');
    expect(due("I'll have it back to you by EOD today", sydneyEvening)).toBe(Date.parse('2026-01-13T23:59:00+11:00'));
  });

  it('reads "noon" and "COB" only as whole words ("if noone objects", "the cobalt order" state no time)', () => {
    expect(resolveDueDate("I'll send it if noone objects.", berlinWed)).toBeNull();
    expect(resolveDueDate('I will chase the cobalt order.', berlinWed)).toBeNull();
    expect(due('by noon', berlinWed)).toBe(Date.parse('2026-03-04T12:00:00+01:00'));
    expect(due('by COB', berlinWed)).toBe(Date.parse('2026-03-04T17:00:00+01:00'));
  });

  it('moves a clock time that has passed to tomorrow', () => {
    expect(due('by 3pm', berlinWed)).toBe(Date.parse('2026-03-04T15:00:00+01:00'));
    expect(due('by 9:30 a.m.', berlinWed)).toBe(Date.parse('2026-03-05T09:30:00+01:00'));
    expect(due('by noon', berlinWed)).toBe(Date.parse('2026-03-04T12:00:00+01:00'));
  });

  it('reads weeks and months: end of week, early/next week, end of month, next month', () => {
    expect(due('by the end of the week', berlinWed)).toBe(Date.parse('2026-03-06T17:00:00+01:00'));
    expect(due('early next week', berlinWed)).toBe(Date.parse('2026-03-10T17:00:00+01:00'));
    expect(due('next week', berlinWed)).toBe(Date.parse('2026-03-13T17:00:00+01:00'));
    expect(due('by the end of next week', berlinWed)).toBe(Date.parse('2026-03-13T17:00:00+01:00'));
    // Last working day of March is Tuesday the 31st, after Berlin moved to summer time.
    expect(due('by end of the month', berlinWed)).toBe(Date.parse('2026-03-31T17:00:00+02:00'));
    expect(due('next month', berlinWed)).toBe(Date.parse('2026-04-30T17:00:00+02:00'));
    expect(due('by mid-week', at('2026-11-02T08:30:00-07:00', 'America/Denver'))).toBe(Date.parse('2026-11-04T17:00:00-07:00'));
    // 1 October 2026 is a Thursday: its week ends on Friday the 2nd.
    expect(due('by the first week of October', berlinWed)).toBe(Date.parse('2026-10-02T17:00:00+02:00'));
    expect(due('by the end of October', berlinWed)).toBe(Date.parse('2026-10-30T17:00:00+01:00'));
  });

  it('reads a month name alone as that whole month, and its early / mid / late stages', () => {
    // Last working day of October 2026 is Friday the 30th (Berlin is back on CET by then).
    expect(due('by October', berlinWed)).toBe(Date.parse('2026-10-30T17:00:00+01:00'));
    expect(due('in October', berlinWed)).toBe(Date.parse('2026-10-30T17:00:00+01:00'));
    expect(due('sometime in Oct.', berlinWed)).toBe(Date.parse('2026-10-30T17:00:00+01:00'));
    expect(due('late October', berlinWed)).toBe(Date.parse('2026-10-30T17:00:00+01:00'));
    // Saturday 10 October: early October is Friday the 9th; mid-October Thursday the 15th.
    expect(due('early October', berlinWed)).toBe(Date.parse('2026-10-09T17:00:00+02:00'));
    expect(due('by the beginning of October', berlinWed)).toBe(Date.parse('2026-10-09T17:00:00+02:00'));
    expect(due('by mid-October', berlinWed)).toBe(Date.parse('2026-10-15T17:00:00+02:00'));
    expect(due('in mid October', berlinWed)).toBe(Date.parse('2026-10-15T17:00:00+02:00'));
    // Sunday 15 March: the middle of March is Friday the 13th.
    expect(due('by the middle of March', berlinWed)).toBe(Date.parse('2026-03-13T17:00:00+01:00'));
    // Before October = before it starts.
    expect(due('before October', berlinWed)).toBe(Date.parse('2026-09-30T17:00:00+02:00'));
    // Today's month is included; a month that has passed this year is next year's; a stated year is kept.
    expect(due('by March', berlinWed)).toBe(Date.parse('2026-03-31T17:00:00+02:00'));
    expect(due('in February', berlinWed)).toBe(Date.parse('2027-02-26T17:00:00+01:00'));
    expect(due('in October 2027', berlinWed)).toBe(Date.parse('2027-10-29T17:00:00+02:00'));
    // Early March has passed on 20 March: next year's.
    expect(due('early March', at('2026-03-20T10:00:00+01:00', 'Europe/Berlin'))).toBe(Date.parse('2027-03-10T17:00:00+01:00'));
    // In May the month is capitalised; "may" is the verb.
    expect(due('in May', berlinWed)).toBe(Date.parse('2026-05-29T17:00:00+02:00'));
    expect(due('in may', berlinWed)).toBeNull();
  });

  it('still reads a month that starts or ends an explicit date as that date', () => {
    expect(due('October 5', berlinWed)).toBe(Date.parse('2026-10-05T17:00:00+02:00'));
    expect(due('by October 5', berlinWed)).toBe(Date.parse('2026-10-05T17:00:00+02:00'));
    expect(due('by Oct. 5th', berlinWed)).toBe(Date.parse('2026-10-05T17:00:00+02:00'));
    expect(due('by 5 October', berlinWed)).toBe(Date.parse('2026-10-05T17:00:00+02:00'));
    expect(due('on the 5th of October 2027', berlinWed)).toBe(Date.parse('2027-10-05T17:00:00+02:00'));
    expect(resolveDueDate("I'll send it by October 5.", berlinWed)?.dueText).toBe('by October 5');
  });

  it('reads calendar quarters: end, early, mid, before, next and this quarter', () => {
    expect(due('end of Q3', berlinWed)).toBe(Date.parse('2026-09-30T17:00:00+02:00'));
    expect(due('by the end of the third quarter', berlinWed)).toBe(Date.parse('2026-09-30T17:00:00+02:00'));
    expect(due('by Q4', berlinWed)).toBe(Date.parse('2026-12-31T17:00:00+01:00'));
    expect(due('in Q1 2027', berlinWed)).toBe(Date.parse('2027-03-31T17:00:00+02:00'));
    expect(due("by Q2 '27", berlinWed)).toBe(Date.parse('2027-06-30T17:00:00+02:00'));
    // This quarter is included; Q1 has not passed on 4 March. The first working day is not "end of Q1":
    // the last working day of March 2026 is Tuesday the 31st.
    expect(due('in Q1', berlinWed)).toBe(Date.parse('2026-03-31T17:00:00+02:00'));
    expect(due('by Q1', at('2026-05-04T10:00:00+02:00', 'Europe/Berlin'))).toBe(Date.parse('2027-03-31T17:00:00+02:00'));
    expect(due('early Q3', berlinWed)).toBe(Date.parse('2026-07-31T17:00:00+02:00'));
    expect(due('by mid-Q3', berlinWed)).toBe(Date.parse('2026-08-14T17:00:00+02:00'));
    expect(due('before Q3', berlinWed)).toBe(Date.parse('2026-06-30T17:00:00+02:00'));
    expect(due('next quarter', berlinWed)).toBe(Date.parse('2026-06-30T17:00:00+02:00'));
    expect(due('by the end of the quarter', berlinWed)).toBe(Date.parse('2026-03-31T17:00:00+02:00'));
    expect(due('this quarter', berlinWed)).toBe(Date.parse('2026-03-31T17:00:00+02:00'));
    expect(due('by quarter-end', berlinWed)).toBe(Date.parse('2026-03-31T17:00:00+02:00'));
    // Said in Q4, next quarter is Q1 of next year.
    const december = at('2026-12-02T10:00:00-05:00', 'America/New_York');
    expect(due('early next quarter', december)).toBe(Date.parse('2027-01-29T17:00:00-05:00'));
    expect(due('next quarter', december)).toBe(Date.parse('2027-03-31T17:00:00-04:00'));
  });

  it('reads year ends, this and next year, and the new year', () => {
    expect(due('by year end', berlinWed)).toBe(Date.parse('2026-12-31T17:00:00+01:00'));
    expect(due('by the end of the year', berlinWed)).toBe(Date.parse('2026-12-31T17:00:00+01:00'));
    expect(due('before the end of this year', berlinWed)).toBe(Date.parse('2026-12-31T17:00:00+01:00'));
    expect(due('later this year', berlinWed)).toBe(Date.parse('2026-12-31T17:00:00+01:00'));
    expect(due('by end of 2027', berlinWed)).toBe(Date.parse('2027-12-31T17:00:00+01:00'));
    expect(due('next year', berlinWed)).toBe(Date.parse('2027-12-31T17:00:00+01:00'));
    expect(due('early next year', berlinWed)).toBe(Date.parse('2027-04-30T17:00:00+02:00'));
    expect(due('by mid-2027', berlinWed)).toBe(Date.parse('2027-06-30T17:00:00+02:00'));
    // 10 January 2027 is a Sunday.
    expect(due('in the new year', at('2026-12-15T10:00:00+01:00', 'Europe/Berlin'))).toBe(Date.parse('2027-01-08T17:00:00+01:00'));
  });

  it('finds no due date in a month, quarter or year named as a topic or a past event', () => {
    for (const text of [
      "I'll send you our October newsletter.",
      'Q3 results were strong.',
      "I'll send the year-end report.",
      "I'll send the plan for next quarter.",
      "I'll share the Q4 roadmap.",
      "I'll send the figures we discussed in October.",
      'As agreed in Q3, the rates stay the same.',
      "I'll send the numbers from Q3 last year.",
      'We grew a lot earlier this year.',
      'in 2027',
      'by the end of the fiscal year',
      'in Q3 FY27',
      'We will march on.',
    ]) {
      expect({ text, due: resolveDueDate(text, berlinWed) }).toEqual({ text, due: null });
    }
  });

  it('prefers a day to a month or quarter around it, and flags a period', () => {
    const both = resolveDueDate("I'll send the materials for the event in October by Friday.", berlinWed);
    expect(both?.dueText).toBe('by Friday');
    expect(both?.period).toBeUndefined();
    expect(resolveDueDate("We'll deliver it in Q3.", berlinWed)?.period).toBe(true);
  });

  it('reads durations: calendar days, hours, business days, "a couple of days"', () => {
    expect(due('in 3 days', berlinWed)).toBe(Date.parse('2026-03-07T17:00:00+01:00'));
    expect(due('within 48 hours', berlinWed)).toBe(Date.parse('2026-03-06T10:00:00+01:00'));
    expect(due('in 30 minutes', berlinWed)).toBe(Date.parse('2026-03-04T10:30:00+01:00'));
    expect(due('within three business days', berlinWed)).toBe(Date.parse('2026-03-09T17:00:00+01:00'));
    expect(due('in a couple of days', berlinWed)).toBe(Date.parse('2026-03-06T17:00:00+01:00'));
    expect(due('within the hour', berlinWed)).toBe(Date.parse('2026-03-04T11:00:00+01:00'));
    // A rough or a ranged duration: "about" is dropped, a range is due at its end.
    expect(due('in around 2 weeks', berlinWed)).toBe(Date.parse('2026-03-18T17:00:00+01:00'));
    expect(due('in the next one or two weeks', berlinWed)).toBe(Date.parse('2026-03-18T17:00:00+01:00'));
    expect(due('within 2 to 3 days', berlinWed)).toBe(Date.parse('2026-03-07T17:00:00+01:00'));
    expect(due('in 2-3 days', berlinWed)).toBe(Date.parse('2026-03-07T17:00:00+01:00'));
    // Counted from the sending with "from now", ranges included.
    expect(due('I will call probably around 60-90 minutes from now', berlinWed)).toBe(Date.parse('2026-03-04T11:30:00+01:00'));
    expect(due('two days from now', berlinWed)).toBe(Date.parse('2026-03-06T17:00:00+01:00'));
    // A window the work spans, without a number, states no date ("in a few days" does, above).
    expect(resolveDueDate('over the next few days', berlinWed)).toBeNull();
    expect(resolveDueDate('in the next days', berlinWed)).toBeNull();
  });

  it('reads the later of "an hour or two", a fortnight, "after the weekend", "later in the week" and the stages of next month', () => {
    expect(due('in an hour or two', berlinWed)).toBe(Date.parse('2026-03-04T12:00:00+01:00'));
    expect(due('within a week or two', berlinWed)).toBe(Date.parse('2026-03-18T17:00:00+01:00'));
    expect(due('in a fortnight', berlinWed)).toBe(Date.parse('2026-03-18T17:00:00+01:00'));
    expect(due('after the weekend', berlinWed)).toBe(Date.parse('2026-03-09T17:00:00+01:00'));
    expect(due('after the weekend', at('2026-03-07T11:00:00+01:00', 'Europe/Berlin'))).toBe(Date.parse('2026-03-09T17:00:00+01:00'));
    expect(due('after this weekend', berlinWed)).toBe(Date.parse('2026-03-09T17:00:00+01:00'));
    expect(due('this weekend', berlinWed)).toBe(Date.parse('2026-03-08T23:59:00+01:00'));
    // Spelled apart, as many European writers do (round 15): the weekend, not "this week".
    expect(due('this week-end', berlinWed)).toBe(Date.parse('2026-03-08T23:59:00+01:00'));
    expect(due('this week end', berlinWed)).toBe(Date.parse('2026-03-08T23:59:00+01:00'));
    expect(due('over the week-end', berlinWed)).toBe(Date.parse('2026-03-08T23:59:00+01:00'));
    expect(due('by the week-end', berlinWed)).toBe(Date.parse('2026-03-06T17:00:00+01:00'));
    expect(due('after the week-end', berlinWed)).toBe(Date.parse('2026-03-09T17:00:00+01:00'));
    expect(due('later in the week', berlinWed)).toBe(Date.parse('2026-03-06T17:00:00+01:00'));
    expect(due('early next month', berlinWed)).toBe(Date.parse('2026-04-10T17:00:00+02:00'));
    expect(due('mid-next month', berlinWed)).toBe(Date.parse('2026-04-15T17:00:00+02:00'));
    expect(due('late next month', berlinWed)).toBe(Date.parse('2026-04-30T17:00:00+02:00'));
    expect(due('before next month', berlinWed)).toBe(Date.parse('2026-03-31T17:00:00+02:00'));
    expect(due('by the end of next month', berlinWed)).toBe(Date.parse('2026-04-30T17:00:00+02:00'));
  });

  it('reads lunch as a time: "by lunch" is noon, "after lunch" the end of the day', () => {
    expect(due("i'll get the numbers over to you after lunch", berlinWed)).toBe(Date.parse('2026-03-04T17:00:00+01:00'));
    expect(due('I will send it by lunch', berlinWed)).toBe(Date.parse('2026-03-04T12:00:00+01:00'));
    expect(due('I will send it by lunchtime', at('2026-03-04T14:00:00+01:00', 'Europe/Berlin'))).toBe(Date.parse('2026-03-05T12:00:00+01:00'));
    expect(due('on Monday by lunch', berlinWed)).toBe(Date.parse('2026-03-09T12:00:00+01:00'));
    expect(due('tomorrow after lunch', berlinWed)).toBe(Date.parse('2026-03-05T17:00:00+01:00'));
    expect(resolveDueDate('we had a nice lunch', berlinWed)).toBeNull();
  });

  it('skips a day told as when something happened, and keeps a day of ours after it', () => {
    expect(resolveDueDate("I'll build RPMs when I get it, but since it only started shipping on Monday, it is early yet", berlinWed)).toBeNull();
    expect(resolveDueDate('Will check in with Dave on where it ended this am', berlinWed)).toBeNull();
    expect(resolveDueDate('I sent it on Monday and will send the rest on Friday', berlinWed)?.dueText).toBe('on Friday');
    // A future of ours stays a due date, whatever comes before it.
    expect(due('we will deliver on Monday', berlinWed)).toBe(Date.parse('2026-03-09T17:00:00+01:00'));
    expect(due('As agreed, I will send it this morning', at('2026-03-04T08:00:00+01:00', 'Europe/Berlin'))).toBe(Date.parse('2026-03-04T12:00:00+01:00'));
  });

  it('reads "in the morning / afternoon / evening" as the next such part of the day, and lets a stated day win', () => {
    const late = at('2026-03-04T22:30:00+01:00', 'Europe/Berlin');
    expect(due("I'll do so in the morning", late)).toBe(Date.parse('2026-03-05T12:00:00+01:00'));
    expect(due("I'll do so in the morning", at('2026-03-04T08:00:00+01:00', 'Europe/Berlin'))).toBe(Date.parse('2026-03-04T12:00:00+01:00'));
    expect(due('In the afternoon, I will upload the files', berlinWed)).toBe(Date.parse('2026-03-04T17:00:00+01:00'));
    expect(due('In the afternoon, I will upload the files', at('2026-03-04T18:00:00+01:00', 'Europe/Berlin'))).toBe(Date.parse('2026-03-05T17:00:00+01:00'));
    expect(due('I will call you in the evening', berlinWed)).toBe(Date.parse('2026-03-04T23:59:00+01:00'));
    expect(resolveDueDate("I'll send it in the morning on Monday", berlinWed)?.dueText).toBe('on Monday');
    // "the morning of the 5th" names the 5th, not the next morning.
    expect(resolveDueDate('in the morning of the 5th', berlinWed)?.dueText).not.toBe('in the morning');
  });

  it('reads explicit dates, "the 20th" and numeric dates by the zone\'s convention', () => {
    expect(due('by March 12', berlinWed)).toBe(Date.parse('2026-03-12T17:00:00+01:00'));
    expect(due('on 5th of April', berlinWed)).toBe(Date.parse('2026-04-05T17:00:00+02:00'));
    expect(due('by 2026-04-02', berlinWed)).toBe(Date.parse('2026-04-02T17:00:00+02:00'));
    expect(due('by the 20th', berlinWed)).toBe(Date.parse('2026-03-20T17:00:00+01:00'));
    expect(due('by the 2nd', berlinWed)).toBe(Date.parse('2026-04-02T17:00:00+02:00'));
    // A date that has passed this year means next year.
    expect(due('by February 10', berlinWed)).toBe(Date.parse('2027-02-10T17:00:00+01:00'));
    // 6/4: 6 April in Berlin, June 4 in New York; 25/3 is unambiguous anywhere.
    expect(due('by 6/4', berlinWed)).toBe(Date.parse('2026-04-06T17:00:00+02:00'));
    const newYork = at('2026-03-04T10:00:00-05:00', 'America/New_York');
    expect(due('by 6/4', newYork)).toBe(Date.parse('2026-06-04T17:00:00-04:00'));
    expect(due('by 25/3', newYork)).toBe(Date.parse('2026-03-25T17:00:00-04:00'));
    expect(due('bis 5.3.2027', berlinWed)).toBe(Date.parse('2027-03-05T17:00:00+01:00'));
    // A stated year is kept even when the date has passed (the promise is simply overdue).
    expect(due('on 30/01/2026', berlinWed)).toBe(Date.parse('2026-01-30T17:00:00+01:00'));
    // Numbers that only look like dates.
    expect(due("We'll monitor the queue 24/7", berlinWed)).toBeNull();
    expect(due("I'll upgrade the server to R 2.9.11", berlinWed)).toBeNull();
    expect(due('It takes 1/2 hour', berlinWed)).toBeNull();
  });

  it('is correct across the US spring-forward change', () => {
    // Friday 6 March 2026 16:30 EST; clocks go forward on Sunday 8 March.
    const friday = at('2026-03-06T16:30:00-05:00', 'America/New_York');
    expect(due('by Monday', friday)).toBe(Date.parse('2026-03-09T17:00:00-04:00'));
    expect(due('in 2 hours', friday)).toBe(Date.parse('2026-03-06T18:30:00-05:00'));
    expect(due('by Friday', friday)).toBe(Date.parse('2026-03-06T17:00:00-05:00'));
  });

  it('is correct across the European fall-back change', () => {
    const friday = at('2026-10-23T09:15:00+02:00', 'Europe/Berlin');
    expect(due('on Monday', friday)).toBe(Date.parse('2026-10-26T17:00:00+01:00'));
    expect(due('within 24 hours', friday)).toBe(Date.parse('2026-10-24T09:15:00+02:00'));
  });

  it('on a Saturday, "end of the week" means the coming Friday', () => {
    const saturday = at('2026-03-28T10:00:00+01:00', 'Europe/Paris');
    expect(due('by the end of the week', saturday)).toBe(Date.parse('2026-04-03T17:00:00+02:00'));
  });

  it('returns the phrase as written and null when no date is stated', () => {
    expect(resolveDueDate("I'll send the deck by Friday.", berlinWed)?.dueText).toBe('by Friday');
    expect(resolveDueDate("I'll call you tomorrow at 10am.", berlinWed)?.dueText).toBe('tomorrow at 10am');
    expect(resolveDueDate("I'll send the deck as soon as possible.", berlinWed)).toBeNull();
    expect(resolveDueDate("I'll send you an invite for Thursday's call.", berlinWed)).toBeNull();
  });

  it('reads a deadline time told later in the sentence than its day, and no time of another event (due dates round 2)', () => {
    expect(due("I'll ring you tomorrow once I've spoken to the supplier - it should be by 10:30 am.", berlinWed)).toBe(Date.parse('2026-03-05T10:30:00+01:00'));
    expect(due("I'll phone you on Friday when the figures are in, before 2pm at the latest.", berlinWed)).toBe(Date.parse('2026-03-06T14:00:00+01:00'));
    // The time of another event, and a deadline that belongs to a later day, leave the day at its end.
    expect(due("I'll call you tomorrow after the quarterly board meeting at 11:00 am.", berlinWed)).toBe(Date.parse('2026-03-05T17:00:00+01:00'));
    expect(due("I'll send the outline tomorrow and the full draft on Friday by 3pm.", berlinWed)).toBe(Date.parse('2026-03-05T17:00:00+01:00'));
  });

  it('reads "after 11am" as the earliest time, not a deadline, and a range "between X and Y" as due at its end (due dates round 2)', () => {
    expect(resolveDueDate('Will call after 11am', berlinWed)).toBeNull();
    expect(resolveDueDate("I'll be reachable from 3pm on.", berlinWed)).toBeNull();
    expect(due('Will call by 11am', berlinWed)).toBe(Date.parse('2026-03-04T11:00:00+01:00'));
    expect(resolveDueDate("I'll call you between 2pm and 3pm.", berlinWed)).toEqual({ dueAt: new Date(Date.parse('2026-03-04T15:00:00+01:00')).toISOString(), dueText: 'between 2pm and 3pm' });
    expect(due("I'll call you tomorrow between 9:00 and 10:30.", berlinWed)).toBe(Date.parse('2026-03-05T10:30:00+01:00'));
  });

  it('reads a bare "in 5" closing a quick reply as minutes (due dates round 2)', () => {
    expect(due('Will call thru the switchboard in 5.', berlinWed)).toBe(Date.parse('2026-03-04T10:05:00+01:00'));
    expect(due('back in 10!', berlinWed)).toBe(Date.parse('2026-03-04T10:10:00+01:00'));
    // Not past half an hour, not inside a sentence, and not in a long sentence, where a number is a version or an item.
    expect(resolveDueDate('Will call in 45.', berlinWed)).toBeNull();
    expect(resolveDueDate('I will put it in 5 places.', berlinWed)).toBeNull();
    expect(resolveDueDate('The change you asked for will be part of the release we are planning, in 5.', berlinWed)).toBeNull();
  });

  it('does not take the day of an event arranged, prepared for or talked about as the due date (due dates round 2)', () => {
    expect(resolveDueDate("I'll see if we can set up a meeting on Thursday the 5th.", berlinWed)).toBeNull();
    expect(resolveDueDate("We'll work with Anna to find a time next week.", berlinWed)).toBeNull();
    expect(resolveDueDate('I will send you talking points for the interview tomorrow.', berlinWed)).toBeNull();
    // Writing about a call on Friday, by the end of today.
    expect(due("I'll write a note discussing our call on Friday by end of day.", berlinWed)).toBe(Date.parse('2026-03-04T17:00:00+01:00'));
    // The act itself on the day, or a verb with no event noun, keeps it.
    expect(due('I shall coordinate the meeting on Thursday.', berlinWed)).toBe(Date.parse('2026-03-05T17:00:00+01:00'));
    expect(due("I'll call you tomorrow.", berlinWed)).toBe(Date.parse('2026-03-05T17:00:00+01:00'));
    expect(due("I'll book the kickoff for next week.", berlinWed)).toBe(Date.parse('2026-03-13T17:00:00+01:00'));
  });

  it('does not take a day that is the object of the act, the earliest it can happen, the writer\'s absence or a day asked about (due dates round 2)', () => {
    expect(resolveDueDate('Will take care of Sunday too.', berlinWed)).toBeNull();
    expect(due("I'll take care of it on Sunday.", berlinWed)).toBe(Date.parse('2026-03-08T17:00:00+01:00'));
    expect(resolveDueDate("I'll test it, but that probably won't be before this weekend.", berlinWed)).toBeNull();
    expect(due("I'll test it before the weekend.", berlinWed)).toBe(Date.parse('2026-03-06T17:00:00+01:00'));
    expect(resolveDueDate('I am out of the office today, and will reply in more detail later.', berlinWed)).toBeNull();
    expect(due("I'll reply in more detail today.", berlinWed)).toBe(Date.parse('2026-03-04T17:00:00+01:00'));
    expect(resolveDueDate("Let me check where he'll be on 3/20 and whether Tues 3/24 is an option.", berlinWed)).toBeNull();
    expect(due("I'll tell you by Tuesday whether it works.", berlinWed)).toBe(Date.parse('2026-03-10T17:00:00+01:00'));
  });

  it('reads "if not today, then Monday" said on a Monday as next Monday; "later today or Monday" keeps today (due dates round 2)', () => {
    const berlinMon = at('2026-03-09T10:00:00+01:00', 'Europe/Berlin');
    expect(due("I'll test it, if not today (I'm flying in two hours) then on Monday.", berlinMon)).toBe(Date.parse('2026-03-16T17:00:00+01:00'));
    expect(due('I shall send an explanation later today or Monday.', berlinMon)).toBe(Date.parse('2026-03-09T17:00:00+01:00'));
    expect(due("I'll test it, if not today then on Monday.", berlinWed)).toBe(Date.parse('2026-03-09T17:00:00+01:00'));
  });

  it('reads "next early week", "this WE" and "during the week" (due dates round 2)', () => {
    expect(due('I will have something to you by next early week.', berlinWed)).toBe(Date.parse('2026-03-10T17:00:00+01:00'));
    expect(due("I'll keep you updated this WE.", berlinWed)).toBe(Date.parse('2026-03-08T23:59:00+01:00'));
    expect(resolveDueDate("I'll send it, this we can do.", berlinWed)).toBeNull();
    expect(due('I will make it available during the week.', berlinWed)).toBe(Date.parse('2026-03-06T17:00:00+01:00'));
    expect(due('I will make it available during the week of 16 March.', berlinWed)).toBe(Date.parse('2026-03-16T17:00:00+01:00'));
  });

  it('says what is wrong with a bad sent time or zone', () => {
    expect(() => resolveDueDate('by Friday', at('yesterday', 'Europe/Berlin'))).toThrow(/sentAt "yesterday"/);
    expect(() => resolveDueDate('by Friday', at('2026-03-04T10:00:00Z', 'Mars/Olympus'))).toThrow(/Mars\/Olympus/);
  });
});

describe('defaultDueDate', () => {
  it('is N working days after the sent day, at the end of working hours', () => {
    expect(Date.parse(defaultDueDate(berlinWed))).toBe(Date.parse('2026-03-06T17:00:00+01:00'));
    // Sent on a Friday: Monday and Tuesday are the two working days.
    expect(Date.parse(defaultDueDate(at('2026-03-06T16:30:00-05:00', 'America/New_York')))).toBe(
      Date.parse('2026-03-10T17:00:00-04:00'),
    );
    expect(Date.parse(defaultDueDate(at('2026-03-06T16:30:00-05:00', 'America/New_York', 5)))).toBe(
      Date.parse('2026-03-13T17:00:00-04:00'),
    );
  });
});
