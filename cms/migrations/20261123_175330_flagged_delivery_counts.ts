import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "flagged_delivery_counts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" varchar NOT NULL,
  	"tenant_id" integer NOT NULL,
  	"open" numeric NOT NULL,
  	"resolved" numeric NOT NULL,
  	"dead_letters" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "flagged_delivery_counts_id" integer;
  ALTER TABLE "flagged_delivery_counts" ADD CONSTRAINT "flagged_delivery_counts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "flagged_delivery_counts_date_idx" ON "flagged_delivery_counts" USING btree ("date");
  CREATE INDEX "flagged_delivery_counts_tenant_idx" ON "flagged_delivery_counts" USING btree ("tenant_id");
  CREATE INDEX "flagged_delivery_counts_updated_at_idx" ON "flagged_delivery_counts" USING btree ("updated_at");
  CREATE INDEX "flagged_delivery_counts_created_at_idx" ON "flagged_delivery_counts" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_flagged_delivery_counts_fk" FOREIGN KEY ("flagged_delivery_counts_id") REFERENCES "public"."flagged_delivery_counts"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_flagged_delivery_counts_id_idx" ON "payload_locked_documents_rels" USING btree ("flagged_delivery_counts_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "flagged_delivery_counts" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "flagged_delivery_counts" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_flagged_delivery_counts_fk";
  
  DROP INDEX "payload_locked_documents_rels_flagged_delivery_counts_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "flagged_delivery_counts_id";`)
}
