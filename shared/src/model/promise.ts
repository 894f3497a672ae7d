import { z } from 'zod';

export const PROMISE_STATUSES = ['open', 'overdue', 'kept', 'kept-late', 'dismissed', 'done'] as const;
export const promiseStatusSchema = z.enum(PROMISE_STATUSES);
export type PromiseStatus = z.infer<typeof promiseStatusSchema>;

export const promiseSchema = z.object({
  /** Stable across re-ingest and re-analysis: derived from the message id and the sentence. */
  id: z.string(),
  messageId: z.string(),
  threadId: z.string(),
  counterpart: z.string().nullable(),
  text: z.string(),
  madeAt: z.string(),
  dueAt: z.string(),
  dueIsDefault: z.boolean(),
  status: promiseStatusSchema,
  /** Message id or touchpoint id that kept it. */
  keptBy: z.string().nullable(),
  snoozedUntil: z.string().nullable().optional(),
  /** When the keeping message or touchpoint happened (kept / kept-late), else null. */
  keptAt: z.string().nullable().optional(),
  /** The detected due date when the user set another one (a schedule change), else null. */
  originalDueAt: z.string().nullable().optional(),
  /** The phrase that set the due date ("by Friday"), when one did. */
  dueText: z.string().optional(),
});
export type PromiseRecord = z.infer<typeof promiseSchema>;

/** What a user said about a promise; stored separately so it survives re-analysis. */
export const promiseVerdictSchema = z.object({
  status: z.enum(['done', 'dismissed', 'open']).optional(),
  dueAt: z.iso.datetime({ offset: true }).optional(),
  snoozedUntil: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type PromiseVerdict = z.infer<typeof promiseVerdictSchema>;
