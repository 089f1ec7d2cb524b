import { index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Provider webhook ids already acted on (a Resend/Svix `svix-id`, a LINE `webhookEventId`, a Twilio
 * incoming `MessageSid`), so a replayed or redelivered webhook is acknowledged but acted on once.
 * Kept only while a replay could still be accepted, then pruned in place by the next webhook.
 */
export const webhookEvents = sqliteTable(
  'webhook_events',
  {
    tenantSlug: text('tenant_slug').notNull(),
    provider: text('provider', { enum: ['resend', 'line', 'twilio'] }).notNull(),
    eventId: text('event_id').notNull(),
    receivedAt: text('received_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantSlug, t.provider, t.eventId] }),
    index('webhook_events_expiry').on(t.expiresAt),
  ],
)
