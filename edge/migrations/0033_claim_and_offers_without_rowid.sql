-- Survey invitations and task offers become WITHOUT ROWID tables (drizzle cannot say so: this
-- migration is written by hand). Keyed by their text id, a rowid table writes each row twice (the
-- row, and the index of its primary key); D1 bills every row written. Deliveries stay a rowid
-- table: without a rowid each of its four other indexes would carry the text id instead of an
-- integer, 176 bytes more a delivery (463 → 639, `npm run bench -- --only size-model --quick`),
-- which takes the largest city's shard from 3.9 to 5.2 GiB. Deliveries gain `claim`
-- (schema/deliveries.ts), so the table is made again here.
-- D1 keeps foreign keys on inside a migration (PRAGMA foreign_keys is a no-op in its transaction), so
-- dropping the old deliveries would empty the tables that refer to them (ON DELETE cascade / set null):
-- those rows are kept aside and put back once the new tables are in place.
CREATE TABLE `__keep_delivery_clicks` AS SELECT * FROM `delivery_clicks`;--> statement-breakpoint
CREATE TABLE `__keep_delivery_resolutions` AS SELECT * FROM `delivery_resolutions`;--> statement-breakpoint
CREATE TABLE `__keep_survey_invitations` AS SELECT * FROM `survey_invitations`;--> statement-breakpoint
CREATE TABLE `__keep_task_offers` AS SELECT * FROM `task_offers`;--> statement-breakpoint
CREATE TABLE `__keep_survey_response_deliveries` AS SELECT `id`, `delivery_id` FROM `survey_responses` WHERE `delivery_id` IS NOT NULL;--> statement-breakpoint
CREATE TABLE `__new_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`subscriber_id` text NOT NULL,
	`tenant_slug` text NOT NULL,
	`local_date` text NOT NULL,
	`kind` text NOT NULL,
	`staff_message_id` text,
	`announcement_id` text,
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
	`claim` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_message_id`) REFERENCES `staff_messages`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "deliveries_kind" CHECK("__new_deliveries"."kind" IN ('program', 'confirmation', 'announcement', 'staff')),
	CONSTRAINT "deliveries_staff_message" CHECK(("__new_deliveries"."kind" = 'staff') = ("__new_deliveries"."staff_message_id" IS NOT NULL)),
	CONSTRAINT "deliveries_state" CHECK("__new_deliveries"."state" IN ('claimed', 'sending', 'sent', 'failed-transient', 'failed-permanent', 'unknown', 'flagged'))
);
--> statement-breakpoint
INSERT INTO `__new_deliveries`("id", "subscriber_id", "tenant_slug", "local_date", "kind", "staff_message_id", "announcement_id", "manifest_id", "slots", "channel", "state", "idempotency_key", "provider_message_id", "attempts", "sms_segments", "error", "page_token_hash", "opened_at", "open_count", "created_at", "updated_at") SELECT "id", "subscriber_id", "tenant_slug", "local_date", "kind", "staff_message_id", "announcement_id", "manifest_id", "slots", "channel", "state", "idempotency_key", "provider_message_id", "attempts", "sms_segments", "error", "page_token_hash", "opened_at", "open_count", "created_at", "updated_at" FROM `deliveries`;--> statement-breakpoint
DROP TABLE `deliveries`;--> statement-breakpoint
ALTER TABLE `__new_deliveries` RENAME TO `deliveries`;--> statement-breakpoint
DROP TABLE `survey_invitations`;--> statement-breakpoint
CREATE TABLE `survey_invitations` (
	`delivery_id` text PRIMARY KEY NOT NULL,
	`subscriber_id` text NOT NULL,
	`tenant_slug` text NOT NULL,
	`survey_id` text NOT NULL,
	`survey_version` integer NOT NULL,
	`manifest_id` text NOT NULL,
	`reminder` integer NOT NULL,
	`token_hash` text NOT NULL,
	`local_date` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
DROP TABLE `task_offers`;--> statement-breakpoint
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
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `delivery_clicks` SELECT * FROM `__keep_delivery_clicks` WHERE true ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO `delivery_resolutions` SELECT * FROM `__keep_delivery_resolutions` WHERE true ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO `survey_invitations` SELECT * FROM `__keep_survey_invitations` WHERE true ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO `task_offers` SELECT * FROM `__keep_task_offers` WHERE true ON CONFLICT DO NOTHING;--> statement-breakpoint
UPDATE `survey_responses` SET `delivery_id` = k.`delivery_id` FROM `__keep_survey_response_deliveries` k WHERE `survey_responses`.`id` = k.`id`;--> statement-breakpoint
DROP TABLE `__keep_delivery_clicks`;--> statement-breakpoint
DROP TABLE `__keep_delivery_resolutions`;--> statement-breakpoint
DROP TABLE `__keep_survey_invitations`;--> statement-breakpoint
DROP TABLE `__keep_task_offers`;--> statement-breakpoint
DROP TABLE `__keep_survey_response_deliveries`;--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_page_token` ON `deliveries` (`page_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_subscriber_day` ON `deliveries` (`subscriber_id`,`local_date`,`kind`,coalesce("staff_message_id", "announcement_id", ''));--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_staff_message` ON `deliveries` (`staff_message_id`,`subscriber_id`) WHERE "deliveries"."staff_message_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_announcement` ON `deliveries` (`announcement_id`,`subscriber_id`) WHERE "deliveries"."announcement_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_idempotency_key` ON `deliveries` (`idempotency_key`) WHERE "deliveries"."kind" = 'confirmation';--> statement-breakpoint
CREATE INDEX `deliveries_tenant_date` ON `deliveries` (`tenant_slug`,`local_date`);--> statement-breakpoint
CREATE INDEX `deliveries_provider_message` ON `deliveries` (`provider_message_id`) WHERE "deliveries"."provider_message_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `deliveries_flagged` ON `deliveries` (`tenant_slug`,`local_date`) WHERE "deliveries"."state" = 'flagged';--> statement-breakpoint
CREATE INDEX `deliveries_manifest` ON `deliveries` (`manifest_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `survey_invitations_token` ON `survey_invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `survey_invitations_subscriber` ON `survey_invitations` (`subscriber_id`,`survey_id`);--> statement-breakpoint
CREATE INDEX `task_offers_subscriber` ON `task_offers` (`subscriber_id`,`task_id`);--> statement-breakpoint
CREATE INDEX `task_offers_tenant` ON `task_offers` (`tenant_slug`,`task_id`);
