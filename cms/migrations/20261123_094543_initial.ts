import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'editor', 'medical-supervisor', 'municipal-staff', 'viewer');
  CREATE TYPE "public"."enum_tenants_channels" AS ENUM('email', 'sms', 'line');
  CREATE TYPE "public"."enum_tenants_languages" AS ENUM('ja', 'en', 'zh', 'ko', 'vi', 'pt', 'tl', 'ne', 'id');
  CREATE TYPE "public"."enum_tenants_language_fallback" AS ENUM('ja', 'en', 'zh', 'ko', 'vi', 'pt', 'tl', 'ne', 'id');
  CREATE TYPE "public"."enum_tenants_program" AS ENUM('standard');
  CREATE TYPE "public"."enum_tenants_missed_day" AS ENUM('skip', 'send-once');
  CREATE TYPE "public"."enum_messages_audience" AS ENUM('primary', 'partner', 'family');
  CREATE TYPE "public"."enum_messages_language" AS ENUM('ja', 'en', 'zh', 'ko', 'vi', 'pt', 'tl', 'ne', 'id');
  CREATE TYPE "public"."enum_yorisoi_review_state" AS ENUM('draft', 'in-review', 'changes-requested', 'approved');
  CREATE TYPE "public"."enum__messages_v_version_audience" AS ENUM('primary', 'partner', 'family');
  CREATE TYPE "public"."enum__messages_v_version_language" AS ENUM('ja', 'en', 'zh', 'ko', 'vi', 'pt', 'tl', 'ne', 'id');
  CREATE TYPE "public"."enum_message_history_event" AS ENUM('created', 'edited', 'submitted', 'withdrawn', 'approved', 'changes-requested', 'commented');
  CREATE TYPE "public"."enum_local_support_audiences" AS ENUM('primary', 'partner', 'family');
  CREATE TYPE "public"."enum_local_support_kind" AS ENUM('service', 'checkup', 'interview', 'benefit-application', 'hotline', 'event', 'assigned-nurse');
  CREATE TYPE "public"."enum_local_support_window_unit" AS ENUM('every', 'pregnancy-week', 'pregnancy-month', 'child-day', 'child-month', 'loss-day');
  CREATE TYPE "public"."enum_local_support_language" AS ENUM('ja', 'en', 'zh', 'ko', 'vi', 'pt', 'tl', 'ne', 'id');
  CREATE TYPE "public"."enum_yorisoi_local_support_state" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_surveys_audiences" AS ENUM('primary', 'partner', 'family');
  CREATE TYPE "public"."enum_surveys_questions_kind" AS ENUM('single', 'multiple', 'scale', 'text', 'interview-request');
  CREATE TYPE "public"."enum_surveys_triggers_window_unit" AS ENUM('every', 'pregnancy-week', 'pregnancy-month', 'child-day', 'child-month', 'loss-day');
  CREATE TYPE "public"."enum_surveys_language" AS ENUM('ja', 'en', 'zh', 'ko', 'vi', 'pt', 'tl', 'ne', 'id');
  CREATE TYPE "public"."enum_yorisoi_surveys_review_state" AS ENUM('draft', 'in-review', 'changes-requested', 'approved');
  CREATE TYPE "public"."enum_publications_scope" AS ENUM('national', 'tenant', 'rollback');
  CREATE TYPE "public"."enum_publications_state" AS ENUM('building', 'uploading', 'active', 'failed', 'rolled-back');
  CREATE TABLE "users_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_tenants" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"tenant_id" integer NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "tenants_channels" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_tenants_channels",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "tenants_languages" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_tenants_languages",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "tenants_language_fallback" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_tenants_language_fallback",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "tenants" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"name_en" varchar,
  	"slug" varchar NOT NULL,
  	"prefecture" varchar,
  	"time_zone" varchar DEFAULT 'Asia/Tokyo' NOT NULL,
  	"send_time" varchar DEFAULT '09:00' NOT NULL,
  	"postal_address" varchar,
  	"senders_from_address" varchar,
  	"senders_line_basic_id" varchar,
  	"sender_names_email" varchar,
  	"sender_names_sms" varchar,
  	"sender_names_line" varchar,
  	"desk_name" varchar,
  	"desk_email" varchar,
  	"desk_phone" varchar,
  	"desk_hours" varchar,
  	"privacy_notice_url" varchar,
  	"privacy_notice_version" varchar,
  	"program" "enum_tenants_program" DEFAULT 'standard' NOT NULL,
  	"retention_days" numeric DEFAULT 90,
  	"missed_day" "enum_tenants_missed_day" DEFAULT 'skip',
  	"branding_color" varchar,
  	"branding_logo_url" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "messages" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slot" varchar NOT NULL,
  	"audience" "enum_messages_audience" DEFAULT 'primary' NOT NULL,
  	"language" "enum_messages_language" DEFAULT 'ja' NOT NULL,
  	"subject" varchar NOT NULL,
  	"body" jsonb NOT NULL,
  	"short_text" varchar,
  	"sample" boolean DEFAULT false,
  	"translation_of_id" integer,
  	"translated_from_version" numeric,
  	"review_state" "enum_yorisoi_review_state" DEFAULT 'draft' NOT NULL,
  	"review_note" varchar,
  	"version" numeric DEFAULT 1,
  	"last_edited_by_id" integer,
  	"approved_id" integer,
  	"approved_version_number" numeric,
  	"key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "messages_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "messages_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "_messages_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slot" varchar NOT NULL,
  	"version_audience" "enum__messages_v_version_audience" DEFAULT 'primary' NOT NULL,
  	"version_language" "enum__messages_v_version_language" DEFAULT 'ja' NOT NULL,
  	"version_subject" varchar NOT NULL,
  	"version_body" jsonb NOT NULL,
  	"version_short_text" varchar,
  	"version_sample" boolean DEFAULT false,
  	"version_translation_of_id" integer,
  	"version_translated_from_version" numeric,
  	"version_review_state" "enum_yorisoi_review_state" DEFAULT 'draft' NOT NULL,
  	"version_review_note" varchar,
  	"version_version" numeric DEFAULT 1,
  	"version_last_edited_by_id" integer,
  	"version_approved_id" integer,
  	"version_approved_version_number" numeric,
  	"version_key" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "_messages_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "_messages_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "approved_message_versions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"message_id" integer NOT NULL,
  	"version" numeric NOT NULL,
  	"slot" varchar NOT NULL,
  	"audience" varchar NOT NULL,
  	"language" varchar NOT NULL,
  	"subject" varchar NOT NULL,
  	"body" jsonb NOT NULL,
  	"short_text" varchar,
  	"topics" jsonb,
  	"supervising_experts" jsonb,
  	"sample" boolean DEFAULT false,
  	"translation_of_id" integer,
  	"source_version" numeric,
  	"approved_by_id" integer NOT NULL,
  	"approver_name" varchar NOT NULL,
  	"approved_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "approved_message_versions_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "message_history" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"message_id" integer NOT NULL,
  	"version" numeric,
  	"event" "enum_message_history_event" DEFAULT 'commented' NOT NULL,
  	"actor_id" integer,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "local_support_audiences" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_local_support_audiences",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "local_support" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"title" varchar NOT NULL,
  	"body" varchar NOT NULL,
  	"url" varchar,
  	"phone" varchar,
  	"kind" "enum_local_support_kind" NOT NULL,
  	"window_unit" "enum_local_support_window_unit" DEFAULT 'every' NOT NULL,
  	"window_from" numeric,
  	"window_to" numeric,
  	"language" "enum_local_support_language" DEFAULT 'ja' NOT NULL,
  	"valid_from" timestamp(3) with time zone,
  	"valid_until" timestamp(3) with time zone,
  	"state" "enum_yorisoi_local_support_state" DEFAULT 'draft' NOT NULL,
  	"version" numeric DEFAULT 1,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "surveys_audiences" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_surveys_audiences",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "surveys_questions_choices" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar
  );
  
  CREATE TABLE "surveys_questions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar NOT NULL,
  	"kind" "enum_surveys_questions_kind" DEFAULT 'single' NOT NULL,
  	"required" boolean DEFAULT false,
  	"scale_min" numeric DEFAULT 1,
  	"scale_max" numeric DEFAULT 5
  );
  
  CREATE TABLE "surveys_triggers" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"window_unit" "enum_surveys_triggers_window_unit" DEFAULT 'every' NOT NULL,
  	"window_from" numeric,
  	"window_to" numeric
  );
  
  CREATE TABLE "surveys" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"tenant_id" integer,
  	"language" "enum_surveys_language" DEFAULT 'ja' NOT NULL,
  	"reminders_max" numeric DEFAULT 1,
  	"reminders_after_days" numeric DEFAULT 7,
  	"version" numeric DEFAULT 1,
  	"review_state" "enum_yorisoi_surveys_review_state",
  	"review_note" varchar,
  	"version_editors" jsonb,
  	"approved" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "publications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"scope" "enum_publications_scope" NOT NULL,
  	"tenant_id" integer,
  	"state" "enum_publications_state" NOT NULL,
  	"failure_reason" varchar,
  	"published_by_id" integer,
  	"manifest_id" varchar,
  	"previous_manifest_id" varchar,
  	"parts" jsonb,
  	"uploaded_parts" jsonb,
  	"skipped_parts" jsonb,
  	"counts_messages" numeric,
  	"counts_tenants" numeric,
  	"counts_local_entries" numeric,
  	"diff" jsonb,
  	"gaps" jsonb,
  	"gaps_confirmed" boolean,
  	"index" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "survey_answer_counts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" varchar NOT NULL,
  	"tenant_id" integer NOT NULL,
  	"survey_id" varchar NOT NULL,
  	"survey_version" numeric NOT NULL,
  	"question_id" varchar NOT NULL,
  	"value" varchar,
  	"count" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"tenants_id" integer,
  	"messages_id" integer,
  	"approved_message_versions_id" integer,
  	"message_history_id" integer,
  	"local_support_id" integer,
  	"surveys_id" integer,
  	"publications_id" integer,
  	"survey_answer_counts_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "users_roles" ADD CONSTRAINT "users_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_tenants" ADD CONSTRAINT "users_tenants_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_tenants" ADD CONSTRAINT "users_tenants_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tenants_channels" ADD CONSTRAINT "tenants_channels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tenants_languages" ADD CONSTRAINT "tenants_languages_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tenants_language_fallback" ADD CONSTRAINT "tenants_language_fallback_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "messages" ADD CONSTRAINT "messages_translation_of_id_messages_id_fk" FOREIGN KEY ("translation_of_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "messages" ADD CONSTRAINT "messages_last_edited_by_id_users_id_fk" FOREIGN KEY ("last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "messages" ADD CONSTRAINT "messages_approved_id_approved_message_versions_id_fk" FOREIGN KEY ("approved_id") REFERENCES "public"."approved_message_versions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "messages_texts" ADD CONSTRAINT "messages_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "messages_rels" ADD CONSTRAINT "messages_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "messages_rels" ADD CONSTRAINT "messages_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_messages_v" ADD CONSTRAINT "_messages_v_parent_id_messages_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_messages_v" ADD CONSTRAINT "_messages_v_version_translation_of_id_messages_id_fk" FOREIGN KEY ("version_translation_of_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_messages_v" ADD CONSTRAINT "_messages_v_version_last_edited_by_id_users_id_fk" FOREIGN KEY ("version_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_messages_v" ADD CONSTRAINT "_messages_v_version_approved_id_approved_message_versions_id_fk" FOREIGN KEY ("version_approved_id") REFERENCES "public"."approved_message_versions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_messages_v_texts" ADD CONSTRAINT "_messages_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_messages_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_messages_v_rels" ADD CONSTRAINT "_messages_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_messages_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_messages_v_rels" ADD CONSTRAINT "_messages_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "approved_message_versions" ADD CONSTRAINT "approved_message_versions_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "approved_message_versions" ADD CONSTRAINT "approved_message_versions_translation_of_id_messages_id_fk" FOREIGN KEY ("translation_of_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "approved_message_versions" ADD CONSTRAINT "approved_message_versions_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "approved_message_versions_rels" ADD CONSTRAINT "approved_message_versions_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."approved_message_versions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "approved_message_versions_rels" ADD CONSTRAINT "approved_message_versions_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "message_history" ADD CONSTRAINT "message_history_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "message_history" ADD CONSTRAINT "message_history_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "local_support_audiences" ADD CONSTRAINT "local_support_audiences_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."local_support"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "local_support" ADD CONSTRAINT "local_support_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "surveys_audiences" ADD CONSTRAINT "surveys_audiences_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "surveys_questions_choices" ADD CONSTRAINT "surveys_questions_choices_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."surveys_questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "surveys_questions" ADD CONSTRAINT "surveys_questions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "surveys_triggers" ADD CONSTRAINT "surveys_triggers_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "surveys" ADD CONSTRAINT "surveys_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "publications" ADD CONSTRAINT "publications_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "publications" ADD CONSTRAINT "publications_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "survey_answer_counts" ADD CONSTRAINT "survey_answer_counts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_tenants_fk" FOREIGN KEY ("tenants_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_messages_fk" FOREIGN KEY ("messages_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_approved_message_versions_fk" FOREIGN KEY ("approved_message_versions_id") REFERENCES "public"."approved_message_versions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_message_history_fk" FOREIGN KEY ("message_history_id") REFERENCES "public"."message_history"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_local_support_fk" FOREIGN KEY ("local_support_id") REFERENCES "public"."local_support"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_surveys_fk" FOREIGN KEY ("surveys_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_publications_fk" FOREIGN KEY ("publications_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_survey_answer_counts_fk" FOREIGN KEY ("survey_answer_counts_id") REFERENCES "public"."survey_answer_counts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_roles_order_idx" ON "users_roles" USING btree ("order");
  CREATE INDEX "users_roles_parent_idx" ON "users_roles" USING btree ("parent_id");
  CREATE INDEX "users_tenants_order_idx" ON "users_tenants" USING btree ("_order");
  CREATE INDEX "users_tenants_parent_id_idx" ON "users_tenants" USING btree ("_parent_id");
  CREATE INDEX "users_tenants_tenant_idx" ON "users_tenants" USING btree ("tenant_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "tenants_channels_order_idx" ON "tenants_channels" USING btree ("order");
  CREATE INDEX "tenants_channels_parent_idx" ON "tenants_channels" USING btree ("parent_id");
  CREATE INDEX "tenants_languages_order_idx" ON "tenants_languages" USING btree ("order");
  CREATE INDEX "tenants_languages_parent_idx" ON "tenants_languages" USING btree ("parent_id");
  CREATE INDEX "tenants_language_fallback_order_idx" ON "tenants_language_fallback" USING btree ("order");
  CREATE INDEX "tenants_language_fallback_parent_idx" ON "tenants_language_fallback" USING btree ("parent_id");
  CREATE UNIQUE INDEX "tenants_slug_idx" ON "tenants" USING btree ("slug");
  CREATE INDEX "tenants_updated_at_idx" ON "tenants" USING btree ("updated_at");
  CREATE INDEX "tenants_created_at_idx" ON "tenants" USING btree ("created_at");
  CREATE INDEX "messages_slot_idx" ON "messages" USING btree ("slot");
  CREATE INDEX "messages_translation_of_idx" ON "messages" USING btree ("translation_of_id");
  CREATE INDEX "messages_last_edited_by_idx" ON "messages" USING btree ("last_edited_by_id");
  CREATE INDEX "messages_approved_idx" ON "messages" USING btree ("approved_id");
  CREATE UNIQUE INDEX "messages_key_idx" ON "messages" USING btree ("key");
  CREATE INDEX "messages_updated_at_idx" ON "messages" USING btree ("updated_at");
  CREATE INDEX "messages_created_at_idx" ON "messages" USING btree ("created_at");
  CREATE INDEX "messages_texts_order_parent" ON "messages_texts" USING btree ("order","parent_id");
  CREATE INDEX "messages_rels_order_idx" ON "messages_rels" USING btree ("order");
  CREATE INDEX "messages_rels_parent_idx" ON "messages_rels" USING btree ("parent_id");
  CREATE INDEX "messages_rels_path_idx" ON "messages_rels" USING btree ("path");
  CREATE INDEX "messages_rels_users_id_idx" ON "messages_rels" USING btree ("users_id");
  CREATE INDEX "_messages_v_parent_idx" ON "_messages_v" USING btree ("parent_id");
  CREATE INDEX "_messages_v_version_version_slot_idx" ON "_messages_v" USING btree ("version_slot");
  CREATE INDEX "_messages_v_version_version_translation_of_idx" ON "_messages_v" USING btree ("version_translation_of_id");
  CREATE INDEX "_messages_v_version_version_last_edited_by_idx" ON "_messages_v" USING btree ("version_last_edited_by_id");
  CREATE INDEX "_messages_v_version_version_approved_idx" ON "_messages_v" USING btree ("version_approved_id");
  CREATE INDEX "_messages_v_version_version_key_idx" ON "_messages_v" USING btree ("version_key");
  CREATE INDEX "_messages_v_version_version_updated_at_idx" ON "_messages_v" USING btree ("version_updated_at");
  CREATE INDEX "_messages_v_version_version_created_at_idx" ON "_messages_v" USING btree ("version_created_at");
  CREATE INDEX "_messages_v_created_at_idx" ON "_messages_v" USING btree ("created_at");
  CREATE INDEX "_messages_v_updated_at_idx" ON "_messages_v" USING btree ("updated_at");
  CREATE INDEX "_messages_v_texts_order_parent" ON "_messages_v_texts" USING btree ("order","parent_id");
  CREATE INDEX "_messages_v_rels_order_idx" ON "_messages_v_rels" USING btree ("order");
  CREATE INDEX "_messages_v_rels_parent_idx" ON "_messages_v_rels" USING btree ("parent_id");
  CREATE INDEX "_messages_v_rels_path_idx" ON "_messages_v_rels" USING btree ("path");
  CREATE INDEX "_messages_v_rels_users_id_idx" ON "_messages_v_rels" USING btree ("users_id");
  CREATE INDEX "approved_message_versions_message_idx" ON "approved_message_versions" USING btree ("message_id");
  CREATE INDEX "approved_message_versions_slot_idx" ON "approved_message_versions" USING btree ("slot");
  CREATE INDEX "approved_message_versions_translation_of_idx" ON "approved_message_versions" USING btree ("translation_of_id");
  CREATE INDEX "approved_message_versions_approved_by_idx" ON "approved_message_versions" USING btree ("approved_by_id");
  CREATE INDEX "approved_message_versions_updated_at_idx" ON "approved_message_versions" USING btree ("updated_at");
  CREATE INDEX "approved_message_versions_created_at_idx" ON "approved_message_versions" USING btree ("created_at");
  CREATE INDEX "approved_message_versions_rels_order_idx" ON "approved_message_versions_rels" USING btree ("order");
  CREATE INDEX "approved_message_versions_rels_parent_idx" ON "approved_message_versions_rels" USING btree ("parent_id");
  CREATE INDEX "approved_message_versions_rels_path_idx" ON "approved_message_versions_rels" USING btree ("path");
  CREATE INDEX "approved_message_versions_rels_users_id_idx" ON "approved_message_versions_rels" USING btree ("users_id");
  CREATE INDEX "message_history_message_idx" ON "message_history" USING btree ("message_id");
  CREATE INDEX "message_history_actor_idx" ON "message_history" USING btree ("actor_id");
  CREATE INDEX "message_history_updated_at_idx" ON "message_history" USING btree ("updated_at");
  CREATE INDEX "message_history_created_at_idx" ON "message_history" USING btree ("created_at");
  CREATE INDEX "local_support_audiences_order_idx" ON "local_support_audiences" USING btree ("order");
  CREATE INDEX "local_support_audiences_parent_idx" ON "local_support_audiences" USING btree ("parent_id");
  CREATE INDEX "local_support_tenant_idx" ON "local_support" USING btree ("tenant_id");
  CREATE INDEX "local_support_updated_at_idx" ON "local_support" USING btree ("updated_at");
  CREATE INDEX "local_support_created_at_idx" ON "local_support" USING btree ("created_at");
  CREATE INDEX "surveys_audiences_order_idx" ON "surveys_audiences" USING btree ("order");
  CREATE INDEX "surveys_audiences_parent_idx" ON "surveys_audiences" USING btree ("parent_id");
  CREATE INDEX "surveys_questions_choices_order_idx" ON "surveys_questions_choices" USING btree ("_order");
  CREATE INDEX "surveys_questions_choices_parent_id_idx" ON "surveys_questions_choices" USING btree ("_parent_id");
  CREATE INDEX "surveys_questions_order_idx" ON "surveys_questions" USING btree ("_order");
  CREATE INDEX "surveys_questions_parent_id_idx" ON "surveys_questions" USING btree ("_parent_id");
  CREATE INDEX "surveys_triggers_order_idx" ON "surveys_triggers" USING btree ("_order");
  CREATE INDEX "surveys_triggers_parent_id_idx" ON "surveys_triggers" USING btree ("_parent_id");
  CREATE INDEX "surveys_tenant_idx" ON "surveys" USING btree ("tenant_id");
  CREATE INDEX "surveys_updated_at_idx" ON "surveys" USING btree ("updated_at");
  CREATE INDEX "surveys_created_at_idx" ON "surveys" USING btree ("created_at");
  CREATE INDEX "publications_tenant_idx" ON "publications" USING btree ("tenant_id");
  CREATE INDEX "publications_published_by_idx" ON "publications" USING btree ("published_by_id");
  CREATE INDEX "publications_manifest_id_idx" ON "publications" USING btree ("manifest_id");
  CREATE INDEX "publications_updated_at_idx" ON "publications" USING btree ("updated_at");
  CREATE INDEX "publications_created_at_idx" ON "publications" USING btree ("created_at");
  CREATE INDEX "survey_answer_counts_date_idx" ON "survey_answer_counts" USING btree ("date");
  CREATE INDEX "survey_answer_counts_tenant_idx" ON "survey_answer_counts" USING btree ("tenant_id");
  CREATE INDEX "survey_answer_counts_survey_id_idx" ON "survey_answer_counts" USING btree ("survey_id");
  CREATE INDEX "survey_answer_counts_updated_at_idx" ON "survey_answer_counts" USING btree ("updated_at");
  CREATE INDEX "survey_answer_counts_created_at_idx" ON "survey_answer_counts" USING btree ("created_at");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_tenants_id_idx" ON "payload_locked_documents_rels" USING btree ("tenants_id");
  CREATE INDEX "payload_locked_documents_rels_messages_id_idx" ON "payload_locked_documents_rels" USING btree ("messages_id");
  CREATE INDEX "payload_locked_documents_rels_approved_message_versions__idx" ON "payload_locked_documents_rels" USING btree ("approved_message_versions_id");
  CREATE INDEX "payload_locked_documents_rels_message_history_id_idx" ON "payload_locked_documents_rels" USING btree ("message_history_id");
  CREATE INDEX "payload_locked_documents_rels_local_support_id_idx" ON "payload_locked_documents_rels" USING btree ("local_support_id");
  CREATE INDEX "payload_locked_documents_rels_surveys_id_idx" ON "payload_locked_documents_rels" USING btree ("surveys_id");
  CREATE INDEX "payload_locked_documents_rels_publications_id_idx" ON "payload_locked_documents_rels" USING btree ("publications_id");
  CREATE INDEX "payload_locked_documents_rels_survey_answer_counts_id_idx" ON "payload_locked_documents_rels" USING btree ("survey_answer_counts_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "users_roles" CASCADE;
  DROP TABLE "users_tenants" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "tenants_channels" CASCADE;
  DROP TABLE "tenants_languages" CASCADE;
  DROP TABLE "tenants_language_fallback" CASCADE;
  DROP TABLE "tenants" CASCADE;
  DROP TABLE "messages" CASCADE;
  DROP TABLE "messages_texts" CASCADE;
  DROP TABLE "messages_rels" CASCADE;
  DROP TABLE "_messages_v" CASCADE;
  DROP TABLE "_messages_v_texts" CASCADE;
  DROP TABLE "_messages_v_rels" CASCADE;
  DROP TABLE "approved_message_versions" CASCADE;
  DROP TABLE "approved_message_versions_rels" CASCADE;
  DROP TABLE "message_history" CASCADE;
  DROP TABLE "local_support_audiences" CASCADE;
  DROP TABLE "local_support" CASCADE;
  DROP TABLE "surveys_audiences" CASCADE;
  DROP TABLE "surveys_questions_choices" CASCADE;
  DROP TABLE "surveys_questions" CASCADE;
  DROP TABLE "surveys_triggers" CASCADE;
  DROP TABLE "surveys" CASCADE;
  DROP TABLE "publications" CASCADE;
  DROP TABLE "survey_answer_counts" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."enum_users_roles";
  DROP TYPE "public"."enum_tenants_channels";
  DROP TYPE "public"."enum_tenants_languages";
  DROP TYPE "public"."enum_tenants_language_fallback";
  DROP TYPE "public"."enum_tenants_program";
  DROP TYPE "public"."enum_tenants_missed_day";
  DROP TYPE "public"."enum_messages_audience";
  DROP TYPE "public"."enum_messages_language";
  DROP TYPE "public"."enum_yorisoi_review_state";
  DROP TYPE "public"."enum__messages_v_version_audience";
  DROP TYPE "public"."enum__messages_v_version_language";
  DROP TYPE "public"."enum_message_history_event";
  DROP TYPE "public"."enum_local_support_audiences";
  DROP TYPE "public"."enum_local_support_kind";
  DROP TYPE "public"."enum_local_support_window_unit";
  DROP TYPE "public"."enum_local_support_language";
  DROP TYPE "public"."enum_yorisoi_local_support_state";
  DROP TYPE "public"."enum_surveys_audiences";
  DROP TYPE "public"."enum_surveys_questions_kind";
  DROP TYPE "public"."enum_surveys_triggers_window_unit";
  DROP TYPE "public"."enum_surveys_language";
  DROP TYPE "public"."enum_yorisoi_surveys_review_state";
  DROP TYPE "public"."enum_publications_scope";
  DROP TYPE "public"."enum_publications_state";`)
}
