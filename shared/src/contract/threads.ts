import { z } from 'zod';
import { counterpartSummarySchema, lagStatsSchema, requestSnippetSchema, riskSnippetSchema } from '../model/analysis-document';
import { promiseViewSchema } from './promises';

const sideSchema = z.enum(['us', 'them']);
const messageRefSchema = z.object({ messageId: z.string(), side: sideSchema, at: z.string() });

export const lagSampleSchema = z.object({
  responder: sideSchema,
  turnStartMessageId: z.string(),
  replyMessageId: z.string(),
  startedAt: z.string(),
  repliedAt: z.string(),
  minutes: z.number(),
  businessMinutes: z.number(),
});

/**
 * The client of a thread as the sidebar shows it: the client's figures, counts and health, with its name and
 * renewal date. Without the client's lists (its longest waits either way, unanswered requests, recent risks): the
 * sidebar shows this thread's, and the client's page (`GET /v1/counterparts/:key`) has the client's. They were a
 * third of the answer (3.5 of 12.5 kB on the real-size bench's key client), read and sent with every sidebar open.
 */
export const threadCounterpartSchema = counterpartSummarySchema
  .omit({ awaitingOurReply: true, awaitingThem: true, requests: true, risks: true })
  .extend({ name: z.string().nullable(), renewalDate: z.string().nullable() });
export type ThreadCounterpart = z.infer<typeof threadCounterpartSchema>;

/** `GET /v1/threads/:threadId/summary`: everything the sidebar shows for the open thread, in one call. */
export const threadSummaryResponseSchema = z.object({
  threadId: z.string(),
  subject: z.string(),
  counterpart: z.string().nullable(),
  messageCount: z.number().int(),
  initiatedBy: sideSchema.nullable(),
  firstMessage: messageRefSchema.nullable(),
  lastMessage: messageRefSchema.nullable(),
  lags: z.object({ ours: lagStatsSchema, theirs: lagStatsSchema, samples: z.array(lagSampleSchema) }),
  awaiting: z.object({ side: sideSchema, since: z.string(), lastMessageId: z.string() }).nullable(),
  /** Promises made in this thread. */
  promises: z.array(promiseViewSchema),
  /** The most urgent open or overdue promises to this counterpart in other threads (overdue first, soonest due first). */
  otherOpenPromises: z.array(promiseViewSchema),
  /** How many open or overdue promises to this counterpart there are in other threads in all. */
  otherOpenPromiseCount: z.number().int(),
  requests: z.array(requestSnippetSchema),
  risks: z.array(riskSnippetSchema),
  /** Counterpart-wide view (health with components, initiation share, silence); null for internal threads. */
  counterpartSummary: threadCounterpartSchema.nullable(),
  /** Opens the thread in the mail client it came from. */
  link: z.string().nullable(),
});
export type ThreadSummaryResponse = z.infer<typeof threadSummaryResponseSchema>;
