CREATE TABLE `deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`subscriber_id` text NOT NULL,
	`tenant_slug` text NOT NULL,
	`local_date` text NOT NULL,
	`kind` text NOT NULL,
	`manifest_id` text,
	`slots` text DEFAULT '[]' NOT NULL,
	`channel` text NOT NULL,
	`state` text DEFAULT 'claimed' NOT NULL,
	`idempotency_key` text NOT NULL,
	`provider_message_id` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`sms_segments` integer,
	`error` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "deliveries_kind" CHECK("deliveries"."kind" IN ('program', 'confirmation', 'announcement')),
	CONSTRAINT "deliveries_state" CHECK("deliveries"."state" IN ('claimed', 'sending', 'sent', 'failed-transient', 'failed-permanent', 'unknown', 'flagged'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_once_a_day` ON `deliveries` (`subscriber_id`,`local_date`,`kind`);--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_idempotency_key` ON `deliveries` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `deliveries_tenant_date` ON `deliveries` (`tenant_slug`,`local_date`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`idempotency_key` text NOT NULL,
	`tenant_slug` text NOT NULL,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`subject` text,
	`text` text NOT NULL,
	`html` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_idempotency_key` ON `outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_created` ON `outbox` (`created_at`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subscriber_id` text NOT NULL,
	`tenant_slug` text NOT NULL,
	`notice_version` text NOT NULL,
	`method` text NOT NULL,
	`ip_hash` text,
	`given_at` text NOT NULL,
	`withdrawn_at` text,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consents_subscriber_given` ON `consents` (`subscriber_id`,`given_at`);--> statement-breakpoint
CREATE TABLE `subscribers` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_slug` text NOT NULL,
	`nickname` text NOT NULL,
	`audience` text NOT NULL,
	`language` text NOT NULL,
	`channel` text NOT NULL,
	`address` text NOT NULL,
	`address_verified_at` text,
	`state` text DEFAULT 'pending' NOT NULL,
	`paused_until` text,
	`state_reason` text,
	`next_send_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "subscribers_audience" CHECK("subscribers"."audience" IN ('primary', 'partner', 'family')),
	CONSTRAINT "subscribers_channel" CHECK("subscribers"."channel" IN ('email', 'sms', 'line')),
	CONSTRAINT "subscribers_state" CHECK("subscribers"."state" IN ('pending', 'active', 'paused', 'stopped'))
);
--> statement-breakpoint
CREATE INDEX `subscribers_due` ON `subscribers` (`tenant_slug`,`next_send_on`);--> statement-breakpoint
CREATE TABLE `timeline_members` (
	`timeline_id` text NOT NULL,
	`subscriber_id` text NOT NULL,
	PRIMARY KEY(`timeline_id`, `subscriber_id`),
	FOREIGN KEY (`timeline_id`) REFERENCES `timelines`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `timeline_members_subscriber` ON `timeline_members` (`subscriber_id`);--> statement-breakpoint
CREATE TABLE `timelines` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_slug` text NOT NULL,
	`due_date` text,
	`birth_date` text,
	`birth_reported_on` text,
	`loss_date` text,
	`loss_reported_on` text,
	`ended_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tenant_secrets` (
	`tenant_slug` text NOT NULL,
	`name` text NOT NULL,
	`ciphertext` text NOT NULL,
	`iv` text NOT NULL,
	`key_version` integer NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_slug`, `name`)
);
--> statement-breakpoint
CREATE TABLE `active_manifest` (
	`slot` integer PRIMARY KEY NOT NULL,
	`manifest_id` text NOT NULL,
	`activated_at` text NOT NULL,
	`previous_manifest_id` text,
	FOREIGN KEY (`manifest_id`) REFERENCES `manifests`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "active_manifest_single_row" CHECK("active_manifest"."slot" = 1)
);
--> statement-breakpoint
CREATE TABLE `manifest_parts` (
	`manifest_id` text NOT NULL,
	`part_hash` text NOT NULL,
	PRIMARY KEY(`manifest_id`, `part_hash`),
	FOREIGN KEY (`manifest_id`) REFERENCES `manifests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `manifest_parts_part` ON `manifest_parts` (`part_hash`);--> statement-breakpoint
CREATE TABLE `manifests` (
	`id` text PRIMARY KEY NOT NULL,
	`contract_version` integer NOT NULL,
	`created_at` text NOT NULL,
	`received_at` text NOT NULL,
	`body` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `snapshot_part_chunks` (
	`part_hash` text NOT NULL,
	`idx` integer NOT NULL,
	`chunk_hash` text NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`part_hash`, `idx`),
	FOREIGN KEY (`part_hash`) REFERENCES `snapshot_parts`(`hash`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `snapshot_parts` (
	`hash` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`tenant_slug` text,
	`size` integer NOT NULL,
	`chunk_count` integer NOT NULL,
	`received_at` text NOT NULL,
	`verified_at` text,
	CONSTRAINT "snapshot_parts_kind" CHECK("snapshot_parts"."kind" IN ('national', 'tenant')),
	CONSTRAINT "snapshot_parts_tenant" CHECK(("snapshot_parts"."kind" = 'tenant') = ("snapshot_parts"."tenant_slug" IS NOT NULL))
);
