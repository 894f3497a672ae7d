/**
 * Wall-clock time in an IANA time zone, with nothing but Intl (no Node APIs, no tz database of our own).
 * Every date rule (business minutes, due dates) goes through here, so daylight-saving changes are
 * handled in one place.
 */

export interface ZonedParts {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  weekday: number;
}

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

// Every cache below is keyed by zone, and a zone is a user's setting: past this many zones a cache starts
// over, so a server asked about every zone in turn still holds at most this many zones' entries.
const MAX_CACHED_ZONES = 32;

function zoneMap<V>(cache: Map<string, V>, key: string, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= MAX_CACHED_ZONES) cache.clear();
    value = make();
    cache.set(key, value);
  }
  return value;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    if (formatters.size >= MAX_CACHED_ZONES) formatters.clear();
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError naming the zone when it is not a valid IANA zone. */
export function assertTimeZone(timeZone: string): void {
  try {
    formatterFor(timeZone);
  } catch {
    throw new RangeError(`Unknown time zone "${timeZone}": expected an IANA name such as Europe/Berlin`);
  }
}

/**
 * What formatterFor's formatter writes for years 1000-9999, e.g. "Mon, 4/20/2026, 09:00:00": weekday, month, day,
 * year, hour, minute, second, in that order and with these separators (checked per formatter: readsAsWritten).
 */
const FORMATTED = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{1,2})\/(\d{1,2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/;
const FORMATTED_TYPES = ['weekday', 'month', 'day', 'year', 'hour', 'minute', 'second'];
const FORMATTED_LITERALS = [', ', '/', '/', ', ', ':', ':'];
/** Per formatter: whether its parts come in FORMATTED's order with its separators, so its text can be read by FORMATTED. */
const readsAsWritten = new WeakMap<Intl.DateTimeFormat, boolean>();

function partsInFormattedOrder(formatter: Intl.DateTimeFormat): boolean {
  let known = readsAsWritten.get(formatter);
  if (known === undefined) {
    const parts = formatter.formatToParts(new Date(Date.UTC(2001, 1, 3, 4, 5, 6)));
    const fields = parts.filter((p) => p.type !== 'literal').map((p) => p.type);
    const literals = parts.filter((p) => p.type === 'literal').map((p) => p.value);
    known =
      parts.length === FORMATTED_TYPES.length + FORMATTED_LITERALS.length &&
      parts.every((p, i) => (p.type === 'literal') === (i % 2 === 1)) &&
      fields.join() === FORMATTED_TYPES.join() &&
      literals.join('|') === FORMATTED_LITERALS.join('|');
    readsAsWritten.set(formatter, known);
  }
  return known;
}

/**
 * The wall clock read from Intl: exact for every instant, but slow. format() is the text formatToParts splits into
 * parts, and costs a third as much (4 against 14 us per call on this machine): where that text has FORMATTED's shape,
 * its fields are the parts' values; anything else (another era, a year of other than four digits, an ICU that writes
 * the fields otherwise) is read from the parts.
 */
function intlParts(instantMs: number, timeZone: string): ZonedParts {
  const formatter = formatterFor(timeZone);
  const date = new Date(instantMs);
  const written = partsInFormattedOrder(formatter) ? FORMATTED.exec(formatter.format(date)) : null;
  if (written) {
    return {
      year: Number(written[4]),
      month: Number(written[2]),
      day: Number(written[3]),
      hour: Number(written[5]),
      minute: Number(written[6]),
      second: Number(written[7]),
      weekday: WEEKDAYS[written[1]!]!,
    };
  }
  return intlPartsFromParts(formatter, date);
}

function intlPartsFromParts(formatter: Intl.DateTimeFormat, date: Date): ZonedParts {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatter.formatToParts(date)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday ?? 'Mon'] ?? 1,
  };
}

/** intlParts, and the reading from formatToParts alone: for zoned.test.ts, which checks that they agree. */
export function wallClockFromIntl(instantMs: number, timeZone: string, via: 'text' | 'parts'): ZonedParts {
  return via === 'text' ? intlParts(instantMs, timeZone) : intlPartsFromParts(formatterFor(timeZone), new Date(instantMs));
}

/**
 * Offsets from UTC per zone, in milliseconds, for six-hour blocks of UTC time and, inside a block that
 * holds an offset change, for its quarter-hours. NaN marks a span with a change inside it (those
 * instants go to Intl). Every real zone changes its offset at most once in six hours, and all but
 * historic local-mean-time changes fall on a quarter-hour in UTC, so nearly every instant takes its
 * offset from the cache and the wall clock follows by arithmetic.
 */
const BLOCK_MS = 6 * 3_600_000;
const QUARTER_MS = 900_000;
const MAX_CACHED_SPANS = 100_000;
const blockOffsets = new Map<string, Map<number, number>>();
const quarterOffsets = new Map<string, Map<number, number>>();

/** Offset in ms of the wall clock from UTC at `instantMs`, to the second (as Intl shows it). */
function intlOffsetMs(instantMs: number, timeZone: string): number {
  const p = intlParts(instantMs, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instantMs / 1000) * 1000;
}

/** Offsets at span boundaries (index * size), per zone and span size: neighbouring spans share one. */
const boundaryOffsets = new Map<string, Map<number, number>>();

function boundaryOffsetMs(size: number, index: number, timeZone: string): number {
  const key = `${size}|${timeZone}`;
  let offset = boundaryOffsets.get(key)?.get(index);
  if (offset === undefined) {
    // Intl throws here for an unknown zone or an invalid instant, before anything is cached.
    offset = intlOffsetMs(index * size, timeZone);
    const points = zoneMap(boundaryOffsets, key, () => new Map<number, number>());
    if (points.size >= MAX_CACHED_SPANS) points.clear();
    points.set(index, offset);
  }
  return offset;
}

/**
 * The offset over the span [index * size, (index + 1) * size), or NaN when it may change inside it: the
 * same offset at both boundaries means no change in between (at most one change fits in a span).
 */
function spanOffsetMs(cache: Map<string, Map<number, number>>, size: number, instantMs: number, timeZone: string): number {
  const index = Math.floor(instantMs / size);
  let offset = cache.get(timeZone)?.get(index);
  if (offset === undefined) {
    offset = boundaryOffsetMs(size, index, timeZone);
    if (boundaryOffsetMs(size, index + 1, timeZone) !== offset) offset = Number.NaN;
    const spans = zoneMap(cache, timeZone, () => new Map<number, number>());
    // A long-running process sees ever new instants: start over rather than grow without bound.
    if (spans.size >= MAX_CACHED_SPANS) spans.clear();
    spans.set(index, offset);
  }
  return offset;
}

function cachedOffsetMs(instantMs: number, timeZone: string): number {
  const offset = spanOffsetMs(blockOffsets, BLOCK_MS, instantMs, timeZone);
  return Number.isNaN(offset) ? spanOffsetMs(quarterOffsets, QUARTER_MS, instantMs, timeZone) : offset;
}

/** 0001-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the wall clocks zonedParts reads without Intl. */
const FIRST_CE_MS = -62_135_596_800_000;
const YEAR_10000_MS = 253_402_300_800_000;

/** The wall clock in `timeZone` at `instantMs`. */
export function zonedParts(instantMs: number, timeZone: string): ZonedParts {
  const offset = cachedOffsetMs(instantMs, timeZone);
  if (Number.isNaN(offset)) return intlParts(instantMs, timeZone);
  const local = new Date(instantMs + offset);
  const year = local.getUTCFullYear();
  // Intl writes years before 1 CE with an era; leave those (and anything odd) to Intl.
  if (!(year >= 1 && year <= 9999)) return intlParts(instantMs, timeZone);
  const day = local.getUTCDay();
  return {
    year,
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: day === 0 ? 7 : day,
  };
}

/** Offset of `timeZone` from UTC at `instantMs`, in minutes (Berlin in summer: +120). */
export function offsetMinutes(instantMs: number, timeZone: string): number {
  // The cached offset is the one zonedParts would show (its wall clock is the instant plus this offset, a
  // whole number of seconds), so within the years zonedParts reads by arithmetic, skip building the parts.
  const offset = cachedOffsetMs(instantMs, timeZone);
  const local = instantMs + offset;
  if (local >= FIRST_CE_MS && local < YEAR_10000_MS) return Math.round(offset / 60000);
  const p = zonedParts(instantMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / 60000);
}

/**
 * The instant at which the wall clock in `timeZone` shows `local`.
 * In a spring-forward gap (02:30 that never happens) the result is the same clock reading
 * after the jump (03:30); in a fall-back overlap, the earlier of the two instants.
 */
export function zonedToInstant(local: LocalDateTime, timeZone: string): number {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0);
  // Two passes converge for every real zone: the offset can only change once near a given instant.
  const firstGuess = naive - offsetMinutes(naive, timeZone) * 60000;
  const secondGuess = naive - offsetMinutes(firstGuess, timeZone) * 60000;
  if (secondGuess === firstGuess) {
    // Prefer the earlier instant in an overlap.
    const earlier = naive - offsetMinutes(firstGuess - 3600000, timeZone) * 60000;
    if (earlier < firstGuess && offsetMinutes(earlier, timeZone) * 60000 === naive - earlier) return earlier;
    return firstGuess;
  }
  // In a gap neither guess shows `local`; the later one is the clock reading after the jump.
  return Math.max(firstGuess, secondGuess);
}

/** Calendar arithmetic on a local date (no time zone involved). */
export function addDays(date: LocalDateTime, days: number): LocalDateTime {
  const t = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { ...date, year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** ISO weekday (1 = Monday) of a local calendar date. */
export function weekdayOf(date: LocalDateTime): number {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return d === 0 ? 7 : d;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "09:30" -> 570 */
export function clockToMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
