import { app } from './app'
import { onDeliveryBatch } from './delivery/consume'
import { onScheduled } from './delivery/scheduled'

// The Worker's module: HTTP through the hono app, the cron tick, the delivery queue's consumer.
export default {
  fetch: app.fetch,
  scheduled: onScheduled,
  queue: onDeliveryBatch,
}
