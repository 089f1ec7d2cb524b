import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { deliveries } from './deliveries'

/**
 * What a person decided about a flagged delivery, and what came of it: `was-sent` (they know it
 * arrived; the delivery is marked sent) or `send-again` (they know it did not; sent once more
 * through the tenant's adapter, `outcome` its end state — `flagged` again if that too is in doubt).
 * Goes with its delivery when the raw rows are pruned or the resident's data deleted.
 */
export const deliveryResolutions = sqliteTable(
  'delivery_resolutions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => deliveries.id, { onDelete: 'cascade' }),
    tenantSlug: text('tenant_slug').notNull(),
    /** The delivery's local date: resolutions are counted per tenant and that day. */
    localDate: text('local_date').notNull(),
    decision: text('decision', { enum: ['was-sent', 'send-again'] }).notNull(),
    outcome: text('outcome', { enum: ['sent', 'failed-permanent', 'flagged'] }).notNull(),
    /** Who decided, as the operator gave it (a name or role, never a resident's data). */
    actor: text('actor'),
    error: text('error'),
    resolvedAt: text('resolved_at').notNull(),
  },
  (t) => [
    index('delivery_resolutions_delivery').on(t.deliveryId),
    index('delivery_resolutions_tenant_date').on(t.tenantSlug, t.localDate),
    check('delivery_resolutions_decision', sql`${t.decision} IN ('was-sent', 'send-again')`),
    check('delivery_resolutions_outcome', sql`${t.outcome} IN ('sent', 'failed-permanent', 'flagged')`),
  ],
)
