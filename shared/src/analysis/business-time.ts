import type { AnalysisSettings } from '../model/settings';
import { addDays, clockToMinutes, weekdayOf, zonedParts, zonedToInstant, type LocalDateTime } from './time/zoned';

type BusinessSettings = Pick<AnalysisSettings, 'timeZone' | 'workingHours'>;

/** The working interval of one local calendar day, as instants; null on a day off. */
function workingInterval(day: LocalDateTime, settings: BusinessSettings): [number, number] | null {
  const { start, end, days } = settings.workingHours;
  if (!days.includes(weekdayOf(day))) return null;
  const startMin = clockToMinutes(start);
  const endMin = clockToMinutes(end);
  const from = zonedToInstant({ ...day, hour: Math.floor(startMin / 60), minute: startMin % 60 }, settings.timeZone);
  // Night shifts (22:00-06:00) end on the next calendar day.
  const endDay = endMin <= startMin ? addDays(day, 1) : day;
  const to = zonedToInstant({ ...endDay, hour: Math.floor(endMin / 60), minute: endMin % 60 }, settings.timeZone);
  return [from, to];
}

function parseInstant(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`businessMinutesBetween: ${what} "${iso}" is not an ISO 8601 date`);
  return ms;
}

/**
 * Minutes between two instants that fall inside the user's working hours, on working days, in the
 * user's time zone. Each local day's window is turned into real instants through the zone, so a day on
 * which the clocks change still counts its working hours exactly (09:00-17:00 is 8 hours either way;
 * only a window that spans the 02:00/03:00 jump itself is an hour shorter or longer, as on the wall).
 * Returns 0 when end is not after start.
 */
export function businessMinutesBetween(startIso: string, endIso: string, settings: BusinessSettings): number {
  const start = parseInstant(startIso, 'start');
  const end = parseInstant(endIso, 'end');
  if (end <= start) return 0;
  const p = zonedParts(start, settings.timeZone);
  // Start one day early: a night shift that began yesterday may still be running at `start`.
  let day: LocalDateTime = addDays({ year: p.year, month: p.month, day: p.day }, -1);
  let totalMs = 0;
  // Walk local days; stop once a day begins after `end` (36 h margin covers any zone offset change).
  for (;;) {
    const dayStart = zonedToInstant(day, settings.timeZone);
    if (dayStart > end) break;
    const interval = workingInterval(day, settings);
    if (interval) {
      const from = Math.max(interval[0], start);
      const to = Math.min(interval[1], end);
      if (to > from) totalMs += to - from;
    }
    day = addDays(day, 1);
  }
  return Math.round(totalMs / 6000) / 10;
}
