import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { subscribers } from './residents'

export const verificationPurposes = ['register', 'change', 'decoy'] as const
export type VerificationPurpose = (typeof verificationPurposes)[number]

/**
 * An address waiting to be proved: an SMS code, a LINE linking code or an email link. `id` is the
 * SHA-256 of the random handle in the resident's page URL; codes are kept only as an HMAC under
 * LINK_SECRET. A registration's address replaces nothing; a change replaces the subscriber's
 * address only once verified. A decoy answers a duplicate registration exactly like a real one.
 */
export const verifications = sqliteTable(
  'verifications',
  {
    id: text('id').primaryKey(),
    subscriberId: text('subscriber_id').references(() => subscribers.id, { onDelete: 'cascade' }),
    tenantSlug: text('tenant_slug').notNull(),
    purpose: text('purpose', { enum: verificationPurposes }).notNull(),
    channel: text('channel', { enum: ['email', 'sms', 'line'] }).notNull(),
    /** The address to verify (E.164 or email); for LINE the user id, once linked. */
    address: text('address'),
    codeHash: text('code_hash'),
    /** Wrong codes against the current code. */
    attempts: integer('attempts').notNull().default(0),
    /** Codes sent for this verification (the first and the resends). */
    sends: integer('sends').notNull().default(0),
    sentAt: text('sent_at'),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('verifications_subscriber').on(t.subscriberId),
    index('verifications_code').on(t.tenantSlug, t.channel, t.codeHash),
    check('verifications_purpose', sql`${t.purpose} IN ('register', 'change', 'decoy')`),
    check('verifications_channel', sql`${t.channel} IN ('email', 'sms', 'line')`),
  ],
)

/** Hourly counters for rate limits on codes: scope (what is limited) × hashed key (IP, address). */
export const rateCounters = sqliteTable(
  'rate_counters',
  {
    scope: text('scope').notNull(),
    keyHash: text('key_hash').notNull(),
    window: text('window').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.scope, t.keyHash, t.window] })],
)
