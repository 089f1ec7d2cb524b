import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** A content-addressed part of a snapshot; verified once every chunk landed and the whole hash matched. */
export const snapshotParts = sqliteTable(
  'snapshot_parts',
  {
    hash: text('hash').primaryKey(),
    kind: text('kind', { enum: ['national', 'tenant'] }).notNull(),
    tenantSlug: text('tenant_slug'),
    size: integer('size').notNull(),
    chunkCount: integer('chunk_count').notNull(),
    receivedAt: text('received_at').notNull(),
    verifiedAt: text('verified_at'),
    /**
     * A national part's: SHA-256 (hex, run together) of each message's JSON, all checked against
     * the schema when the part was verified. The next national part checks only messages not among them.
     */
    messageDigests: text('message_digests'),
  },
  (t) => [
    check('snapshot_parts_kind', sql`${t.kind} IN ('national', 'tenant')`),
    check('snapshot_parts_tenant', sql`(${t.kind} = 'tenant') = (${t.tenantSlug} IS NOT NULL)`),
  ],
)

/** Slices of a part's canonical JSON, as they arrived. */
export const snapshotPartChunks = sqliteTable(
  'snapshot_part_chunks',
  {
    partHash: text('part_hash')
      .notNull()
      .references(() => snapshotParts.hash, { onDelete: 'cascade' }),
    index: integer('idx').notNull(),
    chunkHash: text('chunk_hash').notNull(),
    data: text('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.partHash, t.index] })],
)

export const manifests = sqliteTable('manifests', {
  id: text('id').primaryKey(),
  contractVersion: integer('contract_version').notNull(),
  createdAt: text('created_at').notNull(),
  receivedAt: text('received_at').notNull(),
  /** The manifest exactly as received (canonical JSON). */
  body: text('body').notNull(),
  /**
   * SHA-256 of `body`: what an isolate's kept snapshot is checked against, so an id pruned and
   * recorded again with other content is never served from the old copy (null: recorded before it).
   */
  bodyHash: text('body_hash'),
})

export const manifestParts = sqliteTable(
  'manifest_parts',
  {
    manifestId: text('manifest_id')
      .notNull()
      .references(() => manifests.id, { onDelete: 'cascade' }),
    partHash: text('part_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.manifestId, t.partHash] }), index('manifest_parts_part').on(t.partHash)],
)

/** The one row naming the manifest the edge serves; switching is an update of this row. */
export const activeManifest = sqliteTable(
  'active_manifest',
  {
    slot: integer('slot').primaryKey(),
    manifestId: text('manifest_id')
      .notNull()
      .references(() => manifests.id),
    activatedAt: text('activated_at').notNull(),
    previousManifestId: text('previous_manifest_id'),
  },
  (t) => [check('active_manifest_single_row', sql`${t.slot} = 1`)],
)
