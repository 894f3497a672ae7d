CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`prefix` text NOT NULL,
	`hash` text NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_hash_unique` ON `api_tokens` (`hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_user_idx` ON `api_tokens` (`user_id`);--> statement-breakpoint
CREATE INDEX `api_tokens_prefix_idx` ON `api_tokens` (`prefix`);--> statement-breakpoint
CREATE TABLE `rate_limit_buckets` (
	`key` text PRIMARY KEY NOT NULL,
	`tokens` real NOT NULL,
	`updated_at_ms` integer NOT NULL,
	`granted` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text,
	`settings_json` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `messages` (
	`user_id` text NOT NULL,
	`id` text NOT NULL,
	`thread_id` text NOT NULL,
	`sent_at` text NOT NULL,
	`direction` text NOT NULL,
	`automated` integer NOT NULL,
	`facts_json` text NOT NULL,
	PRIMARY KEY(`user_id`, `id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `messages_thread_idx` ON `messages` (`user_id`,`thread_id`);--> statement-breakpoint
CREATE TABLE `promises` (
	`user_id` text NOT NULL,
	`id` text NOT NULL,
	`message_id` text NOT NULL,
	`thread_id` text NOT NULL,
	`counterpart` text,
	`text` text NOT NULL,
	`made_at` text NOT NULL,
	`due_at` text NOT NULL,
	`due_is_default` integer NOT NULL,
	`due_text` text,
	PRIMARY KEY(`user_id`, `id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `promises_counterpart_idx` ON `promises` (`user_id`,`counterpart`);--> statement-breakpoint
CREATE INDEX `promises_thread_idx` ON `promises` (`user_id`,`thread_id`);--> statement-breakpoint
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
CREATE INDEX `snippets_counterpart_idx` ON `snippets` (`user_id`,`counterpart`);--> statement-breakpoint
CREATE INDEX `snippets_thread_idx` ON `snippets` (`user_id`,`thread_id`);--> statement-breakpoint
CREATE TABLE `subject_keys` (
	`user_id` text NOT NULL,
	`subject_key` text NOT NULL,
	`message_id` text NOT NULL,
	`thread_id` text NOT NULL,
	`sent_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `subject_key`, `message_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `threads` (
	`user_id` text NOT NULL,
	`thread_id` text NOT NULL,
	`counterpart` text,
	`provided_thread_id` text,
	`last_contact_at` text,
	`awaiting_side` text,
	`awaiting_since` text,
	`message_count` integer NOT NULL,
	`contacts_json` text NOT NULL,
	`facts_json` text NOT NULL,
	PRIMARY KEY(`user_id`, `thread_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `threads_counterpart_idx` ON `threads` (`user_id`,`counterpart`);--> statement-breakpoint
CREATE TABLE `counterpart_profiles` (
	`user_id` text NOT NULL,
	`key` text NOT NULL,
	`name` text,
	`cadence_days` integer,
	`renewal_date` text,
	`notes` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `key`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `promise_verdict_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`promise_id` text NOT NULL,
	`status` text,
	`due_at` text,
	`snoozed_until` text,
	`at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `promise_verdict_events_idx` ON `promise_verdict_events` (`user_id`,`promise_id`);--> statement-breakpoint
CREATE TABLE `promise_verdicts` (
	`user_id` text NOT NULL,
	`promise_id` text NOT NULL,
	`status` text,
	`due_at` text,
	`snoozed_until` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `promise_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `touchpoints` (
	`user_id` text NOT NULL,
	`id` text NOT NULL,
	`counterpart` text NOT NULL,
	`kind` text NOT NULL,
	`at` text NOT NULL,
	`summary` text,
	`department` text,
	`thread_id` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `touchpoints_counterpart_idx` ON `touchpoints` (`user_id`,`counterpart`,`at`);