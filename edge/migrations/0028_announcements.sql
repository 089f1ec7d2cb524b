CREATE TABLE `announcement_runs` (
	`tenant_slug` text NOT NULL,
	`announcement_id` text NOT NULL,
	`version` integer NOT NULL,
	`manifest_id` text,
	`state` text NOT NULL,
	`urgent` integer DEFAULT false NOT NULL,
	`cursor` integer,
	`recipients` integer DEFAULT 0 NOT NULL,
	`started_at` text,
	`walked_at` text,
	`finished_at` text,
	`cancelled_at` text,
	`cancelled_by` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_slug`, `announcement_id`),
	CONSTRAINT "announcement_runs_state" CHECK("announcement_runs"."state" IN ('sending', 'sent', 'cancelled'))
);
--> statement-breakpoint
CREATE INDEX `announcement_runs_sending` ON `announcement_runs` (`state`) WHERE "announcement_runs"."state" = 'sending';--> statement-breakpoint
ALTER TABLE `deliveries` ADD `announcement_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_announcement` ON `deliveries` (`announcement_id`,`subscriber_id`) WHERE "deliveries"."announcement_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE `subscribers` ADD `town_notices` integer DEFAULT true NOT NULL;