import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ACCOUNT_STATUSES, MAIL_ACCESS_LEVELS, MAIL_PROVIDERS, SYNC_PHASES } from '@followthrough/shared/contract';
import { users } from './users';

/**
 * Connected mailboxes (Gmail / Microsoft 365 / Outlook.com) and their sync state. The refresh token is
 * stored only as an AES-256-GCM envelope (crypto/token-cipher.ts), bound to the account id.
 */
export const mailAccounts = sqliteTable(
  'mail_accounts',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: text('provider', { enum: MAIL_PROVIDERS }).notNull(),
    /** The mailbox address, as the provider reports it. */
    email: text('email').notNull(),
    access: text('access', { enum: MAIL_ACCESS_LEVELS }).notNull(),
    refreshTokenEnc: text('refresh_token_enc').notNull(),
    status: text('status', { enum: ACCOUNT_STATUSES }).notNull(),
    phase: text('phase', { enum: SYNC_PHASES }).notNull(),
    /** The provider's opaque, versioned cursor (sync/cursor.ts), committed after every page. */
    cursor: text('cursor'),
    /** Bumped when a full resync starts; refs not seen again in that generation are swept at its end. */
    generation: integer('generation').notNull().default(0),
    sweepPending: integer('sweep_pending', { mode: 'boolean' }).notNull().default(false),
    /** Only refs with sent_at at or after this are swept (a full sync only re-lists the last N days). */
    sweepSince: text('sweep_since'),
    messageCount: integer('message_count').notNull().default(0),
    pagesCommitted: integer('pages_committed').notNull().default(0),
    lastSyncStartedAt: text('last_sync_started_at'),
    lastSuccessAt: text('last_success_at'),
    lastErrorAt: text('last_error_at'),
    lastErrorCode: text('last_error_code'),
    lastError: text('last_error'),
    /** A pass in progress holds the lease: `owner` is host:pid, so a dead owner's lease can be taken over. */
    leaseOwner: text('lease_owner'),
    leaseUntil: text('lease_until'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('mail_accounts_user_mailbox_idx').on(t.userId, t.provider, t.email), index('mail_accounts_user_idx').on(t.userId)],
);

/**
 * Which stored message each provider id became (Message-ID based ids differ from provider ids), so a
 * deletion reported by the provider can be applied, and a full resync can sweep what vanished.
 */
export const mailAccountMessages = sqliteTable(
  'mail_account_messages',
  {
    accountId: text('account_id')
      .notNull()
      .references(() => mailAccounts.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    providerId: text('provider_id').notNull(),
    messageId: text('message_id').notNull(),
    sentAt: text('sent_at').notNull(),
    generation: integer('generation').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.providerId] }), index('mail_account_messages_message_idx').on(t.userId, t.messageId)],
);

/** OAuth authorization requests in flight: `state` -> the PKCE verifier and who asked (ten minutes at most). */
export const oauthPendingStates = sqliteTable('oauth_pending_states', {
  state: text('state').primaryKey(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  provider: text('provider', { enum: MAIL_PROVIDERS }).notNull(),
  access: text('access', { enum: MAIL_ACCESS_LEVELS }).notNull(),
  codeVerifier: text('code_verifier').notNull(),
  redirectUri: text('redirect_uri').notNull(),
  /** Where to send the browser afterwards (only a relative path or an extension page). */
  returnTo: text('return_to'),
  expiresAt: text('expires_at').notNull(),
});
