CREATE TABLE `webhook_events` (
	`tenant_slug` text NOT NULL,
	`provider` text NOT NULL,
	`event_id` text NOT NULL,
	`received_at` text NOT NULL,
	`expires_at` text NOT NULL,
	PRIMARY KEY(`tenant_slug`, `provider`, `event_id`)
);
--> statement-breakpoint
CREATE INDEX `webhook_events_expiry` ON `webhook_events` (`expires_at`);