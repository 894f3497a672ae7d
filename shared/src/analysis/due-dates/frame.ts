/**
 * The frame a due date is resolved in (sent time, zone, working hours) and the conversion of a local due
 * time into an instant, both cached: every promise of a message shares one frame.
 */
import type { WorkingHours } from '../../model/settings';
import { assertTimeZone, clockToMinutes, zonedParts, zonedToInstant } from '../time/zoned';
import type { LocalDateTime } from '../time/zoned';
import type { Clock, Frame, LocalDate } from './calendar';
import { isoMs } from '../time/iso-ms';

/** What a due date is resolved against: when the mail was sent, and the user's zone and hours. */
export interface DueDateContext {
  /** ISO 8601 send time of the message. */
  sentAt: string;
  /** The user's IANA time zone. */
  timeZone: string;
  workingHours: WorkingHours;
  /** Working days a promise without a stated due date gets. */
  defaultWorkingDays: number;
}

/**
 * Frames by sent time, zone and hours: every promise of a message (and the default due date) shares
 * one, and building one costs an Intl call. Bounded so a long run cannot grow it without limit, but above
 * the messages of a batch (the CLI's 1,000): readBatch reads the promises of a whole batch before the
 * facts derived from it date them, and a bound below the batch's send times started over in between, so
 * every frame was built twice.
 */
const MAX_FRAMES = 4096;
const frames = new Map<string, Frame>();

export function frameOf(context: DueDateContext): Frame {
  const { start, end, days } = context.workingHours;
  const key = `${context.sentAt}|${context.timeZone}|${start}|${end}|${days.join(',')}`;
  const cached = frames.get(key);
  if (cached) return cached;
  const frame = buildFrame(context);
  if (frames.size >= MAX_FRAMES) frames.clear();
  frames.set(key, frame);
  return frame;
}

function buildFrame(context: DueDateContext): Frame {
  const now = isoMs(context.sentAt);
  if (Number.isNaN(now)) throw new RangeError(`resolveDueDate: sentAt "${context.sentAt}" is not an ISO 8601 date`);
  assertTimeZone(context.timeZone);
  const parts = zonedParts(now, context.timeZone);
  return {
    now,
    today: { year: parts.year, month: parts.month, day: parts.day },
    nowMinutes: parts.hour * 60 + parts.minute,
    timeZone: context.timeZone,
    hours: context.workingHours,
    americas: /^(?:America|US|Canada|Pacific\/Honolulu)\b/.test(context.timeZone),
    offsetMs: Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - Math.floor(now / 1000) * 1000,
  };
}

/**
 * Local due times already turned into instants, by zone and then by local minute (a number: cheaper to
 * look up than a string key built per call): many promises share "Friday 17:00".
 */
const instants = new Map<string, Map<number, number>>();

/** The local time as one number, or undefined for one outside the ranges that keep numbers distinct. */
function localMinuteKey(date: LocalDate, minutes: number): number | undefined {
  const { year, month, day } = date;
  if (!(Number.isInteger(year) && year >= 0 && year <= 9999 && Number.isInteger(minutes) && minutes >= 0 && minutes < 1440)) return undefined;
  if (!(Number.isInteger(month) && month >= 1 && month <= 12 && Number.isInteger(day) && day >= 1 && day <= 31)) return undefined;
  return ((year * 16 + month) * 32 + day) * 1440 + minutes;
}

export function instantAt(date: LocalDate, clock: Clock | 'eod' | 'late', frame: Frame): number {
  let minutes: number;
  if (clock === 'eod') minutes = clockToMinutes(frame.hours.end);
  else if (clock === 'late') minutes = 23 * 60 + 59;
  else minutes = clock.hour * 60 + clock.minute;
  const key = localMinuteKey(date, minutes);
  let zone = instants.get(frame.timeZone);
  const cached = key === undefined ? undefined : zone?.get(key);
  if (cached !== undefined) return cached;
  // Whole, not `{ ...date, hour, minute }`: a spread followed by new properties is slow on Node 20 (health.ts).
  const local: LocalDateTime = { year: date.year, month: date.month, day: date.day, hour: Math.floor(minutes / 60), minute: minutes % 60 };
  let instant: number | undefined;
  // Daylight-saving changes happen at night: a due time from 04:00 on cannot fall into a gap or an
  // overlap, so the sent-time offset (checked with one look at the clock) usually gives it directly.
  if (local.hour! >= 4) {
    const guess = Date.UTC(date.year, date.month - 1, date.day, local.hour!, local.minute!) - frame.offsetMs;
    const seen = zonedParts(guess, frame.timeZone);
    if (seen.day === date.day && seen.hour === local.hour && seen.minute === local.minute && seen.month === date.month) instant = guess;
  }
  instant ??= zonedToInstant(local, frame.timeZone);
  if (key === undefined) return instant;
  if (!zone) {
    if (instants.size >= 32) instants.clear();
    instants.set(frame.timeZone, (zone = new Map()));
  }
  if (zone.size >= 4096) zone.clear();
  zone.set(key, instant);
  return instant;
}

