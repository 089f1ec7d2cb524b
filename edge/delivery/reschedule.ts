import type { D1Database } from '@cloudflare/workers-types'
import { programOf } from '../../shared/compose'
import { canonicalJson, contentHash, type TenantPart, type TenantSettings } from '../../shared/contract'
import type { TimelineRow } from '../resident/rows'
import { nextSendFor, today } from '../resident/schedule'
import { readManifest } from '../snapshot/status'
import { readPartText } from '../snapshot/store'

const chunkSize = 200

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

/** The tenant's settings as the active manifest (in main) names them now, with the part's hash. */
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

export type RescheduleOutcome =
  /** This many subscribers rescheduled; `after` is the cursor of the next chunk, null when done. */
  | { kind: 'done'; rescheduled: number; after: number | null }
  /** The tenant is no longer in the active manifest: nobody to reschedule under it. */
  | { kind: 'gone' }
  /** The active program is no longer `program`: a later publish's walk takes over. */
  | { kind: 'superseded' }

/** The hash a run and a reschedule know a tenant's program by (tenant_runs.program_hash). */
export function programHashOf(tenant: TenantSettings): Promise<string> {
  return contentHash(programOf(tenant))
}

/**
 * The tenant's walk is under way for `program` (an activation changed it): until it ends, the
 * day's run reads everyone, since next_send_on may still be an earlier program's.
 */
export function markRescheduleStarted(db: D1Database, tenant: string, program: string, now: Date) {
  return db
    .prepare(
      `INSERT INTO tenant_schedules (tenant_slug, program_hash, rescheduled_at, updated_at) VALUES (?1, ?2, NULL, ?3)
       ON CONFLICT (tenant_slug) DO UPDATE SET program_hash = ?2, rescheduled_at = NULL, updated_at = ?3`,
    )
    .bind(tenant, program, now.toISOString())
}

/**
 * Recomputes next_send_on for one chunk of the tenant's subscribers who may receive messages, under
 * the program the active manifest holds at that moment. A walk for `program` stops once another
 * program is active; its last chunk records the walk ended.
 *
 * The active manifest is in main, the subscribers in the tenant's shard (`db`), so no statement
 * can check the one while writing the other. The shard's own record of the tenant's program
 * carries the check instead: every walk is enqueued after its program is marked in
 * tenant_schedules (markRescheduleStarted, or a run's mark), so a chunk is written only if the
 * shard names no other program for the tenant, in the same statement. A chunk computed just before
 * another switch either lands before that switch's mark — and its walk, enqueued after the mark,
 * computes everyone again — or is refused. Refused while main still names this program (the mark
 * of a publish rolled back since, or one written late), the walk marks its program again and goes
 * on; otherwise a later publish's walk takes over.
 *
 * While today's run is still being enqueued, someone due today (next_send_on on or before it)
 * keeps that date: the run reads the due index from a cursor, and after the send time the new
 * program would put them on tomorrow or later, so they would miss today's message of the run's
 * manifest. Once they are on the queue the consumer plans from the timelines and moves them on.
 */
export async function rescheduleChunk(
  { db, main }: { db: D1Database; main: D1Database },
  slug: string,
  after: number,
  now: Date,
  size = chunkSize,
  program?: string,
): Promise<RescheduleOutcome> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const active = await activeTenant(main, slug)
    if (!active) return { kind: 'gone' }
    const activeProgram = await programHashOf(active.tenant)
    if (program !== undefined && program !== activeProgram) return { kind: 'superseded' }
    if (attempt > 0) await markRescheduleStarted(db, slug, activeProgram, now).run()
    const stillTheirs = `NOT EXISTS (SELECT 1 FROM tenant_schedules WHERE tenant_slug = ?1 AND program_hash <> ?2)`
    const finished = db
      .prepare(
        `INSERT INTO tenant_schedules (tenant_slug, program_hash, rescheduled_at, updated_at)
         SELECT ?1, ?2, ?3, ?3 WHERE ${stillTheirs}
         ON CONFLICT (tenant_slug) DO UPDATE SET rescheduled_at = ?3, updated_at = ?3`,
      )
      .bind(slug, activeProgram, now.toISOString())
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
    if (results.length === 0) {
      if ((await finished.run()).meta.changes === 0) continue
      return { kind: 'done', rescheduled: 0, after: null }
    }
    const updates = results.map((r) => ({
      id: r.id,
      next: nextSendFor(
        { state: r.state, pausedUntil: r.pausedUntil, timelines: JSON.parse(r.timelines) as TimelineRow[] },
        active.tenant,
        now,
      ),
    }))
    const update = db
      .prepare(
        `UPDATE subscribers SET updated_at = ?3,
           next_send_on = CASE WHEN subscribers.next_send_on <= ?5
                                AND EXISTS (SELECT 1 FROM tenant_runs r WHERE r.tenant_slug = ?1 AND r.local_date = ?5
                                            AND r.state = 'enqueuing')
                               THEN subscribers.next_send_on ELSE json_extract(j.value, '$.next') END
         FROM json_each(?4) j
         WHERE subscribers.id = json_extract(j.value, '$.id') AND ${stillTheirs}`,
      )
      .bind(slug, activeProgram, now.toISOString(), JSON.stringify(updates), today(active.tenant, now))
    const last = results.length < size
    const [written] = await db.batch(last ? [update, finished] : [update])
    // Nothing written while rows were read: the shard names another program; look at main again.
    if (written!.meta.changes === 0) continue
    return { kind: 'done', rescheduled: results.length, after: last ? null : results.at(-1)!.row }
  }
  return { kind: 'superseded' }
}
