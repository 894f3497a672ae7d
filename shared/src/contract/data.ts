import { z } from 'zod';
import { mailProviderSchema } from './accounts';

/**
 * `GET /v1/me/data`: how much the server holds for the caller, so "Erase everything" can name what goes
 * before the user confirms (and the export can say what it carries).
 */
export const dataSummarySchema = z.object({
  email: z.string(),
  messages: z.number().int(),
  threads: z.number().int(),
  clients: z.number().int(),
  promises: z.number().int(),
  touchpoints: z.number().int(),
  mailboxes: z.array(z.object({ provider: mailProviderSchema, email: z.string() })),
  /** Live API tokens (this browser's included). */
  tokens: z.number().int(),
});
export type DataSummary = z.infer<typeof dataSummarySchema>;
