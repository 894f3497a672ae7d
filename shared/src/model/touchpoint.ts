import { z } from 'zod';
import { LIMITS } from './limits';

/** `invoice`: finance sent or chased an invoice; `review`: the quarterly review of the client (a SWOT and the risks). */
export const TOUCHPOINT_KINDS = ['call', 'meeting', 'note', 'feedback-asked', 'report-sent', 'invoice', 'review', 'other'] as const;
export const touchpointKindSchema = z.enum(TOUCHPOINT_KINDS);
export type TouchpointKind = z.infer<typeof touchpointKindSchema>;

/** Who in the team touched the client (PRODUCT.md's 360° view); `delivery` covers engagement management and delivery. */
export const DEPARTMENTS = ['sales', 'marketing', 'delivery', 'finance', 'support', 'leadership'] as const;
export const departmentSchema = z.enum(DEPARTMENTS);
export type Department = z.infer<typeof departmentSchema>;

/** The parts of a quarterly review, each free text: a SWOT of the client, and the risks reviewed. */
export const REVIEW_FIELDS = ['strengths', 'weaknesses', 'opportunities', 'threats', 'risks'] as const;
export type ReviewField = (typeof REVIEW_FIELDS)[number];
const reviewText = z.string().max(4000).default('');
export const reviewSchema = z
  .object({ strengths: reviewText, weaknesses: reviewText, opportunities: reviewText, threats: reviewText, risks: reviewText })
  .strict();
export type Review = z.infer<typeof reviewSchema>;

export const touchpointSchema = z.object({
  /** Client-made UUID: a retried offline write never duplicates. */
  id: z.uuid(),
  counterpart: z.string().min(1).max(LIMITS.counterpartKey),
  kind: touchpointKindSchema,
  at: z.iso.datetime({ offset: true }),
  summary: z.string().max(2000).optional(),
  department: departmentSchema.optional(),
  /** The thread it was logged from, when it was. */
  threadId: z.string().min(1).max(LIMITS.threadId).optional(),
  /** A `review` touchpoint's SWOT and risks (only a review has one). */
  review: reviewSchema.optional(),
});
export type Touchpoint = z.infer<typeof touchpointSchema>;
