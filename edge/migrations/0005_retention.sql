CREATE TABLE `erasures` (
	`tenant_slug` text NOT NULL,
	`local_date` text NOT NULL,
	`reason` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`tenant_slug`, `local_date`, `reason`),
	CONSTRAINT "erasures_reason" CHECK("erasures"."reason" IN ('requested', 'retention', 'unconfirmed'))
);
--> statement-breakpoint
ALTER TABLE `subscribers` ADD `inactive_since` text;--> statement-breakpoint
CREATE INDEX `subscribers_newly_inactive` ON `subscribers` (`created_at`) WHERE inactive_since IS NULL AND (state = 'stopped' OR next_send_on IS NULL);--> statement-breakpoint
CREATE INDEX `subscribers_inactive` ON `subscribers` (`tenant_slug`,`inactive_since`) WHERE inactive_since IS NOT NULL;