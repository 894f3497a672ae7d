import { z } from 'zod';
import { normalizedMessageSchema } from '../model/message';
import { MESSAGE_REJECTION_CODES } from '../model/message-rejection';

/** One request carries at most this many messages; larger imports send several batches. */
export const MAX_MESSAGES_PER_BATCH = 5000;

export const ingestMessagesRequestSchema = z.object({
  messages: z.array(normalizedMessageSchema).min(1).max(MAX_MESSAGES_PER_BATCH),
});
export type IngestMessagesRequest = z.input<typeof ingestMessagesRequestSchema>;

export const ingestMessagesResponseSchema = z.object({
  /** Messages stored for the first time. */
  accepted: z.number().int(),
  /** Messages already stored (same id): ingest is idempotent, they are not counted twice. */
  duplicates: z.number().int(),
  /** Threads whose analysis was refreshed by this batch. */
  threadsUpdated: z.number().int(),
  /** Thread id each message landed in, in request order (duplicates included). */
  threads: z.array(z.object({ messageId: z.string(), threadId: z.string() })),
  /**
   * Messages of the batch that were not stored, each with why (model/message-rejection.ts): the rest of the
   * batch is stored regardless. `reason` names the field, never its content.
   */
  rejected: z.array(z.object({ id: z.string(), code: z.enum(MESSAGE_REJECTION_CODES), reason: z.string() })).optional(),
});
export type IngestMessagesResponse = z.infer<typeof ingestMessagesResponseSchema>;
