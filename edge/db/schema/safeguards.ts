import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { subscribers } from './residents'

/**
 * A proved change of channel or address, kept 14 days for the address it replaced: `token_hash` is
 * the SHA-256 of the "this was not me" link sent there, `channel` and `address` what it restores.
 * Used once; an undo spends every other one of the subscriber's.
 */
export const addressChanges = sqliteTable(
  'address_changes',
  {
    tokenHash: text('token_hash').primaryKey(),
    subscriberId: text('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    tenantSlug: text('tenant_slug').notNull(),
    /** The channel and address before the change. */
    channel: text('channel', { enum: ['email', 'sms', 'line'] }).notNull(),
    address: text('address').notNull(),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('address_changes_subscriber').on(t.subscriberId),
    index('address_changes_expiry').on(t.expiresAt),
  ],
)

/**
 * "Delete my data" asked from the manage page, waiting for the resident to confirm it through the
 * link sent to their current address (`token_hash`, valid until `expires_at`) — or, when that
 * could not be delivered, for `delete_after` (7 days on), when the cron deletes unless cancelled.
 * At most one per subscriber.
 */
export const deletionRequests = sqliteTable(
  'deletion_requests',
  {
    subscriberId: text('subscriber_id')
      .primaryKey()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    tenantSlug: text('tenant_slug').notNull(),
    expiresAt: text('expires_at').notNull(),
    deleteAfter: text('delete_after'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('deletion_requests_due').on(t.deleteAfter)],
)
