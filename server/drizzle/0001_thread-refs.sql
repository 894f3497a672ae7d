CREATE TABLE `thread_refs` (
	`user_id` text NOT NULL,
	`message_id` text NOT NULL,
	`thread_id` text NOT NULL,
	PRIMARY KEY(`user_id`, `message_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `subject_keys` ADD `is_reply` integer DEFAULT false NOT NULL;