import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_local_support_translations_language" AS ENUM('ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ko', 'tl', 'pt-BR', 'ne', 'id', 'my');
  CREATE TYPE "public"."enum_yorisoi_local_support_priority" AS ENUM('high', 'normal', 'low');
  CREATE TABLE "local_support_translations" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"language" "enum_local_support_translations_language" NOT NULL,
  	"title" varchar NOT NULL,
  	"body" varchar NOT NULL
  );
  
  ALTER TABLE "tenants" ADD COLUMN "entries_per_message" numeric DEFAULT 3 NOT NULL;
  ALTER TABLE "local_support" ADD COLUMN "priority" "enum_yorisoi_local_support_priority" DEFAULT 'normal' NOT NULL;
  ALTER TABLE "local_support_translations" ADD CONSTRAINT "local_support_translations_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."local_support"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "local_support_translations_order_idx" ON "local_support_translations" USING btree ("_order");
  CREATE INDEX "local_support_translations_parent_id_idx" ON "local_support_translations" USING btree ("_parent_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "local_support_translations" CASCADE;
  ALTER TABLE "tenants" DROP COLUMN "entries_per_message";
  ALTER TABLE "local_support" DROP COLUMN "priority";
  DROP TYPE "public"."enum_local_support_translations_language";
  DROP TYPE "public"."enum_yorisoi_local_support_priority";`)
}
