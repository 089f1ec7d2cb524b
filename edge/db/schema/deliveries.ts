import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { subscribers } from './residents'

/**
 * One send to one subscriber on one local date of one kind. The unique key is what makes a
 * resident never get the same day twice: a delivery is claimed (inserted) before it is sent.
 */
export const deliveries = sqliteTable(
  'deliveries',
  {
    id: text('id').primaryKey(),
    subscriberId: text('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    tenantSlug: text('tenant_slug').notNull(),
    localDate: text('local_date').notNull(),
    kind: text('kind', { enum: ['program', 'confirmation', 'announcement'] }).notNull(),
    /** The manifest whose content was composed. */
    manifestId: text('manifest_id'),
    /** JSON array of slot keys, e.g. ["pregnancy/196"]; several when timelines are bundled. */
    slots: text('slots').notNull().default('[]'),
    channel: text('channel', { enum: ['email', 'sms', 'line'] }).notNull(),
    state: text('state', {
      enum: ['claimed', 'sending', 'sent', 'failed-transient', 'failed-permanent', 'unknown', 'flagged'],
    })
      .notNull()
      .default('claimed'),
    idempotencyKey: text('idempotency_key').notNull(),
    providerMessageId: text('provider_message_id'),
    attempts: integer('attempts').notNull().default(0),
    smsSegments: integer('sms_segments'),
    error: text('error'),
    /** SHA-256 of the message page token (/m/{token}); the token itself is derived, never stored. */
    pageTokenHash: text('page_token_hash'),
    /** When the message page was first opened, and how often. */
    openedAt: text('opened_at'),
    openCount: integer('open_count').notNull().default(0),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('deliveries_page_token').on(t.pageTokenHash),
    uniqueIndex('deliveries_once_a_day').on(t.subscriberId, t.localDate, t.kind),
    uniqueIndex('deliveries_idempotency_key').on(t.idempotencyKey),
    index('deliveries_tenant_date').on(t.tenantSlug, t.localDate),
    // A provider's delivery report names the message by the id the send answered with (Karaden).
    index('deliveries_provider_message')
      .on(t.providerMessageId)
      .where(sql`${t.providerMessageId} IS NOT NULL`),
    // The flagged deliveries a person must decide about, per tenant: few rows, found without a scan.
    index('deliveries_flagged').on(t.tenantSlug, t.localDate).where(sql`${t.state} = 'flagged'`),
    // Pruning asks whether a manifest still has message pages within their lifetime.
    index('deliveries_manifest').on(t.manifestId, t.createdAt),
    check('deliveries_kind', sql`${t.kind} IN ('program', 'confirmation', 'announcement')`),
    check(
      'deliveries_state',
      sql`${t.state} IN ('claimed', 'sending', 'sent', 'failed-transient', 'failed-permanent', 'unknown', 'flagged')`,
    ),
  ],
)

/** Clicks through a message page's redirect (/m/{token}/go/{n}), per delivery and link. */
export const deliveryClicks = sqliteTable(
  'delivery_clicks',
  {
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => deliveries.id, { onDelete: 'cascade' }),
    link: integer('link').notNull(),
    count: integer('count').notNull().default(0),
    firstAt: text('first_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.deliveryId, t.link] })],
)

/**
 * Messages "sent" through the local outbox adapter, for people to read at /outbox. Each names the
 * subscriber it was for or about (a desk forward names the resident who consulted), so it goes
 * with their data; null when nobody could be told (a code to an address no one holds).
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    idempotencyKey: text('idempotency_key').notNull(),
    tenantSlug: text('tenant_slug').notNull(),
    subscriberId: text('subscriber_id').references(() => subscribers.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: ['email', 'sms', 'line'] }).notNull(),
    recipient: text('recipient').notNull(),
    /** Email only: who had a copy (a consultation to a nurse copies the desk), comma-separated. */
    cc: text('cc'),
    subject: text('subject'),
    text: text('text').notNull(),
    html: text('html'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('outbox_idempotency_key').on(t.idempotencyKey),
    index('outbox_created').on(t.createdAt),
    index('outbox_subscriber').on(t.subscriberId),
  ],
)
