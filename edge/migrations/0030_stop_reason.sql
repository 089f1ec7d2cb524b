ALTER TABLE `subscribers` ADD `stopped_at` text;--> statement-breakpoint
ALTER TABLE `subscribers` ADD `stop_reason` text;