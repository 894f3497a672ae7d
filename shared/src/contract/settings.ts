import { z } from 'zod';
import { workingHoursSchema } from '../model/settings';

/** An IANA zone name the runtime knows (Intl is available in every runtime shared/ targets). */
const timeZoneSchema = z.string().min(1).refine(
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

/** `PUT /v1/me/settings` body and `GET /v1/me/settings` answer. */
export const userSettingsSchema = z.object({
  /** The user's own addresses, aliases included; their domains count as internal. */
  addresses: z.array(z.email()).min(1),
  timeZone: timeZoneSchema,
  workingHours: workingHoursSchema,
  internalDomains: z.array(z.string().min(1)).default([]),
  /** Cadence for counterparts without an agreed one; null = none. */
  defaultCadenceDays: z.number().int().positive().nullable().default(null),
  responseTargetBusinessMinutes: z.number().int().positive().default(240),
});
export type UserSettings = z.infer<typeof userSettingsSchema>;
export type UserSettingsInput = z.input<typeof userSettingsSchema>;

export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  createdAt: z.string(),
});
export type Me = z.infer<typeof meSchema>;

export const deleteMeResponseSchema = z.object({ deleted: z.literal(true) });
