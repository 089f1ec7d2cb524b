import type { D1Database } from '@cloudflare/workers-types'
import type { Channel } from '../../shared/contract'
import type { DeliveryBatch } from '../queues'
import { recordOffers } from '../tasks/offer'
import type { Sending } from './claim-batch'
import type { DeliveryRequest } from './requests'

/** The task lines these deliveries carry, one offer each, under each delivery's id. */
export const taskOffersOf = (requests: readonly DeliveryRequest[]) =>
  requests.flatMap((r) =>
    r.task ? [{ deliveryId: r.key, subscriberId: r.subscriberId, offer: r.task }] : [],
  )

/**
 * The task lines of the claimed deliveries, recorded before they are sent so each "done" link
 * works the moment the message arrives: one row per delivery at most.
 */
export async function recordTaskOffers(
  deps: { db: D1Database; now(): Date },
  batch: DeliveryBatch,
  toSend: ReadonlyMap<Channel, readonly Sending[]>,
): Promise<void> {
  const offers = taskOffersOf([...toSend.values()].flatMap((items) => items.map(({ request }) => request)))
  if (offers.length === 0) return
  await recordOffers(deps.db, {
    tenant: batch.tenant,
    localDate: batch.localDate,
    offers,
    now: deps.now(),
  }).run()
}
