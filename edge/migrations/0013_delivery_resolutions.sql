CREATE TABLE `delivery_resolutions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delivery_id` text NOT NULL,
	`tenant_slug` text NOT NULL,
	`local_date` text NOT NULL,
	`decision` text NOT NULL,
	`outcome` text NOT NULL,
	`actor` text,
	`error` text,
	`resolved_at` text NOT NULL,
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "delivery_resolutions_decision" CHECK("delivery_resolutions"."decision" IN ('was-sent', 'send-again')),
	CONSTRAINT "delivery_resolutions_outcome" CHECK("delivery_resolutions"."outcome" IN ('sent', 'failed-permanent', 'flagged'))
);
--> statement-breakpoint
CREATE INDEX `delivery_resolutions_delivery` ON `delivery_resolutions` (`delivery_id`);--> statement-breakpoint
CREATE INDEX `delivery_resolutions_tenant_date` ON `delivery_resolutions` (`tenant_slug`,`local_date`);--> statement-breakpoint
CREATE INDEX `deliveries_flagged` ON `deliveries` (`tenant_slug`,`local_date`) WHERE "deliveries"."state" = 'flagged';