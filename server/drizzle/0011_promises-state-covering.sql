DROP INDEX `promises_state_idx`;--> statement-breakpoint
CREATE INDEX `promises_state_idx` ON `promises` (`user_id`,`state`,`overdue_after`,`counterpart`,`due_at`);