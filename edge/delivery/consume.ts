import type { Message, MessageBatch } from '@cloudflare/workers-types'
import type { Channel } from '../../shared/contract'
import { deliverAnnouncementBatch } from '../announcements/deliver'
import { adapterFor } from '../channels/registry'
import type { Env } from '../env'
import { announcementBatch, deliveryBatch } from '../queues'
import { requireLinkSecret } from '../resident/link-tokens'
import { residentShard, TenantMoving } from '../shards/map'
import { loadSnapshot } from '../snapshot/read'
import { recordDeadLetter } from './dead-letter'
import { deliverBatch } from './deliver'

export const deadLetterQueue = 'yorisoi-delivery-dead'

/** Seconds before the n-th retry (n from 1): 30 s doubling, at most 10 min. */
export function backoffSeconds(attempts: number): number {
  return Math.min(30 * 2 ** Math.max(0, attempts - 1), 600)
}

/**
 * How long a batch of a tenant whose residents are moving waits before its n-th retry (n from 1):
 * a minute, doubling to 15, so the queue's retries (5 for deliveries) outlast a move of half an hour
 * before a batch would reach the dead letters.
 */
export function movingRetrySeconds(attempts: number): number {
  return Math.min(60 * 2 ** Math.max(0, attempts - 1), 900)
}

/**
 * The delivery queue's consumer (and the dead-letter queue's). A batch with subscribers still
 * pending (a transient failure, a send in flight elsewhere) is retried with backoff; after the
 * queue's max_retries it lands in the dead-letter queue, whose consumer records it for people.
 * Each batch is worked in the shard of its tenant; while that tenant's residents are moving, the
 * batch is retried later, untouched: nothing of it is sent or written half-way.
 */
export async function onDeliveryBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  if (batch.queue === deadLetterQueue) {
    for (const message of batch.messages) await recordOne(message, batch.queue, env)
    return
  }
  for (const message of batch.messages) await consumeOne(message, batch.queue, env)
}

async function recordOne(message: Message<unknown>, queue: string, env: Env): Promise<void> {
  try {
    await recordDeadLetter(env, {
      queue,
      messageId: message.id,
      body: message.body,
      attempts: message.attempts,
      now: new Date(),
    })
    message.ack()
  } catch (error) {
    retryAfter(message, queue, error, backoffSeconds(message.attempts))
  }
}

async function consumeOne(message: Message<unknown>, queue: string, env: Env): Promise<void> {
  const body = message.body as { kind?: unknown } | null
  const parsed =
    body?.kind === 'announcement' ? announcementBatch.safeParse(body) : deliveryBatch.safeParse(body)
  if (!parsed.success) {
    console.error(`queue ${queue}: message ${message.id} is not a delivery batch`, parsed.error.issues)
    message.retry()
    return
  }
  try {
    const batch = parsed.data
    const snapshot = await loadSnapshot(env.DB, batch.manifestId)
    if (!snapshot) throw new Error(`manifest ${batch.manifestId} is not stored`)
    // Before anything else: a tenant being moved throws here, so nothing is sent.
    const { shard, db } = await residentShard(env, batch.tenant)
    const deps = {
      db,
      shard,
      snapshot,
      adapterFor: (channel: Channel) => adapterFor(env, batch.tenant, channel, db),
      // Without a configured origin every link is relative, which composition refuses: the
      // delivery is flagged with the reason instead of sending links nobody can open.
      origin: env.PUBLIC_ORIGIN ?? '',
      linkSecret: requireLinkSecret(env.LINK_SECRET),
      now: () => new Date(),
    }
    // An announcement is its own delivery, never part of a day's message.
    const report =
      'kind' in batch ? await deliverAnnouncementBatch(deps, batch) : await deliverBatch(deps, batch)
    if (report.pending === 0) message.ack()
    else message.retry({ delaySeconds: report.retryAfterSeconds ?? backoffSeconds(message.attempts) })
  } catch (error) {
    retryAfter(message, queue, error, backoffSeconds(message.attempts))
  }
}

/** A failed message goes back to the queue; one of a moving tenant after the move's usual length. */
function retryAfter(message: Message<unknown>, queue: string, error: unknown, seconds: number): void {
  if (error instanceof TenantMoving) {
    console.info(`queue ${queue}: message ${message.id} waits: ${error.message}`)
    message.retry({ delaySeconds: movingRetrySeconds(message.attempts) })
    return
  }
  console.error(
    `queue ${queue}: message ${message.id} failed:`,
    error instanceof Error ? error.message : error,
  )
  message.retry({ delaySeconds: seconds })
}
