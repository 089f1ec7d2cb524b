// Languages from shared/languages: zh and pt become zh-Hans and pt-BR (rows keep their language).
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "tenants_languages" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_tenants_languages";
  CREATE TYPE "public"."enum_tenants_languages" AS ENUM('ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ko', 'tl', 'pt-BR', 'ne', 'id', 'my');
  ALTER TABLE "tenants_languages" ALTER COLUMN "value" SET DATA TYPE "public"."enum_tenants_languages" USING (CASE "value" WHEN 'zh' THEN 'zh-Hans' WHEN 'pt' THEN 'pt-BR' ELSE "value" END)::"public"."enum_tenants_languages";
  ALTER TABLE "tenants_language_fallback" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_tenants_language_fallback";
  CREATE TYPE "public"."enum_tenants_language_fallback" AS ENUM('ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ko', 'tl', 'pt-BR', 'ne', 'id', 'my');
  ALTER TABLE "tenants_language_fallback" ALTER COLUMN "value" SET DATA TYPE "public"."enum_tenants_language_fallback" USING (CASE "value" WHEN 'zh' THEN 'zh-Hans' WHEN 'pt' THEN 'pt-BR' ELSE "value" END)::"public"."enum_tenants_language_fallback";
  ALTER TABLE "messages" ALTER COLUMN "language" SET DATA TYPE text;
  ALTER TABLE "messages" ALTER COLUMN "language" SET DEFAULT 'ja'::text;
  DROP TYPE "public"."enum_messages_language";
  CREATE TYPE "public"."enum_messages_language" AS ENUM('ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ko', 'tl', 'pt-BR', 'ne', 'id', 'my');
  ALTER TABLE "messages" ALTER COLUMN "language" SET DEFAULT 'ja'::"public"."enum_messages_language";
  ALTER TABLE "messages" ALTER COLUMN "language" SET DATA TYPE "public"."enum_messages_language" USING (CASE "language" WHEN 'zh' THEN 'zh-Hans' WHEN 'pt' THEN 'pt-BR' ELSE "language" END)::"public"."enum_messages_language";
  ALTER TABLE "_messages_v" ALTER COLUMN "version_language" SET DATA TYPE text;
  ALTER TABLE "_messages_v" ALTER COLUMN "version_language" SET DEFAULT 'ja'::text;
  DROP TYPE "public"."enum__messages_v_version_language";
  CREATE TYPE "public"."enum__messages_v_version_language" AS ENUM('ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ko', 'tl', 'pt-BR', 'ne', 'id', 'my');
  ALTER TABLE "_messages_v" ALTER COLUMN "version_language" SET DEFAULT 'ja'::"public"."enum__messages_v_version_language";
  ALTER TABLE "_messages_v" ALTER COLUMN "version_language" SET DATA TYPE "public"."enum__messages_v_version_language" USING (CASE "version_language" WHEN 'zh' THEN 'zh-Hans' WHEN 'pt' THEN 'pt-BR' ELSE "version_language" END)::"public"."enum__messages_v_version_language";
  ALTER TABLE "local_support" ALTER COLUMN "language" SET DATA TYPE text;
  ALTER TABLE "local_support" ALTER COLUMN "language" SET DEFAULT 'ja'::text;
  DROP TYPE "public"."enum_local_support_language";
  CREATE TYPE "public"."enum_local_support_language" AS ENUM('ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ko', 'tl', 'pt-BR', 'ne', 'id', 'my');
  ALTER TABLE "local_support" ALTER COLUMN "language" SET DEFAULT 'ja'::"public"."enum_local_support_language";
  ALTER TABLE "local_support" ALTER COLUMN "language" SET DATA TYPE "public"."enum_local_support_language" USING (CASE "language" WHEN 'zh' THEN 'zh-Hans' WHEN 'pt' THEN 'pt-BR' ELSE "language" END)::"public"."enum_local_support_language";
  ALTER TABLE "surveys" ALTER COLUMN "language" SET DATA TYPE text;
  ALTER TABLE "surveys" ALTER COLUMN "language" SET DEFAULT 'ja'::text;
  DROP TYPE "public"."enum_surveys_language";
  CREATE TYPE "public"."enum_surveys_language" AS ENUM('ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ko', 'tl', 'pt-BR', 'ne', 'id', 'my');
  ALTER TABLE "surveys" ALTER COLUMN "language" SET DEFAULT 'ja'::"public"."enum_surveys_language";
  ALTER TABLE "surveys" ALTER COLUMN "language" SET DATA TYPE "public"."enum_surveys_language" USING (CASE "language" WHEN 'zh' THEN 'zh-Hans' WHEN 'pt' THEN 'pt-BR' ELSE "language" END)::"public"."enum_surveys_language";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "tenants_languages" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_tenants_languages";
  CREATE TYPE "public"."enum_tenants_languages" AS ENUM('ja', 'en', 'zh', 'ko', 'vi', 'pt', 'tl', 'ne', 'id');
  ALTER TABLE "tenants_languages" ALTER COLUMN "value" SET DATA TYPE "public"."enum_tenants_languages" USING (CASE "value" WHEN 'zh-Hans' THEN 'zh' WHEN 'pt-BR' THEN 'pt' WHEN 'ja-x-easy' THEN 'ja' ELSE "value" END)::"public"."enum_tenants_languages";
  ALTER TABLE "tenants_language_fallback" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_tenants_language_fallback";
  CREATE TYPE "public"."enum_tenants_language_fallback" AS ENUM('ja', 'en', 'zh', 'ko', 'vi', 'pt', 'tl', 'ne', 'id');
  ALTER TABLE "tenants_language_fallback" ALTER COLUMN "value" SET DATA TYPE "public"."enum_tenants_language_fallback" USING (CASE "value" WHEN 'zh-Hans' THEN 'zh' WHEN 'pt-BR' THEN 'pt' WHEN 'ja-x-easy' THEN 'ja' ELSE "value" END)::"public"."enum_tenants_language_fallback";
  ALTER TABLE "messages" ALTER COLUMN "language" SET DATA TYPE text;
  ALTER TABLE "messages" ALTER COLUMN "language" SET DEFAULT 'ja'::text;
  DROP TYPE "public"."enum_messages_language";
  CREATE TYPE "public"."enum_messages_language" AS ENUM('ja', 'en', 'zh', 'ko', 'vi', 'pt', 'tl', 'ne', 'id');
  ALTER TABLE "messages" ALTER COLUMN "language" SET DEFAULT 'ja'::"public"."enum_messages_language";
  ALTER TABLE "messages" ALTER COLUMN "language" SET DATA TYPE "public"."enum_messages_language" USING (CASE "language" WHEN 'zh-Hans' THEN 'zh' WHEN 'pt-BR' THEN 'pt' WHEN 'ja-x-easy' THEN 'ja' ELSE "language" END)::"public"."enum_messages_language";
  ALTER TABLE "_messages_v" ALTER COLUMN "version_language" SET DATA TYPE text;
  ALTER TABLE "_messages_v" ALTER COLUMN "version_language" SET DEFAULT 'ja'::text;
  DROP TYPE "public"."enum__messages_v_version_language";
  CREATE TYPE "public"."enum__messages_v_version_language" AS ENUM('ja', 'en', 'zh', 'ko', 'vi', 'pt', 'tl', 'ne', 'id');
  ALTER TABLE "_messages_v" ALTER COLUMN "version_language" SET DEFAULT 'ja'::"public"."enum__messages_v_version_language";
  ALTER TABLE "_messages_v" ALTER COLUMN "version_language" SET DATA TYPE "public"."enum__messages_v_version_language" USING (CASE "version_language" WHEN 'zh-Hans' THEN 'zh' WHEN 'pt-BR' THEN 'pt' WHEN 'ja-x-easy' THEN 'ja' ELSE "version_language" END)::"public"."enum__messages_v_version_language";
  ALTER TABLE "local_support" ALTER COLUMN "language" SET DATA TYPE text;
  ALTER TABLE "local_support" ALTER COLUMN "language" SET DEFAULT 'ja'::text;
  DROP TYPE "public"."enum_local_support_language";
  CREATE TYPE "public"."enum_local_support_language" AS ENUM('ja', 'en', 'zh', 'ko', 'vi', 'pt', 'tl', 'ne', 'id');
  ALTER TABLE "local_support" ALTER COLUMN "language" SET DEFAULT 'ja'::"public"."enum_local_support_language";
  ALTER TABLE "local_support" ALTER COLUMN "language" SET DATA TYPE "public"."enum_local_support_language" USING (CASE "language" WHEN 'zh-Hans' THEN 'zh' WHEN 'pt-BR' THEN 'pt' WHEN 'ja-x-easy' THEN 'ja' ELSE "language" END)::"public"."enum_local_support_language";
  ALTER TABLE "surveys" ALTER COLUMN "language" SET DATA TYPE text;
  ALTER TABLE "surveys" ALTER COLUMN "language" SET DEFAULT 'ja'::text;
  DROP TYPE "public"."enum_surveys_language";
  CREATE TYPE "public"."enum_surveys_language" AS ENUM('ja', 'en', 'zh', 'ko', 'vi', 'pt', 'tl', 'ne', 'id');
  ALTER TABLE "surveys" ALTER COLUMN "language" SET DEFAULT 'ja'::"public"."enum_surveys_language";
  ALTER TABLE "surveys" ALTER COLUMN "language" SET DATA TYPE "public"."enum_surveys_language" USING (CASE "language" WHEN 'zh-Hans' THEN 'zh' WHEN 'pt-BR' THEN 'pt' WHEN 'ja-x-easy' THEN 'ja' ELSE "language" END)::"public"."enum_surveys_language";`)
}
