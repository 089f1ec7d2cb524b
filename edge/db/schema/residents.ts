import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

/** One resident in one tenant. */
export const subscribers = sqliteTable(
  'subscribers',
  {
    id: text('id').primaryKey(),
    tenantSlug: text('tenant_slug').notNull(),
    nickname: text('nickname').notNull(),
    audience: text('audience', { enum: ['primary', 'partner', 'family'] }).notNull(),
    language: text('language').notNull(),
    channel: text('channel', { enum: ['email', 'sms', 'line'] }).notNull(),
    /** Email address, phone number (E.164) or LINE user id. */
    address: text('address').notNull(),
    addressVerifiedAt: text('address_verified_at'),
    state: text('state', { enum: ['pending', 'active', 'paused', 'stopped'] })
      .notNull()
      .default('pending'),
    pausedUntil: text('paused_until'),
    stateReason: text('state_reason'),
    /** When the resident last stopped, and the reason they chose on the stop page (null: none given). */
    stoppedAt: text('stopped_at'),
    stopReason: text('stop_reason'),
    /** Local date of the next program send (shared/program nextSendOn); null when none is due. */
    nextSendOn: text('next_send_on'),
    /**
     * When nothing more was due for them (stopped, never confirmed, every timeline ended, or paused
     * with no end date — a provider's bounce, complaint, unfollow or repeated failures), as the
     * retention sweep first saw it; cleared when something is due again. Deletion counts from it.
     */
    inactiveSince: text('inactive_since'),
    /**
     * How many times the resident asked for a new manage link: part of the manage token's HMAC
     * input (resident/link-tokens.ts), so raising it gives a new link; the earlier ones' rows are
     * marked used and open nothing. Stop links do not depend on it.
     */
    manageGeneration: integer('manage_generation').notNull().default(0),
    /**
     * Under which LINK_SECRET and manage generation this resident's manage and stop tokens were last
     * stored by a delivery (resident/link-tokens.ts standingLinksMark): while it holds, a delivery
     * batch does not store them again.
     */
    standingLinks: text('standing_links'),
    /** Whether the resident receives the town's non-urgent announcements (urgent ones reach everyone). */
    townNotices: integer('town_notices', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('subscribers_due').on(t.tenantSlug, t.nextSendOn),
    // A tenant's subscribers in rowid order (the rowid is in every index): the reschedule's pages
    // and a run's pass over everyone, without reading the whole tenant to sort each page.
    index('subscribers_tenant').on(t.tenantSlug),
    // Registration asks whether an address is already active in the tenant; LINE webhooks who a user is.
    index('subscribers_address').on(t.tenantSlug, t.channel, t.address),
    // The retention sweep's two reads: who is newly inactive, and whose days have run out.
    index('subscribers_newly_inactive')
      .on(t.createdAt)
      .where(
        sql`inactive_since IS NULL AND (state = 'stopped' OR next_send_on IS NULL OR (state = 'paused' AND paused_until IS NULL))`,
      ),
    index('subscribers_inactive').on(t.tenantSlug, t.inactiveSince).where(sql`inactive_since IS NOT NULL`),
    check('subscribers_audience', sql`${t.audience} IN ('primary', 'partner', 'family')`),
    check('subscribers_channel', sql`${t.channel} IN ('email', 'sms', 'line')`),
    check('subscribers_state', sql`${t.state} IN ('pending', 'active', 'paused', 'stopped')`),
  ],
)

/** One pregnancy or child; the dates are what the resident reported, and when. */
export const timelines = sqliteTable(
  'timelines',
  {
    id: text('id').primaryKey(),
    tenantSlug: text('tenant_slug').notNull(),
    dueDate: text('due_date'),
    birthDate: text('birth_date'),
    birthReportedOn: text('birth_reported_on'),
    lossDate: text('loss_date'),
    lossReportedOn: text('loss_reported_on'),
    endedOn: text('ended_on'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  // The staff families list pages a town's households in id order.
  (t) => [index('timelines_tenant').on(t.tenantSlug, t.id)],
)

/** Who follows a timeline: the primary, and any partner or family member joined to it. */
export const timelineMembers = sqliteTable(
  'timeline_members',
  {
    timelineId: text('timeline_id')
      .notNull()
      .references(() => timelines.id, { onDelete: 'cascade' }),
    subscriberId: text('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.timelineId, t.subscriberId] }),
    index('timeline_members_subscriber').on(t.subscriberId),
  ],
)

/** The record 特定電子メール法 asks for: when, how, which notice; the IP only as a hash. */
export const consents = sqliteTable(
  'consents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subscriberId: text('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    tenantSlug: text('tenant_slug').notNull(),
    noticeVersion: text('notice_version').notNull(),
    method: text('method').notNull(),
    ipHash: text('ip_hash'),
    givenAt: text('given_at').notNull(),
    withdrawnAt: text('withdrawn_at'),
  },
  (t) => [
    uniqueIndex('consents_subscriber_given').on(t.subscriberId, t.givenAt),
    // Who left a tenant (moved to another town in the shard, or stopped): the reports find their
    // deliveries of that tenant through them, as they find its residents' through subscribers_tenant.
    index('consents_withdrawn').on(t.tenantSlug).where(sql`withdrawn_at IS NOT NULL`),
  ],
)
