import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_survey_response_counts_stage" AS ENUM('pregnancy-early', 'pregnancy-mid', 'pregnancy-late', 'day-0-100', 'to-1', 'to-2', 'to-3');
  CREATE TYPE "public"."enum_provider_pause_counts_channel" AS ENUM('email', 'sms', 'line');
  CREATE TYPE "public"."enum_provider_pause_counts_cause" AS ENUM('refused', 'failures');
  CREATE TABLE "survey_response_counts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" varchar NOT NULL,
  	"tenant_id" integer NOT NULL,
  	"survey_id" varchar NOT NULL,
  	"survey_version" numeric NOT NULL,
  	"stage" "enum_survey_response_counts_stage",
  	"offered" numeric NOT NULL,
  	"reminded" numeric NOT NULL,
  	"answered" numeric NOT NULL,
  	"interviews_requested" numeric NOT NULL,
  	"interviews_held" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "task_counts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" varchar NOT NULL,
  	"tenant_id" integer NOT NULL,
  	"task_id" varchar NOT NULL,
  	"offered" numeric NOT NULL,
  	"reminded" numeric NOT NULL,
  	"done" numeric NOT NULL,
  	"done_after_reminder" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "provider_pause_counts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" varchar NOT NULL,
  	"tenant_id" integer NOT NULL,
  	"channel" "enum_provider_pause_counts_channel" NOT NULL,
  	"cause" "enum_provider_pause_counts_cause" NOT NULL,
  	"count" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "tenants" ALTER COLUMN "line_free_quota" DROP DEFAULT;
  ALTER TABLE "tenants" ADD COLUMN "line_yen_per_message" numeric DEFAULT 0;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "survey_response_counts_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "task_counts_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "provider_pause_counts_id" integer;
  ALTER TABLE "survey_response_counts" ADD CONSTRAINT "survey_response_counts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "task_counts" ADD CONSTRAINT "task_counts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "provider_pause_counts" ADD CONSTRAINT "provider_pause_counts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "survey_response_counts_date_idx" ON "survey_response_counts" USING btree ("date");
  CREATE INDEX "survey_response_counts_tenant_idx" ON "survey_response_counts" USING btree ("tenant_id");
  CREATE INDEX "survey_response_counts_survey_id_idx" ON "survey_response_counts" USING btree ("survey_id");
  CREATE INDEX "survey_response_counts_stage_idx" ON "survey_response_counts" USING btree ("stage");
  CREATE INDEX "survey_response_counts_updated_at_idx" ON "survey_response_counts" USING btree ("updated_at");
  CREATE INDEX "survey_response_counts_created_at_idx" ON "survey_response_counts" USING btree ("created_at");
  CREATE INDEX "task_counts_date_idx" ON "task_counts" USING btree ("date");
  CREATE INDEX "task_counts_tenant_idx" ON "task_counts" USING btree ("tenant_id");
  CREATE INDEX "task_counts_task_id_idx" ON "task_counts" USING btree ("task_id");
  CREATE INDEX "task_counts_updated_at_idx" ON "task_counts" USING btree ("updated_at");
  CREATE INDEX "task_counts_created_at_idx" ON "task_counts" USING btree ("created_at");
  CREATE INDEX "provider_pause_counts_date_idx" ON "provider_pause_counts" USING btree ("date");
  CREATE INDEX "provider_pause_counts_tenant_idx" ON "provider_pause_counts" USING btree ("tenant_id");
  CREATE INDEX "provider_pause_counts_channel_idx" ON "provider_pause_counts" USING btree ("channel");
  CREATE INDEX "provider_pause_counts_cause_idx" ON "provider_pause_counts" USING btree ("cause");
  CREATE INDEX "provider_pause_counts_updated_at_idx" ON "provider_pause_counts" USING btree ("updated_at");
  CREATE INDEX "provider_pause_counts_created_at_idx" ON "provider_pause_counts" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_survey_response_counts_fk" FOREIGN KEY ("survey_response_counts_id") REFERENCES "public"."survey_response_counts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_task_counts_fk" FOREIGN KEY ("task_counts_id") REFERENCES "public"."task_counts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_provider_pause_counts_fk" FOREIGN KEY ("provider_pause_counts_id") REFERENCES "public"."provider_pause_counts"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_survey_response_counts_id_idx" ON "payload_locked_documents_rels" USING btree ("survey_response_counts_id");
  CREATE INDEX "payload_locked_documents_rels_task_counts_id_idx" ON "payload_locked_documents_rels" USING btree ("task_counts_id");
  CREATE INDEX "payload_locked_documents_rels_provider_pause_counts_id_idx" ON "payload_locked_documents_rels" USING btree ("provider_pause_counts_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "survey_response_counts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "task_counts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "provider_pause_counts" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "survey_response_counts" CASCADE;
  DROP TABLE "task_counts" CASCADE;
  DROP TABLE "provider_pause_counts" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_survey_response_counts_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_task_counts_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_provider_pause_counts_fk";
  
  DROP INDEX "payload_locked_documents_rels_survey_response_counts_id_idx";
  DROP INDEX "payload_locked_documents_rels_task_counts_id_idx";
  DROP INDEX "payload_locked_documents_rels_provider_pause_counts_id_idx";
  ALTER TABLE "tenants" ALTER COLUMN "line_free_quota" SET DEFAULT 200;
  ALTER TABLE "tenants" DROP COLUMN "line_yen_per_message";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "survey_response_counts_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "task_counts_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "provider_pause_counts_id";
  DROP TYPE "public"."enum_survey_response_counts_stage";
  DROP TYPE "public"."enum_provider_pause_counts_channel";
  DROP TYPE "public"."enum_provider_pause_counts_cause";`)
}
