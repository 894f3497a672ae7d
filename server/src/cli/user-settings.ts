import { DEPARTMENTS, describeBusinessMinutes, formatWeekdays, type Department } from '@followthrough/shared';
import { userSettingsSchema, type AnalysisStatus, type UserSettings } from '@followthrough/shared/contract';
import { checkTimeZone, parseHours, parseWorkdays } from './settings-flags';
import { UsageError } from './usage-error';

/**
 * The settings the server computes a user's figures with, as flags: `settings set` and `user add` take
 * the same ones, and the API (PUT /v1/me/settings) and the extension's options page set the same fields.
 */
export const USER_SETTINGS_OPTIONS = {
  me: { type: 'string', multiple: true },
  tz: { type: 'string' },
  hours: { type: 'string' },
  workdays: { type: 'string' },
  cadence: { type: 'string' },
  'initiation-target': { type: 'string' },
  internal: { type: 'string', multiple: true },
  department: { type: 'string' },
} as const;

export const USER_SETTINGS_USAGE = `  --me <addr,...>            your own addresses, aliases too (repeat or comma-separate)
  --tz <IANA zone>           time zone for business hours and due dates, e.g. Europe/Berlin
  --hours 09:00-17:00        working hours
  --workdays mon-fri         working days: a range (sun-thu) or a list (mon,tue,thu)
  --cadence <days>|none      contact cadence for clients without one of their own
  --initiation-target <pct>  the share of conversations you aim to start (default 80)
  --internal <domain,..>     extra domains that are yours (other company domains)
  --department <name>|none   your department in your team, the default of the touchpoints you log:
                             ${DEPARTMENTS.join(', ')}`;

export interface UserSettingsFlags {
  me?: string[];
  tz?: string;
  hours?: string;
  workdays?: string;
  cadence?: string;
  'initiation-target'?: string;
  internal?: string[];
  department?: string;
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** Whether any settings flag was given. */
export function hasSettingsFlags(flags: UserSettingsFlags): boolean {
  return Object.keys(USER_SETTINGS_OPTIONS).some((k) => flags[k as keyof UserSettingsFlags] !== undefined);
}

/** `current` with the flags given applied; everything validated as the API validates it. */
export function applySettingsFlags(current: UserSettings, flags: UserSettingsFlags, usage: string): UserSettings {
  const next: Record<string, unknown> = { ...current, workingHours: { ...current.workingHours } };
  if (flags.me !== undefined) {
    const me = flags.me.flatMap((m) => m.split(',')).map((m) => m.trim().toLowerCase()).filter(Boolean);
    if (me.length === 0) throw new UsageError('--me: give at least one address', usage);
    for (const address of me) if (!ADDRESS.test(address)) throw new UsageError(`--me: "${address}" is not an e-mail address`, usage);
    next.addresses = [...new Set(me)];
  }
  if (flags.tz !== undefined) next.timeZone = checkTimeZone(flags.tz, usage);
  if (flags.hours !== undefined) Object.assign(next.workingHours as object, parseHours(flags.hours, usage));
  if (flags.workdays !== undefined) (next.workingHours as { days: number[] }).days = parseWorkdays(flags.workdays, usage);
  if (flags.cadence !== undefined) {
    const raw = flags.cadence.trim().toLowerCase();
    const days = Number(raw);
    if (raw === 'none' || raw === 'off') next.defaultCadenceDays = null;
    else if (Number.isInteger(days) && days > 0 && days <= 3650) next.defaultCadenceDays = days;
    else throw new UsageError(`--cadence: "${flags.cadence}" is not a whole number of days (or "none")`, usage);
  }
  const target = flags['initiation-target'];
  if (target !== undefined) {
    const pct = Number(target.trim().replace(/%$/, ''));
    if (!Number.isInteger(pct) || pct < 1 || pct > 100) throw new UsageError(`--initiation-target: "${target}" is not a percentage from 1 to 100`, usage);
    next.initiationTargetPercent = pct;
  }
  if (flags.department !== undefined) {
    const raw = flags.department.trim().toLowerCase();
    if (raw === 'none' || raw === 'off') next.department = null;
    else if ((DEPARTMENTS as readonly string[]).includes(raw)) next.department = raw as Department;
    else throw new UsageError(`--department: "${flags.department}" is not one of ${DEPARTMENTS.join(', ')} (or "none")`, usage);
  }
  if (flags.internal !== undefined) next.internalDomains = flags.internal.flatMap((d) => d.split(',')).map((d) => d.trim().toLowerCase()).filter(Boolean);
  const parsed = userSettingsSchema.safeParse(next);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`settings: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`, usage);
  }
  return parsed.data;
}

const thousands = (n: number) => n.toLocaleString('en-US');

/** `settings show` as text: one line per setting, in the words the options page uses. */
export function describeSettings(email: string, settings: UserSettings, stored: boolean, analysis: AnalysisStatus | null): string {
  const rows: [string, string][] = [
    ['addresses', settings.addresses.join(', ')],
    ['time zone', settings.timeZone],
    ['working hours', `${settings.workingHours.start}-${settings.workingHours.end}, ${formatWeekdays(settings.workingHours.days)}`],
    ['cadence', settings.defaultCadenceDays === null ? 'none (clients without their own cadence are never "silent")' : `every ${settings.defaultCadenceDays} days (clients without their own)`],
    ['initiation target', `${settings.initiationTargetPercent}% of conversations started by you (clients may have their own)`],
    ['reply target', describeBusinessMinutes(settings.responseTargetBusinessMinutes, settings)],
    ['internal domains', settings.internalDomains.length > 0 ? settings.internalDomains.join(', ') : '(only those of your addresses)'],
    ['department', settings.department ?? 'none (the touchpoints you log carry none unless you pick one)'],
  ];
  if (analysis) {
    const progress =
      analysis.state === 'current'
        ? 'current'
        : analysis.state === 'failed'
          ? `failed: ${analysis.error ?? 'unknown error'}`
          : analysis.total > 0
            ? `recomputing your figures: ${thousands(analysis.done)} of ${thousands(analysis.total)} threads`
            : 'recomputing your figures (waiting for the server to start)';
    rows.push(['analysis', progress]);
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  return [`Settings of ${email}${stored ? '' : ' (never set: these are the defaults)'}`, ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)].join('\n');
}
