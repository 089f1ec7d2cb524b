import type { D1Database } from '@cloudflare/workers-types'
import { type TenantSettings, workspaceRetentionDefaults } from '../../shared/contract'

/** Consultations deleted per tenant and tick: the next tick takes the rest. */
const batch = 500

/**
 * Closed consultations older than the town's `workspace.retention.consultationDays` (counted from
 * their closing) are deleted, their desk forwards with them. Open ones stay, however old.
 */
export async function pruneClosedConsultations(
  db: D1Database,
  tenants: readonly TenantSettings[],
  now: Date,
): Promise<number> {
  if (tenants.length === 0) return 0
  const results = await db.batch(
    tenants.map((tenant) => {
      const days = tenant.workspace?.retention.consultationDays ?? workspaceRetentionDefaults.consultationDays
      const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString()
      return db
        .prepare(
          `DELETE FROM consultations WHERE id IN (
             SELECT id FROM consultations WHERE tenant_slug = ?1 AND status = 'closed' AND closed_at < ?2 LIMIT ?3)`,
        )
        .bind(tenant.slug, cutoff, batch)
    }),
  )
  return results.reduce((sum, r) => sum + (r.meta.changes ?? 0), 0)
}
