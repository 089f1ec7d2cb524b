CREATE TABLE `consultation_forwards` (
	`consultation_id` text PRIMARY KEY NOT NULL,
	`tenant_slug` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`provider_message_id` text,
	`last_error` text,
	`sent_at` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "consultation_forwards_state" CHECK("consultation_forwards"."state" IN ('pending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE INDEX `consultation_forwards_due` ON `consultation_forwards` (`state`,`next_attempt_at`);--> statement-breakpoint
ALTER TABLE `consultations` ADD `contact_phone` text;--> statement-breakpoint
ALTER TABLE `consultations` ADD `contact_hours` text;--> statement-breakpoint
CREATE INDEX `consultations_subscriber` ON `consultations` (`subscriber_id`,`created_at`);