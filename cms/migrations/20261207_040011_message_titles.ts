import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'
import { fillMessageTitles } from '../db/messageTitles'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "messages" ADD COLUMN "title" varchar;
  ALTER TABLE "_messages_v" ADD COLUMN "version_title" varchar;`)
  // Messages saved before: their title in words, as the setMessageKey hook writes from now on.
  await fillMessageTitles(db)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "messages" DROP COLUMN "title";
  ALTER TABLE "_messages_v" DROP COLUMN "version_title";`)
}
