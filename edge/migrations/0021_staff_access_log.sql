CREATE TABLE `staff_access_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant_slug` text NOT NULL,
	`staff_user` text NOT NULL,
	`role` text NOT NULL,
	`action` text NOT NULL,
	`household_id` text,
	`filter` text,
	`count` integer NOT NULL,
	`reason` text,
	`at` text NOT NULL,
	CONSTRAINT "staff_access_log_action" CHECK("staff_access_log"."action" IN ('list-families', 'read-household', 'read-access-log'))
);
--> statement-breakpoint
CREATE INDEX `staff_access_log_tenant` ON `staff_access_log` (`tenant_slug`,`id`);