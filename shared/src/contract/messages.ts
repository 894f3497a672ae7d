import { z } from 'zod';
import { normalizedMessageSchema, type NormalizedMessageInput } from '../model/message';
import { MESSAGE_REJECTION_CODES } from '../model/message-rejection';

/** One request carries at most this many messages; larger imports send several batches. */
export const MAX_MESSAGES_PER_BATCH = 5000;

/** What each message must be (the OpenAPI document and the typed client read this). */
export const ingestMessagesRequestSchema = z.object({
  messages: z.array(normalizedMessageSchema).min(1).max(MAX_MESSAGES_PER_BATCH),
});
export type IngestMessagesRequest = z.input<typeof ingestMessagesRequestSchema>;

/**
 * What the route checks before the store sees the batch: its shape and size. Each message is then
 * checked on its own (normalizedMessageSchema), so one bad message is rejected with its reason and
 * never costs the others, and checking 5,000 messages does not hold the server in one piece.
 */
export const ingestEnvelopeSchema = z.object({
  messages: z
    .array(z.custom<NormalizedMessageInput>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), { message: 'expected a message object' }))
    .min(1)
    .max(MAX_MESSAGES_PER_BATCH),
});

export const ingestMessagesResponseSchema = z.object({
  /** Messages stored for the first time. */
  accepted: z.number().int(),
  /** Messages already stored (same id): ingest is idempotent, they are not counted twice. */
  duplicates: z.number().int(),
  /** Threads whose analysis was refreshed by this batch. */
  threadsUpdated: z.number().int(),
  /** Thread id each message landed in, in request order (duplicates included, rejected ones left out). */
  threads: z.array(z.object({ messageId: z.string(), threadId: z.string() })),
  /**
   * Messages of the batch that were not stored, each with why (model/message-rejection.ts): the rest of the
   * batch is stored regardless. `reason` names the field, never its content.
   */
  rejected: z.array(z.object({ id: z.string(), code: z.enum(MESSAGE_REJECTION_CODES), reason: z.string() })),
});
export type IngestMessagesResponse = z.infer<typeof ingestMessagesResponseSchema>;
