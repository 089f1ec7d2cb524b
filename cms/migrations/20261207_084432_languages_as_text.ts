// Hand-edited (keep it; do not regenerate): languages become text, so a language added to
// shared/languages needs no migration. Generated, this dropped the hasMany tables and their rows;
// here each list moves into its _texts table first, and each column keeps its value as text.
import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE "announcements_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  ALTER TABLE "announcements_texts" ADD CONSTRAINT "announcements_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."announcements"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "announcements_texts_order_parent" ON "announcements_texts" USING btree ("order","parent_id");
  CREATE INDEX "announcements_texts_parent_idx" ON "announcements_texts" USING btree ("parent_id");
  -- A list of languages (hasMany) moves, row for row and in its order, into the collection's _texts table.
  INSERT INTO "tenants_texts" ("order", "parent_id", "path", "text")
    SELECT "order", "parent_id", 'languages', "value"::text FROM "tenants_languages" WHERE "value" IS NOT NULL ORDER BY "parent_id", "order";
  DROP TABLE "tenants_languages" CASCADE;
  DROP TYPE "public"."enum_tenants_languages";
  INSERT INTO "tenants_texts" ("order", "parent_id", "path", "text")
    SELECT "order", "parent_id", 'languageFallback', "value"::text FROM "tenants_language_fallback" WHERE "value" IS NOT NULL ORDER BY "parent_id", "order";
  DROP TABLE "tenants_language_fallback" CASCADE;
  DROP TYPE "public"."enum_tenants_language_fallback";
  INSERT INTO "announcements_texts" ("order", "parent_id", "path", "text")
    SELECT "order", "parent_id", 'target.languages', "value"::text FROM "announcements_target_languages" WHERE "value" IS NOT NULL ORDER BY "parent_id", "order";
  DROP TABLE "announcements_target_languages" CASCADE;
  DROP TYPE "public"."enum_announcements_target_languages";
  -- One language per row: the same column, now varchar, every value kept as its text.
  ALTER TABLE "messages" ALTER COLUMN "language" DROP DEFAULT;
  ALTER TABLE "messages" ALTER COLUMN "language" SET DATA TYPE varchar USING "language"::text;
  ALTER TABLE "messages" ALTER COLUMN "language" SET DEFAULT 'ja';
  DROP TYPE "public"."enum_messages_language";
  ALTER TABLE "_messages_v" ALTER COLUMN "version_language" DROP DEFAULT;
  ALTER TABLE "_messages_v" ALTER COLUMN "version_language" SET DATA TYPE varchar USING "version_language"::text;
  ALTER TABLE "_messages_v" ALTER COLUMN "version_language" SET DEFAULT 'ja';
  DROP TYPE "public"."enum__messages_v_version_language";
  ALTER TABLE "local_support_translations" ALTER COLUMN "language" SET DATA TYPE varchar USING "language"::text;
  DROP TYPE "public"."enum_local_support_translations_language";
  ALTER TABLE "local_support" ALTER COLUMN "language" DROP DEFAULT;
  ALTER TABLE "local_support" ALTER COLUMN "language" SET DATA TYPE varchar USING "language"::text;
  ALTER TABLE "local_support" ALTER COLUMN "language" SET DEFAULT 'ja';
  DROP TYPE "public"."enum_local_support_language";
  ALTER TABLE "surveys" ALTER COLUMN "language" DROP DEFAULT;
  ALTER TABLE "surveys" ALTER COLUMN "language" SET DATA TYPE varchar USING "language"::text;
  ALTER TABLE "surveys" ALTER COLUMN "language" SET DEFAULT 'ja';
  DROP TYPE "public"."enum_surveys_language";
  ALTER TABLE "resident_counts" ALTER COLUMN "language" SET DATA TYPE varchar USING "language"::text;
  DROP TYPE "public"."enum_resident_counts_language";
  ALTER TABLE "registration_counts" ALTER COLUMN "language" SET DATA TYPE varchar USING "language"::text;
  DROP TYPE "public"."enum_registration_counts_language";
  ALTER TABLE "announcements_wording" ALTER COLUMN "language" DROP DEFAULT;
  ALTER TABLE "announcements_wording" ALTER COLUMN "language" SET DATA TYPE varchar USING "language"::text;
  ALTER TABLE "announcements_wording" ALTER COLUMN "language" SET DEFAULT 'ja';
  DROP TYPE "public"."enum_announcements_wording_language";
  ALTER TABLE "tasks_wording" ALTER COLUMN "language" DROP DEFAULT;
  ALTER TABLE "tasks_wording" ALTER COLUMN "language" SET DATA TYPE varchar USING "language"::text;
  ALTER TABLE "tasks_wording" ALTER COLUMN "language" SET DEFAULT 'ja';
  DROP TYPE "public"."enum_tasks_wording_language";`)
}

// Back to enums of the eleven languages known when this was written: a row in any other language
// stops the way down with Postgres's "invalid input value for enum".
export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  CREATE TYPE "public"."enum_messages_language" AS ENUM('ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ko', 'tl', 'pt-BR', 'ne', 'id', 'my');
  ALTER TABLE "messages" ALTER COLUMN "language" DROP DEFAULT;
  ALTER TABLE "messages" ALTER COLUMN "language" SET DATA TYPE "public"."enum_messages_language" USING "language"::"public"."enum_messages_language";
  ALTER TABLE "messages" ALTER COLUMN "language" SET DEFAULT 'ja'::"public"."enum_messages_language";
  CREATE TYPE "public"."enum__messages_v_version_language" AS ENUM('ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ko', 'tl', 'pt-BR', 'ne', 'id', 'my');
  ALTER TABLE "_messages_v" ALTER COLUMN "version_language" DROP DEFAULT;
  ALTER TABLE "_messages_v" ALTER COLUMN "version_language" SET DATA TYPE "public"."enum__messages_v_version_language" USING "version_language"::"public"."enum__messages_v_version_language";
  ALTER TABLE "_messages_v" ALTER COLUMN "version_language" SET DEFAULT 'ja'::"public"."enum__messages_v_version_language";
  CREATE TYPE "public"."enum_local_support_translations_language" AS ENUM('ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ko', 'tl', 'pt-BR', 'ne', 'id', 'my');
  ALTER TABLE "local_support_translations" ALTER COLUMN "language" SET DATA TYPE "public"."enum_local_support_translations_language" USING "language"::"public"."enum_local_support_translations_language";
  CREATE TYPE "public"."enum_local_support_language" AS ENUM('ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ko', 'tl', 'pt-BR', 'ne', 'id', 'my');
  ALTER TABLE "local_support" ALTER COLUMN "language" DROP DEFAULT;
  ALTER TABLE "local_support" ALTER COLUMN "language" SET DATA TYPE "public"."enum_local_support_language" USING "language"::"public"."enum_local_support_language";
  ALTER TABLE "local_support" ALTER COLUMN "language" SET DEFAULT 'ja'::"public"."enum_local_support_language";
  CREATE TYPE "public"."enum_surveys_language" AS ENUM('ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ko', 'tl', 'pt-BR', 'ne', 'id', 'my');
  ALTER TABLE "surveys" ALTER COLUMN "language" DROP DEFAULT;
  ALTER TABLE "surveys" ALTER COLUMN "language" SET DATA TYPE "public"."enum_surveys_language" USING "language"::"public"."enum_surveys_language";
  ALTER TABLE "surveys" ALTER COLUMN "language" SET DEFAULT 'ja'::"public"."enum_surveys_language";
  CREATE TYPE "public"."enum_resident_counts_language" AS ENUM('ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ko', 'tl', 'pt-BR', 'ne', 'id', 'my');
  ALTER TABLE "resident_counts" ALTER COLUMN "language" SET DATA TYPE "public"."enum_resident_counts_language" USING "language"::"public"."enum_resident_counts_language";
  CREATE TYPE "public"."enum_registration_counts_language" AS ENUM('ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ko', 'tl', 'pt-BR', 'ne', 'id', 'my');
  ALTER TABLE "registration_counts" ALTER COLUMN "language" SET DATA TYPE "public"."enum_registration_counts_language" USING "language"::"public"."enum_registration_counts_language";
  CREATE TYPE "public"."enum_announcements_wording_language" AS ENUM('ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ko', 'tl', 'pt-BR', 'ne', 'id', 'my');
  ALTER TABLE "announcements_wording" ALTER COLUMN "language" DROP DEFAULT;
  ALTER TABLE "announcements_wording" ALTER COLUMN "language" SET DATA TYPE "public"."enum_announcements_wording_language" USING "language"::"public"."enum_announcements_wording_language";
  ALTER TABLE "announcements_wording" ALTER COLUMN "language" SET DEFAULT 'ja'::"public"."enum_announcements_wording_language";
  CREATE TYPE "public"."enum_tasks_wording_language" AS ENUM('ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ko', 'tl', 'pt-BR', 'ne', 'id', 'my');
  ALTER TABLE "tasks_wording" ALTER COLUMN "language" DROP DEFAULT;
  ALTER TABLE "tasks_wording" ALTER COLUMN "language" SET DATA TYPE "public"."enum_tasks_wording_language" USING "language"::"public"."enum_tasks_wording_language";
  ALTER TABLE "tasks_wording" ALTER COLUMN "language" SET DEFAULT 'ja'::"public"."enum_tasks_wording_language";
  CREATE TYPE "public"."enum_tenants_languages" AS ENUM('ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ko', 'tl', 'pt-BR', 'ne', 'id', 'my');
  CREATE TABLE "tenants_languages" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_tenants_languages",
  	"id" serial PRIMARY KEY NOT NULL
  );
  ALTER TABLE "tenants_languages" ADD CONSTRAINT "tenants_languages_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "tenants_languages_order_idx" ON "tenants_languages" USING btree ("order");
  CREATE INDEX "tenants_languages_parent_idx" ON "tenants_languages" USING btree ("parent_id");
  INSERT INTO "tenants_languages" ("order", "parent_id", "value")
    SELECT "order", "parent_id", "text"::"public"."enum_tenants_languages" FROM "tenants_texts" WHERE "path" = 'languages' ORDER BY "parent_id", "order";
  DELETE FROM "tenants_texts" WHERE "path" = 'languages';
  CREATE TYPE "public"."enum_tenants_language_fallback" AS ENUM('ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ko', 'tl', 'pt-BR', 'ne', 'id', 'my');
  CREATE TABLE "tenants_language_fallback" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_tenants_language_fallback",
  	"id" serial PRIMARY KEY NOT NULL
  );
  ALTER TABLE "tenants_language_fallback" ADD CONSTRAINT "tenants_language_fallback_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "tenants_language_fallback_order_idx" ON "tenants_language_fallback" USING btree ("order");
  CREATE INDEX "tenants_language_fallback_parent_idx" ON "tenants_language_fallback" USING btree ("parent_id");
  INSERT INTO "tenants_language_fallback" ("order", "parent_id", "value")
    SELECT "order", "parent_id", "text"::"public"."enum_tenants_language_fallback" FROM "tenants_texts" WHERE "path" = 'languageFallback' ORDER BY "parent_id", "order";
  DELETE FROM "tenants_texts" WHERE "path" = 'languageFallback';
  CREATE TYPE "public"."enum_announcements_target_languages" AS ENUM('ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ko', 'tl', 'pt-BR', 'ne', 'id', 'my');
  CREATE TABLE "announcements_target_languages" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_announcements_target_languages",
  	"id" serial PRIMARY KEY NOT NULL
  );
  ALTER TABLE "announcements_target_languages" ADD CONSTRAINT "announcements_target_languages_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."announcements"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "announcements_target_languages_order_idx" ON "announcements_target_languages" USING btree ("order");
  CREATE INDEX "announcements_target_languages_parent_idx" ON "announcements_target_languages" USING btree ("parent_id");
  INSERT INTO "announcements_target_languages" ("order", "parent_id", "value")
    SELECT "order", "parent_id", "text"::"public"."enum_announcements_target_languages" FROM "announcements_texts" WHERE "path" = 'target.languages' ORDER BY "parent_id", "order";
  DELETE FROM "announcements_texts" WHERE "path" = 'target.languages';
  DROP TABLE "announcements_texts" CASCADE;`)
}
