import type { AnalysisSettings } from '../model/settings';
import { addDays, clockToMinutes, weekdayOf, zonedParts, zonedToInstant, type LocalDateTime } from './time/zoned';

type BusinessSettings = Pick<AnalysisSettings, 'timeZone' | 'workingHours'>;

const DAY_MS = 86_400_000;

/** A day number (days since 1970-01-01 as a calendar date, no zone involved) -> the local calendar day. */
function dayFromNumber(n: number): LocalDateTime {
  const t = new Date(n * DAY_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/**
 * The working windows of one settings combination, computed once per local day and summed into a
 * running total, so the working time between two instants months apart (an old thread still awaiting
 * a reply) costs a handful of lookups instead of a walk over every day.
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
  const windows = new Map<number, readonly [number, number] | null>();

  function window(day: number): readonly [number, number] | null {
    const cached = windows.get(day);
    if (cached !== undefined) return cached;
    const local = dayFromNumber(day);
    let result: readonly [number, number] | null = null;
    if (days.includes(weekdayOf(local))) {
      // Through the zone, so a day on which the clocks change still gets its real working time.
      const from = zonedToInstant({ ...local, hour: Math.floor(startMin / 60), minute: startMin % 60 }, settings.timeZone);
      // Night shifts (22:00-06:00) end on the next calendar day.
      const endDay = endMin <= startMin ? addDays(local, 1) : local;
      const to = zonedToInstant({ ...endDay, hour: Math.floor(endMin / 60), minute: endMin % 60 }, settings.timeZone);
      result = [from, to];
    }
    windows.set(day, result);
    return result;
  }

  // prefix[i] = working ms in the windows of days base .. base+i-1.
  let base = 0;
  let prefix: number[] = [];
  function ensure(first: number, last: number): void {
    if (prefix.length > 0 && first >= base && last < base + prefix.length - 1) return;
    const lo = prefix.length === 0 ? first - 366 : Math.min(base, first - 366);
    const hi = Math.max(prefix.length === 0 ? last : base + prefix.length - 2, last) + 366;
    base = lo;
    prefix = [0];
    for (let d = lo; d <= hi; d++) {
      const w = window(d);
      prefix.push((prefix[prefix.length - 1] ?? 0) + (w ? w[1] - w[0] : 0));
    }
  }

  return {
    window,
    sum(first, last) {
      if (last < first) return 0;
      ensure(first, last);
      return (prefix[last - base + 1] ?? 0) - (prefix[first - base] ?? 0);
    },
  };
}

const calendars = new Map<string, WorkCalendar>();

// Zone offsets change at most once in any six hours, and only at instants on a quarter-hour in UTC
// (every modern rule is "02:00 local" with an offset in whole quarter-hours). So: one offset per
// six-hour block when both ends of the block agree, else one per quarter-hour inside that block. Mail
// timestamps are scattered, so this turns nearly every lookup into a cache hit.
const BLOCK_MS = 6 * 3_600_000;
const QUARTER_MS = 900_000;
const MIXED = Number.NaN;
const offsets = new Map<string, Map<number, number>>();

function offsetAt(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

/** The local calendar day number of an instant in `timeZone`. */
function localDayNumber(ms: number, timeZone: string): number {
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  // Bounded: a mailbox spans a few years (~1,500 blocks a year); start over far past that.
  if (zone.size > 100_000) zone.clear();
  const block = Math.floor(ms / BLOCK_MS);
  let offsetMs = zone.get(block);
  if (offsetMs === undefined) {
    const first = offsetAt(block * BLOCK_MS, timeZone);
    const last = offsetAt((block + 1) * BLOCK_MS - QUARTER_MS, timeZone);
    offsetMs = first === last ? first : MIXED;
    zone.set(block, offsetMs);
  }
  if (Number.isNaN(offsetMs)) {
    // The block holds a change: look up the quarter-hour (keys below -1e9 cannot clash with blocks).
    const quarterKey = -1e9 - Math.floor(ms / QUARTER_MS);
    offsetMs = zone.get(quarterKey);
    if (offsetMs === undefined) {
      offsetMs = offsetAt(Math.floor(ms / QUARTER_MS) * QUARTER_MS, timeZone);
      zone.set(quarterKey, offsetMs);
    }
  }
  return Math.floor((ms + offsetMs) / DAY_MS);
}

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
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`businessMinutesBetween: ${what} "${iso}" is not an ISO 8601 date`);
  return ms;
}

/**
 * Minutes between two instants that fall inside the user's working hours, on working days, in the
 * user's time zone (to one decimal). Each local day's window is turned into real instants through the
 * zone, so a day on which the clocks change still counts its working hours exactly (09:00-17:00 is 8
 * hours either way; only a window that spans the 02:00/03:00 jump itself is an hour shorter or longer,
 * as on the wall). Returns 0 when end is not after start.
 */
export function businessMinutesBetween(startIso: string, endIso: string, settings: BusinessSettings): number {
  const start = parseInstant(startIso, 'start');
  const end = parseInstant(endIso, 'end');
  if (end <= start) return 0;
  const calendar = calendarFor(settings);
  const firstDay = localDayNumber(start, settings.timeZone);
  const lastDay = localDayNumber(end, settings.timeZone);
  const overlap = (day: number): number => {
    const w = calendar.window(day);
    return w ? Math.max(0, Math.min(w[1], end) - Math.max(w[0], start)) : 0;
  };
  let totalMs = 0;
  // Windows of days firstDay+1 .. lastDay-2 lie wholly inside [start, end] (a window starts no earlier
  // than its own day and ends no later than the next one); the edges are clipped one by one. The day
  // before firstDay is included for a night shift still running at `start`.
  if (lastDay - firstDay >= 4) {
    totalMs += calendar.sum(firstDay + 1, lastDay - 2);
    for (const day of [firstDay - 1, firstDay, lastDay - 1, lastDay]) totalMs += overlap(day);
  } else {
    for (let day = firstDay - 1; day <= lastDay; day++) totalMs += overlap(day);
  }
  return Math.round(totalMs / 6000) / 10;
}
