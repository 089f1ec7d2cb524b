PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_suppressions` (
	`tenant_slug` text NOT NULL,
	`channel` text NOT NULL,
	`address` text NOT NULL,
	`reason` text NOT NULL,
	`event_id` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`tenant_slug`, `channel`, `address`)
);
--> statement-breakpoint
-- Suppressions become per tenant. An existing one goes to every tenant with a subscriber on that
-- address (a provider event only ever paused its own tenant's, so no one is newly held back
-- elsewhere); one no subscriber holds any longer is dropped: nothing reads it, and it names an
-- address nobody here has.
INSERT INTO `__new_suppressions`("tenant_slug", "channel", "address", "reason", "event_id", "created_at")
SELECT DISTINCT s."tenant_slug", x."channel", x."address", x."reason", x."event_id", x."created_at"
FROM `suppressions` x JOIN `subscribers` s ON s."channel" = x."channel" AND s."address" = x."address";--> statement-breakpoint
DROP TABLE `suppressions`;--> statement-breakpoint
ALTER TABLE `__new_suppressions` RENAME TO `suppressions`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
ALTER TABLE `outbox` ADD `subscriber_id` text REFERENCES subscribers(id) ON DELETE cascade;--> statement-breakpoint
-- Messages already in the outbox name their subscriber as the adapter now does on writing them.
UPDATE `outbox` SET `subscriber_id` = coalesce(
  (SELECT d.subscriber_id FROM deliveries d WHERE d.idempotency_key = outbox.idempotency_key),
  (SELECT c.subscriber_id FROM consultations c
   WHERE outbox.idempotency_key LIKE 'consultation-%' AND c.id = substr(outbox.idempotency_key, 14)),
  (SELECT r.subscriber_id FROM survey_responses r
   WHERE outbox.idempotency_key LIKE 'interview-%' AND r.id = substr(outbox.idempotency_key, 11)),
  (SELECT s.id FROM subscribers s
   WHERE s.tenant_slug = outbox.tenant_slug AND s.channel = outbox.channel AND s.address = outbox.recipient
   ORDER BY s.created_at DESC LIMIT 1),
  (SELECT v.subscriber_id FROM verifications v
   WHERE v.tenant_slug = outbox.tenant_slug AND v.channel = outbox.channel AND v.address = outbox.recipient
     AND v.subscriber_id IS NOT NULL
   ORDER BY v.created_at DESC LIMIT 1));--> statement-breakpoint
CREATE INDEX `outbox_subscriber` ON `outbox` (`subscriber_id`);