CREATE TABLE `org_client_profiles` (
	`org_id` text NOT NULL,
	`key` text NOT NULL,
	`name` text,
	`cadence_days` integer,
	`renewal_date` text,
	`notes` text,
	`owner_user_id` text,
	`review_interval_days` integer,
	`feedback_interval_days` integer,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`org_id`, `key`),
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `org_client_profiles_owner_idx` ON `org_client_profiles` (`owner_user_id`);--> statement-breakpoint
CREATE TABLE `org_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`invited_by_user_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `org_invitations_org_email_idx` ON `org_invitations` (`org_id`,`email`);--> statement-breakpoint
CREATE INDEX `org_invitations_email_idx` ON `org_invitations` (`email`);--> statement-breakpoint
CREATE TABLE `org_members` (
	`org_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`share_sentences` integer DEFAULT false NOT NULL,
	`joined_at` text NOT NULL,
	PRIMARY KEY(`org_id`, `user_id`),
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `org_members_user_idx` ON `org_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `orgs` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `counterpart_profiles` ADD `review_interval_days` integer;--> statement-breakpoint
ALTER TABLE `counterpart_profiles` ADD `feedback_interval_days` integer;--> statement-breakpoint
ALTER TABLE `touchpoints` ADD `review_json` text;--> statement-breakpoint
CREATE INDEX `threads_counterpart_first_idx` ON `threads` (`user_id`,`counterpart`,`first_at`);