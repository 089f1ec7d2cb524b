import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "sample_count_days" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" varchar NOT NULL,
  	"tenant_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sample_count_days_id" integer;
  ALTER TABLE "sample_count_days" ADD CONSTRAINT "sample_count_days_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "sample_count_days_date_idx" ON "sample_count_days" USING btree ("date");
  CREATE INDEX "sample_count_days_tenant_idx" ON "sample_count_days" USING btree ("tenant_id");
  CREATE INDEX "sample_count_days_updated_at_idx" ON "sample_count_days" USING btree ("updated_at");
  CREATE INDEX "sample_count_days_created_at_idx" ON "sample_count_days" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sample_count_days_fk" FOREIGN KEY ("sample_count_days_id") REFERENCES "public"."sample_count_days"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_sample_count_days_id_idx" ON "payload_locked_documents_rels" USING btree ("sample_count_days_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "sample_count_days" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "sample_count_days" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sample_count_days_fk";
  
  DROP INDEX "payload_locked_documents_rels_sample_count_days_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sample_count_days_id";`)
}
