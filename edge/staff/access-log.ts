import type { D1Database } from '@cloudflare/workers-types'
import type { AccessLogPage, LogRole, StaffAction, StaffReadReason } from '../../shared/contract'

export interface Access {
  tenant: string
  action: StaffAction
  household?: string | null
  filter?: string | null
  count: number
  reason?: StaffReadReason | null
}

/** One row per read or list, in the shard of the town read. Opaque ids and codes only. */
export async function recordAccess(
  db: D1Database,
  /** Who acted: a staff member (the assertion's claims), or the admin who changed someone's roles. */
  staff: { sub: string; role: LogRole },
  access: Access,
  now: Date,
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO staff_access_log (tenant_slug, staff_user, role, action, household_id, filter, count, reason, at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`,
    )
    .bind(
      access.tenant,
      staff.sub,
      staff.role,
      access.action,
      access.household ?? null,
      access.filter ?? null,
      access.count,
      access.reason ?? null,
      now.toISOString(),
    )
    .run()
}

/** The town's log, newest first, `limit` rows before the id `before`. */
export async function readAccessLog(
  db: D1Database,
  tenant: string,
  page: { before?: number; limit: number },
): Promise<AccessLogPage> {
  const rows = await db
    .prepare(
      `SELECT id, at, staff_user AS staffUser, role, action, household_id AS household, filter, count, reason
         FROM staff_access_log WHERE tenant_slug = ?1 AND (?2 IS NULL OR id < ?2)
         ORDER BY id DESC LIMIT ?3`,
    )
    .bind(tenant, page.before ?? null, page.limit + 1)
    .all<AccessLogPage['entries'][number]>()
  const entries = rows.results.slice(0, page.limit)
  return { entries, next: rows.results.length > page.limit ? (entries.at(-1)?.id ?? null) : null }
}
