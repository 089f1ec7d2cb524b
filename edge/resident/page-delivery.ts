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

/** The delivery a message page token names, or null for a token we never gave out. */
export async function findPageDelivery(db: D1Database, token: string): Promise<PageDelivery | null> {
  if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return null
  return db
    .prepare(
      `SELECT id, subscriber_id AS subscriberId, tenant_slug AS tenantSlug, local_date AS localDate,
              manifest_id AS manifestId, slots
       FROM deliveries WHERE page_token_hash = ?1 AND kind = 'program'`,
    )
    .bind(await hashToken(token))
    .first<PageDelivery>()
}
