import type { D1Database } from '@cloudflare/workers-types'
import { canonicalJson, type TenantPart, type TenantSettings } from '../../shared/contract'
import type { TimelineRow } from '../resident/resident'
import { nextSendFor } from '../resident/schedule'
import { readManifest } from './status'
import { readPartText } from './store'

const pageSize = 200

/**
 * The tenants whose program differs between the manifest that was active and the one now active,
 * with their new settings. Only parts whose hash changed are read.
 */
export async function tenantsWithChangedProgram(
  db: D1Database,
  previousManifestId: string | null,
  manifestId: string,
): Promise<TenantSettings[]> {
  if (!previousManifestId || previousManifestId === manifestId) return []
  const [before, after] = await Promise.all([
    readManifest(db, previousManifestId),
    readManifest(db, manifestId),
  ])
  if (!before || !after) return []
  const old = new Map(before.parts.flatMap((p) => (p.kind === 'tenant' ? [[p.tenant, p.hash] as const] : [])))
  const changed: TenantSettings[] = []
  for (const ref of after.parts) {
    if (ref.kind !== 'tenant') continue
    const oldHash = old.get(ref.tenant)
    // A tenant new in this manifest has nobody scheduled under an earlier program.
    if (!oldHash || oldHash === ref.hash) continue
    const [was, now] = await Promise.all([tenantOf(db, oldHash), tenantOf(db, ref.hash)])
    if (was && now && canonicalJson(was.program) !== canonicalJson(now.program)) changed.push(now)
  }
  return changed
}

async function tenantOf(db: D1Database, hash: string): Promise<TenantSettings | null> {
  const text = await readPartText(db, hash)
  return text ? (JSON.parse(text) as TenantPart).tenant : null
}

/**
 * Recomputes next_send_on for every subscriber of the tenant who may receive messages, a page at a
 * time: one read (with timelines) and one write per page. Returns how many rows were rescheduled.
 */
export async function rescheduleTenant(db: D1Database, tenant: TenantSettings, now: Date): Promise<number> {
  let after = 0
  let total = 0
  for (;;) {
    const { results } = await db
      .prepare(
        `SELECT s.rowid AS row, s.id, s.state, s.paused_until AS pausedUntil,
                (SELECT json_group_array(json_object('id', t.id, 'dueDate', t.due_date, 'birthDate', t.birth_date,
                          'birthReportedOn', t.birth_reported_on, 'lossDate', t.loss_date,
                          'lossReportedOn', t.loss_reported_on))
                 FROM timelines t JOIN timeline_members m ON m.timeline_id = t.id
                 WHERE m.subscriber_id = s.id) AS timelines
         FROM subscribers s
         WHERE s.tenant_slug = ?1 AND s.state IN ('active', 'paused') AND s.rowid > ?2
         ORDER BY s.rowid LIMIT ?3`,
      )
      .bind(tenant.slug, after, pageSize)
      .all<{
        row: number
        id: string
        state: 'active' | 'paused'
        pausedUntil: string | null
        timelines: string
      }>()
    if (results.length === 0) return total
    const updates = results.map((r) => ({
      id: r.id,
      next: nextSendFor(
        { state: r.state, pausedUntil: r.pausedUntil, timelines: JSON.parse(r.timelines) as TimelineRow[] },
        tenant,
        now,
      ),
    }))
    await db
      .prepare(
        `UPDATE subscribers SET next_send_on = json_extract(j.value, '$.next'), updated_at = ?2
         FROM json_each(?1) j WHERE subscribers.id = json_extract(j.value, '$.id')`,
      )
      .bind(JSON.stringify(updates), now.toISOString())
      .run()
    total += results.length
    after = results.at(-1)!.row
  }
}

/** After a switch: reschedule the subscribers of every tenant whose program changed. */
export async function rescheduleAfterActivation(
  db: D1Database,
  previousManifestId: string | null,
  manifestId: string,
  now: Date,
): Promise<number> {
  let total = 0
  for (const tenant of await tenantsWithChangedProgram(db, previousManifestId, manifestId)) {
    total += await rescheduleTenant(db, tenant, now)
  }
  return total
}
