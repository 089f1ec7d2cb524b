import type { D1Database } from '@cloudflare/workers-types'
import { isPageToken } from '../../shared/links'
import { hashToken } from './tokens'

export interface PageDelivery {
  id: string
  /** The provider's key, from which the delivery's links are derived. */
  idempotencyKey: string
  subscriberId: string
  tenantSlug: string
  localDate: string
  manifestId: string | null
  slots: string
}

/**
 * The condition that `d` (a deliveries alias) is the program delivery a page token names, `hash`
 * being the SQL parameter holding the token's hash: the token's hash is a program delivery's id,
 * or its page_token_hash for a link made under another LINK_SECRET than its id. The one statement
 * of that lookup, for every link that takes a message page's segment — /m/ (the page), /q/ (its
 * survey), /k/ (its task).
 */
export const isPageDelivery = (d: string, hash: string) =>
  `(${d}.id = ${hash} OR ${d}.page_token_hash = ${hash}) AND ${d}.kind = 'program'`

/** The delivery a message page token names, or null for a token we never gave out. */
export async function findPageDelivery(db: D1Database, token: string): Promise<PageDelivery | null> {
  if (!isPageToken(token)) return null
  return db
    .prepare(
      `SELECT d.id, d.idempotency_key AS idempotencyKey, d.subscriber_id AS subscriberId, d.tenant_slug AS tenantSlug,
              d.local_date AS localDate, d.manifest_id AS manifestId, d.slots
       FROM deliveries d WHERE ${isPageDelivery('d', '?1')}`,
    )
    .bind(await hashToken(token))
    .first<PageDelivery>()
}
