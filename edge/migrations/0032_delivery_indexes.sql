DROP INDEX `deliveries_once_a_day`;--> statement-breakpoint
DROP INDEX `deliveries_subscriber`;--> statement-breakpoint
DROP INDEX `deliveries_idempotency_key`;--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_subscriber_day` ON `deliveries` (`subscriber_id`,`local_date`,`kind`,coalesce("staff_message_id", "announcement_id", ''));--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_idempotency_key` ON `deliveries` (`idempotency_key`) WHERE "deliveries"."kind" = 'confirmation';