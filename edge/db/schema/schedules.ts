import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Whether a tenant's next_send_on values have all been recomputed under its latest program. The
 * reschedule queue marks it unfinished when a publish changes the program and finished when its
 * walk over the tenant ends; while unfinished, the day's run reads everyone, not the due index.
 */
export const tenantSchedules = sqliteTable('tenant_schedules', {
  tenantSlug: text('tenant_slug').primaryKey(),
  /** contentHash of the program the reschedule is for (as tenant_runs.program_hash). */
  programHash: text('program_hash').notNull(),
  /** When the walk over every subscriber under that program ended; null while it is under way. */
  rescheduledAt: text('rescheduled_at'),
  updatedAt: text('updated_at').notNull(),
})
