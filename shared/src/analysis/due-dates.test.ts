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
    expect(due('this afternoon', berlinWed)).toBe(Date.parse('2026-03-04T17:00:00+01:00'));
    expect(due('tomorrow', berlinWed)).toBe(Date.parse('2026-03-05T17:00:00+01:00'));
    expect(due('tomorrow morning', berlinWed)).toBe(Date.parse('2026-03-05T12:00:00+01:00'));
    expect(due('first thing tomorrow', berlinWed)).toBe(Date.parse('2026-03-05T10:00:00+01:00'));
    expect(due('tomorrow at 3pm', berlinWed)).toBe(Date.parse('2026-03-05T15:00:00+01:00'));
  });

  it('treats "EOD" said after working hours as later that night', () => {
    const sydneyEvening = at('2026-01-13T18:30:00+11:00', 'Australia/Sydney');
    expect(due("I'll have it back to you by EOD today", sydneyEvening)).toBe(Date.parse('2026-01-13T23:59:00+11:00'));
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

  it('reads durations: calendar days, hours, business days, "a couple of days"', () => {
    expect(due('in 3 days', berlinWed)).toBe(Date.parse('2026-03-07T17:00:00+01:00'));
    expect(due('within 48 hours', berlinWed)).toBe(Date.parse('2026-03-06T10:00:00+01:00'));
    expect(due('in 30 minutes', berlinWed)).toBe(Date.parse('2026-03-04T10:30:00+01:00'));
    expect(due('within three business days', berlinWed)).toBe(Date.parse('2026-03-09T17:00:00+01:00'));
    expect(due('in a couple of days', berlinWed)).toBe(Date.parse('2026-03-06T17:00:00+01:00'));
    expect(due('within the hour', berlinWed)).toBe(Date.parse('2026-03-04T11:00:00+01:00'));
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
