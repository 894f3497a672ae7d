CREATE TABLE `reminder_snoozes` (
	`user_id` text NOT NULL,
	`reminder_id` text NOT NULL,
	`until` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `reminder_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `connect_tickets` (
	`ticket_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`provider` text NOT NULL,
	`access` text NOT NULL,
	`login_hint` text,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `oidc_pending_states` (
	`state` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`provider` text NOT NULL,
	`code_verifier` text NOT NULL,
	`nonce` text NOT NULL,
	`redirect_uri` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `sign_in_requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `pairing_codes` (
	`code_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pairing_codes_user_idx` ON `pairing_codes` (`user_id`);--> statement-breakpoint
CREATE TABLE `sign_in_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`challenge` text NOT NULL,
	`client` text,
	`browser_hash` text,
	`status` text NOT NULL,
	`user_id` text,
	`method` text,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sign_in_requests_expiry_idx` ON `sign_in_requests` (`expires_at`);--> statement-breakpoint
ALTER TABLE `counterpart_profiles` ADD `initiation_target_percent` integer;