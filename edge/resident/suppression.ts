import type { D1Database } from '@cloudflare/workers-types'
import type { Channel } from '../../shared/contract'

/**
 * The resident's own "stop" said to the provider (an SMS reply STOP, which Twilio enforces with
 * 21610 from then on): their consent is withdrawn, as with the stop link, not a fault to fix.
 */
export const optedOut = 'opted-out'

/** The state_reason of a subscriber stopped by their own opt-out at the provider. */
export const optedOutReason = `suppressed: ${optedOut}`

/**
 * Stops using an address at once: it is recorded as suppressed for the tenant (one town's bounce is
 * nothing to another's, each sending through its own provider account) and every subscriber of the tenant
 * on that address is paused with the reason, so no run picks them up again — or, for an opt-out,
 * stopped with their consent withdrawn, as the stop link does.
 */
export async function suppressAddress(
  db: D1Database,
  input: { tenant: string; channel: Channel; address: string; reason: string; eventId: string; now: Date },
): Promise<void> {
  const now = input.now.toISOString()
  const onAddress = 'tenant_slug = ?1 AND channel = ?2 AND address = ?3'
  const record = db
    .prepare(
      `INSERT INTO suppressions (tenant_slug, channel, address, reason, event_id, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6)
       ON CONFLICT (tenant_slug, channel, address) DO NOTHING`,
    )
    .bind(input.tenant, input.channel, input.address, input.reason, input.eventId, now)
  if (input.reason === optedOut) {
    await db.batch([
      record,
      db
        .prepare(
          `UPDATE consents SET withdrawn_at = ?4 WHERE withdrawn_at IS NULL
             AND subscriber_id IN (SELECT id FROM subscribers WHERE ${onAddress} AND state != 'stopped')`,
        )
        .bind(input.tenant, input.channel, input.address, now),
      db
        .prepare(
          `UPDATE subscribers SET state = 'stopped', next_send_on = NULL, paused_until = NULL, state_reason = ?4,
                  stopped_at = ?5, updated_at = ?5
           WHERE ${onAddress} AND state != 'stopped'`,
        )
        .bind(input.tenant, input.channel, input.address, optedOutReason, now),
    ])
    return
  }
  await db.batch([
    record,
    db
      .prepare(
        `UPDATE subscribers SET state = 'paused', state_reason = ?4, updated_at = ?5
         WHERE ${onAddress} AND state IN ('pending', 'active')`,
      )
      .bind(input.tenant, input.channel, input.address, `suppressed: ${input.reason}`, now),
  ])
}

/**
 * The resident opted back in at the provider (Twilio's START): the address is no longer refused
 * there, by this tenant's number. Nobody is resumed — their consent was withdrawn — but registering again works at once.
 */
export async function liftOptOut(
  db: D1Database,
  tenant: string,
  channel: Channel,
  address: string,
): Promise<void> {
  await db
    .prepare(
      'DELETE FROM suppressions WHERE tenant_slug = ?1 AND channel = ?2 AND address = ?3 AND reason = ?4',
    )
    .bind(tenant, channel, address, optedOut)
    .run()
}
