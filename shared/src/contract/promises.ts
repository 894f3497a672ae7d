import { z } from 'zod';
import { LIMITS } from '../model/limits';
import { promiseSchema, promiseStatusSchema } from '../model/promise';

export const listPromisesQuerySchema = z.object({
  status: promiseStatusSchema.optional(),
  counterpart: z.string().min(1).max(LIMITS.counterpartKey).optional(),
  dueBefore: z.iso.datetime({ offset: true }).optional(),
});
export type ListPromisesQuery = z.infer<typeof listPromisesQuerySchema>;

export const promiseViewSchema = promiseSchema.extend({
  /** The user's own verdict, when they gave one. */
  verdict: z
    .object({
      status: z.enum(['done', 'dismissed', 'open']).nullable(),
      dueAt: z.string().nullable(),
      snoozedUntil: z.string().nullable(),
      updatedAt: z.string(),
    })
    .nullable(),
});
export type PromiseView = z.infer<typeof promiseViewSchema>;

export const listPromisesResponseSchema = z.object({ promises: z.array(promiseViewSchema) });

/** `PATCH /v1/promises/:id`: the user's verdict; stored apart from analysis so re-ingest keeps it. */
export const updatePromiseRequestSchema = z
  .object({
    status: z.enum(['done', 'dismissed', 'open']),
    dueAt: z.iso.datetime({ offset: true }).optional(),
    snoozedUntil: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .strict();
export type UpdatePromiseRequest = z.infer<typeof updatePromiseRequestSchema>;

export const promiseAuditEntrySchema = z.object({
  at: z.string(),
  status: z.enum(['done', 'dismissed', 'open']).nullable(),
  dueAt: z.string().nullable(),
  snoozedUntil: z.string().nullable(),
});
export const updatePromiseResponseSchema = z.object({
  promise: promiseViewSchema,
  history: z.array(promiseAuditEntrySchema),
});
