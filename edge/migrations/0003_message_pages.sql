CREATE TABLE `delivery_clicks` (
	`delivery_id` text NOT NULL,
	`link` integer NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`first_at` text NOT NULL,
	PRIMARY KEY(`delivery_id`, `link`),
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `deliveries` ADD `page_token_hash` text;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `opened_at` text;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `open_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_page_token` ON `deliveries` (`page_token_hash`);