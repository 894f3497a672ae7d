import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { RISK_KINDS } from '@followthrough/shared';
import { users } from './users';

// What is stored per message is independent of the user's settings (StoredMessageFacts); every other
// table here is derived from it with the settings in force and kept up to date incrementally by
// store/analysis-writer.ts: a new message changes its thread's row and its client's aggregate, never a
// client's whole history. `derived_hash` names the settings a row was derived with, so a settings change
// can re-derive in the background (store/rederive.ts) and reads stay consistent meanwhile.

export const DIRECTIONS = ['outbound', 'inbound', 'internal'] as const;
export const SIDES = ['us', 'them'] as const;

/** Message metadata and its settings-independent facts (no body: facts hold only extracted snippets). */
export const messages = sqliteTable(
  'messages',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    threadId: text('thread_id').notNull(),
    sentAt: text('sent_at').notNull(),
    /** Derived with the settings in force (deriveMessageFacts). */
    direction: text('direction', { enum: DIRECTIONS }).notNull(),
    automated: integer('automated', { mode: 'boolean' }).notNull(),
    /** StoredMessageFacts JSON without its findings (those live in promises, snippets and evidence, once each). */
    factsJson: text('facts_json').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.id] }), index('messages_thread_idx').on(t.userId, t.threadId)],
);

/**
 * The threader's memory of subject keys (threading.ts SubjectKeyEntry): per key and thread, the span of
 * times seen and whether the conversation's original is among them. How a reply without threading
 * headers finds its thread. The engine's key separates its parts with U+0000, which SQLite text cannot
 * hold, so keys are stored with a newline there.
 */
export const subjectThreads = sqliteTable(
  'subject_threads',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    subjectKey: text('subject_key').notNull(),
    threadId: text('thread_id').notNull(),
    firstMs: integer('first_ms').notNull(),
    lastMs: integer('last_ms').notNull(),
    hasRoot: integer('has_root', { mode: 'boolean' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.subjectKey, t.threadId] }), index('subject_threads_thread_idx').on(t.userId, t.threadId)],
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
  (t) => [primaryKey({ columns: [t.userId, t.messageId] }), index('thread_refs_thread_idx').on(t.userId, t.threadId)],
);

/** ThreadFacts of each thread (analyzeThread), with the columns reads filter and order by. */
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
    subject: text('subject').notNull().default(''),
    initiatedBy: text('initiated_by', { enum: SIDES }),
    firstAt: text('first_at'),
    lastContactAt: text('last_contact_at'),
    awaitingSide: text('awaiting_side', { enum: SIDES }),
    awaitingSince: text('awaiting_since'),
    awaitingMessageId: text('awaiting_message_id'),
    /** When the first request we still owe an answer to was made (ThreadFacts.firstUnansweredRequestAt). */
    firstUnansweredRequestAt: text('first_unanswered_request_at'),
    messageCount: integer('message_count').notNull(),
    /** The counterpart's addresses seen in this thread (JSON array; ThreadFacts.contacts). */
    contactsJson: text('contacts_json').notNull(),
    factsJson: text('facts_json').notNull(),
    derivedHash: text('derived_hash').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.threadId] }),
    index('threads_counterpart_contact_idx').on(t.userId, t.counterpart, t.lastContactAt),
    index('threads_awaiting_idx').on(t.userId, t.counterpart, t.awaitingSide, t.awaitingSince),
    index('threads_user_awaiting_idx').on(t.userId, t.awaitingSide, t.awaitingSince),
    index('threads_derived_idx').on(t.userId, t.derivedHash),
    index('threads_requests_idx').on(t.userId, t.counterpart, t.firstUnansweredRequestAt),
    // The first contact with a client (a team's first quarterly review is due an interval after it).
    index('threads_counterpart_first_idx').on(t.userId, t.counterpart, t.firstAt),
  ],
);

/**
 * One row per client: the CounterpartAggregate (sorted lags, counts) maintained thread by thread, and
 * its figures ready to read. A read takes `figures_json` (a few hundred bytes) and never the aggregate.
 */
export const counterpartAggregates = sqliteTable(
  'counterpart_aggregates',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    threads: integer('threads').notNull(),
    aggregateJson: text('aggregate_json').notNull(),
    figuresJson: text('figures_json').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

/**
 * How many of a client's promises are in each state and how many of its threads wait on each side, kept
 * by triggers on \`promises\` and \`threads\` (migration 0006) in the transaction that changes them: a
 * read of a client's counts is a handful of rows whatever its history, and no write path (ingest,
 * verdicts, re-derivation, deletions from sync, erasure) can forget to maintain them. \`what\` is
 * \`promise:<state>\` or \`awaiting:<side>\`. No foreign key: rows are derived, erased with the user's
 * rows (erase.ts finds every user_id table), and a cascade must not race the triggers.
 */
export const counterpartCounts = sqliteTable(
  'counterpart_counts',
  {
    userId: text('user_id').notNull(),
    counterpart: text('counterpart').notNull(),
    what: text('what').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.counterpart, t.what] })],
);

export const PROMISE_STATES = ['pending', 'kept', 'kept-late', 'possibly-kept', 'done', 'dismissed'] as const;
export const KEPT_STRENGTHS = ['kept', 'possibly-kept'] as const;

/**
 * Promises found in our outbound mail: the sentence and the words that date it (kept), the due date and
 * fulfilment derived from them (settled by promise-status.ts), so status at any `now` is one comparison
 * with `overdue_after` and counts are index range scans.
 */
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
    /** External recipients of the promising message (JSON array): who it was made to. */
    madeToJson: text('made_to_json').notNull().default('[]'),
    dueText: text('due_text'),
    /** The detected due date for the settings in force. */
    detectedDueAt: text('detected_due_at').notNull(),
    /** No due date was stated: the detected one is the default. */
    detectedDueIsDefault: integer('detected_due_is_default', { mode: 'boolean' }).notNull(),
    // The fulfilment fold (fulfilment.ts) so far.
    keptBy: text('kept_by'),
    keptAt: text('kept_at'),
    keptStrength: text('kept_strength', { enum: KEPT_STRENGTHS }),
    keptQuote: text('kept_quote'),
    slipBy: text('slip_by'),
    slipAt: text('slip_at'),
    slipQuote: text('slip_quote'),
    slipDueText: text('slip_due_text'),
    /** The latest evidence folded in (ISO): evidence at or after it can be folded on top; earlier means refold. */
    foldedThrough: text('folded_through'),
    // Settled (settlePromise) from the above and the user's verdict.
    state: text('state', { enum: PROMISE_STATES }).notNull(),
    dueAt: text('due_at').notNull(),
    /** The due date in force is the default (none stated, none set by the user or a slip). */
    dueIsDefault: integer('due_is_default', { mode: 'boolean' }).notNull(),
    originalDueAt: text('original_due_at'),
    snoozedUntil: text('snoozed_until'),
    overdueAfter: text('overdue_after').notNull(),
    derivedHash: text('derived_hash').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.id] }),
    // Covers the per-client count by status at `now` (state, kept_at, overdue_after, due_at): no row lookups.
    index('promises_counterpart_state_idx').on(t.userId, t.counterpart, t.state, t.overdueAfter, t.keptAt, t.dueAt),
    // Covers the late pending promises of all a user's clients (the Clients list, a team member's tally): a seek on
    // (state, overdue_after) that reads the client and due date from the index, not a walk of every promise.
    index('promises_state_idx').on(t.userId, t.state, t.overdueAfter, t.counterpart, t.dueAt),
    index('promises_thread_idx').on(t.userId, t.threadId),
    index('promises_message_idx').on(t.userId, t.messageId),
    index('promises_kept_by_idx').on(t.userId, t.keptBy),
    // The promises a deleted message had slipped (promisesUsing): few promises ever slip, so only those are indexed.
    index('promises_slip_by_idx').on(t.userId, t.slipBy).where(sql`${t.slipBy} IS NOT NULL`),
    index('promises_counterpart_made_idx').on(t.userId, t.counterpart, t.madeAt),
    // Promises kept by evidence later than `now` count as open (promiseStatusAt): a short range at the end.
    index('promises_kept_at_idx').on(t.userId, t.keptAt),
    // A client's promises by due date: the latest settled ones without sorting the client's history.
    index('promises_counterpart_due_idx').on(t.userId, t.counterpart, t.dueAt),
    // A client's kept promises of a period, newest first (the report's "done" page), without sorting its history.
    index('promises_counterpart_kept_idx').on(t.userId, t.counterpart, t.state, t.keptAt),
  ],
);

/** Our meaningful outbound mail as fulfilment evidence (fulfilment.ts): what a later promise check reads. */
export const evidence = sqliteTable(
  'evidence',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    messageId: text('message_id').notNull(),
    threadId: text('thread_id').notNull(),
    counterpart: text('counterpart'),
    at: text('at').notNull(),
    subject: text('subject').notNull(),
    /** External recipients (JSON array). */
    toJson: text('to_json').notNull(),
    /** The clients of those recipients (JSON array of counterpart keys). */
    counterpartsJson: text('counterparts_json').notNull().default('[]'),
    attachmentsJson: text('attachments_json').notNull().default('[]'),
    /** Delivery and slip sentences (JSON array of DeliveryCandidate): stored here and nowhere else. */
    deliveriesJson: text('deliveries_json').notNull().default('[]'),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.messageId] }),
    // Evidence is found by thread here, and by recipient or client through evidence_recipients.
    index('evidence_thread_idx').on(t.userId, t.threadId, t.at),
  ],
);

/** Who each piece of evidence went to: how a promise finds later mail to the same people. */
export const evidenceRecipients = sqliteTable(
  'evidence_recipients',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    address: text('address').notNull(),
    /** The recipient's client (counterpart key): how a promise finds later mail to anyone at its client. */
    counterpart: text('counterpart'),
    at: text('at').notNull(),
    messageId: text('message_id').notNull(),
  },
  (t) => [
    // The time is in the key (a message has one time, so rows stay one per message and address): the key is
    // also how a promise finds later mail to the same people, and no second index on (address, time) is
    // written with every row.
    primaryKey({ columns: [t.userId, t.address, t.at, t.messageId] }),
    index('evidence_recipients_counterpart_idx').on(t.userId, t.counterpart, t.at),
  ],
);

/** Who each promise was made to: how later mail to the same people finds the promises it may keep. */
export const promiseRecipients = sqliteTable(
  'promise_recipients',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    address: text('address').notNull(),
    madeAt: text('made_at').notNull(),
    promiseId: text('promise_id').notNull(),
  },
  // The time is in the key (a promise has one time), which is how new mail to the same people finds the promises
  // made to them shortly before: one b-tree written per row instead of two.
  (t) => [primaryKey({ columns: [t.userId, t.address, t.madeAt, t.promiseId] })],
);

/** A request to us, a risk phrase (one of the engine's risk kinds), or a message of ours that asked for feedback. */
export const SNIPPET_KINDS = ['request', ...RISK_KINDS, 'feedback-asked'] as const;

/**
 * Requests to us (inbound) and risk phrases, as snippets: one row per sentence, stored once. A message of
 * ours that asked for feedback has a 'feedback-asked' row with empty text: the fact, never the question.
 */
export const snippets = sqliteTable(
  'snippets',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    messageId: text('message_id').notNull(),
    ordinal: integer('ordinal').notNull(),
    kind: text('kind', { enum: SNIPPET_KINDS }).notNull(),
    side: text('side', { enum: SIDES }).notNull(),
    threadId: text('thread_id').notNull(),
    counterpart: text('counterpart'),
    text: text('text').notNull(),
    at: text('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.messageId, t.ordinal] }),
    index('snippets_counterpart_kind_idx').on(t.userId, t.counterpart, t.kind, t.at),
    index('snippets_thread_idx').on(t.userId, t.threadId),
    index('snippets_kind_at_idx').on(t.userId, t.kind, t.at),
  ],
);

export const ANALYSIS_JOB_STATES = ['pending', 'running', 'done', 'failed'] as const;

/**
 * Re-derivation after a settings change (store/rederive.ts): one row per user, leased by the process
 * doing it so several API processes never run it twice, with progress for GET /v1/me.
 */
export const analysisJobs = sqliteTable('analysis_jobs', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  targetHash: text('target_hash').notNull(),
  state: text('state', { enum: ANALYSIS_JOB_STATES }).notNull(),
  total: integer('total').notNull().default(0),
  done: integer('done').notNull().default(0),
  requestedAt: text('requested_at').notNull(),
  startedAt: text('started_at'),
  finishedAt: text('finished_at'),
  leaseOwner: text('lease_owner'),
  leaseUntil: text('lease_until'),
  error: text('error'),
});
