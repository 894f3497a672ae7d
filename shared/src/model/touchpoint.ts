import { z } from 'zod';
import { LIMITS } from './limits';

export const TOUCHPOINT_KINDS = ['call', 'meeting', 'note', 'feedback-asked', 'report-sent', 'invoice', 'other'] as const;
export const touchpointKindSchema = z.enum(TOUCHPOINT_KINDS);
export type TouchpointKind = z.infer<typeof touchpointKindSchema>;

export const DEPARTMENTS = ['sales', 'delivery', 'finance', 'support', 'leadership'] as const;
export const departmentSchema = z.enum(DEPARTMENTS);
export type Department = z.infer<typeof departmentSchema>;

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
});
export type Touchpoint = z.infer<typeof touchpointSchema>;
