import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ORG_ROLE_NAMES } from '@followthrough/shared/contract';
import { users } from './users';

// Organisations (issue 13): colleagues who hold client relationships together. Each member keeps their own
// mailbox, token and analysis; the team's view of a client is composed at read time from the members' own
// stored rows (store/read/team-reads.ts), so nothing here copies anyone's mail facts. What crosses from one
// member to another is decided in one place (team-reads.ts): figures, touchpoints and client profiles do;
// promise, request and risk sentences only from a member who turned `share_sentences` on.


export const orgs = sqliteTable('orgs', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: text('created_at').notNull(),
});

export const orgMembers = sqliteTable(
  'org_members',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ORG_ROLE_NAMES }).notNull(),
    /** The member's promise, request and risk sentences are shown to the team; off until the member turns it on. */
    shareSentences: integer('share_sentences', { mode: 'boolean' }).notNull().default(false),
    joinedAt: text('joined_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), index('org_members_user_idx').on(t.userId)],
);

/**
 * Invitations by e-mail address: nobody's figures are shared until the invited person accepts (the
 * invitation says what will be shared). An address without an account yet waits for one (`followthrough
 * user add`, then sign-in); the API never creates accounts.
 */
export const orgInvitations = sqliteTable(
  'org_invitations',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: ORG_ROLE_NAMES }).notNull(),
    /** Who invited (an admin); null once that account is erased. */
    invitedByUserId: text('invited_by_user_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('org_invitations_org_email_idx').on(t.orgId, t.email), index('org_invitations_email_idx').on(t.email)],
);

/**
 * The team's profile of a client: what the members agree on (name, cadence, renewal, notes), who owns the
 * relationship, and how often it is reviewed and asked for feedback. A field left empty falls back to the
 * owner's own profile of the client, then to any member's (store/read/team-reads.ts).
 */
export const orgClientProfiles = sqliteTable(
  'org_client_profiles',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name'),
    cadenceDays: integer('cadence_days'),
    renewalDate: text('renewal_date'),
    notes: text('notes'),
    /** The member who owns the relationship (quarterly review reminders go to them); null once they leave. */
    ownerUserId: text('owner_user_id'),
    reviewIntervalDays: integer('review_interval_days'),
    feedbackIntervalDays: integer('feedback_interval_days'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.key] }), index('org_client_profiles_owner_idx').on(t.ownerUserId)],
);
