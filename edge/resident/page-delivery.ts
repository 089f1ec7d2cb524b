import type { D1Database } from '@cloudflare/workers-types'
import { hashToken } from './tokens'

export interface PageDelivery {
  id: string
  subscriberId: string
  tenantSlug: string
  localDate: string
  manifestId: string | null
  slots: string
}

/**
 * The condition that `d` (a deliveries alias) is the program delivery a page token names, `hash`
 * being the SQL parameter holding the token's hash: the one statement of that lookup, for every
 * link that takes a message page's segment — /m/ (the page), /q/ (its survey), /k/ (its task).
 */
export const isPageDelivery = (d: string, hash: string) =>
  `${d}.page_token_hash = ${hash} AND ${d}.kind = 'program'`

/** The delivery a message page token names, or null for a token we never gave out. */
export async function findPageDelivery(db: D1Database, token: string): Promise<PageDelivery | null> {
  if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return null
  return db
    .prepare(
      `SELECT d.id, d.subscriber_id AS subscriberId, d.tenant_slug AS tenantSlug, d.local_date AS localDate,
              d.manifest_id AS manifestId, d.slots
       FROM deliveries d WHERE ${isPageDelivery('d', '?1')}`,
    )
    .bind(await hashToken(token))
    .first<PageDelivery>()
}
