/**
 * Reads the absolute timestamps mail clients print (tooltips, headers) in the UI languages they ship,
 * in the browser's local zone (the zone the page rendered them in). Month and weekday names come from
 * the browser's own CLDR data (Intl), so "März", "mars", "mrt", "março" and "3月" are read without a
 * hand-kept table. Date.parse is never used on these strings: Firefox and Chromium disagree on them.
 */

/** The UI languages whose dates are read (the languages both clients ship first). */
export const DATE_LOCALES = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'ja'] as const;

/** Day/month order of an all-numeric date: "11/16/2026" (en-US) or "16.11.2026" (most others). */
export type NumericDateOrder = 'month-first' | 'day-first';

function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.\s]/g, '');
}

let monthNames: Map<string, number> | undefined;

/** Month name (long and short, every locale above, without accents or dots) -> 0-11. */
function monthTable(): Map<string, number> {
  if (monthNames) return monthNames;
  const table = new Map<string, number>();
  for (const locale of DATE_LOCALES) {
    if (locale === 'ja') continue; // Japanese dates are numeric (2026年3月2日).
    for (const width of ['long', 'short'] as const) {
      // Both the stand-alone and the in-date forms: some languages inflect the month inside a date.
      const standalone = new Intl.DateTimeFormat(locale, { month: width, timeZone: 'UTC' });
      const inDate = new Intl.DateTimeFormat(locale, { month: width, day: 'numeric', timeZone: 'UTC' });
      for (let month = 0; month < 12; month += 1) {
        const date = new Date(Date.UTC(2026, month, 15));
        table.set(fold(standalone.format(date)), month);
        const part = inDate.formatToParts(date).find((p) => p.type === 'month')?.value;
        if (part) table.set(fold(part), month);
      }
    }
  }
  // Abbreviations mail clients print that CLDR's short forms do not cover.
  for (const [word, month] of [['sept', 8], ['mrz', 2], ['juni', 5], ['juli', 6], ['mai', 4]] as const) table.set(word, month);
  monthNames = table;
  return table;
}

function monthOf(word: string): number | undefined {
  const folded = fold(word);
  const table = monthTable();
  const exact = table.get(folded);
  if (exact !== undefined) return exact;
  // "Sept.", "sept", "févr": a prefix of four letters or more of one known name only.
  if (folded.length < 4) return undefined;
  const hits = new Set<number>();
  for (const [name, month] of table) if (name.startsWith(folded) || folded.startsWith(name) && name.length >= 4) hits.add(month);
  return hits.size === 1 ? [...hits][0] : undefined;
}

/** The order an all-numeric date has in `locale` ("en-US" month-first, "de-DE" day-first). */
export function numericDateOrder(locale: string | null | undefined): NumericDateOrder | null {
  if (!locale) return null;
  try {
    const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2026, 10, 16)));
    const order = parts.filter((p) => p.type === 'day' || p.type === 'month').map((p) => p.type);
    if (parts[0]?.type === 'year') return null; // year-first forms are read without a hint
    return order[0] === 'month' ? 'month-first' : 'day-first';
  } catch {
    return null;
  }
}

export interface DateReadHints {
  /** Order for ambiguous numeric dates (both numbers ≤ 12): from the page's language. */
  numericOrder?: NumericDateOrder | null;
}

const AFTERNOON = /\b(?:pm|p\.\s?m\.|nachm\.?)|午後/i;
const MORNING = /\b(?:am|a\.\s?m\.|vorm\.?)|午前/i;

interface Clock {
  hour: number;
  minute: number;
  /** Where the clock sits in the text: it is cut out before the date is looked for. */
  index: number;
  length: number;
}

function clockOf(text: string): Clock | null {
  // 09:00, 9:00 AM, 16h55 (fr), 16.55 only after a comma/space when a 4-digit year was already seen.
  const match = /(?:^|[^\d])(\d{1,2})(?::|h)(\d{2})(?::\d{2})?/.exec(text);
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2]);
  const after = text.slice(match.index + match[0].length, match.index + match[0].length + 8);
  const before = text.slice(Math.max(0, match.index - 4), match.index + 1);
  if (AFTERNOON.test(after) || /午後/.test(before)) {
    if (hour < 12) hour += 12;
  } else if ((MORNING.test(after) || /午前/.test(before)) && hour === 12) {
    hour = 0;
  }
  if (hour > 23 || minute > 59) return null;
  return { hour, minute, index: match.index, length: match[0].length };
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function valid(date: CalendarDate): CalendarDate | null {
  return date.month >= 0 && date.month <= 11 && date.day >= 1 && date.day <= 31 && date.year >= 1990 ? date : null;
}

function dateOf(text: string, hints: DateReadHints): CalendarDate | null {
  // 2026年3月2日 (ja), 2026/03/02 (ja numeric), 2026-03-02
  const yearFirst = /(\d{4})\s*(?:年|[/.-])\s*(\d{1,2})\s*(?:月|[/.-])\s*(\d{1,2})/.exec(text);
  if (yearFirst) return valid({ year: Number(yearFirst[1]), month: Number(yearFirst[2]) - 1, day: Number(yearFirst[3]) });
  // 16.11.2026 (de), 16/11/2026 (fr, es, it, pt, en-GB), 16-11-2026 (nl), 11/16/2026 (en-US)
  const numeric = /(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})/.exec(text);
  if (numeric) {
    const first = Number(numeric[1]);
    const second = Number(numeric[2]);
    const year = Number(numeric[3]);
    let order: NumericDateOrder | null = first > 12 ? 'day-first' : second > 12 ? 'month-first' : (hints.numericOrder ?? null);
    // Equal numbers read the same either way.
    if (first === second) order = 'day-first';
    if (!order) return null;
    return valid(order === 'day-first' ? { year, month: second - 1, day: first } : { year, month: first - 1, day: second });
  }
  const letters = '([^\\d\\s,.()]{3,}\\.?)';
  // 2. März 2026 (de), 2 mars 2026 (fr), 2 de mar. de 2026 (pt, es), 2 mrt 2026 (nl), 12 Nov 2026 (en-GB)
  const dayFirst = new RegExp(`(\\d{1,2})\\.?\\s+(?:de\\s+)?${letters}\\s+(?:de\\s+)?(\\d{4})`, 'u').exec(text);
  if (dayFirst) {
    const month = monthOf(dayFirst[2]!);
    if (month !== undefined) return valid({ year: Number(dayFirst[3]), month, day: Number(dayFirst[1]) });
  }
  // Nov 2, 2026 (en-US); the word must touch the day, so "mar, 3 mar 2026" (es) is read day-first above.
  const monthFirst = new RegExp(`${letters}\\s+(\\d{1,2}),?\\s+(\\d{4})`, 'u').exec(text);
  if (monthFirst) {
    const month = monthOf(monthFirst[1]!);
    if (month !== undefined) return valid({ year: Number(monthFirst[3]), month, day: Number(monthFirst[2]) });
  }
  return null;
}

/**
 * An absolute timestamp as the page prints it, as ISO 8601 UTC; null for anything relative or partial
 * ("3 hours ago", "Nov 12", "Mo. 16.11.") rather than a guess.
 */
export function parseHostTimestamp(raw: string | null | undefined, hints: DateReadHints = {}): string | null {
  if (!raw) return null;
  const text = raw.replace(/[\u202f\u00a0\u2009]/g, ' ').replace(/\s+/g, ' ').trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }
  const clock = clockOf(text);
  if (!clock) return null;
  // The clock is cut out first, so "09:00" is never read as part of a date.
  const rest = `${text.slice(0, clock.index)} ${text.slice(clock.index + clock.length)}`;
  const date = dateOf(rest, hints);
  if (!date) return null;
  const local = new Date(date.year, date.month, date.day, clock.hour, clock.minute);
  if (Number.isNaN(local.getTime()) || local.getDate() !== date.day) return null;
  return local.toISOString();
}
