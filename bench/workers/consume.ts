// A Worker for the delivery-consume bench only (never deployed): it runs the real tick and queue
// consumer in workerd against wrangler's local D1, as the Worker does, driven over HTTP by
// bench/scenarios/delivery-consume.ts in slices, so the consumer is timed where it really runs.
import type { D1Database, D1PreparedStatement, D1Result, Queue } from '@cloudflare/workers-types'
import type { ChannelAdapter } from '../../edge/channels/adapter'
import { deliverBatch } from '../../edge/delivery/deliver'
import { runTick } from '../../edge/delivery/tick'
import type { DeliveryBatch } from '../../edge/queues'
import { ensureStandingTokens, standingLinksMark } from '../../edge/resident/link-tokens'
import type { LoadedSnapshot } from '../../edge/snapshot/read'
import { fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'

const tenant = fixtureTenantParts[0]!
const benchDay = '2026-11-23'
const linkSecret = 'bench-link-secret'

export interface Meter {
  rowsRead: number
  rowsWritten: number
  statements: number
  /** Rows read per statement text (its first 60 characters), to show where reads go. */
  bySql?: Record<string, number>
  /** Rows written per statement text, the same way. */
  writtenBySql?: Record<string, number>
}

type Inner = { inner: D1PreparedStatement; sql: string }

/** The same D1, with every statement's rows read and written added up from its meta. */
function metered(db: D1Database, meter: Meter): D1Database {
  const add = (result: D1Result<unknown>, sql: string) => {
    const key = sql.replace(/\s+/g, ' ').trim().slice(0, 60)
    meter.bySql = meter.bySql ?? {}
    meter.bySql[key] = (meter.bySql[key] ?? 0) + (result.meta.rows_read ?? 0)
    meter.writtenBySql = meter.writtenBySql ?? {}
    meter.writtenBySql[key] = (meter.writtenBySql[key] ?? 0) + (result.meta.rows_written ?? 0)
    meter.rowsRead += result.meta.rows_read ?? 0
    meter.rowsWritten += result.meta.rows_written ?? 0
    meter.statements++
  }
  const wrap = (statement: D1PreparedStatement, sql: string): D1PreparedStatement =>
    ({
      inner: statement,
      sql,
      bind: (...values: unknown[]) => wrap(statement.bind(...values), sql),
      async all() {
        const result = await statement.all()
        add(result, sql)
        return result
      },
      async run() {
        const result = await statement.run()
        add(result, sql)
        return result
      },
      async first(column?: string) {
        const result = await statement.all<Record<string, unknown>>()
        add(result, sql)
        const row = result.results[0] ?? null
        return column ? (row?.[column] ?? null) : row
      },
    }) as unknown as D1PreparedStatement
  return {
    prepare: (sql: string) => wrap(db.prepare(sql), sql),
    async batch(statements: D1PreparedStatement[]) {
      const inner = statements as unknown as Inner[]
      const results = await db.batch(inner.map((s) => s.inner))
      for (const [i, result] of results.entries()) add(result, inner[i]!.sql)
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
  tenants: new Map([[tenant.tenant.slug, tenant]]),
} as unknown as LoadedSnapshot

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

/**
 * Residents first..first+count-1, each with one timeline and, as confirming leaves a resident, their
 * stop and manage tokens stored (registration/confirm.ts), marked stored as their first delivery
 * left them; 5,000 a statement.
 */
async function seed(db: D1Database, first: number, count: number): Promise<void> {
  const at = '2026-10-01T00:00:00.000Z'
  for (let from = 0; from < count; from += 5000) {
    const ids = JSON.stringify(
      Array.from({ length: Math.min(5000, count - from) }, (_, i) => first + from + i),
    )
    await db.batch([
      db
        .prepare(
          `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, next_send_on, created_at, updated_at)
           SELECT 's' || value, ?2, 'はな', 'primary', 'ja', 'email', 's' || value || '@example.jp', 'active', ?3, ?4, ?4
           FROM json_each(?1)`,
        )
        .bind(ids, tenant.tenant.slug, benchDay, at),
      db
        .prepare(
          `INSERT INTO timelines (id, tenant_slug, due_date, created_at, updated_at)
           SELECT 't' || value, ?2, '2027-02-15', ?3, ?3 FROM json_each(?1)`,
        )
        .bind(ids, tenant.tenant.slug, at),
      db
        .prepare(
          `INSERT INTO timeline_members (timeline_id, subscriber_id) SELECT 't' || value, 's' || value FROM json_each(?1)`,
        )
        .bind(ids),
    ])
    const confirmed = JSON.parse(ids) as number[]
    for (let i = 0; i < confirmed.length; i += 1000) {
      const slice = confirmed.slice(i, i + 1000).map((n) => `s${n}`)
      await (await ensureStandingTokens(db, linkSecret, slice, ['manage', 'stop'], new Date(at))).run()
      // Registered weeks before the bench day, each has had deliveries, the first of which marked
      // their tokens stored (delivery/claim-batch.ts storeLinkTokens): the day does not store them again.
      await db
        .prepare('UPDATE subscribers SET standing_links = ?2 WHERE id IN (SELECT value FROM json_each(?1))')
        .bind(JSON.stringify(slice), await standingLinksMark(linkSecret, 0))
        .run()
    }
  }
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
    const meter: Meter = { rowsRead: 0, rowsWritten: 0, statements: 0 }
    if (url.pathname === '/healthz') return new Response('ok')
    if (url.pathname === '/seed') {
      const count = Number(url.searchParams.get('count'))
      await seed(env.DB, from, count)
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
        adapterFor: async () => nullAdapter,
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
