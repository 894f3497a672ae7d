import { z } from 'zod';
import { DEFAULT_INITIATION_TARGET } from './targets';

export { DEFAULT_INITIATION_TARGET } from './targets';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour)');

/** ISO weekday numbers: 1 = Monday ... 7 = Sunday. */
export const weekdaySchema = z.number().int().min(1).max(7);

export const workingHoursSchema = z.object({
  start: clockTime.default('09:00'),
  end: clockTime.default('17:00'),
  days: z.array(weekdaySchema).min(1).default([1, 2, 3, 4, 5]),
});
export type WorkingHours = z.infer<typeof workingHoursSchema>;

export const DEFAULT_WORKING_HOURS: WorkingHours = { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] };

/** Who "we" are and when we work: everything the engine needs besides the mail itself. */
export const analysisSettingsSchema = z.object({
  /** The user's own addresses, aliases included. Their domains are internal. */
  me: z.array(z.string().min(3)).min(1),
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone: z.string().min(1).default('UTC'),
  workingHours: workingHoursSchema.default(DEFAULT_WORKING_HOURS),
  /** Extra domains that count as ours (a company with several domains). */
  internalDomains: z.array(z.string()).default([]),
  /** Our reply target in business minutes, used by health. */
  responseTargetBusinessMinutes: z.number().positive().default(240),
  /** Cadence used when a counterpart has none agreed; undefined = no cadence. */
  defaultCadenceDays: z.number().positive().optional(),
  /** Working days a promise without a stated due date gets. */
  defaultPromiseWorkingDays: z.number().int().positive().default(2),
  /** Our share of started conversations to aim for (0..1]; a client's own target wins over it. */
  initiationTarget: z.number().gt(0).max(1).default(DEFAULT_INITIATION_TARGET),
});
export type AnalysisSettings = z.infer<typeof analysisSettingsSchema>;
export type AnalysisSettingsInput = z.input<typeof analysisSettingsSchema>;
