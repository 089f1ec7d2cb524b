// A Worker for the delivery-consume bench only (never deployed): it runs the real tick and queue
// consumer in workerd against wrangler's local D1, as the Worker does, driven over HTTP by
// bench/scenarios/delivery-consume.ts in slices, so the consumer is timed where it really runs.
import type { D1Database, Queue } from '@cloudflare/workers-types'
import { deliverBatch } from '../../edge/delivery/deliver'
import { runTick } from '../../edge/delivery/tick'
import type { DeliveryBatch } from '../../edge/queues'
import {
  benchDay,
  benchSnapshot,
  benchTenant,
  linkSecret,
  type Meter,
  metered,
  nullAdapter,
  seed,
} from './shared'

const tenant = benchTenant
const snapshot = benchSnapshot

// The day's queue messages are kept in a bench table: wrangler dev may start a fresh isolate
// between the driver's requests, so nothing is kept in memory.
async function batchesBetween(db: D1Database, from: number, to: number): Promise<DeliveryBatch[]> {
  const { results } = await db
    .prepare('SELECT body FROM bench_batches WHERE i >= ?1 AND i < ?2 ORDER BY i')
    .bind(from, to)
    .all<{ body: string }>()
  if (results.length === 0) throw new Error(`no queue messages ${from}–${to}: was /seed called?`)
  return results.map((r) => JSON.parse(r.body) as DeliveryBatch)
}

async function benchTables(db: D1Database): Promise<void> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS raw_deliveries (id TEXT PRIMARY KEY, subscriber_id TEXT NOT NULL, local_date TEXT NOT NULL, state TEXT NOT NULL)',
  )
  await db.exec('CREATE TABLE IF NOT EXISTS bench_batches (i INTEGER PRIMARY KEY, body TEXT NOT NULL)')
}

/** The least D1 work per queue message: read, one row per delivery, one update per resident. */
function rawBatch(db: D1Database, ids: string[]) {
  const json = JSON.stringify(ids)
  return db.batch([
    db
      .prepare(
        `SELECT s.id, s.address, t.due_date FROM subscribers s
         JOIN timeline_members m ON m.subscriber_id = s.id JOIN timelines t ON t.id = m.timeline_id
         WHERE s.id IN (SELECT value FROM json_each(?1))`,
      )
      .bind(json),
    db
      .prepare(
        `INSERT INTO raw_deliveries (id, subscriber_id, local_date, state)
         SELECT value || '|' || ?2, value, ?2, 'sent' FROM json_each(?1)`,
      )
      .bind(json, benchDay),
    db
      .prepare('UPDATE subscribers SET updated_at = ?2 WHERE id IN (SELECT value FROM json_each(?1))')
      .bind(json, `${benchDay}T00:10:00.000Z`),
  ])
}

export default {
  async fetch(request: Request, env: { DB: D1Database }): Promise<Response> {
    const url = new URL(request.url)
    const from = Number(url.searchParams.get('from') ?? 0)
    const to = Number(url.searchParams.get('to') ?? 0)
    const meter: Meter = { rowsRead: 0, rowsWritten: 0, statements: 0, bySql: {}, writtenBySql: {} }
    if (url.pathname === '/healthz') return new Response('ok')
    if (url.pathname === '/seed') {
      const count = Number(url.searchParams.get('count'))
      await seed(env.DB, tenant.tenant.slug, from, count)
      await benchTables(env.DB)
      return Response.json({ seeded: count })
    }
    // One tick of at most `pages` pages: the driver calls again while the run is unfinished (a
    // whole 1M-resident day in one request outlasts any HTTP client's patience); batches are
    // numbered on from `from`.
    if (url.pathname === '/tick') {
      const batches: DeliveryBatch[] = []
      const queue = {
        async sendBatch(messages: Iterable<{ body: DeliveryBatch }>) {
          for (const m of messages) batches.push(m.body)
        },
      } as unknown as Queue<DeliveryBatch>
      const start = Date.now()
      const [report] = await runTick(
        { db: metered(env.DB, meter), queue, snapshot, now: new Date(`${benchDay}T03:00:00Z`) },
        {
          chunkSize: 2000,
          batchSize: 100,
          chunkBudget: Number(url.searchParams.get('pages') ?? 900),
          leaseSeconds: 600,
        },
      )
      const tickMs = Date.now() - start
      for (let i = 0; i < batches.length; i += 100) {
        const rows = JSON.stringify(
          batches.slice(i, i + 100).map((b, j) => [from + i + j, JSON.stringify(b)]),
        )
        await env.DB.prepare(
          'INSERT INTO bench_batches (i, body) SELECT value ->> 0, value ->> 1 FROM json_each(?1)',
        )
          .bind(rows)
          .run()
      }
      return Response.json({
        batches: batches.length,
        due: batches.reduce((n, b) => n + b.subscriberIds.length, 0),
        tickMs,
        meter,
        finished: report?.outcome !== 'paused-for-budget',
      })
    }
    // Counted once at the end, outside the timed requests: a COUNT over every delivery row.
    if (url.pathname === '/sent') {
      const sent = await env.DB.prepare("SELECT COUNT(*) AS n FROM deliveries WHERE state = 'sent'").first<{
        n: number
      }>()
      return Response.json({ sent: sent?.n ?? 0 })
    }
    if (url.pathname === '/baseline') {
      const db = metered(env.DB, meter)
      let residents = 0
      for (const batch of await batchesBetween(env.DB, from, to)) {
        await rawBatch(db, batch.subscriberIds)
        residents += batch.subscriberIds.length
      }
      return Response.json({ residents, meter })
    }
    if (url.pathname === '/consume') {
      const deps = {
        db: metered(env.DB, meter),
        snapshot,
        adapterFor: async () => nullAdapter(),
        origin: 'https://yorisoi.example.jp',
        linkSecret,
        now: () => new Date(`${benchDay}T03:10:00Z`),
      }
      let residents = 0
      for (const batch of await batchesBetween(env.DB, from, to)) {
        const report = await deliverBatch(deps, batch)
        if (report.pending > 0) return new Response(`a batch left ${report.pending} pending`, { status: 500 })
        residents += batch.subscriberIds.length
      }
      return Response.json({ residents, meter })
    }
    return new Response('not found', { status: 404 })
  },
}
