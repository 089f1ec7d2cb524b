import type { ScheduledController } from '@cloudflare/workers-types'
import { startAnnouncements } from './announcements/start'
import { retryDueForwards } from './consultation/forward'
import { runTick } from './delivery/tick'
import type { Env } from './env'
import { afterRuns, type Chore } from './housekeeping'
import { pruneSnapshots, pruneOptionsFrom as snapshotPruneOptionsFrom } from './snapshot/prune'
import { type LoadedSnapshot, loadActiveSnapshot } from './snapshot/read'

/**
 * A cron tick (UTC): consultations not yet at their desk, then the announcements whose time has
 * come, then each tenant's run whose local send
 * time has come, then the housekeeping (housekeeping.ts, shard by shard), in that order. A chore
 * that fails is logged and tried again next tick; it never stops the others or the day's deliveries.
 */
export async function onScheduled(controller: ScheduledController, env: Env): Promise<void> {
  const now = new Date(controller.scheduledTime)
  await perform({ name: 'consultations: retry', run: () => consultationRetries(env, now) })
  const snapshot = await loadActiveSnapshot(env.DB)
  if (snapshot) {
    await perform(announcements(env, snapshot, now))
    await startRuns(env, snapshot, now)
    for (const chore of await afterRuns(env, snapshot, now)) await perform(chore)
  } else console.log(`cron ${controller.cron}: no active manifest, nothing to send`)
  await perform(snapshotPruning(env, now))
}

async function consultationRetries(env: Env, now: Date): Promise<string | null> {
  const f = await retryDueForwards(env, now)
  return f.sent + f.pending + f.failed > 0
    ? `consultations: ${f.sent} forwarded, ${f.pending} to retry, ${f.failed} failed`
    : null
}

/** Each tenant's run in the shard of its residents; a tenant being moved waits for a later tick. */
async function startRuns(env: Env, snapshot: LoadedSnapshot, now: Date): Promise<void> {
  const reports = await runTick({
    env,
    queue: env.DELIVERY_QUEUE,
    snapshot,
    now,
    reschedule: env.RESCHEDULE_QUEUE,
  })
  for (const r of reports) {
    if (r.outcome !== 'not-yet')
      console.log(
        `run ${r.tenant} ${r.localDate}: ${r.outcome}, ${r.subscribers} enqueued (${r.pass ?? '-'} pass, ${r.rowsRead} rows read)`,
      )
  }
}

/** Announcements whose time has come start (an urgent one started at its activation already). */
function announcements(env: Env, snapshot: LoadedSnapshot, now: Date): Chore {
  return {
    name: 'announcements: start',
    run: async () => {
      const r = await startAnnouncements(env, snapshot, now)
      for (const id of r.stale) console.warn(`announcement ${id}: its time passed over 7 days ago, not sent`)
      const lines = [
        r.started.length > 0 ? `started ${r.started.join(', ')}` : '',
        r.resumed.length > 0 ? `walk resumed ${r.resumed.join(', ')}` : '',
        r.finished.length > 0 ? `sent ${r.finished.join(', ')}` : '',
      ].filter(Boolean)
      return lines.length > 0 ? `announcements: ${lines.join('; ')}` : null
    },
  }
}

/** Last, a bounded piece of pruning of snapshots nothing needs any more. */
function snapshotPruning(env: Env, now: Date): Chore {
  return {
    name: 'snapshots: pruning',
    run: async () => {
      const pruned = await pruneSnapshots(env, now, snapshotPruneOptionsFrom(env))
      return pruned.manifests.length + pruned.parts.length > 0
        ? `pruned ${pruned.manifests.length} manifests, ${pruned.parts.length} parts`
        : null
    },
  }
}

async function perform(chore: Chore): Promise<void> {
  try {
    const line = await chore.run()
    if (line) console.log(line)
  } catch (error) {
    console.error(`${chore.name} failed:`, error instanceof Error ? error.message : error)
  }
}
