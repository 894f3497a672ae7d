import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { MAIL_ACCESS_LEVELS, MAIL_PROVIDERS } from '@followthrough/shared/contract';
import { users } from './users';

/** refused: too many wrong pairing codes were tried on the request. */
export const SIGN_IN_STATUSES = ['pending', 'approved', 'redeemed', 'refused'] as const;
export type SignInStatus = (typeof SIGN_IN_STATUSES)[number];
/** How the user signed in. */
export const SIGN_IN_METHODS = ['pairing-code', ...MAIL_PROVIDERS] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/**
 * Signing the extension in without copying a token (routes/auth.ts). The extension keeps a one-time
 * verifier and sends its SHA-256; the user approves the request on the server's sign-in page (pairing code
 * or Google / Microsoft); the extension redeems it with the verifier for a new API token, once.
 */
export const signInRequests = sqliteTable(
  'sign_in_requests',
  {
    id: text('id').primaryKey(),
    /** base64url(SHA-256(verifier)). */
    challenge: text('challenge').notNull(),
    /** "Followthrough for Chrome": shown on the page, kept in the log. */
    client: text('client'),
    /** SHA-256 of the cookie given to the browser that first opened the sign-in page (hex); null until then. */
    browserHash: text('browser_hash'),
    status: text('status', { enum: SIGN_IN_STATUSES }).notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    method: text('method', { enum: SIGN_IN_METHODS }),
    /** Wrong pairing codes tried on this request: it is refused after a few. */
    failedAttempts: integer('failed_attempts').notNull().default(0),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sign_in_requests_expiry_idx').on(t.expiresAt)],
);

/** One-time pairing codes from `followthrough user pair <email>` (stored hashed, ten minutes). */
export const pairingCodes = sqliteTable(
  'pairing_codes',
  {
    /** SHA-256 of the normalized code (hex). */
    codeHash: text('code_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
  },
  (t) => [index('pairing_codes_user_idx').on(t.userId)],
);

/** OpenID Connect sign-ins in flight: state -> the sign-in request, PKCE verifier and nonce (ten minutes). */
export const oidcPendingStates = sqliteTable('oidc_pending_states', {
  state: text('state').primaryKey(),
  requestId: text('request_id')
    .notNull()
    .references(() => signInRequests.id, { onDelete: 'cascade' }),
  provider: text('provider', { enum: MAIL_PROVIDERS }).notNull(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  redirectUri: text('redirect_uri').notNull(),
  expiresAt: text('expires_at').notNull(),
});

/**
 * One-time links that start connecting a mailbox in a browser tab (routes/connect-links.ts): the tab
 * cannot carry the API token, so the extension asks for a link with it and opens that. Stored hashed.
 */
export const connectTickets = sqliteTable('connect_tickets', {
  ticketHash: text('ticket_hash').primaryKey(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  provider: text('provider', { enum: MAIL_PROVIDERS }).notNull(),
  access: text('access', { enum: MAIL_ACCESS_LEVELS }).notNull(),
  loginHint: text('login_hint'),
  expiresAt: text('expires_at').notNull(),
});
