import { z } from 'zod';
import { LIMITS } from '../model/limits';
import { departmentSchema } from '../model/touchpoint';
import { DEFAULT_WORKING_HOURS, workingHoursSchema } from '../model/settings';
import { parseWeekdays } from '../model/weekdays';

/** An IANA zone name the runtime knows (Intl is available in every runtime shared/ targets). */
// 64 characters: the longest IANA name is 32 (America/Argentina/ComodRivadavia); Intl is not asked about more.
const timeZoneSchema = z.string().min(1).max(64).refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'unknown IANA time zone' },
);

/**
 * Working days as the CLI takes them: ISO numbers (1 = Monday), names ("mon", "Monday") or one string
 * ("mon-fri", "sun-thu", "mon,wed,fri"); always stored and answered as numbers.
 */
const apiWorkdaysSchema = z
  .union([z.string().max(100), z.array(z.union([z.number(), z.string().max(20)])).max(7 * 4)])
  .transform((value, ctx) => {
    const parsed = parseWeekdays(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return parsed.days;
  });

const apiWorkingHoursSchema = workingHoursSchema.extend({ days: apiWorkdaysSchema.default(DEFAULT_WORKING_HOURS.days) });

/** The guideline the health score measures initiation against, in percent (a client may set its own). */
export const DEFAULT_INITIATION_TARGET_PERCENT = 80;

/** `PUT /v1/me/settings` body and `GET /v1/me/settings` answer. */
export const userSettingsSchema = z.object({
  /** The user's own addresses, aliases included; their domains count as internal. */
  // Internationalized addresses (RFC 6531: üser@bücher.example) are addresses too.
  addresses: z
    .array(z.email({ pattern: z.regexes.unicodeEmail }).max(LIMITS.address))
    .min(1)
    .max(LIMITS.settingsAddresses),
  timeZone: timeZoneSchema,
  workingHours: apiWorkingHoursSchema,
  internalDomains: z
    .array(
      z
        .string()
        .min(1)
        .max(LIMITS.domain)
        .regex(/^[^\s@,;<>]+$/, 'expected a domain such as example.com (no @, spaces or separators)'),
    )
    .max(LIMITS.settingsInternalDomains)
    .default([]),
  /** Cadence for counterparts without an agreed one; null = none. */
  defaultCadenceDays: z.number().int().positive().nullable().default(null),
  responseTargetBusinessMinutes: z.number().int().positive().default(240),
  /** Our share of started conversations to aim for, in percent (health's initiation component). */
  initiationTargetPercent: z.number().int().min(1).max(100).default(DEFAULT_INITIATION_TARGET_PERCENT),
  /** The user's department in their team (sales, marketing, delivery, finance, support, leadership): the default of the touchpoints they log. */
  department: departmentSchema.nullable().default(null),
});
export type UserSettings = z.infer<typeof userSettingsSchema>;
export type UserSettingsInput = z.input<typeof userSettingsSchema>;

/**
 * Where the analysis of the user's mail stands: after a settings change that moves figures (addresses,
 * time zone, working hours, default due days) every stored thread, client and promise is derived again
 * in the background; reads stay consistent per client meanwhile.
 */
export const analysisStatusSchema = z.object({
  state: z.enum(['current', 'pending', 'running', 'failed']),
  /** Clients derived again so far, of `total`. */
  done: z.number().int(),
  total: z.number().int(),
  requestedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
});
export type AnalysisStatus = z.infer<typeof analysisStatusSchema>;

export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  createdAt: z.string(),
  analysis: analysisStatusSchema.optional(),
});
export type Me = z.infer<typeof meSchema>;

export const deleteMeResponseSchema = z.object({ deleted: z.literal(true) });
