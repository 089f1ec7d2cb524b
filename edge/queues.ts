import { z } from 'zod'
import { civilDate, manifestId, tenantSlug } from '../shared/contract'

// The messages each of the Worker's queues carries: their shapes, checked again on receipt.

/** One queue message: some of one tenant's due subscribers for one local date. */
export const deliveryBatch = z.object({
  tenant: tenantSlug,
  localDate: civilDate,
  /** The manifest active when the run started; the whole run composes from it. */
  manifestId,
  subscriberIds: z.array(z.string().min(1)).min(1).max(100),
})
export type DeliveryBatch = z.infer<typeof deliveryBatch>

/** One queue message of an announcement's send: some of the residents its walk found it reaches. */
export const announcementBatch = z.object({
  kind: z.literal('announcement'),
  tenant: tenantSlug,
  announcementId: z.string().min(1).max(64),
  /** The manifest the run started with; the announcement is rendered from it. */
  manifestId,
  subscriberIds: z.array(z.string().min(1)).min(1).max(100),
})
export type AnnouncementBatch = z.infer<typeof announcementBatch>

/** What the delivery queue carries: a day's batch (no kind, as before) or an announcement's. */
export type DeliveryQueueMessage = DeliveryBatch | AnnouncementBatch

export const rescheduleQueueName = 'yorisoi-reschedule'

/**
 * One reschedule queue message: rescheduling after a switch, off the activation request: one message finds the tenants whose
 * program changed, then each tenant is walked a few pages per message, the next message carrying
 * the cursor. Any number of subscribers, each message a bounded piece of work.
 */
export const rescheduleMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('activation'), previousManifestId: manifestId.nullable(), manifestId }),
  z.object({
    kind: z.literal('tenant'),
    tenant: tenantSlug,
    after: z.int().min(0),
    /** The program hash the walk is for; messages enqueued before it was kept have none. */
    program: z.string().optional(),
  }),
  /** One page of an announcement's walk over the tenant's residents, after subscriber rowid `after`. */
  z.object({
    kind: z.literal('announcement-walk'),
    tenant: tenantSlug,
    announcementId: z.string().min(1).max(64),
    after: z.int().min(0),
  }),
])
export type RescheduleMessage = z.infer<typeof rescheduleMessage>
