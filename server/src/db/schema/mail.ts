import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/** Message metadata and the engine's MessageFacts (no body: facts hold only extracted snippets). */
export const messages = sqliteTable(
  'messages',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    threadId: text('thread_id').notNull(),
    sentAt: text('sent_at').notNull(),
    direction: text('direction').notNull(),
    automated: integer('automated', { mode: 'boolean' }).notNull(),
    factsJson: text('facts_json').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.id] }),
    index('messages_thread_idx').on(t.userId, t.threadId),
  ],
);

/**
 * Normalized subject + counterpart keys of each message (one per counterpart taking part): how a reply
 * without threading headers finds its thread. The engine's key separates its parts with U+0000, which
 * SQLite text cannot hold, so keys are stored with a newline there (see store/ingest.ts).
 */
export const subjectKeys = sqliteTable(
  'subject_keys',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    subjectKey: text('subject_key').notNull(),
    messageId: text('message_id').notNull(),
    threadId: text('thread_id').notNull(),
    sentAt: text('sent_at').notNull(),
    /** The message says it answers something ("Re: ...", In-Reply-To): a late original may join it. */
    isReply: integer('is_reply', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.userId, t.subjectKey, t.messageId] })],
);

/**
 * Message ids known to belong to a thread: each stored message's own id and the ids it references
 * (In-Reply-To, References). An original that arrives after its replies finds their thread here.
 */
export const threadRefs = sqliteTable(
  'thread_refs',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    messageId: text('message_id').notNull(),
    threadId: text('thread_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.messageId] })],
);

/** ThreadFacts (a pure function of the thread's messages), recomputed when a message joins the thread. */
export const threads = sqliteTable(
  'threads',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    threadId: text('thread_id').notNull(),
    counterpart: text('counterpart'),
    /** The thread id as the mail provider gave it (Gmail thread id, Graph conversation id), for links. */
    providedThreadId: text('provided_thread_id'),
    lastContactAt: text('last_contact_at'),
    awaitingSide: text('awaiting_side'),
    awaitingSince: text('awaiting_since'),
    messageCount: integer('message_count').notNull(),
    /** The counterpart's addresses seen in this thread (JSON array). */
    contactsJson: text('contacts_json').notNull(),
    factsJson: text('facts_json').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.threadId] }),
    index('threads_counterpart_idx').on(t.userId, t.counterpart),
  ],
);

/** Promises found in our outbound mail: the sentence and the due date. Status is decided at read time. */
export const promises = sqliteTable(
  'promises',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    messageId: text('message_id').notNull(),
    threadId: text('thread_id').notNull(),
    counterpart: text('counterpart'),
    text: text('text').notNull(),
    madeAt: text('made_at').notNull(),
    dueAt: text('due_at').notNull(),
    dueIsDefault: integer('due_is_default', { mode: 'boolean' }).notNull(),
    dueText: text('due_text'),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.id] }),
    index('promises_counterpart_idx').on(t.userId, t.counterpart),
    index('promises_thread_idx').on(t.userId, t.threadId),
  ],
);

/** Requests to us (inbound) and risk phrases, as snippets: one row per sentence. */
export const snippets = sqliteTable(
  'snippets',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    messageId: text('message_id').notNull(),
    ordinal: integer('ordinal').notNull(),
    /** 'request' or a risk kind (dissatisfaction, escalation, ...). */
    kind: text('kind').notNull(),
    side: text('side').notNull(),
    threadId: text('thread_id').notNull(),
    counterpart: text('counterpart'),
    text: text('text').notNull(),
    at: text('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.messageId, t.ordinal] }),
    index('snippets_counterpart_idx').on(t.userId, t.counterpart),
    index('snippets_thread_idx').on(t.userId, t.threadId),
  ],
);
