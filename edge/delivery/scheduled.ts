import type { ScheduledController } from '@cloudflare/workers-types'
import type { Env } from '../env'
import { readActiveManifest } from '../snapshot/active'

/**
 * A cron tick. Until the delivery run exists (tenant runs, due subscribers, enqueue) it only
 * reports which snapshot a run would use; it sends and enqueues nothing.
 */
export async function onScheduled(controller: ScheduledController, env: Env): Promise<void> {
  const active = await readActiveManifest(env.DB)
  const tick = new Date(controller.scheduledTime).toISOString()
  console.log(
    active
      ? `cron ${controller.cron} at ${tick}: active manifest ${active.manifestId}; no delivery run yet`
      : `cron ${controller.cron} at ${tick}: no active manifest, nothing to send`,
  )
}
