import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Every switch of the active manifest, publish or rollback, as it happened: written in the same
 * transaction as the switch, never changed afterwards. Pruning keeps the last few manifests named
 * here so a rollback always has somewhere to go.
 */
export const manifestActivations = sqliteTable(
  'manifest_activations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    manifestId: text('manifest_id').notNull(),
    previousManifestId: text('previous_manifest_id'),
    action: text('action', { enum: ['publish', 'rollback'] }).notNull(),
    activatedAt: text('activated_at').notNull(),
    /** The CMS user who asked, as the ingest request named them (staff, never residents). */
    actorId: text('actor_id'),
    actorName: text('actor_name'),
  },
  (t) => [
    index('manifest_activations_manifest').on(t.manifestId),
    check('manifest_activations_action', sql`${t.action} IN ('publish', 'rollback')`),
  ],
)
