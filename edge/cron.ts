import type { ScheduledController } from '@cloudflare/workers-types'
import { retryDueForwards } from './consultation/forward'
import { pruneDeliveries, pruneOptionsFrom } from './delivery/prune'
import { runTick } from './delivery/tick'
import type { Env } from './env'
import { sweepRetention } from './resident/retention'
import { loadActiveSnapshot } from './snapshot/read'
import { surveyTick } from './surveys/cron'
import { pruneVerifications } from './verification/prune'

/** A cron tick (UTC): retries consultations not yet at their desk, then starts or resumes each tenant's run whose local send time has come. */
export async function onScheduled(controller: ScheduledController, env: Env): Promise<void> {
  try {
    const f = await retryDueForwards(env, new Date(controller.scheduledTime))
    if (f.sent + f.pending + f.failed > 0)
      console.log(`consultations: ${f.sent} forwarded, ${f.pending} to retry, ${f.failed} failed`)
  } catch (error) {
    // Never in the way of the day's deliveries; the next tick tries again.
    console.error('consultations: retry failed', error)
  }
  const snapshot = await loadActiveSnapshot(env.DB)
  if (!snapshot) {
    console.log(`cron ${controller.cron}: no active manifest, nothing to send`)
    return
  }
  const reports = await runTick({
    db: env.DB,
    queue: env.DELIVERY_QUEUE,
    snapshot,
    now: new Date(controller.scheduledTime),
    reschedule: env.RESCHEDULE_QUEUE,
  })
  for (const r of reports) {
    if (r.outcome !== 'not-yet')
      console.log(
        `run ${r.tenant} ${r.localDate}: ${r.outcome}, ${r.subscribers} enqueued (${r.pass ?? '-'} pass, ${r.rowsRead} rows read)`,
      )
  }
  // Then a bounded batch of residents whose tenant's retention days are over.
  try {
    const tenants = [...snapshot.tenants.values()].map((part) => part.tenant)
    const r = await sweepRetention(env.DB, tenants, new Date(controller.scheduledTime))
    if (r.marked + r.deleted > 0)
      console.log(`retention: ${r.marked} inactive from now, ${r.deleted} deleted`)
  } catch (error) {
    console.error('retention: sweep failed', error)
  }
  // And a bounded batch of old delivery rows, rolled up into per-day counts.
  try {
    const p = await pruneDeliveries(env.DB, new Date(controller.scheduledTime), pruneOptionsFrom(env))
    if (p.pruned > 0) console.log(`deliveries: ${p.pruned} rolled up and pruned (before ${p.cutoff})`)
  } catch (error) {
    console.error('deliveries: pruning failed', error)
  }
  // Rate counters and address proofs whose time is over.
  try {
    await pruneVerifications(env.DB, new Date(controller.scheduledTime))
  } catch (error) {
    console.error('verifications: pruning failed', error)
  }
  // Interview requests not yet at their desk, and once a day the anonymous counts to the CMS.
  await surveyTick(env, { tenants: [...snapshot.tenants.keys()], now: new Date(controller.scheduledTime) })
}
