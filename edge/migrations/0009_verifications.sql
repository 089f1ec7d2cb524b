CREATE TABLE `rate_counters` (
	`scope` text NOT NULL,
	`key_hash` text NOT NULL,
	`window` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`scope`, `key_hash`, `window`)
);
--> statement-breakpoint
CREATE TABLE `verifications` (
	`id` text PRIMARY KEY NOT NULL,
	`subscriber_id` text,
	`tenant_slug` text NOT NULL,
	`purpose` text NOT NULL,
	`channel` text NOT NULL,
	`address` text,
	`code_hash` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`sends` integer DEFAULT 0 NOT NULL,
	`sent_at` text,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "verifications_purpose" CHECK("verifications"."purpose" IN ('register', 'change', 'decoy')),
	CONSTRAINT "verifications_channel" CHECK("verifications"."channel" IN ('email', 'sms', 'line'))
);
--> statement-breakpoint
CREATE INDEX `verifications_subscriber` ON `verifications` (`subscriber_id`);--> statement-breakpoint
CREATE INDEX `verifications_code` ON `verifications` (`tenant_slug`,`channel`,`code_hash`);