import type { Queue } from '@cloudflare/workers-types'
import type { Env } from '../env'
import type { RescheduleMessage } from '../queues'
import { residentShard, TenantMoving } from '../shards/map'
import type { LoadedSnapshot } from '../snapshot/read'
import { dueAnnouncements } from './due'
import { finishRun, insertRuns, knownRuns, sendingRuns } from './runs'

/** A walk that has not moved for this long lost its message (a crash between two pages): resumed. */
const walkStalledAfterMs = 10 * 60_000
/** After this, a walked run with nothing pending is sent even if some recipient has no delivery. */
const settledAfterMs = 2 * 60 * 60_000

export interface Started {
  started: string[]
  stale: string[]
  resumed: string[]
  finished: string[]
}

/**
 * Starts each announcement of the active snapshot whose time has come and that has no run yet, in
 * the shard of its town: the run row is inserted (or found: sent, cancelled, or started by a
 * concurrent call) and only the inserter enqueues the walk. A rollback to a manifest still
 * carrying a sent or cancelled notice finds its row and does nothing. Runs still sending whose
 * walk stalled are resumed; those long over are closed. A town being moved waits for a later call.
 */
export async function startAnnouncements(
  env: Env,
  snapshot: LoadedSnapshot,
  now: Date,
  queue: Queue<RescheduleMessage> = env.RESCHEDULE_QUEUE,
): Promise<Started> {
  const report: Started = { started: [], stale: [], resumed: [], finished: [] }
  for (const [tenant, part] of snapshot.tenants) {
    if (part.announcements.length === 0) continue
    let db: Awaited<ReturnType<typeof residentShard>>['db']
    try {
      db = (await residentShard(env, tenant)).db
    } catch (error) {
      if (error instanceof TenantMoving) continue
      throw error
    }
    const { due, stale } = dueAnnouncements(part.announcements, now)
    const started = await insertRuns(db, tenant, due, snapshot.manifest.id, now)
    if (started.length > 0)
      await queue.sendBatch(
        started.map((announcementId) => ({
          body: { kind: 'announcement-walk' as const, tenant, announcementId, after: 0 },
        })),
      )
    report.started.push(...started.map((id) => `${tenant}/${id}`))
    if (stale.length > 0) {
      const known = await knownRuns(
        db,
        tenant,
        stale.map((a) => a.id),
      )
      report.stale.push(...stale.filter((a) => !known.has(a.id)).map((a) => `${tenant}/${a.id}`))
    }
    for (const run of await sendingRuns(db, tenant)) {
      const quiet = now.getTime() - Date.parse(run.updatedAt)
      if (run.cursor !== null && quiet > walkStalledAfterMs) {
        await queue.send({
          kind: 'announcement-walk',
          tenant,
          announcementId: run.announcementId,
          after: run.cursor,
        })
        report.resumed.push(`${tenant}/${run.announcementId}`)
      } else if (
        run.cursor === null &&
        (await finishRun(db, tenant, run.announcementId, now, new Date(now.getTime() - settledAfterMs)))
      )
        report.finished.push(`${tenant}/${run.announcementId}`)
    }
  }
  return report
}
