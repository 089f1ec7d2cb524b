CREATE TABLE `delivery_counts` (
	`local_date` text NOT NULL,
	`tenant_slug` text NOT NULL,
	`kind` text NOT NULL,
	`slot` text NOT NULL,
	`channel` text NOT NULL,
	`outcome` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`tenant_slug`, `local_date`, `kind`, `slot`, `channel`, `outcome`)
);
