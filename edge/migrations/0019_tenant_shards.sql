CREATE TABLE `link_forwards` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`shard` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tenant_shards` (
	`tenant_slug` text PRIMARY KEY NOT NULL,
	`shard` integer NOT NULL,
	`moving_to` integer,
	`move_started_at` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
-- A deployment from before shards: every tenant it knows stays where its residents are, in the
-- one database that is now main and shard 1.
INSERT INTO `tenant_shards` (`tenant_slug`, `shard`, `updated_at`)
SELECT DISTINCT `tenant_slug`, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `snapshot_parts`
WHERE `kind` = 'tenant' AND `tenant_slug` IS NOT NULL;
