ALTER TABLE `tenant_runs` ADD `program_hash` text;--> statement-breakpoint
ALTER TABLE `tenant_runs` ADD `pass` text DEFAULT 'due' NOT NULL;--> statement-breakpoint
CREATE INDEX `subscribers_tenant` ON `subscribers` (`tenant_slug`);