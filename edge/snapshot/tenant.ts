import type { D1Database } from '@cloudflare/workers-types'
import type { TenantSettings } from '../../shared/contract'
import { loadActiveSnapshot } from './read'

/** The tenant's settings as the active snapshot has them; null for an unknown slug. */
export async function findTenant(db: D1Database, slug: string): Promise<TenantSettings | null> {
  const snapshot = await loadActiveSnapshot(db)
  return snapshot?.tenants.get(slug)?.tenant ?? null
}
