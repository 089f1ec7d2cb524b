import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { consultations } from './access'

export const forwardStates = ['pending', 'sent', 'failed'] as const

/**
 * Each consultation's way to the tenant's desk: pending until the email channel accepts it
 * (retried by the cron tick with backoff), sent, or failed (refused for good, or out of
 * attempts). People look at `state = 'failed'` and old `pending` rows; nothing is lost, the
 * consultation itself stays in `consultations`.
 */
export const consultationForwards = sqliteTable(
  'consultation_forwards',
  {
    consultationId: text('consultation_id')
      .primaryKey()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    tenantSlug: text('tenant_slug').notNull(),
    state: text('state', { enum: forwardStates }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    providerMessageId: text('provider_message_id'),
    /** For people: the provider's answer, never the consultation's text or any address. */
    lastError: text('last_error'),
    sentAt: text('sent_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('consultation_forwards_due').on(t.state, t.nextAttemptAt),
    check('consultation_forwards_state', sql`${t.state} IN ('pending', 'sent', 'failed')`),
  ],
)
