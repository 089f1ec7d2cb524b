import type { D1Database } from '@cloudflare/workers-types'
import type { Channel } from '../../shared/contract'
import type { DeliveryBatch } from '../queues'
import { recordOffers } from '../tasks/offer'
import type { Sending } from './claim-batch'

/**
 * The task lines of the claimed deliveries, recorded before they are sent so each "done" link
 * works the moment the message arrives: one row per delivery at most.
 */
export async function recordTaskOffers(
  deps: { db: D1Database; now(): Date },
  batch: DeliveryBatch,
  toSend: ReadonlyMap<Channel, readonly Sending[]>,
): Promise<void> {
  const offers = [...toSend.values()].flatMap((items) =>
    items.flatMap(({ request }) =>
      request.task
        ? [{ deliveryId: request.key, subscriberId: request.subscriberId, offer: request.task }]
        : [],
    ),
  )
  if (offers.length === 0) return
  await recordOffers(deps.db, {
    tenant: batch.tenant,
    localDate: batch.localDate,
    offers,
    now: deps.now(),
  }).run()
}
