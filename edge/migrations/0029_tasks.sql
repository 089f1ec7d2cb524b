CREATE TABLE `task_done` (
	`subscriber_id` text NOT NULL,
	`task_id` text NOT NULL,
	`tenant_slug` text NOT NULL,
	`done_on` text NOT NULL,
	`done_by` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`subscriber_id`, `task_id`),
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "task_done_by" CHECK("task_done"."done_by" IN ('resident', 'survey', 'staff'))
);
--> statement-breakpoint
CREATE INDEX `task_done_tenant` ON `task_done` (`tenant_slug`,`task_id`);--> statement-breakpoint
CREATE TABLE `task_offers` (
	`delivery_id` text PRIMARY KEY NOT NULL,
	`subscriber_id` text NOT NULL,
	`tenant_slug` text NOT NULL,
	`task_id` text NOT NULL,
	`task_version` integer NOT NULL,
	`reminder` integer NOT NULL,
	`local_date` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `task_offers_subscriber` ON `task_offers` (`subscriber_id`,`task_id`);