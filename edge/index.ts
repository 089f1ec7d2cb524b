import type { MessageBatch, ScheduledController } from '@cloudflare/workers-types'
import { app } from './app'
import { onScheduled } from './cron'
import { onDeliveryBatch } from './delivery/consume'
import { onRescheduleBatch } from './delivery/reschedule-queue'
import type { Env } from './env'
import { rescheduleQueueName } from './queues'

// The Worker's module: HTTP through the hono app, the cron tick, the queues' consumers.
export default {
  fetch: app.fetch,
  scheduled: (controller: ScheduledController, env: Env) => onScheduled(controller, env),
  queue: (batch: MessageBatch<unknown>, env: Env) =>
    batch.queue === rescheduleQueueName ? onRescheduleBatch(batch, env) : onDeliveryBatch(batch, env),
}
