import { z } from 'zod';

/** The mail providers a mailbox (and a sign-in) can come from. */
export const MAIL_PROVIDERS = ['google', 'microsoft'] as const;
export const mailProviderSchema = z.enum(MAIL_PROVIDERS);
export type MailProviderName = (typeof MAIL_PROVIDERS)[number];

/** What a mailbox grants: metadata (gmail.metadata / Mail.ReadBasic) or bodies (gmail.readonly / Mail.Read, adds promise detection). */
export const MAIL_ACCESS_LEVELS = ['metadata', 'bodies'] as const;
export const mailAccessSchema = z.enum(MAIL_ACCESS_LEVELS);
export type MailAccess = (typeof MAIL_ACCESS_LEVELS)[number];

/** reconnect_needed: the grant was revoked (invalid_grant); only a new consent helps. */
export const ACCOUNT_STATUSES = ['active', 'reconnect_needed'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** What the sync machine is doing or last did with a mailbox. */
export const SYNC_PHASES = ['new', 'full', 'incremental', 'idle', 'error'] as const;
export type SyncPhase = (typeof SYNC_PHASES)[number];

/** A connected mailbox as the API shows it: never a token. */
export const accountViewSchema = z.object({
  id: z.string(),
  provider: mailProviderSchema,
  email: z.string(),
  access: mailAccessSchema,
  status: z.enum(ACCOUNT_STATUSES),
  /** The grant was revoked (invalid_grant): the user must connect the mailbox again. */
  reconnectNeeded: z.boolean(),
  phase: z.enum(SYNC_PHASES),
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
  access: mailAccessSchema.default('metadata'),
  loginHint: z.email().optional(),
});
export const connectResponseSchema = z.object({ authorizeUrl: z.string() });
export type ListAccountsResponse = z.infer<typeof listAccountsResponseSchema>;
