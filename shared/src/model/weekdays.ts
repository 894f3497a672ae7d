/**
 * Weekdays as people write them, one parser for the CLI (--workdays) and the API (workingHours.days):
 * a list ("mon,tue,thu"), a range ("mon-fri"), a range across the weekend ("sun-thu", the week in much of
 * the Middle East), full names ("Monday") or ISO numbers (1 = Monday ... 7 = Sunday).
 */
export const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export type WeekdaysResult = { ok: true; days: number[] } | { ok: false; error: string };

function dayNumber(raw: string | number): number | string {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 1 && raw <= 7 ? raw : `${raw} is not a weekday number (1 = Monday ... 7 = Sunday)`;
  const text = raw.trim().toLowerCase();
  if (/^[1-7]$/.test(text)) return Number(text);
  const index = text.length >= 3 ? WEEKDAY_NAMES.indexOf(text.slice(0, 3) as (typeof WEEKDAY_NAMES)[number]) : -1;
  // "mon", "monday", "Mon." but not "moon" or "mondays-ish".
  const full = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'][index];
  if (index === -1 || !(text === WEEKDAY_NAMES[index] || text === `${WEEKDAY_NAMES[index]}.` || text === full)) {
    return `"${raw}" is not a weekday (use mon, tue, wed, thu, fri, sat, sun)`;
  }
  return index + 1;
}

/** Days from a string ("mon-fri", "mon,wed,fri") or a list of names and numbers; sorted, without repeats. */
export function parseWeekdays(value: string | readonly (string | number)[]): WeekdaysResult {
  const parts: (string | number)[] = typeof value === 'string' ? value.split(',') : [...value];
  const days = new Set<number>();
  for (const part of parts) {
    const range = typeof part === 'string' ? part.split('-') : [part];
    if (range.length > 2) return { ok: false, error: `"${String(part)}" is not a weekday or a range like mon-fri` };
    const ends = range.map(dayNumber);
    const bad = ends.find((e): e is string => typeof e === 'string');
    if (bad !== undefined) return { ok: false, error: bad };
    const [from, to] = ends as number[];
    if (to === undefined) {
      days.add(from!);
      continue;
    }
    // Ranges may wrap around the week.
    for (let d = from!; ; d = (d % 7) + 1) {
      days.add(d);
      if (d === to) break;
    }
  }
  if (days.size === 0) return { ok: false, error: 'no weekday given' };
  return { ok: true, days: [...days].sort((a, b) => a - b) };
}

/** "mon-fri", "sun-thu", "mon,wed,fri": the shortest way to write days back (the CLI's `settings show`). */
export function formatWeekdays(days: readonly number[]): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  if (sorted.length === 0) return '';
  if (sorted.length === 7) return 'mon-sun';
  // Find a run (possibly wrapping past Sunday) that covers every day.
  for (const start of sorted) {
    const run: number[] = [];
    for (let d = start; run.length < sorted.length && sorted.includes(d); d = (d % 7) + 1) run.push(d);
    if (run.length === sorted.length && run.length > 2) return `${WEEKDAY_NAMES[start - 1]}-${WEEKDAY_NAMES[run[run.length - 1]! - 1]}`;
  }
  return sorted.map((d) => WEEKDAY_NAMES[d - 1]).join(',');
}
