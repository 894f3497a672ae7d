import { z } from 'zod';
import { LIMITS } from '../model/limits';
import { touchpointSchema } from '../model/touchpoint';

/** A review's SWOT belongs to a `review` touchpoint only. */
export const createTouchpointRequestSchema = touchpointSchema.refine((t) => t.review === undefined || t.kind === 'review', {
  message: 'only a review touchpoint has a review',
  path: ['review'],
});
export type CreateTouchpointRequest = z.input<typeof createTouchpointRequestSchema>;

export const storedTouchpointSchema = touchpointSchema.extend({
  createdAt: z.string(),
});
export type StoredTouchpoint = z.infer<typeof storedTouchpointSchema>;

export const createTouchpointResponseSchema = z.object({
  touchpoint: storedTouchpointSchema,
  /** False when a touchpoint with this id already existed (a retried write): nothing changed. */
  created: z.boolean(),
});

export const listTouchpointsQuerySchema = z.object({
  counterpart: z.string().min(1).max(LIMITS.counterpartKey).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** From the previous page's nextCursor. */
  cursor: z.string().max(2000).optional(),
});
/** Newest first; `nextCursor` is null on the last page. */
export const listTouchpointsResponseSchema = z.object({ touchpoints: z.array(storedTouchpointSchema), nextCursor: z.string().nullable() });
export const deleteTouchpointResponseSchema = z.object({ deleted: z.literal(true) });
