import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name'),
  /** UserSettings JSON (addresses, time zone, working hours); null until first PUT, then defaults apply. */
  settingsJson: text('settings_json'),
  createdAt: text('created_at').notNull(),
});

/**
 * API tokens are stored as SHA-256 hashes: a leaked database does not leak usable tokens. `prefix` is
 * the first characters of the token (not secret: too short to guess the rest) so `user revoke <prefix>`
 * can name one without the secret.
 */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    prefix: text('prefix').notNull(),
    hash: text('hash').notNull().unique(),
    createdAt: text('created_at').notNull(),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId), index('api_tokens_prefix_idx').on(t.prefix)],
);
