import { z } from 'zod'
import { civilDate, manifestId, tenantSlug } from '../shared/contract'

/** One queue message: some of one tenant's due subscribers for one local date. */
export const deliveryBatch = z.object({
  tenant: tenantSlug,
  localDate: civilDate,
  /** The manifest active when the run started; the whole run composes from it. */
  manifestId,
  subscriberIds: z.array(z.string().min(1)).min(1).max(100),
})
export type DeliveryBatch = z.infer<typeof deliveryBatch>
