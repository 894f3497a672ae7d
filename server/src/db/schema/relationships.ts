import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { DEPARTMENTS, TOUCHPOINT_KINDS, VERDICT_STATUSES } from '@followthrough/shared';
import { users } from './users';

/** What the user says about a client (name, cadence, renewal, notes): never touched by analysis. */
export const counterpartProfiles = sqliteTable(
  'counterpart_profiles',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name'),
    cadenceDays: integer('cadence_days'),
    renewalDate: text('renewal_date'),
    notes: text('notes'),
    /** Our share of started conversations to aim for with this client, in percent; null = the user's target. */
    initiationTargetPercent: integer('initiation_target_percent'),
    /** Days between quarterly reviews of this client; null = 90 (review-rules.ts). */
    reviewIntervalDays: integer('review_interval_days'),
    /** Days between asking this client for feedback; null = 90 (reminder-rules.ts). */
    feedbackIntervalDays: integer('feedback_interval_days'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

/**
 * Reminders the user put away until a time (1 day, 1 week, a date), by reminder id (reminder-rules.ts
 * reminderIds). A promise's own snooze lives on its verdict instead, so it survives a due-date change.
 */
export const reminderSnoozes = sqliteTable(
  'reminder_snoozes',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reminderId: text('reminder_id').notNull(),
    until: text('until').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.reminderId] })],
);

/** Calls, meetings, notes...: keyed by the client-made id so a retried offline write never duplicates. */
export const touchpoints = sqliteTable(
  'touchpoints',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    counterpart: text('counterpart').notNull(),
    kind: text('kind', { enum: TOUCHPOINT_KINDS }).notNull(),
    at: text('at').notNull(),
    summary: text('summary'),
    department: text('department', { enum: DEPARTMENTS }),
    threadId: text('thread_id'),
    /** A review's SWOT and risks (JSON, contract reviewSchema); null for every other kind. */
    reviewJson: text('review_json'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.id] }),
    index('touchpoints_counterpart_idx').on(t.userId, t.counterpart, t.at),
  ],
);

/** The user's verdict on a promise, keyed by the stable promise id so it survives re-ingest. */
export const promiseVerdicts = sqliteTable(
  'promise_verdicts',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    promiseId: text('promise_id').notNull(),
    status: text('status', { enum: VERDICT_STATUSES }),
    dueAt: text('due_at'),
    snoozedUntil: text('snoozed_until'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.promiseId] })],
);

/** Append-only audit trail of verdict changes. */
export const promiseVerdictEvents = sqliteTable(
  'promise_verdict_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    promiseId: text('promise_id').notNull(),
    status: text('status', { enum: VERDICT_STATUSES }),
    dueAt: text('due_at'),
    snoozedUntil: text('snoozed_until'),
    at: text('at').notNull(),
  },
  (t) => [index('promise_verdict_events_idx').on(t.userId, t.promiseId)],
);
