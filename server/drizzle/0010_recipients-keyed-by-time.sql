PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_evidence_recipients` (
	`user_id` text NOT NULL,
	`address` text NOT NULL,
	`counterpart` text,
	`at` text NOT NULL,
	`message_id` text NOT NULL,
	PRIMARY KEY(`user_id`, `address`, `at`, `message_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_evidence_recipients`("user_id", "address", "counterpart", "at", "message_id") SELECT "user_id", "address", "counterpart", "at", "message_id" FROM `evidence_recipients`;--> statement-breakpoint
DROP TABLE `evidence_recipients`;--> statement-breakpoint
ALTER TABLE `__new_evidence_recipients` RENAME TO `evidence_recipients`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `evidence_recipients_counterpart_idx` ON `evidence_recipients` (`user_id`,`counterpart`,`at`);--> statement-breakpoint
CREATE TABLE `__new_promise_recipients` (
	`user_id` text NOT NULL,
	`address` text NOT NULL,
	`made_at` text NOT NULL,
	`promise_id` text NOT NULL,
	PRIMARY KEY(`user_id`, `address`, `made_at`, `promise_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_promise_recipients`("user_id", "address", "made_at", "promise_id") SELECT "user_id", "address", "made_at", "promise_id" FROM `promise_recipients`;--> statement-breakpoint
DROP TABLE `promise_recipients`;--> statement-breakpoint
ALTER TABLE `__new_promise_recipients` RENAME TO `promise_recipients`;