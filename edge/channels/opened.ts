import type { D1Database } from '@cloudflare/workers-types'

/** A delivery's page opened (a daily message's /m/, an announcement's /n/): the first time, and how often. */
export async function recordOpen(db: D1Database, deliveryId: string, now: Date): Promise<void> {
  await db
    .prepare(
      'UPDATE deliveries SET open_count = open_count + 1, opened_at = coalesce(opened_at, ?2) WHERE id = ?1',
    )
    .bind(deliveryId, now.toISOString())
    .run()
}
