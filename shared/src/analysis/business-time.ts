import { MESSAGE_DATE_RANGE } from '../model/message-date';
import type { AnalysisSettings } from '../model/settings';
import { addDays, clockToMinutes, offsetMinutes, zonedToInstant, type LocalDateTime } from './time/zoned';
import { isoMs } from './time/iso-ms';

type BusinessSettings = Pick<AnalysisSettings, 'timeZone' | 'workingHours'>;

const DAY_MS = 86_400_000;

/** A day number (days since 1970-01-01 as a calendar date, no zone involved) -> the local calendar day. */
function dayFromNumber(n: number): LocalDateTime {
  const t = new Date(n * DAY_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** A day at a minute of it, built whole: `{ ...day, hour, minute }` is slow on Node 20 (a spread followed by new properties; health.ts). */
function atMinute(day: LocalDateTime, minuteOfDay: number): LocalDateTime {
  return { year: day.year, month: day.month, day: day.day, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 };
}

/** ISO weekday (1 = Monday ... 7 = Sunday) of a day number: 1970-01-01 was a Thursday. */
function weekdayOfNumber(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/**
 * A small least-recently-used map: every cache here is keyed by something a user controls (a time zone, a
 * working-hours setting), so each is bounded by entries, whatever a long-running server is asked.
 */
class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly limit: number) {}
  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    if (this.map.size >= this.limit) this.map.delete(this.map.keys().next().value as K);
    this.map.set(key, value);
  }
}

// Offset transitions (daylight saving, zone rule changes) per zone and UTC year, found by sampling the
// offset once a week and narrowing each change down to the hour. Every zone since 1970 keeps an offset for
// weeks at a time (Morocco's Ramadan suspensions, the shortest, last about a month), so no change falls
// between two samples unseen. The samples ask Intl for the offset directly (one call each, ~7 µs), not
// through zoned.ts's block cache (two calls per new block): a year costs ~90 calls the first time it is
// needed. At most 32 zones x the years of MESSAGE_DATE_RANGE are kept.
const SAMPLE_MS = 7 * DAY_MS;
const HOUR_MS = 3_600_000;
const transitionCache = new Lru<string, Map<number, number[]>>(32);
const offsetFormatters = new Lru<string, Intl.DateTimeFormat>(32);

/** The zone's offset from UTC at `ms`, in ms, read from Intl's "GMT+05:30" form. */
function intlOffsetMs(ms: number, timeZone: string): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset', year: 'numeric' });
    offsetFormatters.set(timeZone, formatter);
  }
  const name = formatter.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /([+-])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?/.exec(name);
  if (!match) return 0;
  const value = Number(match[2]) * 3_600_000 + Number(match[3] ?? 0) * 60_000 + Number(match[4] ?? 0) * 1000;
  return match[1] === '-' ? -value : value;
}

function offsetMs(ms: number, timeZone: string): number {
  return offsetMinutes(ms, timeZone) * 60_000;
}

function transitionsInYear(year: number, timeZone: string): number[] {
  let years = transitionCache.get(timeZone);
  if (!years) transitionCache.set(timeZone, (years = new Map()));
  const known = years.get(year);
  if (known) return known;
  const from = Date.UTC(year, 0, 1);
  const to = Date.UTC(year + 1, 0, 1);
  const found: number[] = [];
  let previous = intlOffsetMs(from, timeZone);
  for (let at = from; at < to; ) {
    const next = Math.min(at + SAMPLE_MS, to);
    const offset = intlOffsetMs(next, timeZone);
    if (offset !== previous) {
      // The change lies in (at, next]: halve the span down to an hour (the day is all that matters).
      let lo = at;
      let hi = next;
      while (hi - lo > HOUR_MS) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (intlOffsetMs(mid, timeZone) === previous) lo = mid;
        else hi = mid;
      }
      found.push(hi);
      previous = offset;
    }
    at = next;
  }
  years.set(year, found);
  return found;
}

function transitionsBetween(fromMs: number, toMs: number, timeZone: string): number[] {
  const out: number[] = [];
  for (let year = new Date(fromMs).getUTCFullYear(); year <= new Date(toMs).getUTCFullYear(); year++) {
    for (const t of transitionsInYear(year, timeZone)) if (t >= fromMs && t <= toMs) out.push(t);
  }
  return out;
}

/** The local calendar day number of an instant in `timeZone`. */
function localDayNumber(ms: number, timeZone: string): number {
  return Math.floor((ms + offsetMs(ms, timeZone)) / DAY_MS);
}

/**
 * One working-hours setting in one zone. The working time of whole days is computed in closed form: the
 * working days in a span are whole weeks times the working days of a week plus the few left over, each
 * worth the nominal window; only the days next to an offset change (a handful a year) are looked at one by
 * one, through the zone, because a window that contains the change is an hour longer or shorter on the wall.
 * So the cost of a span is constant in its length, whatever two dates a message carries.
 */
interface WorkCalendar {
  /** Working window of a local day as instants; null on a day off. */
  window(day: number): readonly [number, number] | null;
  /** Working milliseconds in the windows of days first..last (inclusive). */
  sum(first: number, last: number): number;
}

function createWorkCalendar(settings: BusinessSettings): WorkCalendar {
  const { start, end, days } = settings.workingHours;
  const startMin = clockToMinutes(start);
  const endMin = clockToMinutes(end);
  // Night shifts (22:00-06:00) end on the next calendar day; start = end is a whole day.
  const nominalMs = (endMin > startMin ? endMin - startMin : endMin - startMin + 1440) * 60_000;
  const working = new Set(days);

  // Lags of one mailbox fall on the same few thousand days again and again, and each window costs two
  // trips through the zone: the windows of recent days are kept (a bounded map, cleared when full).
  const windows = new Map<number, readonly [number, number] | null>();
  const WINDOWS_KEPT = 4096;
  function window(day: number): readonly [number, number] | null {
    let known = windows.get(day);
    if (known === undefined) {
      known = computeWindow(day);
      if (windows.size >= WINDOWS_KEPT) windows.clear();
      windows.set(day, known);
    }
    return known;
  }

  function computeWindow(day: number): readonly [number, number] | null {
    if (!working.has(weekdayOfNumber(day))) return null;
    const local = dayFromNumber(day);
    // Through the zone, so a day on which the clocks change still gets its real working time.
    const from = zonedToInstant(atMinute(local, startMin), settings.timeZone);
    const endDay = endMin <= startMin ? addDays(local, 1) : local;
    const to = zonedToInstant(atMinute(endDay, endMin), settings.timeZone);
    return [from, to];
  }

  /** Working days among day numbers first..last: whole weeks in closed form, then the remainder. */
  function workingDays(first: number, last: number): number {
    const count = last - first + 1;
    const weeks = Math.floor(count / 7);
    let total = weeks * working.size;
    for (let day = first + weeks * 7; day <= last; day++) if (working.has(weekdayOfNumber(day))) total++;
    return total;
  }

  /**
   * How much the windows of days first..last differ from the nominal one in total: only days next to an
   * offset change can differ (a window reaches at most from its day's start to the end of the next day).
   */
  function correction(first: number, last: number): number {
    if (last < first) return 0;
    const near = new Set<number>();
    for (const t of transitionsBetween((first - 2) * DAY_MS, (last + 3) * DAY_MS, settings.timeZone)) {
      const day = localDayNumber(t, settings.timeZone);
      for (let d = day - 2; d <= day + 1; d++) if (d >= first && d <= last) near.add(d);
    }
    let total = 0;
    for (const day of near) {
      const w = window(day);
      if (w) total += w[1] - w[0] - nominalMs;
    }
    return total;
  }

  // The correction of each whole calendar year, once per year (at most the 130 years of the date range).
  const yearCorrections = new Map<number, number>();
  const yearOf = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();
  const firstDayOf = (year: number): number => Date.UTC(year, 0, 1) / DAY_MS;
  function yearCorrection(year: number): number {
    let value = yearCorrections.get(year);
    if (value === undefined) {
      value = correction(firstDayOf(year), firstDayOf(year + 1) - 1);
      yearCorrections.set(year, value);
    }
    return value;
  }

  return {
    window,
    sum(first, last) {
      if (last < first) return 0;
      let total = workingDays(first, last) * nominalMs;
      const y1 = yearOf(first);
      const y2 = yearOf(last);
      if (y1 === y2) return total + correction(first, last);
      total += correction(first, firstDayOf(y1 + 1) - 1) + correction(firstDayOf(y2), last);
      for (let year = y1 + 1; year < y2; year++) total += yearCorrection(year);
      return total;
    },
  };
}

const calendars = new Lru<string, WorkCalendar>(64);
const calendarsBySettings = new WeakMap<object, WorkCalendar>();

function calendarFor(settings: BusinessSettings): WorkCalendar {
  // Rules receive the same parsed settings object over and over: skip building the key for it.
  const known = calendarsBySettings.get(settings);
  if (known) return known;
  const { start, end, days } = settings.workingHours;
  const key = `${settings.timeZone}|${start}|${end}|${[...days].sort().join(',')}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = createWorkCalendar(settings);
    calendars.set(key, calendar);
  }
  calendarsBySettings.set(settings, calendar);
  return calendar;
}

function parseInstant(iso: string, what: string): number {
  const ms = isoMs(iso);
  if (Number.isNaN(ms)) throw new RangeError(`businessMinutesBetween: ${what} "${iso}" is not an ISO 8601 date`);
  // Working time is counted inside the range messages can have (model/message.ts): a date past it, which
  // the boundary refuses anyway, cannot make this count eight thousand years of calendar.
  return Math.min(Math.max(ms, MESSAGE_DATE_RANGE.earliestMs), MESSAGE_DATE_RANGE.latestMs);
}

/**
 * Minutes between two instants that fall inside the user's working hours, on working days, in the
 * user's time zone (to one decimal). Each local day's window is turned into real instants through the
 * zone, so a day on which the clocks change still counts its working hours exactly (09:00-17:00 is 8
 * hours either way; only a window that spans the 02:00/03:00 jump itself is an hour shorter or longer,
 * as on the wall). Returns 0 when end is not after start. Constant work in the length of the span.
 */
// A module-level function rather than a closure made per call: under tsx (which runs the CLI and the server)
// every named closure is also given its name at creation (esbuild's keepNames), a slow property definition.
/** Working milliseconds of the window of `day` that lie inside [start, end]. */
function overlapMs(calendar: WorkCalendar, day: number, start: number, end: number): number {
  const w = calendar.window(day);
  return w ? Math.max(0, Math.min(w[1], end) - Math.max(w[0], start)) : 0;
}

export function businessMinutesBetween(startIso: string, endIso: string, settings: BusinessSettings): number {
  const start = parseInstant(startIso, 'start');
  const end = parseInstant(endIso, 'end');
  if (end <= start) return 0;
  const calendar = calendarFor(settings);
  const firstDay = localDayNumber(start, settings.timeZone);
  const lastDay = localDayNumber(end, settings.timeZone);
  let totalMs = 0;
  // Windows of days firstDay+1 .. lastDay-2 lie wholly inside [start, end] (a window starts no earlier
  // than its own day and ends no later than the next one); the edges are clipped one by one. The day
  // before firstDay is included for a night shift still running at `start`.
  if (lastDay - firstDay >= 4) {
    totalMs += calendar.sum(firstDay + 1, lastDay - 2);
    for (const day of [firstDay - 1, firstDay, lastDay - 1, lastDay]) totalMs += overlapMs(calendar, day, start, end);
  } else {
    for (let day = firstDay - 1; day <= lastDay; day++) totalMs += overlapMs(calendar, day, start, end);
  }
  return Math.round(totalMs / 6000) / 10;
}
