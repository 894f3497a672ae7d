import { z } from 'zod';

/**
 * open: not due yet; overdue: past due, nothing delivered; kept / kept-late: our later mail or a logged
 * touchpoint delivered it, by or after the due date; possibly-kept: something may have delivered it and
 * the user is asked to confirm; dismissed: the user said it is not a promise; done: the user marked it.
 */
export const PROMISE_STATUSES = ['open', 'overdue', 'kept', 'kept-late', 'possibly-kept', 'dismissed', 'done'] as const;
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
  /** When the keeping message or touchpoint happened (kept / kept-late / possibly-kept), else null. */
  keptAt: z.string().nullable().optional(),
  /** The words of the message or touchpoint that kept it ("Attached is the revised SOW"), when known. */
  evidence: z.string().nullable().optional(),
  /** A message of ours that said it would be late and gave a new time: the due date moved with it. */
  slip: z.object({ by: z.string(), at: z.string(), quote: z.string().nullable() }).nullable().optional(),
  /** The detected due date when the user set another one (a schedule change), else null. */
  originalDueAt: z.string().nullable().optional(),
  /** The phrase that set the due date ("by Friday"), when one did. */
  dueText: z.string().optional(),
});
export type PromiseRecord = z.infer<typeof promiseSchema>;

/**
 * What the user can say of a promise: done (they did it), dismissed (not a promise), not-kept (what
 * looked like a delivery was not one), open (take back an earlier verdict: detection decides again).
 */
export const VERDICT_STATUSES = ['done', 'dismissed', 'not-kept', 'open'] as const;
export type VerdictStatus = (typeof VERDICT_STATUSES)[number];

/** What a user said about a promise; stored separately so it survives re-analysis. */
export const promiseVerdictSchema = z.object({
  status: z.enum(VERDICT_STATUSES).optional(),
  dueAt: z.iso.datetime({ offset: true }).optional(),
  snoozedUntil: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type PromiseVerdict = z.infer<typeof promiseVerdictSchema>;
