import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * A tenant's provider credentials (API keys, channel secrets), AES-GCM encrypted under a Worker
 * secret. Never part of a snapshot: the CMS sends them once, the edge alone can read them.
 */
export const tenantSecrets = sqliteTable(
  'tenant_secrets',
  {
    tenantSlug: text('tenant_slug').notNull(),
    name: text('name').notNull(),
    /** base64 of the ciphertext with its tag. */
    ciphertext: text('ciphertext').notNull(),
    /** base64 of the 12-byte nonce. */
    iv: text('iv').notNull(),
    /** Which generation of the Worker secret encrypted it, for rotation. */
    keyVersion: integer('key_version').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantSlug, t.name] })],
)
