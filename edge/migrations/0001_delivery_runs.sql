CREATE TABLE `dead_letters` (
	`id` text PRIMARY KEY NOT NULL,
	`queue` text NOT NULL,
	`tenant_slug` text,
	`local_date` text,
	`manifest_id` text,
	`body` text NOT NULL,
	`attempts` integer NOT NULL,
	`received_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `dead_letters_tenant_date` ON `dead_letters` (`tenant_slug`,`local_date`);--> statement-breakpoint
CREATE TABLE `delivery_failures` (
	`subscriber_id` text PRIMARY KEY NOT NULL,
	`days` integer NOT NULL,
	`last_failed_on` text NOT NULL,
	`last_error` text,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `suppressions` (
	`channel` text NOT NULL,
	`address` text NOT NULL,
	`reason` text NOT NULL,
	`event_id` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`channel`, `address`)
);
--> statement-breakpoint
CREATE TABLE `tenant_runs` (
	`tenant_slug` text NOT NULL,
	`local_date` text NOT NULL,
	`manifest_id` text NOT NULL,
	`state` text DEFAULT 'enqueuing' NOT NULL,
	`cursor` text,
	`lease_holder` text NOT NULL,
	`lease_until` text NOT NULL,
	`enqueued` integer DEFAULT 0 NOT NULL,
	`batches` integer DEFAULT 0 NOT NULL,
	`sent` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`flagged` integer DEFAULT 0 NOT NULL,
	`started_at` text NOT NULL,
	`enqueued_at` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_slug`, `local_date`),
	CONSTRAINT "tenant_runs_state" CHECK("tenant_runs"."state" IN ('enqueuing', 'enqueued'))
);
