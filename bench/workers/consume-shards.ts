// A Worker for the consumers-parallel bench only (never deployed): the real tick and queue consumer
// in workerd against wrangler's local D1, with two towns placed on two shards (DB and SHARD_2) in
// the tenant → shard map, so each queue message is worked in its town's shard exactly as
// edge/delivery/consume.ts resolves it. Driven over HTTP by bench/scenarios/consumers-parallel.ts,
// which sends several /consume requests at once, as Queues runs consumers with max_concurrency.
// The metered D1, null adapter and seed are those of bench/workers/consume.ts (not exported there),
// plus each statement's D1 busy time from its meta.
import type { D1Database, D1PreparedStatement, D1Result, Queue } from '@cloudflare/workers-types'
import type { ChannelAdapter } from '../../edge/channels/adapter'
import { deliverBatch } from '../../edge/delivery/deliver'
import { runTick } from '../../edge/delivery/tick'
import type { Env } from '../../edge/env'
import type { DeliveryBatch } from '../../edge/queues'
import { residentShard } from '../../edge/shards/map'
import type { LoadedSnapshot } from '../../edge/snapshot/read'
import { fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'

const benchDay = '2026-11-23'
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
}

export const emptyMeter = (): ShardMeter => ({
  rowsRead: 0,
  rowsWritten: 0,
  statements: 0,
  busyMs: 0,
  residents: 0,
})

type Inner = { inner: D1PreparedStatement }

/** The same D1, with every statement's rows and duration added up from its meta. */
function metered(db: D1Database, meter: ShardMeter): D1Database {
  const add = (result: D1Result<unknown>) => {
    meter.rowsRead += result.meta.rows_read ?? 0
    meter.rowsWritten += result.meta.rows_written ?? 0
    meter.busyMs += result.meta.duration ?? 0
    meter.statements++
  }
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement =>
    ({
      inner: statement,
      bind: (...values: unknown[]) => wrap(statement.bind(...values)),
      async all() {
        const result = await statement.all()
        add(result)
        return result
      },
      async run() {
        const result = await statement.run()
        add(result)
        return result
      },
      async first(column?: string) {
        const result = await statement.all<Record<string, unknown>>()
        add(result)
        const row = result.results[0] ?? null
        return column ? (row?.[column] ?? null) : row
      },
    }) as unknown as D1PreparedStatement
  return {
    prepare: (sql: string) => wrap(db.prepare(sql)),
    async batch(statements: D1PreparedStatement[]) {
      const results = await db.batch((statements as unknown as Inner[]).map((s) => s.inner))
      for (const result of results) add(result)
      return results
    },
  } as unknown as D1Database
}

const nullAdapter: ChannelAdapter = {
  name: 'null',
  maxBatchSize: 100,
  idempotent: true,
  async send(messages) {
    return messages.map((m) => ({ idempotencyKey: m.idempotencyKey, outcome: 'sent' as const }))
  },
}

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
async function seed(env: Env, tenant: string, from: number, count: number): Promise<void> {
  const { db } = await residentShard(env, tenant)
  const at = '2026-10-01T00:00:00.000Z'
  for (let done = 0; done < count; done += 5000) {
    const ids = JSON.stringify(
      Array.from({ length: Math.min(5000, count - done) }, (_, i) => from + done + i),
    )
    await db.batch([
      db
        .prepare(
          `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, next_send_on, created_at, updated_at)
           SELECT 's' || value, ?2, 'はな', 'primary', 'ja', 'email', 's' || value || '@example.jp', 'active', ?3, ?4, ?4
           FROM json_each(?1)`,
        )
        .bind(ids, tenant, benchDay, at),
      db
        .prepare(
          `INSERT INTO timelines (id, tenant_slug, due_date, created_at, updated_at)
           SELECT 't' || value, ?2, '2027-02-15', ?3, ?3 FROM json_each(?1)`,
        )
        .bind(ids, tenant, at),
      db
        .prepare(
          `INSERT INTO timeline_members (timeline_id, subscriber_id) SELECT 't' || value, 's' || value FROM json_each(?1)`,
        )
        .bind(ids),
    ])
  }
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
        adapterFor: async () => nullAdapter,
        origin: 'https://yorisoi.example.jp',
        linkSecret: 'bench-link-secret',
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
      await seed(env, tenant, Number(url.searchParams.get('from') ?? 0), count)
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
    return new Response('not found', { status: 404 })
  },
}
