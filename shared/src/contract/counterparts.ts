import { z } from 'zod';
import { counterpartSummarySchema } from '../model/analysis-document';
import { promiseViewSchema } from './promises';
import { storedTouchpointSchema } from './touchpoints';

const isoDate = z.iso.date();

/** The user's own notes about a client: kept apart from analysis, never recomputed. */
export const counterpartProfileSchema = z.object({
  name: z.string().nullable(),
  cadenceDays: z.number().int().positive().nullable(),
  /** Calendar date (YYYY-MM-DD) the contract renews. */
  renewalDate: isoDate.nullable(),
  notes: z.string().nullable(),
  /** Our share of started conversations to aim for with this client, in percent; null = the user's own target. */
  initiationTargetPercent: z.number().int().min(1).max(100).nullable(),
  /** Days between quarterly reviews of this client; null = 90 (an organisation's profile of the client wins). */
  reviewIntervalDays: z.number().int().nullable(),
  /** Days between asking this client for feedback; null = 90 (an organisation's profile of the client wins). */
  feedbackIntervalDays: z.number().int().nullable(),
});
export type CounterpartProfile = z.infer<typeof counterpartProfileSchema>;

export const COUNTERPART_SORTS = ['health', '-health', 'lastContact', 'key'] as const;
/** overdue: promises overdue; silent: no contact for longer than the cadence; renewal: renews within 60 days; awaiting: waits for our reply. */
export const COUNTERPART_FILTERS = ['overdue', 'silent', 'renewal', 'awaiting'] as const;
export const listCounterpartsQuerySchema = z.object({
  /** health = worst first (the ones needing attention); -health = best first. */
  sort: z.enum(COUNTERPART_SORTS).default('health'),
  filter: z.enum(COUNTERPART_FILTERS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** From the previous page's nextCursor. */
  cursor: z.string().max(200).optional(),
});

/** One row: the CLI's counterpart JSON shape plus the user's name for the client. */
export const counterpartListItemSchema = counterpartSummarySchema.extend({
  name: z.string().nullable(),
  renewalDate: isoDate.nullable(),
});
export type CounterpartListItem = z.infer<typeof counterpartListItemSchema>;

export const listCounterpartsResponseSchema = z.object({
  counterparts: z.array(counterpartListItemSchema),
  /** How many clients match in all. */
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});

export const counterpartDetailResponseSchema = z.object({
  counterpart: counterpartListItemSchema.extend({ notes: z.string().nullable() }),
  /** What the user set for this client, as set (the summary's cadence falls back to the default cadence). */
  profile: counterpartProfileSchema,
  /** The most urgent promises (overdue, then open, soonest due first); GET /v1/promises?counterpart= pages them all. */
  promises: z.array(promiseViewSchema),
  /** The latest touchpoints; GET /v1/touchpoints?counterpart= pages them all. */
  touchpoints: z.array(storedTouchpointSchema),
  touchpointCount: z.number().int(),
});
export type CounterpartDetailResponse = z.infer<typeof counterpartDetailResponseSchema>;

export const updateCounterpartRequestSchema = z
  .object({
    name: z.string().min(1).max(200).nullable().optional(),
    cadenceDays: z.number().int().positive().max(3650).nullable().optional(),
    renewalDate: isoDate.nullable().optional(),
    notes: z.string().max(10000).nullable().optional(),
    initiationTargetPercent: z.number().int().min(1).max(100).nullable().optional(),
    reviewIntervalDays: z.number().int().min(7).max(3650).nullable().optional(),
    feedbackIntervalDays: z.number().int().min(7).max(3650).nullable().optional(),
  })
  .strict();
export type UpdateCounterpartRequest = z.infer<typeof updateCounterpartRequestSchema>;
export const updateCounterpartResponseSchema = z.object({
  key: z.string(),
  profile: counterpartProfileSchema,
});

export const listCounterpartThreadsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** From the previous page's nextCursor. */
  cursor: z.string().max(500).optional(),
});

/** One conversation with a client, as the client page's timeline shows it (newest activity first). */
export const counterpartThreadSchema = z.object({
  threadId: z.string(),
  subject: z.string(),
  messageCount: z.number().int(),
  initiatedBy: z.enum(['us', 'them']).nullable(),
  firstAt: z.string().nullable(),
  lastContactAt: z.string().nullable(),
  awaiting: z.object({ side: z.enum(['us', 'them']), since: z.string() }).nullable(),
  /** Opens the thread in Gmail or Outlook on the web, when its ids allow. */
  link: z.string().nullable(),
});
export type CounterpartThread = z.infer<typeof counterpartThreadSchema>;
export const listCounterpartThreadsResponseSchema = z.object({
  threads: z.array(counterpartThreadSchema),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});
