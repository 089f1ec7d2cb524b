import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { subscribers, timelines } from './residents'

export const accessPurposes = ['confirm', 'manage', 'stop', 'invite'] as const
export type AccessPurpose = (typeof accessPurposes)[number]

/**
 * The short random tokens in residents' links. Only the SHA-256 of a token is kept, so a copy of
 * the database opens nothing. Stop tokens have no expiry; an invite also names the timeline.
 */
export const accessTokens = sqliteTable(
  'access_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    subscriberId: text('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: accessPurposes }).notNull(),
    timelineId: text('timeline_id').references(() => timelines.id, { onDelete: 'cascade' }),
    expiresAt: text('expires_at'),
    usedAt: text('used_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('access_tokens_subscriber').on(t.subscriberId),
    check('access_tokens_purpose', sql`${t.purpose} IN ('confirm', 'manage', 'stop', 'invite')`),
  ],
)

/** Registration attempts per hashed IP and hour: the rate limit's counter. */
export const registrationAttempts = sqliteTable(
  'registration_attempts',
  {
    ipHash: text('ip_hash').notNull(),
    hour: text('hour').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.ipHash, t.hour] })],
)

/** A resident's consultation, kept for the tenant's desk. */
export const consultations = sqliteTable(
  'consultations',
  {
    id: text('id').primaryKey(),
    subscriberId: text('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    tenantSlug: text('tenant_slug').notNull(),
    category: text('category').notNull(),
    text: text('text').notNull(),
    /** registered, phone or none (shared/consultation contactMethods). */
    contactBy: text('contact_by').notNull(),
    /** Only when the resident asked for a call: the number they gave, and when to call. */
    contactPhone: text('contact_phone'),
    contactHours: text('contact_hours'),
    urgent: integer('urgent', { mode: 'boolean' }).notNull().default(false),
    /** The language the resident wrote in (their subscriber language at the time). */
    language: text('language'),
    /** How it came: the consultation form, a LINE text, an SMS reply, or an interview request. */
    source: text('source', { enum: ['form', 'line', 'sms', 'interview'] })
      .notNull()
      .default('form'),
    /** The inbox: new → in-progress → closed, and who has it (a CMS user id). */
    status: text('status', { enum: ['new', 'in-progress', 'closed'] })
      .notNull()
      .default('new'),
    assignee: text('assignee'),
    closedAt: text('closed_at'),
    /** An interview request: the day staff held the interview (the dashboard counts these). */
    interviewDoneOn: text('interview_done_on'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('consultations_tenant').on(t.tenantSlug, t.createdAt),
    // The inbox: a town's open consultations, newest first.
    index('consultations_inbox').on(t.tenantSlug, t.status, t.createdAt),
    // The daily limit counts a subscriber's consultations of the last 24 hours.
    index('consultations_subscriber').on(t.subscriberId, t.createdAt),
  ],
)
