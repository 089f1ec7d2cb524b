import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "undecided_ages" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" varchar NOT NULL,
  	"tenant_id" integer NOT NULL,
  	"flagged_delivery_days" numeric,
  	"desk_forward_days" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "undecided_ages_id" integer;
  ALTER TABLE "undecided_ages" ADD CONSTRAINT "undecided_ages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "undecided_ages_date_idx" ON "undecided_ages" USING btree ("date");
  CREATE INDEX "undecided_ages_tenant_idx" ON "undecided_ages" USING btree ("tenant_id");
  CREATE INDEX "undecided_ages_updated_at_idx" ON "undecided_ages" USING btree ("updated_at");
  CREATE INDEX "undecided_ages_created_at_idx" ON "undecided_ages" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_undecided_ages_fk" FOREIGN KEY ("undecided_ages_id") REFERENCES "public"."undecided_ages"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_undecided_ages_id_idx" ON "payload_locked_documents_rels" USING btree ("undecided_ages_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "undecided_ages" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "undecided_ages" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_undecided_ages_fk";
  
  DROP INDEX "payload_locked_documents_rels_undecided_ages_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "undecided_ages_id";`)
}
