CREATE TABLE `staff_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_slug` text NOT NULL,
	`household_id` text NOT NULL,
	`author_user` text NOT NULL,
	`author_role` text NOT NULL,
	`author_name` text NOT NULL,
	`text` text NOT NULL,
	`consultation_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `timelines`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `staff_messages_household` ON `staff_messages` (`tenant_slug`,`household_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `staff_messages_created` ON `staff_messages` (`tenant_slug`,`created_at`);--> statement-breakpoint
CREATE INDEX `staff_messages_consultation` ON `staff_messages` (`consultation_id`);--> statement-breakpoint
-- D1 keeps foreign keys on inside a migration (PRAGMA foreign_keys is a no-op in its transaction), so
-- dropping the old deliveries would empty the tables that refer to them (ON DELETE cascade / set null):
-- those rows are kept aside and put back once the new table is in place.
CREATE TABLE `__keep_delivery_clicks` AS SELECT * FROM `delivery_clicks`;--> statement-breakpoint
CREATE TABLE `__keep_delivery_resolutions` AS SELECT * FROM `delivery_resolutions`;--> statement-breakpoint
CREATE TABLE `__keep_survey_invitations` AS SELECT * FROM `survey_invitations`;--> statement-breakpoint
CREATE TABLE `__keep_survey_response_deliveries` AS SELECT `id`, `delivery_id` FROM `survey_responses` WHERE `delivery_id` IS NOT NULL;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`subscriber_id` text NOT NULL,
	`tenant_slug` text NOT NULL,
	`local_date` text NOT NULL,
	`kind` text NOT NULL,
	`staff_message_id` text,
	`manifest_id` text,
	`slots` text DEFAULT '[]' NOT NULL,
	`channel` text NOT NULL,
	`state` text DEFAULT 'claimed' NOT NULL,
	`idempotency_key` text NOT NULL,
	`provider_message_id` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`sms_segments` integer,
	`error` text,
	`page_token_hash` text,
	`opened_at` text,
	`open_count` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_message_id`) REFERENCES `staff_messages`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "deliveries_kind" CHECK("__new_deliveries"."kind" IN ('program', 'confirmation', 'announcement', 'staff')),
	CONSTRAINT "deliveries_staff_message" CHECK(("__new_deliveries"."kind" = 'staff') = ("__new_deliveries"."staff_message_id" IS NOT NULL)),
	CONSTRAINT "deliveries_state" CHECK("__new_deliveries"."state" IN ('claimed', 'sending', 'sent', 'failed-transient', 'failed-permanent', 'unknown', 'flagged'))
);
--> statement-breakpoint
INSERT INTO `__new_deliveries`("id", "subscriber_id", "tenant_slug", "local_date", "kind", "staff_message_id", "manifest_id", "slots", "channel", "state", "idempotency_key", "provider_message_id", "attempts", "sms_segments", "error", "page_token_hash", "opened_at", "open_count", "created_at", "updated_at") SELECT "id", "subscriber_id", "tenant_slug", "local_date", "kind", NULL, "manifest_id", "slots", "channel", "state", "idempotency_key", "provider_message_id", "attempts", "sms_segments", "error", "page_token_hash", "opened_at", "open_count", "created_at", "updated_at" FROM `deliveries`;--> statement-breakpoint
DROP TABLE `deliveries`;--> statement-breakpoint
ALTER TABLE `__new_deliveries` RENAME TO `deliveries`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
INSERT INTO `delivery_clicks` SELECT * FROM `__keep_delivery_clicks` WHERE true ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO `delivery_resolutions` SELECT * FROM `__keep_delivery_resolutions` WHERE true ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO `survey_invitations` SELECT * FROM `__keep_survey_invitations` WHERE true ON CONFLICT DO NOTHING;--> statement-breakpoint
UPDATE `survey_responses` SET `delivery_id` = k.`delivery_id` FROM `__keep_survey_response_deliveries` k WHERE `survey_responses`.`id` = k.`id`;--> statement-breakpoint
DROP TABLE `__keep_delivery_clicks`;--> statement-breakpoint
DROP TABLE `__keep_delivery_resolutions`;--> statement-breakpoint
DROP TABLE `__keep_survey_invitations`;--> statement-breakpoint
DROP TABLE `__keep_survey_response_deliveries`;--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_page_token` ON `deliveries` (`page_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_once_a_day` ON `deliveries` (`subscriber_id`,`local_date`,`kind`) WHERE "deliveries"."kind" IN ('program', 'confirmation');--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_staff_message` ON `deliveries` (`staff_message_id`,`subscriber_id`) WHERE "deliveries"."staff_message_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_idempotency_key` ON `deliveries` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `deliveries_tenant_date` ON `deliveries` (`tenant_slug`,`local_date`);--> statement-breakpoint
CREATE INDEX `deliveries_provider_message` ON `deliveries` (`provider_message_id`) WHERE "deliveries"."provider_message_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `deliveries_flagged` ON `deliveries` (`tenant_slug`,`local_date`) WHERE "deliveries"."state" = 'flagged';--> statement-breakpoint
CREATE INDEX `deliveries_manifest` ON `deliveries` (`manifest_id`,`created_at`);