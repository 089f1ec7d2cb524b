import type { D1Database } from '@cloudflare/workers-types'
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
 * The delivery a message page token names, or null for a token we never gave out: the token's
 * hash is a program delivery's id, or its page_token_hash for a link made under another
 * LINK_SECRET than its id.
 */
export async function findPageDelivery(db: D1Database, token: string): Promise<PageDelivery | null> {
  if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return null
  return db
    .prepare(
      `SELECT id, idempotency_key AS idempotencyKey, subscriber_id AS subscriberId, tenant_slug AS tenantSlug,
              local_date AS localDate, manifest_id AS manifestId, slots
       FROM deliveries WHERE (id = ?1 OR page_token_hash = ?1) AND kind = 'program'`,
    )
    .bind(await hashToken(token))
    .first<PageDelivery>()
}
