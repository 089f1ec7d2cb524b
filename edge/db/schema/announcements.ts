import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * What the edge knows of each announcement of a town: whether its send started, ended or was
 * cancelled. Kept here, not in the snapshot, so a rollback to a manifest that still carries an
 * announcement never sends it again nor revives a cancelled one.
 */
export const announcementRuns = sqliteTable(
  'announcement_runs',
  {
    tenantSlug: text('tenant_slug').notNull(),
    announcementId: text('announcement_id').notNull(),
    /** The version the walk started with (a later edit of a sent announcement is not sent again). */
    version: integer('version').notNull(),
    /** The manifest the walk composes from, as a daily run's batches do. */
    manifestId: text('manifest_id'),
    state: text('state', { enum: ['sending', 'sent', 'cancelled'] }).notNull(),
    urgent: integer('urgent', { mode: 'boolean' }).notNull().default(false),
    /** The walk's position: the last subscriber rowid it enqueued; null once the walk is over. */
    cursor: integer('cursor'),
    /** Recipients enqueued so far. */
    recipients: integer('recipients').notNull().default(0),
    startedAt: text('started_at'),
    walkedAt: text('walked_at'),
    finishedAt: text('finished_at'),
    cancelledAt: text('cancelled_at'),
    /** The CMS user who cancelled it (an id, never a name). */
    cancelledBy: text('cancelled_by'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantSlug, t.announcementId] }),
    // The tick's question: which runs are still sending.
    index('announcement_runs_sending').on(t.state).where(sql`${t.state} = 'sending'`),
    check('announcement_runs_state', sql`${t.state} IN ('sending', 'sent', 'cancelled')`),
  ],
)
