import { sql } from 'drizzle-orm'
import { check, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Deliveries rolled up per local date × tenant × kind × slot × channel × outcome (the contract's
 * deliveryCount), written in the same transaction that prunes the raw rows they count, so each
 * delivery is counted exactly once. A delivery bundling several slots counts under each. The texts
 * a town pays for outside any delivery row (SMS codes, confirm links, notices to an address's owner,
 * undo and deletion notices) are counted here as they go, as SMS confirmations with their segments
 * (channels/texts-without-row.ts).
 */
export const deliveryCounts = sqliteTable(
  'delivery_counts',
  {
    localDate: text('local_date').notNull(),
    tenantSlug: text('tenant_slug').notNull(),
    kind: text('kind', { enum: ['program', 'confirmation', 'announcement'] }).notNull(),
    /** The program slot; '' for confirmations and announcements (a key column cannot be NULL here). */
    slot: text('slot').notNull(),
    channel: text('channel', { enum: ['email', 'sms', 'line'] }).notNull(),
    outcome: text('outcome', { enum: ['sent', 'failed-transient', 'failed-permanent', 'unknown'] }).notNull(),
    count: integer('count').notNull(),
    /** SMS segments of the texts counted as they went; 0 for rolled-up deliveries (not kept). */
    smsSegments: integer('sms_segments').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantSlug, t.localDate, t.kind, t.slot, t.channel, t.outcome] })],
)

/**
 * Where pruning's walk over this shard's subscribers stands (delivery/prune.ts): one row, the rowid
 * of the last subscriber walked (0: from the start), so each cron tick takes up the next slice.
 */
export const deliveryPruneCursor = sqliteTable(
  'delivery_prune_cursor',
  {
    id: integer('id').primaryKey(),
    after: integer('after').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [check('delivery_prune_cursor_one', sql`${t.id} = 1`)],
)
