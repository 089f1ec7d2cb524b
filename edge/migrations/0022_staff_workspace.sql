CREATE TABLE `household_nurses` (
	`household_id` text PRIMARY KEY NOT NULL,
	`tenant_slug` text NOT NULL,
	`nurse_user` text NOT NULL,
	`nurse_name` text NOT NULL,
	`nurse_contact` text,
	`nurse_email` text,
	`assigned_by` text NOT NULL,
	`assigned_at` text NOT NULL,
	`told_at` text
);
--> statement-breakpoint
CREATE INDEX `household_nurses_nurse` ON `household_nurses` (`tenant_slug`,`nurse_user`);--> statement-breakpoint
CREATE TABLE `household_references` (
	`household_id` text PRIMARY KEY NOT NULL,
	`tenant_slug` text NOT NULL,
	`reference` text NOT NULL,
	`set_by` text NOT NULL,
	`set_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `household_references_reference` ON `household_references` (`tenant_slug`,`reference`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_staff_access_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant_slug` text NOT NULL,
	`staff_user` text NOT NULL,
	`role` text NOT NULL,
	`action` text NOT NULL,
	`household_id` text,
	`filter` text,
	`count` integer NOT NULL,
	`reason` text,
	`at` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_staff_access_log`("id", "tenant_slug", "staff_user", "role", "action", "household_id", "filter", "count", "reason", "at") SELECT "id", "tenant_slug", "staff_user", "role", "action", "household_id", "filter", "count", "reason", "at" FROM `staff_access_log`;--> statement-breakpoint
DROP TABLE `staff_access_log`;--> statement-breakpoint
ALTER TABLE `__new_staff_access_log` RENAME TO `staff_access_log`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `staff_access_log_tenant` ON `staff_access_log` (`tenant_slug`,`id`);--> statement-breakpoint
CREATE INDEX `staff_access_log_household` ON `staff_access_log` (`household_id`,`id`);--> statement-breakpoint
ALTER TABLE `consultations` ADD `language` text;--> statement-breakpoint
ALTER TABLE `consultations` ADD `source` text DEFAULT 'form' NOT NULL;--> statement-breakpoint
ALTER TABLE `consultations` ADD `status` text DEFAULT 'new' NOT NULL;--> statement-breakpoint
ALTER TABLE `consultations` ADD `assignee` text;--> statement-breakpoint
ALTER TABLE `consultations` ADD `closed_at` text;--> statement-breakpoint
CREATE INDEX `consultations_inbox` ON `consultations` (`tenant_slug`,`status`,`created_at`);