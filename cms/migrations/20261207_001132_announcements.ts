import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_announcements_wording_language" AS ENUM('ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ko', 'tl', 'pt-BR', 'ne', 'id', 'my');
  CREATE TYPE "public"."enum_announcements_target_audiences" AS ENUM('primary', 'partner', 'family');
  CREATE TYPE "public"."enum_announcements_target_languages" AS ENUM('ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ko', 'tl', 'pt-BR', 'ne', 'id', 'my');
  CREATE TYPE "public"."enum_announcements_target_channels" AS ENUM('email', 'sms', 'line');
  CREATE TYPE "public"."enum_announcements_sendat_tz" AS ENUM('Asia/Tokyo');
  CREATE TYPE "public"."enum_announcements_target_window_unit" AS ENUM('every', 'pregnancy-week', 'pregnancy-month', 'child-day', 'child-month', 'loss-day');
  CREATE TYPE "public"."enum_announcements_state" AS ENUM('draft', 'in-review', 'approved', 'cancelled');
  CREATE TABLE "announcements_wording" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"language" "enum_announcements_wording_language" DEFAULT 'ja' NOT NULL,
  	"title" varchar NOT NULL,
  	"body" varchar NOT NULL,
  	"short_text" varchar
  );
  
  CREATE TABLE "announcements_target_audiences" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_announcements_target_audiences",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "announcements_target_languages" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_announcements_target_languages",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "announcements_target_channels" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_announcements_target_channels",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "announcements" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"tenant_id" integer NOT NULL,
  	"urgent" boolean DEFAULT false,
  	"health" boolean DEFAULT false,
  	"send_at" timestamp(3) with time zone,
  	"sendat_tz" "enum_announcements_sendat_tz" DEFAULT 'Asia/Tokyo',
  	"target_window_unit" "enum_announcements_target_window_unit" DEFAULT 'every' NOT NULL,
  	"target_window_from" numeric,
  	"target_window_to" numeric,
  	"url" varchar,
  	"state" "enum_announcements_state" DEFAULT 'draft' NOT NULL,
  	"version" numeric DEFAULT 1,
  	"author_id" integer,
  	"last_editor_id" integer,
  	"submitted_by_id" integer,
  	"approved_by_id" integer,
  	"approver_name" varchar,
  	"approved_at" timestamp(3) with time zone,
  	"review_note" varchar,
  	"publish_outcome" varchar,
  	"cancelled_by_id" integer,
  	"cancelled_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "announcements_id" integer;
  ALTER TABLE "announcements_wording" ADD CONSTRAINT "announcements_wording_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."announcements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "announcements_target_audiences" ADD CONSTRAINT "announcements_target_audiences_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."announcements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "announcements_target_languages" ADD CONSTRAINT "announcements_target_languages_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."announcements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "announcements_target_channels" ADD CONSTRAINT "announcements_target_channels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."announcements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "announcements" ADD CONSTRAINT "announcements_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "announcements" ADD CONSTRAINT "announcements_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "announcements" ADD CONSTRAINT "announcements_last_editor_id_users_id_fk" FOREIGN KEY ("last_editor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "announcements" ADD CONSTRAINT "announcements_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "announcements" ADD CONSTRAINT "announcements_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "announcements" ADD CONSTRAINT "announcements_cancelled_by_id_users_id_fk" FOREIGN KEY ("cancelled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "announcements_wording_order_idx" ON "announcements_wording" USING btree ("_order");
  CREATE INDEX "announcements_wording_parent_id_idx" ON "announcements_wording" USING btree ("_parent_id");
  CREATE INDEX "announcements_target_audiences_order_idx" ON "announcements_target_audiences" USING btree ("order");
  CREATE INDEX "announcements_target_audiences_parent_idx" ON "announcements_target_audiences" USING btree ("parent_id");
  CREATE INDEX "announcements_target_languages_order_idx" ON "announcements_target_languages" USING btree ("order");
  CREATE INDEX "announcements_target_languages_parent_idx" ON "announcements_target_languages" USING btree ("parent_id");
  CREATE INDEX "announcements_target_channels_order_idx" ON "announcements_target_channels" USING btree ("order");
  CREATE INDEX "announcements_target_channels_parent_idx" ON "announcements_target_channels" USING btree ("parent_id");
  CREATE INDEX "announcements_tenant_idx" ON "announcements" USING btree ("tenant_id");
  CREATE INDEX "announcements_author_idx" ON "announcements" USING btree ("author_id");
  CREATE INDEX "announcements_last_editor_idx" ON "announcements" USING btree ("last_editor_id");
  CREATE INDEX "announcements_submitted_by_idx" ON "announcements" USING btree ("submitted_by_id");
  CREATE INDEX "announcements_approved_by_idx" ON "announcements" USING btree ("approved_by_id");
  CREATE INDEX "announcements_cancelled_by_idx" ON "announcements" USING btree ("cancelled_by_id");
  CREATE INDEX "announcements_updated_at_idx" ON "announcements" USING btree ("updated_at");
  CREATE INDEX "announcements_created_at_idx" ON "announcements" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_announcements_fk" FOREIGN KEY ("announcements_id") REFERENCES "public"."announcements"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_announcements_id_idx" ON "payload_locked_documents_rels" USING btree ("announcements_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "announcements_wording" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "announcements_target_audiences" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "announcements_target_languages" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "announcements_target_channels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "announcements" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "announcements_wording" CASCADE;
  DROP TABLE "announcements_target_audiences" CASCADE;
  DROP TABLE "announcements_target_languages" CASCADE;
  DROP TABLE "announcements_target_channels" CASCADE;
  DROP TABLE "announcements" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_announcements_fk";
  
  DROP INDEX "payload_locked_documents_rels_announcements_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "announcements_id";
  DROP TYPE "public"."enum_announcements_wording_language";
  DROP TYPE "public"."enum_announcements_target_audiences";
  DROP TYPE "public"."enum_announcements_target_languages";
  DROP TYPE "public"."enum_announcements_target_channels";
  DROP TYPE "public"."enum_announcements_sendat_tz";
  DROP TYPE "public"."enum_announcements_target_window_unit";
  DROP TYPE "public"."enum_announcements_state";`)
}
