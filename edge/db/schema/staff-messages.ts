import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { consultations } from './access'
import { timelines } from './residents'

/**
 * A short note from a town's nurse or desk to one household (its timeline), sent to its members as
 * `staff` deliveries. Goes with the household (its timeline) and, after the town's
 * workspace.retention.staffMessageDays, with the daily housekeeping.
 */
export const staffMessages = sqliteTable(
  'staff_messages',
  {
    /** Derived from the town, household, author and the request's id: a retried request is the same message. */
    id: text('id').primaryKey(),
    tenantSlug: text('tenant_slug').notNull(),
    householdId: text('household_id')
      .notNull()
      .references(() => timelines.id, { onDelete: 'cascade' }),
    /** The CMS user who wrote it, her role, and her name as shown to families. */
    authorUser: text('author_user').notNull(),
    authorRole: text('author_role', { enum: ['nurse', 'desk'] }).notNull(),
    authorName: text('author_name').notNull(),
    text: text('text').notNull(),
    /** Set when the message answers a consultation. */
    consultationId: text('consultation_id').references(() => consultations.id, { onDelete: 'set null' }),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('staff_messages_household').on(t.tenantSlug, t.householdId, t.createdAt),
    // The retention sweep: a town's messages older than its limit.
    index('staff_messages_created').on(t.tenantSlug, t.createdAt),
    index('staff_messages_consultation').on(t.consultationId),
  ],
)
