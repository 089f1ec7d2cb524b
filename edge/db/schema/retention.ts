import { sql } from 'drizzle-orm'
import { check, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * What remains of residents whose data is deleted: how many, per tenant, local date and reason
 * (`requested` — "delete my data"; `retention` — the tenant's days after they stopped or their
 * last timeline ended; `unconfirmed` — a registration never confirmed). Nothing names anyone.
 */
export const erasures = sqliteTable(
  'erasures',
  {
    tenantSlug: text('tenant_slug').notNull(),
    localDate: text('local_date').notNull(),
    reason: text('reason', { enum: ['requested', 'retention', 'unconfirmed'] }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantSlug, t.localDate, t.reason] }),
    check('erasures_reason', sql`${t.reason} IN ('requested', 'retention', 'unconfirmed')`),
  ],
)
