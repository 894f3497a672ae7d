import { z } from 'zod';
import { userSettingsSchema, meSchema } from './settings';
import { storedTouchpointSchema } from './touchpoints';
import { promiseAuditEntrySchema } from './promises';
import { counterpartProfileSchema } from './counterparts';

/** `GET /v1/export`: everything stored for the caller (metadata and snippets; bodies are never stored). */
export const exportResponseSchema = z.object({
  exportedAt: z.string(),
  user: meSchema,
  settings: userSettingsSchema.nullable(),
  messages: z.array(
    z.object({
      id: z.string(),
      threadId: z.string(),
      sentAt: z.string(),
      direction: z.string(),
      automated: z.boolean(),
      /** The stored facts: addresses, subject, flags. No body; its sentences are in promises and snippets. */
      facts: z.record(z.string(), z.unknown()),
    }),
  ),
  /** Promise sentences found in our mail, with their due dates, status fold and evidence. */
  promises: z.array(z.record(z.string(), z.unknown())),
  /** Request and risk sentences, and the delivery sentences of our mail (evidence). */
  snippets: z.array(z.record(z.string(), z.unknown())),
  evidence: z.array(z.record(z.string(), z.unknown())),
  threads: z.array(z.object({ threadId: z.string(), counterpart: z.string().nullable(), facts: z.record(z.string(), z.unknown()) })),
  counterparts: z.array(counterpartProfileSchema.extend({ key: z.string() })),
  touchpoints: z.array(storedTouchpointSchema),
  verdicts: z.array(
    z.object({ promiseId: z.string(), history: z.array(promiseAuditEntrySchema) }),
  ),
});
export type ExportResponse = z.infer<typeof exportResponseSchema>;

export const healthzResponseSchema = z.object({ status: z.literal('ok'), database: z.literal('ok') });
