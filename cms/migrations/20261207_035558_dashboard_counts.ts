import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_delivery_counts_kind" AS ENUM('program', 'confirmation', 'announcement');
  CREATE TYPE "public"."enum_delivery_counts_channel" AS ENUM('email', 'sms', 'line');
  CREATE TYPE "public"."enum_delivery_counts_outcome" AS ENUM('sent', 'failed-transient', 'failed-permanent', 'unknown');
  CREATE TYPE "public"."enum_resident_counts_stage" AS ENUM('pregnancy-early', 'pregnancy-mid', 'pregnancy-late', 'day-0-100', 'to-1', 'to-2', 'to-3');
  CREATE TYPE "public"."enum_resident_counts_audience" AS ENUM('primary', 'partner', 'family');
  CREATE TYPE "public"."enum_resident_counts_channel" AS ENUM('email', 'sms', 'line');
  CREATE TYPE "public"."enum_resident_counts_language" AS ENUM('ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ko', 'tl', 'pt-BR', 'ne', 'id', 'my');
  CREATE TYPE "public"."enum_resident_counts_state" AS ENUM('active', 'paused');
  CREATE TYPE "public"."enum_registration_counts_channel" AS ENUM('email', 'sms', 'line');
  CREATE TYPE "public"."enum_registration_counts_language" AS ENUM('ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ko', 'tl', 'pt-BR', 'ne', 'id', 'my');
  CREATE TYPE "public"."enum_registration_counts_audience" AS ENUM('primary', 'partner', 'family');
  CREATE TYPE "public"."enum_stop_counts_reason" AS ENUM('moved', 'enough', 'too-many', 'not-useful', 'other', 'not-given');
  CREATE TYPE "public"."enum_reading_counts_channel" AS ENUM('email', 'sms', 'line');
  CREATE TYPE "public"."enum_reading_counts_stage" AS ENUM('pregnancy-early', 'pregnancy-mid', 'pregnancy-late', 'day-0-100', 'to-1', 'to-2', 'to-3');
  CREATE TYPE "public"."enum_cost_counts_channel" AS ENUM('email', 'sms', 'line');
  CREATE TABLE "delivery_counts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" varchar NOT NULL,
  	"tenant_id" integer NOT NULL,
  	"kind" "enum_delivery_counts_kind" NOT NULL,
  	"slot" varchar,
  	"channel" "enum_delivery_counts_channel" NOT NULL,
  	"outcome" "enum_delivery_counts_outcome" NOT NULL,
  	"count" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "resident_counts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" varchar NOT NULL,
  	"tenant_id" integer NOT NULL,
  	"stage" "enum_resident_counts_stage" NOT NULL,
  	"audience" "enum_resident_counts_audience" NOT NULL,
  	"channel" "enum_resident_counts_channel" NOT NULL,
  	"language" "enum_resident_counts_language" NOT NULL,
  	"state" "enum_resident_counts_state" NOT NULL,
  	"count" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "registration_counts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" varchar NOT NULL,
  	"tenant_id" integer NOT NULL,
  	"channel" "enum_registration_counts_channel" NOT NULL,
  	"language" "enum_registration_counts_language" NOT NULL,
  	"audience" "enum_registration_counts_audience" NOT NULL,
  	"confirmed" numeric NOT NULL,
  	"unconfirmed" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "stop_counts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" varchar NOT NULL,
  	"tenant_id" integer NOT NULL,
  	"reason" "enum_stop_counts_reason" NOT NULL,
  	"count" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "reading_counts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" varchar NOT NULL,
  	"tenant_id" integer NOT NULL,
  	"channel" "enum_reading_counts_channel" NOT NULL,
  	"stage" "enum_reading_counts_stage" NOT NULL,
  	"sent" numeric NOT NULL,
  	"opened" numeric NOT NULL,
  	"clicked" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "cost_counts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" varchar NOT NULL,
  	"tenant_id" integer NOT NULL,
  	"channel" "enum_cost_counts_channel" NOT NULL,
  	"messages" numeric NOT NULL,
  	"sms_segments" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "consultation_counts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" varchar NOT NULL,
  	"tenant_id" integer NOT NULL,
  	"received" numeric NOT NULL,
  	"urgent" numeric NOT NULL,
  	"answered_within_one_working_day" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "tenants" ADD COLUMN "sms_unit_price_yen" numeric DEFAULT 12;
  ALTER TABLE "tenants" ADD COLUMN "line_free_quota" numeric DEFAULT 200;
  ALTER TABLE "tenants" ADD COLUMN "pregnancy_notifications_per_year" numeric;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "delivery_counts_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "resident_counts_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "registration_counts_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "stop_counts_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "reading_counts_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "cost_counts_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "consultation_counts_id" integer;
  ALTER TABLE "delivery_counts" ADD CONSTRAINT "delivery_counts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "resident_counts" ADD CONSTRAINT "resident_counts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "registration_counts" ADD CONSTRAINT "registration_counts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stop_counts" ADD CONSTRAINT "stop_counts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reading_counts" ADD CONSTRAINT "reading_counts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cost_counts" ADD CONSTRAINT "cost_counts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "consultation_counts" ADD CONSTRAINT "consultation_counts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "delivery_counts_date_idx" ON "delivery_counts" USING btree ("date");
  CREATE INDEX "delivery_counts_tenant_idx" ON "delivery_counts" USING btree ("tenant_id");
  CREATE INDEX "delivery_counts_kind_idx" ON "delivery_counts" USING btree ("kind");
  CREATE INDEX "delivery_counts_channel_idx" ON "delivery_counts" USING btree ("channel");
  CREATE INDEX "delivery_counts_outcome_idx" ON "delivery_counts" USING btree ("outcome");
  CREATE INDEX "delivery_counts_updated_at_idx" ON "delivery_counts" USING btree ("updated_at");
  CREATE INDEX "delivery_counts_created_at_idx" ON "delivery_counts" USING btree ("created_at");
  CREATE INDEX "resident_counts_date_idx" ON "resident_counts" USING btree ("date");
  CREATE INDEX "resident_counts_tenant_idx" ON "resident_counts" USING btree ("tenant_id");
  CREATE INDEX "resident_counts_stage_idx" ON "resident_counts" USING btree ("stage");
  CREATE INDEX "resident_counts_audience_idx" ON "resident_counts" USING btree ("audience");
  CREATE INDEX "resident_counts_channel_idx" ON "resident_counts" USING btree ("channel");
  CREATE INDEX "resident_counts_language_idx" ON "resident_counts" USING btree ("language");
  CREATE INDEX "resident_counts_state_idx" ON "resident_counts" USING btree ("state");
  CREATE INDEX "resident_counts_updated_at_idx" ON "resident_counts" USING btree ("updated_at");
  CREATE INDEX "resident_counts_created_at_idx" ON "resident_counts" USING btree ("created_at");
  CREATE INDEX "registration_counts_date_idx" ON "registration_counts" USING btree ("date");
  CREATE INDEX "registration_counts_tenant_idx" ON "registration_counts" USING btree ("tenant_id");
  CREATE INDEX "registration_counts_channel_idx" ON "registration_counts" USING btree ("channel");
  CREATE INDEX "registration_counts_language_idx" ON "registration_counts" USING btree ("language");
  CREATE INDEX "registration_counts_audience_idx" ON "registration_counts" USING btree ("audience");
  CREATE INDEX "registration_counts_updated_at_idx" ON "registration_counts" USING btree ("updated_at");
  CREATE INDEX "registration_counts_created_at_idx" ON "registration_counts" USING btree ("created_at");
  CREATE INDEX "stop_counts_date_idx" ON "stop_counts" USING btree ("date");
  CREATE INDEX "stop_counts_tenant_idx" ON "stop_counts" USING btree ("tenant_id");
  CREATE INDEX "stop_counts_reason_idx" ON "stop_counts" USING btree ("reason");
  CREATE INDEX "stop_counts_updated_at_idx" ON "stop_counts" USING btree ("updated_at");
  CREATE INDEX "stop_counts_created_at_idx" ON "stop_counts" USING btree ("created_at");
  CREATE INDEX "reading_counts_date_idx" ON "reading_counts" USING btree ("date");
  CREATE INDEX "reading_counts_tenant_idx" ON "reading_counts" USING btree ("tenant_id");
  CREATE INDEX "reading_counts_channel_idx" ON "reading_counts" USING btree ("channel");
  CREATE INDEX "reading_counts_stage_idx" ON "reading_counts" USING btree ("stage");
  CREATE INDEX "reading_counts_updated_at_idx" ON "reading_counts" USING btree ("updated_at");
  CREATE INDEX "reading_counts_created_at_idx" ON "reading_counts" USING btree ("created_at");
  CREATE INDEX "cost_counts_date_idx" ON "cost_counts" USING btree ("date");
  CREATE INDEX "cost_counts_tenant_idx" ON "cost_counts" USING btree ("tenant_id");
  CREATE INDEX "cost_counts_channel_idx" ON "cost_counts" USING btree ("channel");
  CREATE INDEX "cost_counts_updated_at_idx" ON "cost_counts" USING btree ("updated_at");
  CREATE INDEX "cost_counts_created_at_idx" ON "cost_counts" USING btree ("created_at");
  CREATE INDEX "consultation_counts_date_idx" ON "consultation_counts" USING btree ("date");
  CREATE INDEX "consultation_counts_tenant_idx" ON "consultation_counts" USING btree ("tenant_id");
  CREATE INDEX "consultation_counts_updated_at_idx" ON "consultation_counts" USING btree ("updated_at");
  CREATE INDEX "consultation_counts_created_at_idx" ON "consultation_counts" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_delivery_counts_fk" FOREIGN KEY ("delivery_counts_id") REFERENCES "public"."delivery_counts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_resident_counts_fk" FOREIGN KEY ("resident_counts_id") REFERENCES "public"."resident_counts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_registration_counts_fk" FOREIGN KEY ("registration_counts_id") REFERENCES "public"."registration_counts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_stop_counts_fk" FOREIGN KEY ("stop_counts_id") REFERENCES "public"."stop_counts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reading_counts_fk" FOREIGN KEY ("reading_counts_id") REFERENCES "public"."reading_counts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_cost_counts_fk" FOREIGN KEY ("cost_counts_id") REFERENCES "public"."cost_counts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_consultation_counts_fk" FOREIGN KEY ("consultation_counts_id") REFERENCES "public"."consultation_counts"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_delivery_counts_id_idx" ON "payload_locked_documents_rels" USING btree ("delivery_counts_id");
  CREATE INDEX "payload_locked_documents_rels_resident_counts_id_idx" ON "payload_locked_documents_rels" USING btree ("resident_counts_id");
  CREATE INDEX "payload_locked_documents_rels_registration_counts_id_idx" ON "payload_locked_documents_rels" USING btree ("registration_counts_id");
  CREATE INDEX "payload_locked_documents_rels_stop_counts_id_idx" ON "payload_locked_documents_rels" USING btree ("stop_counts_id");
  CREATE INDEX "payload_locked_documents_rels_reading_counts_id_idx" ON "payload_locked_documents_rels" USING btree ("reading_counts_id");
  CREATE INDEX "payload_locked_documents_rels_cost_counts_id_idx" ON "payload_locked_documents_rels" USING btree ("cost_counts_id");
  CREATE INDEX "payload_locked_documents_rels_consultation_counts_id_idx" ON "payload_locked_documents_rels" USING btree ("consultation_counts_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "delivery_counts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "resident_counts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "registration_counts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "stop_counts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "reading_counts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "cost_counts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "consultation_counts" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "delivery_counts" CASCADE;
  DROP TABLE "resident_counts" CASCADE;
  DROP TABLE "registration_counts" CASCADE;
  DROP TABLE "stop_counts" CASCADE;
  DROP TABLE "reading_counts" CASCADE;
  DROP TABLE "cost_counts" CASCADE;
  DROP TABLE "consultation_counts" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_delivery_counts_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_resident_counts_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_registration_counts_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_stop_counts_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_reading_counts_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_cost_counts_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_consultation_counts_fk";
  
  DROP INDEX "payload_locked_documents_rels_delivery_counts_id_idx";
  DROP INDEX "payload_locked_documents_rels_resident_counts_id_idx";
  DROP INDEX "payload_locked_documents_rels_registration_counts_id_idx";
  DROP INDEX "payload_locked_documents_rels_stop_counts_id_idx";
  DROP INDEX "payload_locked_documents_rels_reading_counts_id_idx";
  DROP INDEX "payload_locked_documents_rels_cost_counts_id_idx";
  DROP INDEX "payload_locked_documents_rels_consultation_counts_id_idx";
  ALTER TABLE "tenants" DROP COLUMN "sms_unit_price_yen";
  ALTER TABLE "tenants" DROP COLUMN "line_free_quota";
  ALTER TABLE "tenants" DROP COLUMN "pregnancy_notifications_per_year";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "delivery_counts_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "resident_counts_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "registration_counts_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "stop_counts_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "reading_counts_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "cost_counts_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "consultation_counts_id";
  DROP TYPE "public"."enum_delivery_counts_kind";
  DROP TYPE "public"."enum_delivery_counts_channel";
  DROP TYPE "public"."enum_delivery_counts_outcome";
  DROP TYPE "public"."enum_resident_counts_stage";
  DROP TYPE "public"."enum_resident_counts_audience";
  DROP TYPE "public"."enum_resident_counts_channel";
  DROP TYPE "public"."enum_resident_counts_language";
  DROP TYPE "public"."enum_resident_counts_state";
  DROP TYPE "public"."enum_registration_counts_channel";
  DROP TYPE "public"."enum_registration_counts_language";
  DROP TYPE "public"."enum_registration_counts_audience";
  DROP TYPE "public"."enum_stop_counts_reason";
  DROP TYPE "public"."enum_reading_counts_channel";
  DROP TYPE "public"."enum_reading_counts_stage";
  DROP TYPE "public"."enum_cost_counts_channel";`)
}
