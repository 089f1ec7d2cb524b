import type { D1Database } from '@cloudflare/workers-types'
import type { AccessLogPage } from '../../shared/contract'

/** The family's page shows this many of the household's access-log rows, newest first. */
const shown = 100

/** Who read or acted on one household of the town, newest first: ids and codes only. */
export async function householdAccessLog(
  db: D1Database,
  tenant: string,
  household: string,
): Promise<AccessLogPage['entries']> {
  const rows = await db
    .prepare(
      `SELECT id, at, staff_user AS staffUser, role, action, household_id AS household, filter, count, reason
         FROM staff_access_log WHERE household_id = ?2 AND tenant_slug = ?1
         ORDER BY id DESC LIMIT ?3`,
    )
    .bind(tenant, household, shown)
    .all<AccessLogPage['entries'][number]>()
  return rows.results
}
