import type { D1Database } from '@cloudflare/workers-types'
import type { Channel } from '../../shared/contract'
import type { DeliveryBatch } from '../queues'
import { recordOffers } from '../surveys/offer'
import type { Sending } from './claim-batch'

/**
 * The survey lines of the claimed deliveries, recorded before they are sent so each link works
 * the moment the message arrives.
 */
export async function recordSurveyOffers(
  deps: { db: D1Database; now(): Date },
  batch: DeliveryBatch,
  toSend: ReadonlyMap<Channel, readonly Sending[]>,
): Promise<void> {
  const offers = [...toSend.values()].flatMap((items) =>
    items.flatMap(({ request }) =>
      request.survey
        ? [{ deliveryId: request.key, subscriberId: request.subscriberId, offer: request.survey }]
        : [],
    ),
  )
  if (offers.length === 0) return
  await recordOffers(deps.db, {
    tenant: batch.tenant,
    manifestId: batch.manifestId,
    localDate: batch.localDate,
    offers,
    now: deps.now(),
  }).run()
}
