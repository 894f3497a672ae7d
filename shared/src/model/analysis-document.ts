import { z } from 'zod';
import { promiseSchema } from './promise';
import { RISK_KINDS } from './facts';

export const lagStatsSchema = z.object({
  count: z.number().int(),
  medianMinutes: z.number().nullable(),
  medianBusinessMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
  p90BusinessMinutes: z.number().nullable(),
});
export type LagStats = z.infer<typeof lagStatsSchema>;

export const HEALTH_COMPONENT_IDS = [
  'initiation',
  'responsiveness',
  'silence',
  'promises',
  'awaiting',
  'risk',
] as const;

export const healthComponentSchema = z.object({
  id: z.enum(HEALTH_COMPONENT_IDS),
  label: z.string(),
  /** The measured value, in `unit`; null when there is nothing to measure yet. */
  value: z.number().nullable(),
  target: z.number().nullable(),
  unit: z.string(),
  /** Points this component adds (its share of 100) after weighting. */
  contribution: z.number(),
  /** Points it could add at most. */
  weight: z.number(),
  /** One sentence a manager understands: "We started 6 of 10 conversations (target 80%)." */
  explanation: z.string(),
});
export type HealthComponent = z.infer<typeof healthComponentSchema>;

export const healthSchema = z.object({
  score: z.number().int().min(0).max(100),
  components: z.array(healthComponentSchema),
});
export type Health = z.infer<typeof healthSchema>;

const awaitingSchema = z.object({ threadId: z.string(), lastMessageId: z.string(), since: z.string() });

export const requestSnippetSchema = z.object({
  messageId: z.string(),
  threadId: z.string(),
  text: z.string(),
  at: z.string(),
});
export const riskSnippetSchema = z.object({
  kind: z.enum(RISK_KINDS),
  side: z.enum(['us', 'them']),
  messageId: z.string(),
  threadId: z.string(),
  text: z.string(),
  at: z.string(),
});
export type RequestSnippet = z.infer<typeof requestSnippetSchema>;
export type RiskSnippet = z.infer<typeof riskSnippetSchema>;

export const promiseTallySchema = z.object({
  open: z.number().int(),
  overdue: z.number().int(),
  kept: z.number().int(),
  keptLate: z.number().int(),
  possiblyKept: z.number().int(),
  done: z.number().int(),
  dismissed: z.number().int(),
  oldestOverdueDueAt: z.string().nullable(),
});

export const counterpartSummarySchema = z.object({
  key: z.string(),
  contacts: z.array(z.string()),
  threads: z.number().int(),
  initiated: z.object({ us: z.number().int(), them: z.number().int(), share: z.number().nullable() }),
  responseLag: z.object({ ours: lagStatsSchema, theirs: lagStatsSchema }),
  lastContactAt: z.string().nullable(),
  daysSinceContact: z.number().nullable(),
  cadenceDays: z.number().nullable(),
  /** Threads waiting for our reply: how many, and the longest-waiting few (oldest first). */
  awaitingOurReplyCount: z.number().int(),
  awaitingOurReply: z.array(awaitingSchema),
  awaitingThemCount: z.number().int(),
  awaitingThem: z.array(awaitingSchema),
  /** Requests to us still unanswered: how many, and the oldest few. */
  requestCount: z.number().int(),
  requests: z.array(requestSnippetSchema),
  /** Risk language in the last six months: how many, and the newest few. */
  riskCount: z.number().int(),
  risks: z.array(riskSnippetSchema),
  /** Promises to them by status at `now`. */
  promises: promiseTallySchema,
  health: healthSchema,
});
export type CounterpartSummary = z.infer<typeof counterpartSummarySchema>;

/** `followthrough analyze --format json`: one document. */
export const analysisDocumentSchema = z.object({
  now: z.string(),
  timeZone: z.string(),
  me: z.array(z.string()),
  counterparts: z.array(counterpartSummarySchema),
  promises: z.array(promiseSchema),
});
export type AnalysisDocument = z.infer<typeof analysisDocumentSchema>;

export const progressReportSchema = z.object({
  counterpart: z.string(),
  since: z.string().nullable(),
  until: z.string(),
  text: z.string(),
  html: z.string(),
});
export type ProgressReport = z.infer<typeof progressReportSchema>;
