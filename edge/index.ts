import type { MessageBatch, ScheduledController } from '@cloudflare/workers-types'
import { app } from './app'
import { onScheduled } from './cron'
import { onDeliveryBatch } from './delivery/consume'
import { onRescheduleBatch, rescheduleQueueName } from './delivery/reschedule-queue'
import type { Env } from './env'
import { pruneOptionsFrom, pruneSnapshots } from './snapshot/prune'

// The Worker's module: HTTP through the hono app, the cron tick, the queues' consumers.
export default {
  fetch: app.fetch,
  async scheduled(controller: ScheduledController, env: Env): Promise<void> {
    await onScheduled(controller, env)
    // After the day's sending: a bounded piece of pruning of snapshots nothing needs any more.
    try {
      const pruned = await pruneSnapshots(env.DB, new Date(controller.scheduledTime), pruneOptionsFrom(env))
      if (pruned.manifests.length + pruned.parts.length > 0)
        console.log(`pruned ${pruned.manifests.length} manifests, ${pruned.parts.length} parts`)
    } catch (error) {
      console.error('pruning failed:', error instanceof Error ? error.message : error)
    }
  },
  queue: (batch: MessageBatch<unknown>, env: Env) =>
    batch.queue === rescheduleQueueName ? onRescheduleBatch(batch, env) : onDeliveryBatch(batch, env),
}
