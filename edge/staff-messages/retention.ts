import type { D1Database } from '@cloudflare/workers-types'
import { type TenantSettings, workspaceRetentionDefaults } from '../../shared/contract'

/** Messages deleted a tenant a run: the rest go on the next day's housekeeping. */
const batchSize = 500

/**
 * Each town's staff messages older than its workspace.retention.staffMessageDays, with their
 * deliveries (ON DELETE cascade), through (tenant, created_at). Returns how many went.
 */
export async function pruneStaffMessages(
  db: D1Database,
  tenants: readonly TenantSettings[],
  now: Date,
): Promise<number> {
  if (tenants.length === 0) return 0
  const statement = db.prepare(
    `DELETE FROM staff_messages WHERE rowid IN (
       SELECT rowid FROM staff_messages WHERE tenant_slug = ?1 AND created_at < ?2 LIMIT ?3) RETURNING id`,
  )
  const results = await db.batch(
    tenants.map((tenant) => {
      const days = tenant.workspace?.retention.staffMessageDays ?? workspaceRetentionDefaults.staffMessageDays
      const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString()
      return statement.bind(tenant.slug, cutoff, batchSize)
    }),
  )
  // Counted by RETURNING: D1's `changes` counts the cascaded deliveries too.
  return results.reduce((sum, r) => sum + r.results.length, 0)
}
