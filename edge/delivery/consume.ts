import type { MessageBatch } from '@cloudflare/workers-types'
import type { Env } from '../env'
import { deliveryBatch } from './batch'

/**
 * The delivery queue's consumer. Nothing enqueues yet; a message of the right shape is
 * acknowledged, one of the wrong shape is retried so it ends in the dead-letter queue, where a
 * person can see it, instead of vanishing.
 */
export async function onDeliveryBatch(batch: MessageBatch<unknown>, _env: Env): Promise<void> {
  for (const message of batch.messages) {
    const parsed = deliveryBatch.safeParse(message.body)
    if (parsed.success) {
      message.ack()
    } else {
      console.error(
        `queue ${batch.queue}: message ${message.id} is not a delivery batch`,
        parsed.error.issues,
      )
      message.retry()
    }
  }
}
