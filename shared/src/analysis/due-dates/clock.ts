/** Clock times in a phrase ("by 3pm", "at 14:30", "noon", "EOD"). */
import type { Clock, TimeMatch } from './calendar';

export function timeMatches(text: string): TimeMatch[] {
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

