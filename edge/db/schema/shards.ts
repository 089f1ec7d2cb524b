import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Which shard holds each tenant's residents. In the main database only; written by a tenant's
 * first activation (the shard with the fewest tenants) and by the move command — publishing and
 * rolling back never change it. A tenant with no row lives in shard 1 (a deployment from before
 * shards, whose one database is both main and shard 1).
 */
export const tenantShards = sqliteTable('tenant_shards', {
  tenantSlug: text('tenant_slug').primaryKey(),
  shard: integer('shard').notNull(),
  /** While a move is under way, the shard it goes to: the tenant's residents wait until it ends. */
  movingTo: integer('moving_to'),
  moveStartedAt: text('move_started_at'),
  updatedAt: text('updated_at').notNull(),
})

/**
 * In a shard a tenant moved away from: where each of its residents' tokens (hashed as stored)
 * went, so links sent before the move keep working. No resident data, only the hash.
 */
export const linkForwards = sqliteTable('link_forwards', {
  tokenHash: text('token_hash').primaryKey(),
  shard: integer('shard').notNull(),
})
