CREATE TABLE `mail_account_messages` (
	`account_id` text NOT NULL,
	`user_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`message_id` text NOT NULL,
	`sent_at` text NOT NULL,
	`generation` integer NOT NULL,
	PRIMARY KEY(`account_id`, `provider_id`),
	FOREIGN KEY (`account_id`) REFERENCES `mail_accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mail_account_messages_message_idx` ON `mail_account_messages` (`user_id`,`message_id`);--> statement-breakpoint
CREATE TABLE `mail_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`provider` text NOT NULL,
	`email` text NOT NULL,
	`access` text NOT NULL,
	`refresh_token_enc` text NOT NULL,
	`status` text NOT NULL,
	`phase` text NOT NULL,
	`cursor` text,
	`generation` integer DEFAULT 0 NOT NULL,
	`sweep_pending` integer DEFAULT false NOT NULL,
	`sweep_since` text,
	`message_count` integer DEFAULT 0 NOT NULL,
	`pages_committed` integer DEFAULT 0 NOT NULL,
	`last_sync_started_at` text,
	`last_success_at` text,
	`last_error_at` text,
	`last_error_code` text,
	`last_error` text,
	`lease_owner` text,
	`lease_until` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_accounts_user_mailbox_idx` ON `mail_accounts` (`user_id`,`provider`,`email`);--> statement-breakpoint
CREATE INDEX `mail_accounts_user_idx` ON `mail_accounts` (`user_id`);--> statement-breakpoint
CREATE TABLE `oauth_pending_states` (
	`state` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`provider` text NOT NULL,
	`access` text NOT NULL,
	`code_verifier` text NOT NULL,
	`redirect_uri` text NOT NULL,
	`return_to` text,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
