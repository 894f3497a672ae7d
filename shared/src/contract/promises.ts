import { z } from 'zod';
import { LIMITS } from '../model/limits';
import { promiseSchema, promiseStatusSchema, VERDICT_STATUSES } from '../model/promise';

export const DEFAULT_PAGE_SIZE = 50;

export const listPromisesQuerySchema = z.object({
  status: promiseStatusSchema.optional(),
  counterpart: z.string().min(1).max(LIMITS.counterpartKey).optional(),
  threadId: z.string().min(1).max(LIMITS.threadId).optional(),
  dueBefore: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(DEFAULT_PAGE_SIZE),
  /** From the previous page's nextCursor. */
  cursor: z.string().max(2000).optional(),
});
export type ListPromisesQuery = z.infer<typeof listPromisesQuerySchema>;

export const promiseViewSchema = promiseSchema.extend({
  /** The user's own verdict, when they gave one. */
  verdict: z
    .object({
      status: z.enum(VERDICT_STATUSES).nullable(),
      dueAt: z.string().nullable(),
      snoozedUntil: z.string().nullable(),
      updatedAt: z.string(),
    })
    .nullable(),
});
export type PromiseView = z.infer<typeof promiseViewSchema>;

/** Soonest due first; `nextCursor` is null on the last page. */
export const listPromisesResponseSchema = z.object({ promises: z.array(promiseViewSchema), nextCursor: z.string().nullable() });

/** `PATCH /v1/promises/:id`: the user's verdict; stored apart from analysis so re-ingest keeps it. */
export const updatePromiseRequestSchema = z
  .object({
    status: z.enum(VERDICT_STATUSES),
    dueAt: z.iso.datetime({ offset: true }).optional(),
    snoozedUntil: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .strict();
export type UpdatePromiseRequest = z.infer<typeof updatePromiseRequestSchema>;

export const promiseAuditEntrySchema = z.object({
  at: z.string(),
  status: z.enum(VERDICT_STATUSES).nullable(),
  dueAt: z.string().nullable(),
  snoozedUntil: z.string().nullable(),
});
export const updatePromiseResponseSchema = z.object({
  promise: promiseViewSchema,
  history: z.array(promiseAuditEntrySchema),
});
