/**
 * Clock times in a phrase ("by 3pm", "at 14:30", "noon", "EOD"). A bare hour after "at", "around" or
 * "by" ("on Monday around 9") is read in office hours (7-11 in the morning, 1-6 in the afternoon) and
 * only next to a day: alone, "at 9" is as often a count as a time.
 */
import type { Clock, TimeMatch } from './calendar';

export function timeMatches(text: string): TimeMatch[] {
  const out: TimeMatch[] = [];
  const re =
    /\b(?:(?:by|at|before|until|no later than)\s+)?(?:(\d{1,2})(?::(\d{2}))?\s*((?:a|p)\.m\.|(?:a|p)m)(?![a-z])|(\d{1,2}):(\d{2})\b|(noon|midday|midnight)(?![a-z])|(eod|cob|eob|close of (?:business|play)|end of (?:the\s+)?(?:business\s+|working\s+)?day)(?![a-z])|(?<=\b(?:at|around|about|by)\s+)(\d{1,2})(?!\d)(?:ish)?(?![:./,]\d|\s*(?:st|nd|rd|th|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\s*(?:days?|hours?|hrs?|weeks?|months?|minutes?|mins?|%|people|percent|points?|of|or|to|-|–|[ap]\.?m)\b))/gi;
  for (const m of text.matchAll(re)) {
    // "Will call after 11am", "from 3pm on": the earliest time, not a deadline.
    if (m.index > 0 && NOT_BEFORE_TIME.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
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
    } else if (m[8]) {
      const hour = Number(m[8]);
      if (hour < 1 || hour > 12) continue;
      clock = { hour: hour <= 6 ? hour + 12 : hour, minute: 0 };
      out.push({ index: m.index, end: m.index + m[0].length, clock, bare: true });
      continue;
    } else {
      clock = 'eod';
    }
    out.push({ index: m.index, end: m.index + m[0].length, clock });
  }
  mergeRanges(text, out);
  // Lunch as a time: "by lunch" is noon; "after lunch" is the afternoon, so the end of the working day.
  if (LUNCH_HINT.test(text)) {
    for (const m of text.matchAll(LUNCH)) {
      out.push({ index: m.index, end: m.index + m[0].length, clock: m[1]!.toLowerCase() === 'after' ? 'eod' : { hour: 12, minute: 0 } });
    }
    out.sort((a, b) => a.index - b.index);
  }
  return out;
}

/**
 * "between 8pm and 9pm", "between 2:00 and 3:30": one window, due at its end (as "in 2-3 days" is); read as two
 * times, the second looked like a second deliverable ("... and 9pm").
 */
const BETWEEN_BEFORE = /\bbetween\s+$/i;
const RANGE_JOIN = /^\s*(?:and|-|–)\s*$/i;
function mergeRanges(text: string, out: TimeMatch[]): void {
  for (let i = 0; i + 1 < out.length; i++) {
    const first = out[i]!;
    const second = out[i + 1]!;
    const between = BETWEEN_BEFORE.exec(text.slice(Math.max(0, first.index - 10), first.index));
    if (!between || !RANGE_JOIN.test(text.slice(first.end, second.index))) continue;
    out.splice(i, 2, { index: first.index - between[0].length, end: second.end, clock: second.clock });
  }
}

const NOT_BEFORE_TIME = /\b(?:after|from|past|since)\s+$/i;
const LUNCH_HINT = /lunch/i;
const LUNCH = /\b(after|by|before|until|at)\s+lunch(?:time)?\b/gi;

