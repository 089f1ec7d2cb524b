import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { deliveries } from './deliveries'
import { subscribers } from './residents'

/**
 * A task line placed in one delivery: the first offer (reminder 0) or a reminder. One row per
 * delivery at most (a message carries one task line), so the delivery path's writes stay within
 * budget; its "done" link is derived from the delivery, like a survey's.
 */
export const taskOffers = sqliteTable(
  'task_offers',
  {
    deliveryId: text('delivery_id')
      .primaryKey()
      .references(() => deliveries.id, { onDelete: 'cascade' }),
    subscriberId: text('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    tenantSlug: text('tenant_slug').notNull(),
    taskId: text('task_id').notNull(),
    taskVersion: integer('task_version').notNull(),
    reminder: integer('reminder').notNull(),
    localDate: text('local_date').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('task_offers_subscriber').on(t.subscriberId, t.taskId),
    // The town's counts per task (staff API) read a tenant's offers without naming residents.
    index('task_offers_tenant').on(t.tenantSlug, t.taskId),
  ],
)

/** A task a resident has done, and who said so; once done, no reminder follows. */
export const taskDone = sqliteTable(
  'task_done',
  {
    subscriberId: text('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    taskId: text('task_id').notNull(),
    tenantSlug: text('tenant_slug').notNull(),
    /** The tenant's local date it was marked done: the day it is counted on. */
    doneOn: text('done_on').notNull(),
    doneBy: text('done_by', { enum: ['resident', 'survey', 'staff'] }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.subscriberId, t.taskId] }),
    index('task_done_tenant').on(t.tenantSlug, t.taskId),
    check('task_done_by', sql`${t.doneBy} IN ('resident', 'survey', 'staff')`),
  ],
)
