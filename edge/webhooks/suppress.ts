import type { D1Database } from '@cloudflare/workers-types'
import type { Channel } from '../../shared/contract'

/**
 * Stops using an address at once: it is recorded as suppressed and every subscriber of the tenant
 * on that address is paused with the reason, so no run picks them up again.
 */
export async function suppressAddress(
  db: D1Database,
  input: { tenant: string; channel: Channel; address: string; reason: string; eventId: string; now: Date },
): Promise<void> {
  const now = input.now.toISOString()
  await db.batch([
    db
      .prepare(
        `INSERT INTO suppressions (channel, address, reason, event_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (channel, address) DO NOTHING`,
      )
      .bind(input.channel, input.address, input.reason, input.eventId, now),
    db
      .prepare(
        `UPDATE subscribers SET state = 'paused', state_reason = ?4, updated_at = ?5
         WHERE tenant_slug = ?1 AND channel = ?2 AND address = ?3 AND state IN ('pending', 'active')`,
      )
      .bind(input.tenant, input.channel, input.address, `suppressed: ${input.reason}`, now),
  ])
}
