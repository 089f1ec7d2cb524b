CREATE TABLE `delivery_prune_cursor` (
	`id` integer PRIMARY KEY NOT NULL,
	`after` integer NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "delivery_prune_cursor_one" CHECK("delivery_prune_cursor"."id" = 1)
);
--> statement-breakpoint
DROP INDEX IF EXISTS `deliveries_tenant_date`;--> statement-breakpoint
DROP INDEX IF EXISTS `deliveries_manifest`;--> statement-breakpoint
CREATE INDEX `consents_withdrawn` ON `consents` (`tenant_slug`) WHERE withdrawn_at IS NOT NULL;