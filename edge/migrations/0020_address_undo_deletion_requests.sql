CREATE TABLE `address_changes` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`subscriber_id` text NOT NULL,
	`tenant_slug` text NOT NULL,
	`channel` text NOT NULL,
	`address` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `address_changes_subscriber` ON `address_changes` (`subscriber_id`);--> statement-breakpoint
CREATE INDEX `address_changes_expiry` ON `address_changes` (`expires_at`);--> statement-breakpoint
CREATE TABLE `deletion_requests` (
	`subscriber_id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`tenant_slug` text NOT NULL,
	`expires_at` text NOT NULL,
	`delete_after` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deletion_requests_token_hash_unique` ON `deletion_requests` (`token_hash`);--> statement-breakpoint
CREATE INDEX `deletion_requests_due` ON `deletion_requests` (`delete_after`);