ALTER TABLE `manifests` ADD `body_hash` text;--> statement-breakpoint
ALTER TABLE `snapshot_parts` ADD `message_digests` text;