import type { D1Database } from '@cloudflare/workers-types'
import { settleDay } from '../delivery/record'
import { suppressAddress } from '../resident/suppression'

/**
 * What a provider's report says about one SMS: the number cannot take SMS or its owner opted out
 * at the provider (suppressed with that reason), or a failure that may pass (false).
 */
export type SmsFailure = { suppress: 'invalid-number' | 'opted-out' | false; error: string }

/**
 * Applies a provider's word that an SMS it accepted was not delivered, to the tenant's delivery
 * it names: a delivery counted `sent` becomes failed-permanent (the run's counts move with it),
 * the day counts as failed, and a number that cannot take SMS is suppressed at once. A repeated
 * report finds nothing left to change.
 */
export async function applySmsFailure(
  db: D1Database,
  input: { tenant: string; providerMessageId: string; failure: SmsFailure; eventId: string; now: Date },
): Promise<'applied' | 'ignored'> {
  const { failure } = input
  const now = input.now.toISOString()
  const delivery = await db
    .prepare(
      `UPDATE deliveries SET state = 'failed-permanent', error = ?3, updated_at = ?4
       WHERE provider_message_id = ?1 AND tenant_slug = ?2 AND channel = 'sms' AND state = 'sent'
       RETURNING subscriber_id AS subscriberId, local_date AS localDate,
         (SELECT address FROM subscribers WHERE id = deliveries.subscriber_id) AS address`,
    )
    .bind(input.providerMessageId, input.tenant, failure.error, now)
    .first<{ subscriberId: string; localDate: string; address: string | null }>()
  if (!delivery) return 'ignored'
  await db
    .prepare(
      `UPDATE tenant_runs SET sent = sent - 1, failed = failed + 1, updated_at = ?3
       WHERE tenant_slug = ?1 AND local_date = ?2 AND sent > 0`,
    )
    .bind(input.tenant, delivery.localDate, now)
    .run()
  await settleDay(db, {
    tenant: input.tenant,
    localDate: delivery.localDate,
    advances: [],
    failed: [{ subscriberId: delivery.subscriberId, error: failure.error }],
    succeeded: [],
    counts: { sent: 0, failed: 0, flagged: 0 },
    now: input.now,
  })
  if (failure.suppress && delivery.address) {
    await suppressAddress(db, {
      tenant: input.tenant,
      channel: 'sms',
      address: delivery.address,
      reason: failure.suppress,
      eventId: input.eventId,
      now: input.now,
    })
  }
  return 'applied'
}
