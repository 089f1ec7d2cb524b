import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "messages_texts_parent_idx" ON "messages_texts" USING btree ("parent_id");
  CREATE INDEX "_messages_v_texts_parent_idx" ON "_messages_v_texts" USING btree ("parent_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "messages_texts_parent_idx";
  DROP INDEX "_messages_v_texts_parent_idx";`)
}
