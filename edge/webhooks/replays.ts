import type { D1Database } from '@cloudflare/workers-types'
import { svixToleranceSeconds } from './svix'

/**
 * How long an id is remembered: as long as the same webhook could be accepted again. Svix refuses
 * a timestamp more than five minutes from now either way, so a signed id is good for ten minutes
 * at most; LINE signs no time, and redelivers a failed webhook for up to a day. Twilio signs no time
 * either and its signature never expires: a resident's captured STOP, replayed after they said
 * START and registered again, would stop them again. Its MessageSid is kept as long as anyone stays
 * in the program (a pregnancy and three years after the birth).
 */
const windowMs = {
  resend: 2 * svixToleranceSeconds * 1000,
  line: 24 * 60 * 60 * 1000,
  twilio: 4 * 366 * 24 * 60 * 60 * 1000,
} as const

/**
 * Records a provider's event id for the tenant; true the first time it is seen within its window,
 * false for a replay (acknowledge it, act on nothing). Expired ids are pruned in the same batch.
 */
export async function firstDelivery(
  db: D1Database,
  event: { tenant: string; provider: keyof typeof windowMs; id: string; now: Date },
): Promise<boolean> {
  const at = event.now.toISOString()
  const [, inserted] = await db.batch([
    db.prepare('DELETE FROM webhook_events WHERE expires_at <= ?1').bind(at),
    db
      .prepare(
        `INSERT INTO webhook_events (tenant_slug, provider, event_id, received_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING`,
      )
      .bind(
        event.tenant,
        event.provider,
        event.id,
        at,
        new Date(event.now.getTime() + windowMs[event.provider]).toISOString(),
      ),
  ])
  return (inserted?.meta.changes ?? 0) > 0
}
