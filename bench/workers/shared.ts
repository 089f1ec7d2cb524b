// What the bench Workers (consume, consume-shards, size) share: a D1 metered from each statement's
// meta, a null adapter that counts what it is handed, and the seed of due residents. Not an entry
// module: workerd takes an entry module's every export for a handler.
import type { D1Database, D1PreparedStatement, D1Result } from '@cloudflare/workers-types'
import type { ChannelAdapter } from '../../edge/channels/adapter'
import { batchDay } from '../../edge/delivery/batch-day'
import type { SubscriberRow, TimelineRow } from '../../edge/delivery/due-subscribers'
import type { DeliveryBatch } from '../../edge/queues'
import { ensureStandingTokens, standingLinksMark } from '../../edge/resident/link-tokens'
import type { LoadedSnapshot } from '../../edge/snapshot/read'
import { fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'

export const benchDay = '2026-11-23'
export const linkSecret = 'bench-link-secret'

/** The fixture's first town and the snapshot every bench batch is composed from. */
export const benchTenant = fixtureTenantParts[0]!
export const benchSnapshot = {
  manifest: { id: 'bench-1', contractVersion: 1, createdAt: '2026-11-20T00:00:00.000Z', parts: [] },
  national: fixtureNationalPart,
  tenants: new Map([[benchTenant.tenant.slug, benchTenant]]),
} as unknown as LoadedSnapshot

/** The r-th batch of 100 seeded residents as the consumer reads them, in memory: due pregnancy/196. */
export function benchBatchRows(r: number) {
  const ids = Array.from({ length: 100 }, (_, i) => `s${r * 100 + i}`)
  const batch = {
    tenant: benchTenant.tenant.slug,
    localDate: benchDay,
    manifestId: 'bench-1',
    subscriberIds: ids,
  }
  const day = batchDay(benchSnapshot, batch as DeliveryBatch)
  const at = '2026-10-01T00:00:00.000Z'
  const subscribers: SubscriberRow[] = ids.map((id) => ({
    id,
    nickname: 'はな',
    audience: 'primary',
    language: 'ja',
    channel: 'email',
    address: `${id}@example.jp`,
    nextSendOn: benchDay,
    manageGeneration: 0,
    standingLinks: 'x',
    createdAt: at,
  }))
  const timelines: TimelineRow[] = ids.map((id) => ({
    subscriberId: id,
    dueDate: '2027-02-15',
    birthDate: null,
    birthReportedOn: null,
    lossDate: null,
    lossReportedOn: null,
    endedOn: null,
    createdAt: at,
  }))
  return { day, subscribers, timelines }
}

export interface Meter {
  rowsRead: number
  rowsWritten: number
  statements: number
  /** Rows read per statement text (its first 60 characters), to show where reads go; kept when present. */
  bySql?: Record<string, number>
  /** Rows written per statement text, the same way. */
  writtenBySql?: Record<string, number>
  /** Sum of every statement's meta.duration (ms), the time the database was busy; kept when present. */
  busyMs?: number
}

type Inner = { inner: D1PreparedStatement; sql: string }

/** The same D1, with every statement's rows read and written (and busy time) added up from its meta. */
export function metered(db: D1Database, meter: Meter): D1Database {
  const add = (result: D1Result<unknown>, sql: string) => {
    if (meter.bySql && meter.writtenBySql) {
      // Only the head is read: the consumer's statements run to kilobytes of VALUES.
      const key = sql.slice(0, 200).replace(/\s+/g, ' ').trim().slice(0, 60)
      meter.bySql[key] = (meter.bySql[key] ?? 0) + (result.meta.rows_read ?? 0)
      meter.writtenBySql[key] = (meter.writtenBySql[key] ?? 0) + (result.meta.rows_written ?? 0)
    }
    if (meter.busyMs !== undefined) meter.busyMs += result.meta.duration ?? 0
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

/** An adapter that sends nothing and answers every message sent, counting them in `sent`. */
export function nullAdapter(count: { sent: number } = { sent: 0 }): ChannelAdapter {
  return {
    name: 'null',
    maxBatchSize: 100,
    idempotent: true,
    async send(messages) {
      count.sent += messages.length
      return messages.map((m) => ({ idempotencyKey: m.idempotencyKey, outcome: 'sent' as const }))
    },
  }
}

/** Numbers first..first+count-1 as JSON arrays of at most `size`, for one json_each statement each. */
export function* inSlices(first: number, count: number, size = 5000): Generator<string> {
  for (let from = 0; from < count; from += size)
    yield JSON.stringify(Array.from({ length: Math.min(size, count - from) }, (_, i) => first + from + i))
}

/**
 * A town's residents first..first+count-1, each due on the bench day with one timeline and, as
 * confirming leaves a resident, their stop and manage tokens stored (registration/confirm.ts) and
 * marked stored as their first delivery left them; 5,000 a statement.
 */
export async function seed(db: D1Database, tenantSlug: string, first: number, count: number): Promise<void> {
  const at = '2026-10-01T00:00:00.000Z'
  for (const ids of inSlices(first, count)) {
    await db.batch([
      db
        .prepare(
          `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, next_send_on, created_at, updated_at)
           SELECT 's' || value, ?2, 'はな', 'primary', 'ja', 'email', 's' || value || '@example.jp', 'active', ?3, ?4, ?4
           FROM json_each(?1)`,
        )
        .bind(ids, tenantSlug, benchDay, at),
      db
        .prepare(
          `INSERT INTO timelines (id, tenant_slug, due_date, created_at, updated_at)
           SELECT 't' || value, ?2, '2027-02-15', ?3, ?3 FROM json_each(?1)`,
        )
        .bind(ids, tenantSlug, at),
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
}
