import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "desk_forward_counts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" varchar NOT NULL,
  	"tenant_id" integer NOT NULL,
  	"failed" numeric NOT NULL,
  	"pending" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "desk_forward_counts_id" integer;
  ALTER TABLE "desk_forward_counts" ADD CONSTRAINT "desk_forward_counts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "desk_forward_counts_date_idx" ON "desk_forward_counts" USING btree ("date");
  CREATE INDEX "desk_forward_counts_tenant_idx" ON "desk_forward_counts" USING btree ("tenant_id");
  CREATE INDEX "desk_forward_counts_updated_at_idx" ON "desk_forward_counts" USING btree ("updated_at");
  CREATE INDEX "desk_forward_counts_created_at_idx" ON "desk_forward_counts" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_desk_forward_counts_fk" FOREIGN KEY ("desk_forward_counts_id") REFERENCES "public"."desk_forward_counts"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_desk_forward_counts_id_idx" ON "payload_locked_documents_rels" USING btree ("desk_forward_counts_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "desk_forward_counts" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "desk_forward_counts" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_desk_forward_counts_fk";
  
  DROP INDEX "payload_locked_documents_rels_desk_forward_counts_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "desk_forward_counts_id";`)
}
