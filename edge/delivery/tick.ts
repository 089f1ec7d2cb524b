import type { D1Database, Queue } from '@cloudflare/workers-types'
import { localDate, localTime } from '../../shared/calendar'
import type { TenantSettings } from '../../shared/contract'
import type { Env } from '../env'
import type { DeliveryBatch, RescheduleMessage } from '../queues'
import { tenantsByShard } from '../shards/map'
import type { LoadedSnapshot } from '../snapshot/read'
import { dueSubscriberChunk, everySubscriberChunk } from './due'
import { programHashOf } from './reschedule'
import { claimRun, finishRun, type RunPass, recordChunk, releaseRun } from './tenant-run'

export interface TickOptions {
  /** Subscribers read per chunk (one query); split into queue messages of `batchSize`. */
  chunkSize: number
  batchSize: number
  /** Chunk queries one tick may run over all tenants (D1 allows 1,000 queries per invocation). */
  chunkBudget: number
  /** How long a tick holds a run before another may take over (cron wall time is 15 min). */
  leaseSeconds: number
}

export const defaultTickOptions: TickOptions = {
  chunkSize: 2000,
  batchSize: 100,
  chunkBudget: 300,
  leaseSeconds: 600,
}

export interface TickReport {
  tenant: string
  localDate: string
  /** `moving`: the tenant's residents are moving to another shard; a later tick runs the day. */
  outcome: 'not-yet' | 'held-or-finished' | 'enqueued' | 'paused-for-budget' | 'lease-lost' | 'moving'
  /** Which subscribers the run reads (see ClaimedRun.pass); null when no run was claimed. */
  pass: RunPass | null
  subscribers: number
  /** Subscriber rows D1 read for the chunks of this tick. */
  rowsRead: number
}

/** The tenants whose local send time has come, with their local date today. */
export function tenantsDue(
  tenants: Iterable<TenantSettings>,
  now: Date,
): { tenant: TenantSettings; localDate: string }[] {
  const due = []
  for (const tenant of tenants) {
    if (localTime(now, tenant.timeZone) >= tenant.sendTime)
      due.push({ tenant, localDate: localDate(now, tenant.timeZone) })
  }
  return due
}

/**
 * Where the tick finds each tenant's residents: `env`, through the tenant → shard map (the cron);
 * or `db`, one database holding every tenant's (a single-shard test).
 */
export type TickDatabases = { env: Env } | { db: D1Database }

/** Each tenant's shard database, or `moving` while its residents move (its run waits). */
async function residentDatabases(
  where: TickDatabases,
  tenants: readonly string[],
): Promise<{ main: D1Database; shardOf: Map<string, D1Database | 'moving'> }> {
  if ('db' in where) return { main: where.db, shardOf: new Map(tenants.map((t) => [t, where.db])) }
  const shardOf = new Map<string, D1Database | 'moving'>()
  for (const group of await tenantsByShard(where.env, tenants)) {
    for (const tenant of group.tenants) shardOf.set(tenant, group.db)
    for (const tenant of group.moving) shardOf.set(tenant, 'moving')
  }
  return { main: where.env.DB, shardOf }
}

/**
 * One cron tick: for each tenant whose send time has passed today and whose run is unfinished,
 * claim the run and enqueue its due subscribers chunk by chunk (every active subscriber, the first
 * day of a changed program). A missed tick is caught up by the next one (the run is still
 * unfinished); an overlapping tick finds the run held and does nothing. Everything about the run
 * is in the tenant's shard; a tenant whose residents are moving is left to a tick after the move
 * (runs are claimed per tenant and date, so nothing is enqueued twice).
 */
export async function runTick(
  deps: TickDatabases & {
    queue: Queue<DeliveryBatch>
    snapshot: LoadedSnapshot
    now: Date
    /** Where a run that marks a changed program's reschedule under way sends the walk that ends it. */
    reschedule?: Queue<RescheduleMessage>
    /** Runs this date for every tenant at once, send times or not (the local outbox's chosen day). */
    localDate?: string
  },
  options: TickOptions = defaultTickOptions,
): Promise<TickReport[]> {
  const { queue, snapshot, now } = deps
  const reports: TickReport[] = []
  let budget = options.chunkBudget
  const settings = [...snapshot.tenants.values()].map((part) => part.tenant)
  const due = new Set(
    deps.localDate ? settings.map((t) => t.slug) : tenantsDue(settings, now).map((d) => d.tenant.slug),
  )
  const { main, shardOf } = await residentDatabases(
    deps,
    settings.flatMap((t) => (due.has(t.slug) ? [t.slug] : [])),
  )
  for (const tenant of settings) {
    const date = deps.localDate ?? localDate(now, tenant.timeZone)
    const report: TickReport = {
      tenant: tenant.slug,
      localDate: date,
      outcome: 'not-yet',
      pass: null,
      subscribers: 0,
      rowsRead: 0,
    }
    reports.push(report)
    if (!due.has(tenant.slug)) continue
    const db = shardOf.get(tenant.slug)
    // A tenant placed on a shard this Worker does not bind: a deployment error, said in the log.
    if (db === undefined) {
      console.error(`run ${tenant.slug} ${date}: its shard is not bound; nothing enqueued`)
      continue
    }
    if (db === 'moving') {
      report.outcome = 'moving'
      continue
    }
    if (budget <= 0) {
      report.outcome = 'paused-for-budget'
      continue
    }
    const programHash = await programHashOf(tenant)
    const run = await claimRun(db, main, {
      tenant: tenant.slug,
      localDate: date,
      manifestId: snapshot.manifest.id,
      programHash,
      now,
      leaseSeconds: options.leaseSeconds,
    })
    if (!run) {
      report.outcome = 'held-or-finished'
      continue
    }
    if (run.rescheduleNeeded)
      await deps.reschedule?.send({ kind: 'tenant', tenant: tenant.slug, after: 0, program: programHash })
    report.pass = run.pass
    let cursor = run.cursor
    for (;;) {
      if (budget <= 0) {
        await releaseRun(db, run, now)
        report.outcome = 'paused-for-budget'
        break
      }
      const read =
        run.pass === 'all'
          ? await everySubscriberChunk(db, { tenant: tenant.slug, after: cursor, limit: options.chunkSize })
          : await dueSubscriberChunk(db, {
              tenant: tenant.slug,
              localDate: date,
              after: cursor,
              limit: options.chunkSize,
            })
      budget -= read.queries
      report.rowsRead += read.rowsRead
      const batches = groupsOf(read.ids, options.batchSize).map((subscriberIds) => ({
        body: { tenant: tenant.slug, localDate: date, manifestId: run.manifestId, subscriberIds },
      }))
      for (const messages of groupsOf(batches, 100)) await queue.sendBatch(messages)
      report.subscribers += read.ids.length
      if (read.cursor === null) {
        if (read.ids.length > 0) {
          await recordChunk(db, run, {
            cursor: cursor ?? '',
            subscribers: read.ids.length,
            batches: batches.length,
            now,
          })
        }
        await finishRun(db, run, now)
        report.outcome = 'enqueued'
        break
      }
      const kept = await recordChunk(db, run, {
        cursor: read.cursor,
        subscribers: read.ids.length,
        batches: batches.length,
        now,
      })
      if (!kept) {
        report.outcome = 'lease-lost'
        break
      }
      cursor = read.cursor
    }
  }
  return reports
}

function groupsOf<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
