import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { subscribers } from './residents'

/**
 * One tenant's daily delivery run: claimed by one cron tick at a time (a lease), it reads, chunk by chunk,
 * the due subscribers (or everyone, see `pass`) from `cursor` and enqueues them; the whole run composes from `manifest_id`,
 * the manifest active when it started. `enqueued` once every chunk is on the queue.
 */
export const tenantRuns = sqliteTable(
  'tenant_runs',
  {
    tenantSlug: text('tenant_slug').notNull(),
    localDate: text('local_date').notNull(),
    manifestId: text('manifest_id').notNull(),
    /** contentHash of the tenant's program in that manifest; null for runs from before it was kept. */
    programHash: text('program_hash'),
    /** `due` reads the due subscribers; `all` everyone, the first run after the program changed. */
    pass: text('pass', { enum: ['due', 'all'] })
      .notNull()
      .default('due'),
    state: text('state', { enum: ['enqueuing', 'enqueued'] })
      .notNull()
      .default('enqueuing'),
    /** `next_send_on|rowid` (pass `all`: the rowid) of the last subscriber enqueued; null before the first chunk. */
    cursor: text('cursor'),
    /** The tick holding the run, until `lease_until`; an overlapping tick leaves it alone. */
    leaseHolder: text('lease_holder').notNull(),
    leaseUntil: text('lease_until').notNull(),
    enqueued: integer('enqueued').notNull().default(0),
    batches: integer('batches').notNull().default(0),
    sent: integer('sent').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    flagged: integer('flagged').notNull().default(0),
    startedAt: text('started_at').notNull(),
    enqueuedAt: text('enqueued_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantSlug, t.localDate] }),
    check('tenant_runs_state', sql`${t.state} IN ('enqueuing', 'enqueued')`),
  ],
)

/** A delivery batch that exhausted its retries, kept where a person can see it. */
export const deadLetters = sqliteTable(
  'dead_letters',
  {
    id: text('id').primaryKey(),
    queue: text('queue').notNull(),
    tenantSlug: text('tenant_slug'),
    localDate: text('local_date'),
    manifestId: text('manifest_id'),
    /** The queue message body as JSON (subscriber ids only, no resident data). */
    body: text('body').notNull(),
    attempts: integer('attempts').notNull(),
    receivedAt: text('received_at').notNull(),
  },
  (t) => [index('dead_letters_tenant_date').on(t.tenantSlug, t.localDate)],
)

/** Days on which a subscriber's program message failed; at most one count per local date. */
export const deliveryFailures = sqliteTable('delivery_failures', {
  subscriberId: text('subscriber_id')
    .primaryKey()
    .references(() => subscribers.id, { onDelete: 'cascade' }),
  days: integer('days').notNull(),
  lastFailedOn: text('last_failed_on').notNull(),
  lastError: text('last_error'),
})

/**
 * An address a provider told one tenant not to use again (bounce, complaint, unfollow, invalid
 * number): per tenant, since each town sends through its own provider account.
 */
export const suppressions = sqliteTable(
  'suppressions',
  {
    tenantSlug: text('tenant_slug').notNull(),
    channel: text('channel', { enum: ['email', 'sms', 'line'] }).notNull(),
    address: text('address').notNull(),
    reason: text('reason').notNull(),
    /** The provider event that caused it (e.g. the Svix message id), for audit. */
    eventId: text('event_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantSlug, t.channel, t.address] })],
)
