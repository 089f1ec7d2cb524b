import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { subscribers } from './residents'
import { staffMessages } from './staff-messages'

/**
 * program, confirmation: one a subscriber a local date. staff: one a subscriber a staff message (a
 * nurse may write twice a day). announcement: one a subscriber an announcement.
 */
export const deliveryKinds = ['program', 'confirmation', 'announcement', 'staff'] as const

/**
 * One send to one subscriber of one kind: a program message or confirmation once a local date, a
 * staff message once a subscriber. The unique keys are what make a resident never get the same
 * thing twice: a delivery is claimed (inserted) before it is sent.
 *
 * A program delivery's id is the SHA-256 of its message page token (delivery/links.ts), so /m/{token}
 * finds it by its primary key and the claim writes no page index entry; the provider's key is
 * idempotency_key. WITHOUT ROWID (migrations/0037, drizzle cannot say so): the row and its primary
 * key are one entry, one row written.
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
    kind: text('kind', { enum: deliveryKinds }).notNull(),
    /** The staff message a `staff` delivery sends (null for every other kind). */
    staffMessageId: text('staff_message_id').references(() => staffMessages.id, { onDelete: 'cascade' }),
    /** The announcement an `announcement` delivery sends (its id in the tenant part; null for every other kind). */
    announcementId: text('announcement_id'),
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
    /**
     * SHA-256 of a page token (/m/{token}, an announcement's /n/) that is not the id: an
     * announcement's, or a program delivery's link made under another LINK_SECRET than its id (a
     * take-over after a rotation, a "send again"). Null for a program delivery's own page: its id.
     * The token itself is derived, never stored.
     */
    pageTokenHash: text('page_token_hash'),
    /** When the message page was first opened, and how often. */
    openedAt: text('opened_at'),
    openCount: integer('open_count').notNull().default(0),
    /**
     * A random mark of the statement that last claimed the row or wrote its outcome: a consumer
     * tells the rows it wrote from others' by it, instead of a RETURNING that reads each row again.
     */
    claim: text('claim'),
    /**
     * The survey line a program delivery carried (its link is /q/ with the message page's own
     * segment), written by the claim's INSERT: the survey, its version, and 0 for the first
     * invitation or the reminder's number. Null: no survey line.
     */
    surveyId: text('survey_id'),
    surveyVersion: integer('survey_version'),
    surveyReminder: integer('survey_reminder'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('deliveries_page_token').on(t.pageTokenHash).where(sql`${t.pageTokenHash} IS NOT NULL`),
    // Every index entry is a row written per delivery (D1's billing unit), so one index is both the
    // daily uniqueness and a subscriber's deliveries by date, whatever their kind: once a local
    // date for a program message or a confirmation; a staff message or an announcement is told
    // apart by its own id (each unique per subscriber below). Not partial, so SQLite's foreign key
    // (the cascade when a subscriber is erased), a family's last 8 weeks and the families list's
    // last-opened and failing sends read through it; so do pruning and the reports (a tenant's
    // residents, then each one's days), which is why no (tenant, date) index is kept.
    uniqueIndex('deliveries_subscriber_day').on(
      t.subscriberId,
      t.localDate,
      t.kind,
      sql`coalesce("staff_message_id", "announcement_id", '')`,
    ),
    // Staff message first: a staff message's deletion finds its deliveries through it.
    uniqueIndex('deliveries_staff_message')
      .on(t.staffMessageId, t.subscriberId)
      .where(sql`${t.staffMessageId} IS NOT NULL`),
    uniqueIndex('deliveries_announcement')
      .on(t.announcementId, t.subscriberId)
      .where(sql`${t.announcementId} IS NOT NULL`),
    // A staff message's or an announcement's id is its idempotency key (channels/key.ts), which the
    // primary key keeps unique; a program delivery's key is unique by deliveries_subscriber_day (it
    // is made of the subscriber, the date and the kind); a confirmation's random id comes with a
    // key of its own.
    uniqueIndex('deliveries_idempotency_key').on(t.idempotencyKey).where(sql`${t.kind} = 'confirmation'`),
    // A provider's delivery report names the message by the id the send answered with (Karaden).
    index('deliveries_provider_message')
      .on(t.providerMessageId)
      .where(sql`${t.providerMessageId} IS NOT NULL`),
    // The flagged deliveries a person must decide about, per tenant: few rows, found without a scan.
    index('deliveries_flagged').on(t.tenantSlug, t.localDate).where(sql`${t.state} = 'flagged'`),
    // A subscriber's survey history (offers of each survey, the last one's date): one entry only
    // for a delivery that carried a survey line.
    index('deliveries_survey').on(t.subscriberId, t.surveyId).where(sql`${t.surveyId} IS NOT NULL`),
    check('deliveries_kind', sql`${t.kind} IN ('program', 'confirmation', 'announcement', 'staff')`),
    check('deliveries_staff_message', sql`(${t.kind} = 'staff') = (${t.staffMessageId} IS NOT NULL)`),
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
