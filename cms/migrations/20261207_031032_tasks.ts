import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_tasks_wording_language" AS ENUM('ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ko', 'tl', 'pt-BR', 'ne', 'id', 'my');
  CREATE TYPE "public"."enum_tasks_audiences" AS ENUM('primary', 'partner', 'family');
  CREATE TYPE "public"."enum_tasks_window_unit" AS ENUM('every', 'pregnancy-week', 'pregnancy-month', 'child-day', 'child-month', 'loss-day');
  CREATE TYPE "public"."enum_tasks_done_by" AS ENUM('resident', 'survey', 'staff');
  CREATE TYPE "public"."enum_yorisoi_task_state" AS ENUM('draft', 'in-review', 'changes-requested', 'approved');
  CREATE TABLE "tasks_wording" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"language" "enum_tasks_wording_language" DEFAULT 'ja' NOT NULL,
  	"title" varchar NOT NULL,
  	"line" varchar NOT NULL
  );
  
  CREATE TABLE "tasks_audiences" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_tasks_audiences",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "tasks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"tenant_id" integer,
  	"window_unit" "enum_tasks_window_unit" DEFAULT 'every' NOT NULL,
  	"window_from" numeric,
  	"window_to" numeric,
  	"done_by" "enum_tasks_done_by" DEFAULT 'resident' NOT NULL,
  	"survey_id" integer,
  	"url" varchar,
  	"sample" boolean DEFAULT false,
  	"state" "enum_yorisoi_task_state" DEFAULT 'draft' NOT NULL,
  	"review_note" varchar,
  	"version" numeric DEFAULT 1,
  	"approved_by_id" integer,
  	"approver_name" varchar,
  	"approved_at" timestamp(3) with time zone,
  	"approved" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "tasks_numbers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"number" numeric,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL
  );
  
  CREATE TABLE "tasks_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "tasks_id" integer;
  ALTER TABLE "tasks_wording" ADD CONSTRAINT "tasks_wording_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tasks_audiences" ADD CONSTRAINT "tasks_audiences_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tasks" ADD CONSTRAINT "tasks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tasks" ADD CONSTRAINT "tasks_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tasks" ADD CONSTRAINT "tasks_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tasks_numbers" ADD CONSTRAINT "tasks_numbers_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tasks_rels" ADD CONSTRAINT "tasks_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tasks_rels" ADD CONSTRAINT "tasks_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "tasks_wording_order_idx" ON "tasks_wording" USING btree ("_order");
  CREATE INDEX "tasks_wording_parent_id_idx" ON "tasks_wording" USING btree ("_parent_id");
  CREATE INDEX "tasks_audiences_order_idx" ON "tasks_audiences" USING btree ("order");
  CREATE INDEX "tasks_audiences_parent_idx" ON "tasks_audiences" USING btree ("parent_id");
  CREATE INDEX "tasks_tenant_idx" ON "tasks" USING btree ("tenant_id");
  CREATE INDEX "tasks_survey_idx" ON "tasks" USING btree ("survey_id");
  CREATE INDEX "tasks_approved_by_idx" ON "tasks" USING btree ("approved_by_id");
  CREATE INDEX "tasks_updated_at_idx" ON "tasks" USING btree ("updated_at");
  CREATE INDEX "tasks_created_at_idx" ON "tasks" USING btree ("created_at");
  CREATE INDEX "tasks_numbers_order_parent_idx" ON "tasks_numbers" USING btree ("order","parent_id");
  CREATE INDEX "tasks_numbers_parent_idx" ON "tasks_numbers" USING btree ("parent_id");
  CREATE INDEX "tasks_rels_order_idx" ON "tasks_rels" USING btree ("order");
  CREATE INDEX "tasks_rels_parent_idx" ON "tasks_rels" USING btree ("parent_id");
  CREATE INDEX "tasks_rels_path_idx" ON "tasks_rels" USING btree ("path");
  CREATE INDEX "tasks_rels_users_id_idx" ON "tasks_rels" USING btree ("users_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_tasks_fk" FOREIGN KEY ("tasks_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_tasks_id_idx" ON "payload_locked_documents_rels" USING btree ("tasks_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "tasks_wording" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "tasks_audiences" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "tasks" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "tasks_numbers" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "tasks_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "tasks_wording" CASCADE;
  DROP TABLE "tasks_audiences" CASCADE;
  DROP TABLE "tasks" CASCADE;
  DROP TABLE "tasks_numbers" CASCADE;
  DROP TABLE "tasks_rels" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_tasks_fk";
  
  DROP INDEX "payload_locked_documents_rels_tasks_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "tasks_id";
  DROP TYPE "public"."enum_tasks_wording_language";
  DROP TYPE "public"."enum_tasks_audiences";
  DROP TYPE "public"."enum_tasks_window_unit";
  DROP TYPE "public"."enum_tasks_done_by";
  DROP TYPE "public"."enum_yorisoi_task_state";`)
}
