import type { D1Database } from '@cloudflare/workers-types'
import type { DeliveryBatch } from '../queues'
import type { Unrenderable } from './requests'

/**
 * Content that cannot be composed is a delivery a person must see, not a silent skip: each is
 * written as a `flagged` row with its reason. Returns how many rows were new.
 */
export async function flagUnrenderable(
  db: D1Database,
  batch: DeliveryBatch,
  items: readonly Unrenderable[],
  now: Date,
): Promise<number> {
  const { meta } = await db
    .prepare(
      `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, manifest_id, slots, channel, state,
                               idempotency_key, attempts, error, created_at, updated_at)
       SELECT value ->> 0, value ->> 1, ?2, value ->> 2, 'program', ?3, value ->> 3, value ->> 4, 'flagged',
              value ->> 6, 0, value ->> 5, ?4, ?4
       FROM json_each(?1) WHERE true
       ON CONFLICT DO NOTHING`,
    )
    .bind(
      JSON.stringify(
        items.map((i) => [
          i.key,
          i.subscriberId,
          i.localDate ?? batch.localDate,
          JSON.stringify(i.slots),
          i.channel,
          `needs-review: ${i.reason}`.slice(0, 500),
          i.idempotencyKey,
        ]),
      ),
      batch.tenant,
      batch.manifestId,
      now.toISOString(),
    )
    .run()
  return meta.changes
}
