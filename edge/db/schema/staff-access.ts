import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * The staff API's access log: who read what of a town, when and why. Only opaque ids and codes —
 * never a nickname, address or text — so it is kept when a resident's data is erased.
 */
export const staffAccessLog = sqliteTable(
  'staff_access_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenantSlug: text('tenant_slug').notNull(),
    staffUser: text('staff_user').notNull(),
    role: text('role').notNull(),
    /** shared/contract staffAction: checked by the code that writes, so a new action needs no table rebuild. */
    action: text('action').notNull(),
    /** The household's opaque id (its timeline id); null for a list. */
    householdId: text('household_id'),
    /** The list's filter as its query codes (e.g. `stage=child`), never free text. */
    filter: text('filter'),
    count: integer('count').notNull(),
    reason: text('reason'),
    at: text('at').notNull(),
  },
  (t) => [
    index('staff_access_log_tenant').on(t.tenantSlug, t.id),
    // A family's page shows that family's log.
    index('staff_access_log_household').on(t.householdId, t.id),
  ],
)
