// A Worker for the consumers-parallel bench only (never deployed): the real tick and queue consumer
// in workerd against wrangler's local D1, with two towns placed on two shards (DB and SHARD_2) in
// the tenant → shard map, so each queue message is worked in its town's shard exactly as
// edge/delivery/consume.ts resolves it. Driven over HTTP by bench/scenarios/consumers-parallel.ts,
// which sends several /consume requests at once, as Queues runs consumers with max_concurrency.
// The metered D1 (with each statement's busy time), null adapter and seed are bench/workers/shared.ts's.
import type { D1Database, Queue } from '@cloudflare/workers-types'
import { deliverBatch } from '../../edge/delivery/deliver'
import { runTick } from '../../edge/delivery/tick'
import type { Env } from '../../edge/env'
import type { DeliveryBatch } from '../../edge/queues'
import { residentShard } from '../../edge/shards/map'
import type { LoadedSnapshot } from '../../edge/snapshot/read'
import { fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'
import { benchDay, linkSecret, metered, nullAdapter, seed } from './shared'

const first = fixtureTenantParts[0]!
/** The same town's settings under a second slug, so both shards do the same work per delivery. */
const second = { ...first, tenant: { ...first.tenant, slug: `${first.tenant.slug}-2` } }
/** Town slug → the shard it is placed on. */
export const benchTowns = { [first.tenant.slug]: 1, [second.tenant.slug]: 2 } as const

export interface ShardMeter {
  rowsRead: number
  rowsWritten: number
  statements: number
  /** Sum of every statement's meta.duration (ms): the time the database was busy with them. */
  busyMs: number
  /** Residents whose queue message was worked in this shard. */
  residents: number
  /** Messages the null adapter was handed for them. */
  sent: number
}

export const emptyMeter = (): ShardMeter => ({
  rowsRead: 0,
  rowsWritten: 0,
  statements: 0,
  busyMs: 0,
  residents: 0,
  sent: 0,
})

const snapshot = {
  manifest: { id: 'bench-1', contractVersion: 1, createdAt: '2026-11-20T00:00:00.000Z', parts: [] },
  national: fixtureNationalPart,
  tenants: new Map([
    [first.tenant.slug, first],
    [second.tenant.slug, second],
  ]),
} as unknown as LoadedSnapshot

/** The two towns in the tenant → shard map of the main database, as an operator's move leaves them. */
async function place(env: Env): Promise<void> {
  await env.DB.prepare(
    `INSERT INTO tenant_shards (tenant_slug, shard, updated_at)
       SELECT value ->> 0, value ->> 1, ?2 FROM json_each(?1) WHERE true
       ON CONFLICT (tenant_slug) DO UPDATE SET shard = excluded.shard, moving_to = NULL`,
  )
    .bind(JSON.stringify(Object.entries(benchTowns)), '2026-11-20T00:00:00.000Z')
    .run()
}

/** The town's residents first..first+count-1 in its shard, each due today with one timeline. */
async function seedTown(env: Env, tenant: string, from: number, count: number): Promise<void> {
  await seed((await residentShard(env, tenant)).db, tenant, from, count)
}

/** The tick's queue messages, kept for the driver (it hands them out to consumers). */
async function tick(env: Env, pages: number) {
  const batches: DeliveryBatch[] = []
  const queue = {
    async sendBatch(messages: Iterable<{ body: DeliveryBatch }>) {
      for (const m of messages) batches.push(m.body)
    },
  } as unknown as Queue<DeliveryBatch>
  const reports = await runTick(
    { env, queue, snapshot, now: new Date(`${benchDay}T03:00:00Z`) },
    { chunkSize: 2000, batchSize: 100, chunkBudget: pages, leaseSeconds: 600 },
  )
  return { batches, finished: reports.every((r) => r.outcome !== 'paused-for-budget') }
}

/**
 * One consumer invocation: each queue message in its town's shard (resolved through the map, as
 * the Worker's consumer does), one after another, metered per shard. Shard 1 is also the main
 * database, so the map's read counts there, as it does in production.
 */
async function consume(env: Env, batches: DeliveryBatch[]): Promise<Record<number, ShardMeter>> {
  const meters: Record<number, ShardMeter> = { 1: emptyMeter(), 2: emptyMeter() }
  const view = { ...env, DB: metered(env.DB, meters[1]!), SHARD_2: metered(env.SHARD_2!, meters[2]!) }
  for (const batch of batches) {
    const { shard, db } = await residentShard(view, batch.tenant)
    const report = await deliverBatch(
      {
        db,
        shard,
        snapshot,
        adapterFor: async () => nullAdapter(meters[shard]!),
        origin: 'https://yorisoi.example.jp',
        linkSecret,
        now: () => new Date(`${benchDay}T03:10:00Z`),
      },
      batch,
    )
    if (report.pending > 0) throw new Error(`a batch of ${batch.tenant} left ${report.pending} pending`)
    meters[shard]!.residents += batch.subscriberIds.length
  }
  return meters
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url)
    if (url.pathname === '/healthz') return new Response('ok')
    if (url.pathname === '/place') {
      await place(env)
      return Response.json({ placed: benchTowns })
    }
    if (url.pathname === '/seed') {
      const tenant = url.searchParams.get('tenant') ?? ''
      if (!(tenant in benchTowns)) return new Response(`unknown town ${tenant}`, { status: 400 })
      const count = Number(url.searchParams.get('count'))
      await seedTown(env, tenant, Number(url.searchParams.get('from') ?? 0), count)
      return Response.json({ seeded: count })
    }
    if (url.pathname === '/tick')
      return Response.json(await tick(env, Number(url.searchParams.get('pages') ?? 50)))
    if (url.pathname === '/consume') {
      const batches = (await request.json()) as DeliveryBatch[]
      return Response.json(await consume(env, batches))
    }
    // Counted once at the end, outside the timed requests: every delivery row, per shard.
    if (url.pathname === '/sent') {
      const count = async (db: D1Database) =>
        (await db.prepare("SELECT COUNT(*) AS n FROM deliveries WHERE state = 'sent'").first<number>('n')) ??
        0
      return Response.json({ 1: await count(env.DB), 2: await count(env.SHARD_2!) })
    }
    // After a whole day: per shard, its residents, its delivery rows and the residents they went to.
    if (url.pathname === '/delivered') {
      const tally = async (db: D1Database) => ({
        residents: (await db.prepare('SELECT COUNT(*) AS n FROM subscribers').first<number>('n')) ?? 0,
        ...(await db
          .prepare(
            "SELECT COUNT(*) AS rows, COUNT(DISTINCT subscriber_id) AS recipients, COUNT(*) FILTER (WHERE state = 'sent') AS sent FROM deliveries",
          )
          .first<{ rows: number; recipients: number; sent: number }>()),
      })
      return Response.json({ 1: await tally(env.DB), 2: await tally(env.SHARD_2!) })
    }
    return new Response('not found', { status: 404 })
  },
}
