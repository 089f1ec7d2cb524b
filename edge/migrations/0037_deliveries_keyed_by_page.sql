-- A program delivery's id becomes its message page token's hash (delivery/links.ts), and deliveries
-- a WITHOUT ROWID table (drizzle cannot say so: this migration is written by hand). A claim then
-- writes the row once (row and primary key are one entry) and no page index entry: /m/{token} finds
-- the delivery by its primary key, and deliveries_page_token holds only the hashes that are not an
-- id (an announcement's /n/, a program link made under another LINK_SECRET than its id).
-- What it costs in size (`npm run bench -- --only size-model --quick`): each other index carries
-- the 64-character id instead of an integer, and rows go in by a random key (pages about 70% full,
-- where a rowid table appends): 782 bytes a delivery with deliveries_tenant_date and
-- deliveries_manifest (the largest city's shard 6.24 GiB, over the 5 GiB target), 555 without
-- those two (4.56 GiB); with a rowid, 463.
-- Every program row with a page takes its page hash as its id, and every row that refers to it
-- follows, so each link already sent opens the same page.
-- D1 keeps foreign keys on inside a migration (PRAGMA foreign_keys is a no-op in its transaction), so
-- dropping the old deliveries would empty the tables that refer to them (ON DELETE cascade / set null):
-- those rows are kept aside and put back once the new tables are in place.
CREATE TABLE `__delivery_ids` (`old` text PRIMARY KEY NOT NULL, `new` text NOT NULL) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `__delivery_ids` SELECT `id`, `page_token_hash` FROM `deliveries` WHERE `kind` = 'program' AND `page_token_hash` IS NOT NULL;--> statement-breakpoint
CREATE TABLE `__keep_delivery_clicks` AS SELECT * FROM `delivery_clicks`;--> statement-breakpoint
CREATE TABLE `__keep_delivery_resolutions` AS SELECT * FROM `delivery_resolutions`;--> statement-breakpoint
CREATE TABLE `__keep_survey_invitations` AS SELECT * FROM `survey_invitations`;--> statement-breakpoint
CREATE TABLE `__keep_task_offers` AS SELECT * FROM `task_offers`;--> statement-breakpoint
CREATE TABLE `__keep_survey_response_deliveries` AS SELECT `id`, `delivery_id` FROM `survey_responses` WHERE `delivery_id` IS NOT NULL;--> statement-breakpoint
UPDATE `__keep_delivery_clicks` SET `delivery_id` = m.`new` FROM `__delivery_ids` m WHERE `__keep_delivery_clicks`.`delivery_id` = m.`old`;--> statement-breakpoint
UPDATE `__keep_delivery_resolutions` SET `delivery_id` = m.`new` FROM `__delivery_ids` m WHERE `__keep_delivery_resolutions`.`delivery_id` = m.`old`;--> statement-breakpoint
UPDATE `__keep_survey_invitations` SET `delivery_id` = m.`new` FROM `__delivery_ids` m WHERE `__keep_survey_invitations`.`delivery_id` = m.`old`;--> statement-breakpoint
UPDATE `__keep_task_offers` SET `delivery_id` = m.`new` FROM `__delivery_ids` m WHERE `__keep_task_offers`.`delivery_id` = m.`old`;--> statement-breakpoint
UPDATE `__keep_survey_response_deliveries` SET `delivery_id` = m.`new` FROM `__delivery_ids` m WHERE `__keep_survey_response_deliveries`.`delivery_id` = m.`old`;--> statement-breakpoint
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
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_deliveries`("id", "subscriber_id", "tenant_slug", "local_date", "kind", "staff_message_id", "announcement_id", "manifest_id", "slots", "channel", "state", "idempotency_key", "provider_message_id", "attempts", "sms_segments", "error", "page_token_hash", "opened_at", "open_count", "claim", "created_at", "updated_at") SELECT coalesce(m."new", d."id"), "subscriber_id", "tenant_slug", "local_date", "kind", "staff_message_id", "announcement_id", "manifest_id", "slots", "channel", "state", "idempotency_key", "provider_message_id", "attempts", "sms_segments", "error", CASE WHEN m."new" IS NULL THEN "page_token_hash" END, "opened_at", "open_count", "claim", "created_at", "updated_at" FROM `deliveries` d LEFT JOIN `__delivery_ids` m ON m."old" = d."id";--> statement-breakpoint
DROP TABLE `deliveries`;--> statement-breakpoint
ALTER TABLE `__new_deliveries` RENAME TO `deliveries`;--> statement-breakpoint
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
DROP TABLE `__delivery_ids`;--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_page_token` ON `deliveries` (`page_token_hash`) WHERE "deliveries"."page_token_hash" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_subscriber_day` ON `deliveries` (`subscriber_id`,`local_date`,`kind`,coalesce("staff_message_id", "announcement_id", ''));--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_staff_message` ON `deliveries` (`staff_message_id`,`subscriber_id`) WHERE "deliveries"."staff_message_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_announcement` ON `deliveries` (`announcement_id`,`subscriber_id`) WHERE "deliveries"."announcement_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_idempotency_key` ON `deliveries` (`idempotency_key`) WHERE "deliveries"."kind" = 'confirmation';--> statement-breakpoint
CREATE INDEX `deliveries_tenant_date` ON `deliveries` (`tenant_slug`,`local_date`);--> statement-breakpoint
CREATE INDEX `deliveries_provider_message` ON `deliveries` (`provider_message_id`) WHERE "deliveries"."provider_message_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `deliveries_flagged` ON `deliveries` (`tenant_slug`,`local_date`) WHERE "deliveries"."state" = 'flagged';--> statement-breakpoint
CREATE INDEX `deliveries_manifest` ON `deliveries` (`manifest_id`,`created_at`);
