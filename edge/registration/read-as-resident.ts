import type { D1Database } from '@cloudflare/workers-types'
import { findTenant } from '../snapshot/tenant'
import { readAs } from '../web/reader'

/**
 * A page for one resident before their town is at hand (the confirm link): their language among
 * their town's, unless this device chose one.
 */
export async function readAsResident(main: D1Database, db: D1Database, subscriberId: string): Promise<void> {
  const row = await db
    .prepare('SELECT tenant_slug AS tenant, language FROM subscribers WHERE id = ?1')
    .bind(subscriberId)
    .first<{ tenant: string; language: string }>()
  if (!row) return
  const tenant = await findTenant(main, row.tenant)
  readAs(row.language, tenant?.languages.offered)
}
