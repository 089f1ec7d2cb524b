CREATE TABLE `access_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`subscriber_id` text NOT NULL,
	`purpose` text NOT NULL,
	`timeline_id` text,
	`expires_at` text,
	`used_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`timeline_id`) REFERENCES `timelines`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "access_tokens_purpose" CHECK("access_tokens"."purpose" IN ('confirm', 'manage', 'stop', 'invite'))
);
--> statement-breakpoint
CREATE INDEX `access_tokens_subscriber` ON `access_tokens` (`subscriber_id`);--> statement-breakpoint
CREATE TABLE `consultations` (
	`id` text PRIMARY KEY NOT NULL,
	`subscriber_id` text NOT NULL,
	`tenant_slug` text NOT NULL,
	`category` text NOT NULL,
	`text` text NOT NULL,
	`contact_by` text NOT NULL,
	`urgent` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `consultations_tenant` ON `consultations` (`tenant_slug`,`created_at`);--> statement-breakpoint
CREATE TABLE `registration_attempts` (
	`ip_hash` text NOT NULL,
	`hour` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`ip_hash`, `hour`)
);
