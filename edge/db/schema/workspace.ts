import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

/**
 * The nurse (保健師) a town assigned to a household (its timeline id), as she chose to be shown to
 * the family. Kept at the edge with the household and erased with it. `toldAt` is null until the
 * family's next message has told them of a new nurse.
 */
export const householdNurses = sqliteTable(
  'household_nurses',
  {
    householdId: text('household_id').primaryKey(),
    tenantSlug: text('tenant_slug').notNull(),
    /** The CMS user id of the nurse. */
    nurseUser: text('nurse_user').notNull(),
    /** Her name as shown to families, and how to reach her; empty when she set none. */
    nurseName: text('nurse_name').notNull(),
    nurseContact: text('nurse_contact'),
    /** Where the workspace's notices for this family reach her (a loss report, a consultation). */
    nurseEmail: text('nurse_email'),
    assignedBy: text('assigned_by').notNull(),
    assignedAt: text('assigned_at').notNull(),
    toldAt: text('told_at'),
  },
  (t) => [index('household_nurses_nurse').on(t.tenantSlug, t.nurseUser)],
)

/** The town's own reference for a household (e.g. its 母子健康手帳 number), attached by staff. */
export const householdReferences = sqliteTable(
  'household_references',
  {
    householdId: text('household_id').primaryKey(),
    tenantSlug: text('tenant_slug').notNull(),
    reference: text('reference').notNull(),
    setBy: text('set_by').notNull(),
    setAt: text('set_at').notNull(),
  },
  (t) => [uniqueIndex('household_references_reference').on(t.tenantSlug, t.reference)],
)
