-- A delivery's survey line becomes three columns of the delivery, written by the claim's own INSERT
-- (one partial index entry where a delivery carries a line) instead of a survey_invitations row of
-- its own (3 rows written and 1 read per delivery on a survey day). The survey link reuses the
-- message page's token (/q/{segment} = /m/{segment}); the links sent before keep working through
-- survey_links, which only this migration writes. Hand-edited: survey_links is WITHOUT ROWID (drizzle
-- cannot say so), and the invitations are moved before their table is dropped. Deliveries are not
-- made again: columns are added to the table as it is.
ALTER TABLE `deliveries` ADD `survey_id` text;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `survey_version` integer;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `survey_reminder` integer;--> statement-breakpoint
CREATE INDEX `deliveries_survey` ON `deliveries` (`subscriber_id`,`survey_id`) WHERE "deliveries"."survey_id" IS NOT NULL;--> statement-breakpoint
UPDATE `deliveries` SET `survey_id` = i.`survey_id`, `survey_version` = i.`survey_version`, `survey_reminder` = i.`reminder`
FROM `survey_invitations` i WHERE i.`delivery_id` = `deliveries`.`id`;--> statement-breakpoint
CREATE TABLE `survey_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`delivery_id` text NOT NULL,
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `survey_links_delivery` ON `survey_links` (`delivery_id`);--> statement-breakpoint
INSERT INTO `survey_links` (`token_hash`, `delivery_id`) SELECT `token_hash`, `delivery_id` FROM `survey_invitations`;--> statement-breakpoint
DROP TABLE `survey_invitations`;
