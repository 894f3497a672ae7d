CREATE TABLE `counterpart_counts` (
	`user_id` text NOT NULL,
	`counterpart` text NOT NULL,
	`what` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`user_id`, `counterpart`, `what`)
);
--> statement-breakpoint
CREATE INDEX `promises_kept_at_idx` ON `promises` (`user_id`,`kept_at`);--> statement-breakpoint
-- The counts of existing rows; from here on the triggers below keep them.
INSERT INTO `counterpart_counts` (`user_id`, `counterpart`, `what`, `n`)
  SELECT `user_id`, `counterpart`, 'promise:' || `state`, count(*) FROM `promises` WHERE `counterpart` IS NOT NULL GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO `counterpart_counts` (`user_id`, `counterpart`, `what`, `n`)
  SELECT `user_id`, `counterpart`, 'awaiting:' || `awaiting_side`, count(*) FROM `threads`
  WHERE `counterpart` IS NOT NULL AND `awaiting_side` IS NOT NULL GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE TRIGGER `promises_counted_insert` AFTER INSERT ON `promises` WHEN new.`counterpart` IS NOT NULL BEGIN
  INSERT INTO `counterpart_counts` (`user_id`, `counterpart`, `what`, `n`) VALUES (new.`user_id`, new.`counterpart`, 'promise:' || new.`state`, 1)
    ON CONFLICT (`user_id`, `counterpart`, `what`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `promises_counted_delete` AFTER DELETE ON `promises` WHEN old.`counterpart` IS NOT NULL BEGIN
  UPDATE `counterpart_counts` SET `n` = `n` - 1
    WHERE `user_id` = old.`user_id` AND `counterpart` = old.`counterpart` AND `what` = 'promise:' || old.`state`;
END;
--> statement-breakpoint
CREATE TRIGGER `promises_counted_update` AFTER UPDATE OF `state`, `counterpart`, `user_id` ON `promises`
  WHEN old.`state` IS NOT new.`state` OR old.`counterpart` IS NOT new.`counterpart` OR old.`user_id` IS NOT new.`user_id` BEGIN
  UPDATE `counterpart_counts` SET `n` = `n` - 1
    WHERE old.`counterpart` IS NOT NULL AND `user_id` = old.`user_id` AND `counterpart` = old.`counterpart` AND `what` = 'promise:' || old.`state`;
  INSERT INTO `counterpart_counts` (`user_id`, `counterpart`, `what`, `n`)
    SELECT new.`user_id`, new.`counterpart`, 'promise:' || new.`state`, 1 WHERE new.`counterpart` IS NOT NULL
    ON CONFLICT (`user_id`, `counterpart`, `what`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `threads_counted_insert` AFTER INSERT ON `threads` WHEN new.`counterpart` IS NOT NULL AND new.`awaiting_side` IS NOT NULL BEGIN
  INSERT INTO `counterpart_counts` (`user_id`, `counterpart`, `what`, `n`) VALUES (new.`user_id`, new.`counterpart`, 'awaiting:' || new.`awaiting_side`, 1)
    ON CONFLICT (`user_id`, `counterpart`, `what`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `threads_counted_delete` AFTER DELETE ON `threads` WHEN old.`counterpart` IS NOT NULL AND old.`awaiting_side` IS NOT NULL BEGIN
  UPDATE `counterpart_counts` SET `n` = `n` - 1
    WHERE `user_id` = old.`user_id` AND `counterpart` = old.`counterpart` AND `what` = 'awaiting:' || old.`awaiting_side`;
END;
--> statement-breakpoint
CREATE TRIGGER `threads_counted_update` AFTER UPDATE OF `awaiting_side`, `counterpart`, `user_id` ON `threads`
  WHEN old.`awaiting_side` IS NOT new.`awaiting_side` OR old.`counterpart` IS NOT new.`counterpart` OR old.`user_id` IS NOT new.`user_id` BEGIN
  UPDATE `counterpart_counts` SET `n` = `n` - 1
    WHERE old.`counterpart` IS NOT NULL AND old.`awaiting_side` IS NOT NULL
      AND `user_id` = old.`user_id` AND `counterpart` = old.`counterpart` AND `what` = 'awaiting:' || old.`awaiting_side`;
  INSERT INTO `counterpart_counts` (`user_id`, `counterpart`, `what`, `n`)
    SELECT new.`user_id`, new.`counterpart`, 'awaiting:' || new.`awaiting_side`, 1 WHERE new.`counterpart` IS NOT NULL AND new.`awaiting_side` IS NOT NULL
    ON CONFLICT (`user_id`, `counterpart`, `what`) DO UPDATE SET `n` = `n` + 1;
END;
