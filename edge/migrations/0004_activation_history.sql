CREATE TABLE `manifest_activations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`manifest_id` text NOT NULL,
	`previous_manifest_id` text,
	`action` text NOT NULL,
	`activated_at` text NOT NULL,
	`actor_id` text,
	`actor_name` text,
	CONSTRAINT "manifest_activations_action" CHECK("manifest_activations"."action" IN ('publish', 'rollback'))
);
--> statement-breakpoint
CREATE INDEX `manifest_activations_manifest` ON `manifest_activations` (`manifest_id`);--> statement-breakpoint
CREATE INDEX `deliveries_manifest` ON `deliveries` (`manifest_id`,`created_at`);--> statement-breakpoint
-- What was live before this table existed is its first entry, so history starts with it.
INSERT INTO `manifest_activations` (`manifest_id`, `previous_manifest_id`, `action`, `activated_at`) SELECT `manifest_id`, `previous_manifest_id`, 'publish', `activated_at` FROM `active_manifest`;
