CREATE TABLE `analysis_jobs` (
	`user_id` text PRIMARY KEY NOT NULL,
	`target_hash` text NOT NULL,
	`state` text NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`requested_at` text NOT NULL,
	`started_at` text,
	`finished_at` text,
	`lease_owner` text,
	`lease_until` text,
	`error` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `counterpart_aggregates` (
	`user_id` text NOT NULL,
	`key` text NOT NULL,
	`threads` integer NOT NULL,
	`aggregate_json` text NOT NULL,
	`figures_json` text NOT NULL,
	PRIMARY KEY(`user_id`, `key`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `evidence` (
	`user_id` text NOT NULL,
	`message_id` text NOT NULL,
	`thread_id` text NOT NULL,
	`counterpart` text,
	`at` text NOT NULL,
	`subject` text NOT NULL,
	`to_json` text NOT NULL,
	`counterparts_json` text DEFAULT '[]' NOT NULL,
	`attachments_json` text DEFAULT '[]' NOT NULL,
	`deliveries_json` text DEFAULT '[]' NOT NULL,
	PRIMARY KEY(`user_id`, `message_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `evidence_thread_idx` ON `evidence` (`user_id`,`thread_id`,`at`);--> statement-breakpoint
CREATE INDEX `evidence_counterpart_idx` ON `evidence` (`user_id`,`counterpart`,`at`);--> statement-breakpoint
CREATE TABLE `evidence_recipients` (
	`user_id` text NOT NULL,
	`address` text NOT NULL,
	`counterpart` text,
	`at` text NOT NULL,
	`message_id` text NOT NULL,
	PRIMARY KEY(`user_id`, `address`, `message_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `evidence_recipients_at_idx` ON `evidence_recipients` (`user_id`,`address`,`at`);--> statement-breakpoint
CREATE INDEX `evidence_recipients_counterpart_idx` ON `evidence_recipients` (`user_id`,`counterpart`,`at`);--> statement-breakpoint
CREATE TABLE `promise_recipients` (
	`user_id` text NOT NULL,
	`address` text NOT NULL,
	`made_at` text NOT NULL,
	`promise_id` text NOT NULL,
	PRIMARY KEY(`user_id`, `address`, `promise_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `promise_recipients_made_idx` ON `promise_recipients` (`user_id`,`address`,`made_at`);--> statement-breakpoint
CREATE TABLE `subject_threads` (
	`user_id` text NOT NULL,
	`subject_key` text NOT NULL,
	`thread_id` text NOT NULL,
	`first_ms` integer NOT NULL,
	`last_ms` integer NOT NULL,
	`has_root` integer NOT NULL,
	PRIMARY KEY(`user_id`, `subject_key`, `thread_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `subject_threads_thread_idx` ON `subject_threads` (`user_id`,`thread_id`);--> statement-breakpoint
DROP TABLE `subject_keys`;--> statement-breakpoint
-- Threads, promises and snippets are derived from the stored messages: they are rebuilt with their new
-- columns (SQLite cannot add NOT NULL columns without defaults), and every user with mail gets a
-- re-derivation job (server/src/store/rederive.ts), which also moves each message's findings out of
-- facts_json into these tables.
DROP TABLE `promises`;--> statement-breakpoint
DROP TABLE `snippets`;--> statement-breakpoint
DROP TABLE `threads`;--> statement-breakpoint
CREATE TABLE `promises` (
	`user_id` text NOT NULL,
	`id` text NOT NULL,
	`message_id` text NOT NULL,
	`thread_id` text NOT NULL,
	`counterpart` text,
	`text` text NOT NULL,
	`made_at` text NOT NULL,
	`made_to_json` text DEFAULT '[]' NOT NULL,
	`due_text` text,
	`detected_due_at` text NOT NULL,
	`detected_due_is_default` integer NOT NULL,
	`kept_by` text,
	`kept_at` text,
	`kept_strength` text,
	`kept_quote` text,
	`slip_by` text,
	`slip_at` text,
	`slip_quote` text,
	`slip_due_text` text,
	`folded_through` text,
	`state` text NOT NULL,
	`due_at` text NOT NULL,
	`due_is_default` integer NOT NULL,
	`original_due_at` text,
	`snoozed_until` text,
	`overdue_after` text NOT NULL,
	`derived_hash` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`user_id`, `id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `promises_counterpart_state_idx` ON `promises` (`user_id`,`counterpart`,`state`,`overdue_after`,`kept_at`,`due_at`);--> statement-breakpoint
CREATE INDEX `promises_state_idx` ON `promises` (`user_id`,`state`,`overdue_after`);--> statement-breakpoint
CREATE INDEX `promises_thread_idx` ON `promises` (`user_id`,`thread_id`);--> statement-breakpoint
CREATE INDEX `promises_message_idx` ON `promises` (`user_id`,`message_id`);--> statement-breakpoint
CREATE INDEX `promises_kept_by_idx` ON `promises` (`user_id`,`kept_by`);--> statement-breakpoint
CREATE INDEX `promises_counterpart_made_idx` ON `promises` (`user_id`,`counterpart`,`made_at`);--> statement-breakpoint
CREATE TABLE `snippets` (
	`user_id` text NOT NULL,
	`message_id` text NOT NULL,
	`ordinal` integer NOT NULL,
	`kind` text NOT NULL,
	`side` text NOT NULL,
	`thread_id` text NOT NULL,
	`counterpart` text,
	`text` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`user_id`, `message_id`, `ordinal`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `snippets_counterpart_kind_idx` ON `snippets` (`user_id`,`counterpart`,`kind`,`at`);--> statement-breakpoint
CREATE INDEX `snippets_thread_idx` ON `snippets` (`user_id`,`thread_id`);--> statement-breakpoint
CREATE INDEX `snippets_kind_at_idx` ON `snippets` (`user_id`,`kind`,`at`);--> statement-breakpoint
CREATE TABLE `threads` (
	`user_id` text NOT NULL,
	`thread_id` text NOT NULL,
	`counterpart` text,
	`provided_thread_id` text,
	`subject` text DEFAULT '' NOT NULL,
	`initiated_by` text,
	`first_at` text,
	`last_contact_at` text,
	`awaiting_side` text,
	`awaiting_since` text,
	`awaiting_message_id` text,
	`first_unanswered_request_at` text,
	`message_count` integer NOT NULL,
	`contacts_json` text NOT NULL,
	`facts_json` text NOT NULL,
	`derived_hash` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`user_id`, `thread_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `threads_counterpart_contact_idx` ON `threads` (`user_id`,`counterpart`,`last_contact_at`);--> statement-breakpoint
CREATE INDEX `threads_awaiting_idx` ON `threads` (`user_id`,`counterpart`,`awaiting_side`,`awaiting_since`);--> statement-breakpoint
CREATE INDEX `threads_user_awaiting_idx` ON `threads` (`user_id`,`awaiting_side`,`awaiting_since`);--> statement-breakpoint
CREATE INDEX `threads_derived_idx` ON `threads` (`user_id`,`derived_hash`);--> statement-breakpoint
CREATE INDEX `threads_requests_idx` ON `threads` (`user_id`,`counterpart`,`first_unanswered_request_at`);--> statement-breakpoint
INSERT INTO `analysis_jobs` (`user_id`, `target_hash`, `state`, `total`, `done`, `requested_at`)
	SELECT DISTINCT `user_id`, '', 'pending', 0, 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `messages`;--> statement-breakpoint
CREATE INDEX `thread_refs_thread_idx` ON `thread_refs` (`user_id`,`thread_id`);
--> statement-breakpoint
-- Rate limits are kept per process in memory now (http/rate-limit.ts): a write on every request waited
-- behind other users' transactions.
DROP TABLE `rate_limit_buckets`;
