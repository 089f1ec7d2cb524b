import type { D1Database } from '@cloudflare/workers-types'
import type { TenantSettings } from '../../shared/contract'
import { findTenant } from '../snapshot/tenant'

/**
 * The tenant of a pending subscriber who has not yet given consent — a registration staff started
 * at the counter — so the confirm page shows the privacy notice; null when consent was given on
 * the form (the usual case).
 */
export async function consentAwaited(
  main: D1Database,
  db: D1Database,
  subscriberId: string,
): Promise<TenantSettings | null> {
  const row = await db
    .prepare(
      `SELECT s.tenant_slug AS tenant FROM subscribers s
        WHERE s.id = ?1 AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.subscriber_id = s.id)`,
    )
    .bind(subscriberId)
    .first<{ tenant: string }>()
  return row ? findTenant(main, row.tenant) : null
}
