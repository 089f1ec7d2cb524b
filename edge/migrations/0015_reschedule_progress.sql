CREATE TABLE `tenant_schedules` (
	`tenant_slug` text PRIMARY KEY NOT NULL,
	`program_hash` text NOT NULL,
	`rescheduled_at` text,
	`updated_at` text NOT NULL
);
