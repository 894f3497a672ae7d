import { z } from 'zod';

/** A connected mailbox as the API shows it: never a token. */
export const accountViewSchema = z.object({
  id: z.string(),
  provider: z.enum(['google', 'microsoft']),
  email: z.string(),
  access: z.enum(['metadata', 'bodies']),
  status: z.enum(['active', 'reconnect_needed']),
  /** The grant was revoked (invalid_grant): the user must connect the mailbox again. */
  reconnectNeeded: z.boolean(),
  phase: z.string(),
  messageCount: z.number().int(),
  lastSyncStartedAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.object({ code: z.string().nullable(), message: z.string(), at: z.string().nullable() }).nullable(),
  syncing: z.boolean(),
  /**
   * Messages the last sync pass that skipped any could not take in (a bounce without a sender address, a
   * date from the year 9999, ...): everything else was stored. `messages` lists the first few, by the
   * provider's id and the Message-ID, with the reason; never content.
   */
  skipped: z
    .object({
      count: z.number().int(),
      at: z.string(),
      messages: z.array(z.object({ providerId: z.string(), messageId: z.string().nullable(), code: z.string(), reason: z.string() })),
    })
    .nullable(),
});
export type AccountView = z.infer<typeof accountViewSchema>;

export const listAccountsResponseSchema = z.object({ accounts: z.array(accountViewSchema) });
export const syncAccountResponseSchema = z.object({ account: accountViewSchema, queued: z.literal(true) });

export const connectQuerySchema = z.object({
  /** metadata: gmail.metadata / Mail.ReadBasic; bodies: gmail.readonly / Mail.Read (adds promise detection). */
  access: z.enum(['metadata', 'bodies']).default('metadata'),
  loginHint: z.email().optional(),
});
export const connectResponseSchema = z.object({ authorizeUrl: z.string() });
export type ListAccountsResponse = z.infer<typeof listAccountsResponseSchema>;
