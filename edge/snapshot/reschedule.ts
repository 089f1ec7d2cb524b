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

/** The tenant's settings as the active manifest names them now, with the part's hash. */
export async function activeTenant(
  db: D1Database,
  slug: string,
): Promise<{ hash: string; tenant: TenantSettings } | null> {
  const row = await db
    .prepare(
      `SELECT p.hash FROM active_manifest a
       JOIN manifest_parts mp ON mp.manifest_id = a.manifest_id
       JOIN snapshot_parts p ON p.hash = mp.part_hash
       WHERE a.slot = 1 AND p.kind = 'tenant' AND p.tenant_slug = ?1`,
    )
    .bind(slug)
    .first<{ hash: string }>()
  const tenant = row ? await tenantOf(db, row.hash) : null
  return row && tenant ? { hash: row.hash, tenant } : null
}

export type PageOutcome =
  /** This many subscribers rescheduled; `after` is the cursor of the next page, null when done. */
  | { kind: 'done'; rescheduled: number; after: number | null }
  /** The tenant is no longer in the active manifest: nobody to reschedule under it. */
  | { kind: 'gone' }

/**
 * Recomputes next_send_on for one page of the tenant's subscribers who may receive messages, under
 * the program the active manifest holds at that moment. The write lands only if that tenant part is
 * still active, so a page computed just before another switch is computed again, never left stale.
 */
export async function reschedulePage(
  db: D1Database,
  slug: string,
  after: number,
  now: Date,
  size = pageSize,
): Promise<PageOutcome> {
  for (;;) {
    const active = await activeTenant(db, slug)
    if (!active) return { kind: 'gone' }
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
      .bind(slug, after, size)
      .all<{
        row: number
        id: string
        state: 'active' | 'paused'
        pausedUntil: string | null
        timelines: string
      }>()
    if (results.length === 0) return { kind: 'done', rescheduled: 0, after: null }
    const updates = results.map((r) => ({
      id: r.id,
      next: nextSendFor(
        { state: r.state, pausedUntil: r.pausedUntil, timelines: JSON.parse(r.timelines) as TimelineRow[] },
        active.tenant,
        now,
      ),
    }))
    const written = await db
      .prepare(
        `UPDATE subscribers SET next_send_on = json_extract(j.value, '$.next'), updated_at = ?2
         FROM json_each(?1) j
         WHERE subscribers.id = json_extract(j.value, '$.id')
           AND EXISTS (SELECT 1 FROM active_manifest a JOIN manifest_parts mp ON mp.manifest_id = a.manifest_id
                       WHERE a.slot = 1 AND mp.part_hash = ?3)`,
      )
      .bind(JSON.stringify(updates), now.toISOString(), active.hash)
      .run()
    // Nothing written while rows were read: the tenant's part changed meanwhile; compute again.
    if (written.meta.changes === 0) continue
    return {
      kind: 'done',
      rescheduled: results.length,
      after: results.length < size ? null : results.at(-1)!.row,
    }
  }
}
