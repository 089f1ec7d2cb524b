import type { D1Database } from '@cloudflare/workers-types'
import type { TenantSettings } from '../../shared/contract'

/** Rows one sweep deletes per town at most; the next tick takes the rest. */
const sweepLimit = 5000

/**
 * Deletes each town's access-log rows older than its workspace.retention.accessLogDays (5 years
 * unless the town set otherwise), in `db`, the towns' shard. Returns how many went.
 */
export async function pruneAccessLog(
  db: D1Database,
  tenants: readonly TenantSettings[],
  now: Date,
): Promise<number> {
  if (tenants.length === 0) return 0
  const results = await db.batch(
    tenants.map((tenant) =>
      db
        .prepare(
          `DELETE FROM staff_access_log WHERE id IN (
             SELECT id FROM staff_access_log WHERE tenant_slug = ?1 AND at < ?2 ORDER BY id LIMIT ?3)`,
        )
        .bind(
          tenant.slug,
          new Date(now.getTime() - tenant.workspace.retention.accessLogDays * 86_400_000).toISOString(),
          sweepLimit,
        ),
    ),
  )
  return results.reduce((n, r) => n + (r.meta.changes ?? 0), 0)
}
