import { analysisSettingsSchema, parseWeekdays, type AnalysisSettings } from '@followthrough/shared';
import { UsageError } from './usage-error';

/** The flags every analysing command shares (analyze, report). */
export const SETTINGS_OPTIONS = {
  me: { type: 'string', multiple: true },
  tz: { type: 'string' },
  now: { type: 'string' },
  hours: { type: 'string' },
  workdays: { type: 'string' },
  cadence: { type: 'string' },
  'initiation-target': { type: 'string' },
  internal: { type: 'string', multiple: true },
} as const;

export const SETTINGS_USAGE = `  --me <addr,...>        your own addresses, aliases too (required; repeat or comma-separate)
  --tz <IANA zone>       your time zone for business hours and due dates (default: this machine's, {{TZ}})
  --now <ISO>            analyse as of this instant, e.g. 2026-04-20T09:00:00+02:00 (default: now)
  --hours 09:00-17:00    your working hours
  --workdays mon-fri     your working days: a range (sun-thu) or a list (mon,tue,thu)
  --cadence <days>       agreed contact cadence for every client, in days
  --initiation-target <pct>  the share of conversations you aim to start (default 80)
  --internal <domain,..> extra domains that are yours (other company domains)`;

export interface SettingsFlags {
  me?: string[];
  tz?: string;
  now?: string;
  hours?: string;
  workdays?: string;
  cadence?: string;
  'initiation-target'?: string;
  internal?: string[];
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function settingsUsage(): string {
  return SETTINGS_USAGE.replace('{{TZ}}', systemTimeZone());
}

/** --workdays: the same parser the API uses for workingHours.days (shared/model/weekdays.ts). */
export function parseWorkdays(value: string, usage: string): number[] {
  const parsed = parseWeekdays(value);
  if (!parsed.ok) throw new UsageError(`--workdays: ${parsed.error}`, usage);
  return parsed.days;
}

export function parseHours(value: string, usage: string): { start: string; end: string } {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)\s*-\s*([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  if (!match) throw new UsageError(`--hours: "${value}" is not a range like 09:00-17:00`, usage);
  const start = `${(match[1] ?? '').padStart(2, '0')}:${match[2]}`;
  const end = `${(match[3] ?? '').padStart(2, '0')}:${match[4]}`;
  if (start >= end) throw new UsageError(`--hours: the end (${end}) must be after the start (${start})`, usage);
  return { start, end };
}

export function checkTimeZone(zone: string, usage: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new UsageError(`--tz: "${zone}" is not an IANA time zone (e.g. Europe/Berlin, America/New_York, UTC)`, usage);
  }
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

export function checkInstant(flag: string, value: string, usage: string): string {
  if (!ISO_WITH_OFFSET.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(
      `${flag}: "${value}" is not an ISO 8601 date-time with an offset, e.g. 2026-04-20T09:00:00+02:00 or 2026-04-20T07:00:00Z`,
      usage,
    );
  }
  return value;
}

/** The command line's settings, validated; `now` is the instant the analysis is "as of". */
export function settingsFromFlags(
  flags: SettingsFlags,
  usage: string,
  wallClock: Date,
): { settings: AnalysisSettings; now: string } {
  const me = (flags.me ?? []).flatMap((m) => m.split(',')).map((m) => m.trim()).filter(Boolean);
  if (me.length === 0) throw new UsageError('--me is required: your own e-mail address(es), e.g. --me anna@studio.example', usage);
  for (const address of me) {
    if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(address)) {
      throw new UsageError(`--me: "${address}" is not an e-mail address`, usage);
    }
  }
  const timeZone = checkTimeZone(flags.tz ?? systemTimeZone(), usage);
  const now = flags.now === undefined ? wallClock.toISOString() : checkInstant('--now', flags.now, usage);
  const hours = flags.hours ? parseHours(flags.hours, usage) : { start: '09:00', end: '17:00' };
  const days = flags.workdays ? parseWorkdays(flags.workdays, usage) : [1, 2, 3, 4, 5];
  let defaultCadenceDays: number | undefined;
  if (flags.cadence !== undefined) {
    defaultCadenceDays = Number(flags.cadence);
    if (!Number.isFinite(defaultCadenceDays) || defaultCadenceDays <= 0) {
      throw new UsageError(`--cadence: "${flags.cadence}" is not a positive number of days`, usage);
    }
  }
  let initiationTarget: number | undefined;
  const target = flags['initiation-target'];
  if (target !== undefined) {
    const pct = Number(target.trim().replace(/%$/, ''));
    if (!Number.isInteger(pct) || pct < 1 || pct > 100) throw new UsageError(`--initiation-target: "${target}" is not a percentage from 1 to 100`, usage);
    initiationTarget = pct / 100;
  }
  const internalDomains = (flags.internal ?? []).flatMap((d) => d.split(',')).map((d) => d.trim().toLowerCase()).filter(Boolean);
  const settings = analysisSettingsSchema.parse({
    me: me.map((m) => m.toLowerCase()),
    timeZone,
    workingHours: { ...hours, days },
    internalDomains,
    ...(defaultCadenceDays !== undefined ? { defaultCadenceDays } : {}),
    ...(initiationTarget !== undefined ? { initiationTarget } : {}),
  });
  return { settings, now };
}
