import type { D1Database } from '@cloudflare/workers-types'
import { z } from 'zod'
import type { Channel } from '../../shared/contract'
import { maskAddress } from '../web/mask'

/** GET /ingest/tenants/{tenant}/flagged?limit= — oldest day first. */
export const flaggedQuery = z.object({
  limit: z.coerce
    .number({ error: '件数は数字で / limit must be a number' })
    .int()
    .min(1, { error: '件数は1以上 / limit is at least 1' })
    .max(500, { error: '件数は500まで / limit is at most 500' })
    .default(100),
})

/** A flagged delivery as an operator sees it: enough to decide, nothing to contact anyone with. */
export interface FlaggedDelivery {
  /** The delivery's id: a hash of subscriber, day and kind, naming nobody. */
  id: string
  date: string
  slots: string[]
  channel: Channel
  /** The resident's current address, masked (`***5678`, `h***@example.jp`). */
  address: string
  /** When it was flagged. */
  since: string
  /** Sends attempted: 0 means it never left (content could not be composed, or the batch died first). */
  attempts: number
  /** Why a person must look (`needs-review: …`); never the message text or the address. */
  reason: string | null
}

/** A tenant's program deliveries awaiting a person's decision, through the partial index on flagged rows. */
export async function listFlagged(
  db: D1Database,
  input: { tenant: string; limit: number },
): Promise<{ flagged: FlaggedDelivery[]; more: boolean }> {
  const { results } = await db
    .prepare(
      `SELECT d.id, d.local_date AS date, d.slots, d.channel, d.updated_at AS since, d.attempts, d.error AS reason,
              s.address
       FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
       WHERE d.tenant_slug = ?1 AND d.state = 'flagged' AND d.kind = 'program'
       ORDER BY d.local_date, d.id LIMIT ?2`,
    )
    .bind(input.tenant, input.limit + 1)
    .all<Omit<FlaggedDelivery, 'slots'> & { slots: string }>()
  return {
    flagged: results.slice(0, input.limit).map(({ address, slots, ...row }) => ({
      ...row,
      slots: JSON.parse(slots) as string[],
      address: maskAddress(row.channel, address),
    })),
    more: results.length > input.limit,
  }
}
