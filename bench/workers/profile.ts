// A Worker for bench/profile-workerd.ts only (never deployed): the consume bench's Worker, plus
// /cpu (one stage of the consumer run n times over an in-memory batch of 100, timed from outside,
// since workerd's clock stands still during CPU work) and /consume-timed (the consumer with each
// D1 statement's elapsed time summed by its text).
import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import { deliveryKey } from '../../edge/channels/key'
import { deliverBatch } from '../../edge/delivery/deliver'
import { subscribersFrom, type TimelineRow } from '../../edge/delivery/due-subscribers'
import { programDeliveries } from '../../edge/delivery/links'
import { linkToday, planToday, renderToday } from '../../edge/delivery/today'
import type { DeliveryBatch } from '../../edge/queues'
import { messageToken, standingLinksMark } from '../../edge/resident/link-tokens'
import { hashToken } from '../../edge/resident/tokens'
import { localDate } from '../../shared/calendar'
import consume from './consume'
import { benchBatchRows, benchDay, benchSnapshot, benchTenant, linkSecret, nullAdapter } from './shared'

const _tenant = benchTenant
const snapshot = benchSnapshot

function timed(db: D1Database, ms: Record<string, number>, busy: Record<string, number>): D1Database {
  const key = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 50)
  const add = (k: string, start: number, results?: unknown) => {
    ms[k] = (ms[k] ?? 0) + performance.now() - start
    for (const r of (Array.isArray(results) ? results : [results]) as { meta?: { duration?: number } }[])
      busy[k] = (busy[k] ?? 0) + (r?.meta?.duration ?? 0)
  }
  const wrap = (s: D1PreparedStatement, sql: string): D1PreparedStatement =>
    ({
      inner: s,
      sql,
      bind: (...v: unknown[]) => wrap(s.bind(...v), sql),
      async all() {
        const t = performance.now()
        const r = await s.all()
        add(key(sql), t)
        return r
      },
      async run() {
        const t = performance.now()
        const r = await s.run()
        add(key(sql), t)
        return r
      },
      async first(c?: string) {
        const t = performance.now()
        const r = await s.first(c as string)
        add(key(sql), t)
        return r
      },
    }) as unknown as D1PreparedStatement
  return {
    prepare: (sql: string) => wrap(db.prepare(sql), sql),
    async batch(statements: D1PreparedStatement[]) {
      const inner = statements as unknown as { inner: D1PreparedStatement; sql: string }[]
      const t = performance.now()
      const r = await db.batch(inner.map((s) => s.inner))
      add(`batch[${inner.map((s) => key(s.sql).slice(0, 24)).join(' | ')}]`, t, r)
      return r
    },
  } as unknown as D1Database
}

/**
 * A D1 that answers at once, for the whole consumer's CPU time: the batch's residents as the
 * load reads them (benchBatchRows), every other statement done with one change per row handed.
 */
export function cannedDb(r: number): D1Database {
  const { subscribers, timelines } = benchBatchRows(r)
  const rows = subscribers.map((s) => ({
    ...s,
    // As the bench seeds them (workers/shared.ts): their tokens stored before the day.
    standingLinks: storedMark,
    surveyOffers: '[]',
    surveysAnswered: '[]',
    taskOffers: '[]',
    tasksDone: '[]',
    failing: 0,
    dayStarted: 0,
    // As the load's json_group_array reads them: with the timeline's id and its household's nurse.
    timelines: JSON.stringify([{ ...timelineOf(timelines, s.id), id: `t-${s.id}`, nurse: null }]),
  }))
  const statement = (sql: string, values: unknown[] = []) =>
    ({
      sql,
      values,
      bind: (...v: unknown[]) => statement(sql, v),
      async all() {
        return answer(sql, values)
      },
      async run() {
        return answer(sql, values)
      },
      async first() {
        return null
      },
    }) as unknown as D1PreparedStatement
  const answer = (sql: string, values: unknown[]) => {
    const handed = values.filter((v) => typeof v === 'string' && /^(\[|s\d)/.test(v))
    if (sql.trimStart().startsWith('SELECT s.id')) {
      const ids = new Set(handed)
      return { results: rows.filter((row) => ids.has(row.id)), meta: { changes: 0 } }
    }
    return { results: [], meta: { changes: handed.length } }
  }
  return {
    prepare: (sql: string) => statement(sql),
    async batch(statements: D1PreparedStatement[]) {
      const all = statements as unknown as { sql: string; values: unknown[] }[]
      return all.map((s) => answer(s.sql, s.values))
    },
  } as unknown as D1Database
}

function timelineOf(timelines: readonly TimelineRow[], id: string) {
  const { subscriberId: _, ...row } = timelines.find((t) => t.subscriberId === id)!
  return row
}

export function memoryBatch(r: number) {
  const { day, subscribers, timelines } = benchBatchRows(r)
  const due = subscribersFrom(subscribers, timelines, {
    timeZone: day.tenant.tenant.timeZone,
    localDate: day.date,
  })
  return { day, due }
}

// The mark of standing links stored under linkSecret at generation 0, set before the first batch.
let storedMark = ''

const deps = { origin: 'https://yorisoi.example.jp', linkSecret }

export default {
  async fetch(request: Request, env: { DB: D1Database }): Promise<Response> {
    const url = new URL(request.url)
    const n = Number(url.searchParams.get('n') ?? 0)
    storedMark ||= await standingLinksMark(linkSecret, 0)
    if (url.pathname === '/cpu') {
      const stage = url.searchParams.get('stage')
      for (let r = 0; r < n; r++) {
        const { day, due } = memoryBatch(r)
        if (stage === 'setup') continue
        if (stage === 'deliver') {
          const ids = due.map((d) => d.id)
          await deliverBatch(
            {
              db: cannedDb(r),
              snapshot,
              adapterFor: async () => nullAdapter(),
              origin: deps.origin,
              linkSecret,
              now: () => new Date(`${benchDay}T03:10:00Z`),
            },
            {
              tenant: benchTenant.tenant.slug,
              localDate: benchDay,
              manifestId: 'bench-1',
              subscriberIds: ids,
            },
          )
          continue
        }
        if (stage === 'canned') {
          cannedDb(r)
          continue
        }
        const planned = planToday(day, due)
        if (stage === 'plan') continue
        if (stage === 'key') {
          for (const d of due) await deliveryKey(d.id, day.date, 'program')
          continue
        }
        if (stage === 'hmac') {
          for (const d of due) await messageToken(linkSecret, d.id)
          continue
        }
        if (stage === 'sha') {
          for (const d of due) await hashToken(d.id)
          continue
        }
        if (stage === 'links') {
          await programDeliveries(deps, benchTenant.tenant.slug, day.date, due)
          continue
        }
        if (stage === 'localDate') {
          for (const _ of due) localDate(new Date('2026-10-01T00:00:00.000Z'), 'Asia/Tokyo')
          continue
        }
        if (stage === 'marks') {
          for (const d of due) await standingLinksMark(linkSecret, d.manageGeneration)
          continue
        }
        const linked = await linkToday(deps, day, planned.due, new Map())
        if (stage === 'link') continue
        renderToday(day, linked)
      }
      return Response.json({ n })
    }
    // 100 rows a round into a keyed table of `fill` rows: keys in order, or hashes (random places).
    if (url.pathname === '/keys') {
      const random = url.searchParams.get('random') === '1'
      const table = random ? 'keys_random' : 'keys_ordered'
      await env.DB.exec(
        `CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, body TEXT NOT NULL) WITHOUT ROWID`,
      )
      const from = Number(url.searchParams.get('from') ?? 0)
      const key = async (i: number) =>
        random ? await hashToken(`k${i}`) : `2026-11-23|${String(i).padStart(58, '0')}`
      for (let r = 0; r < n; r++) {
        const rows = await Promise.all(Array.from({ length: 100 }, (_, j) => key(from + r * 100 + j)))
        await env.DB.prepare(`INSERT INTO ${table} (id, body) SELECT value, ?2 FROM json_each(?1)`)
          .bind(JSON.stringify(rows), 'x'.repeat(300))
          .run()
      }
      return Response.json({ n })
    }
    if (url.pathname === '/d1') {
      const k = Number(url.searchParams.get('k') ?? 1)
      const bytes = Number(url.searchParams.get('bytes') ?? 0)
      const one = env.DB.prepare('SELECT length(?1)').bind('x'.repeat(bytes))
      for (let r = 0; r < n; r++)
        if (k === 1) await one.all()
        else await env.DB.batch(Array.from({ length: k }, () => one))
      return Response.json({ n })
    }
    if (url.pathname === '/consume-timed') {
      const ms: Record<string, number> = {}
      const busy: Record<string, number> = {}
      const db = timed(env.DB, ms, busy)
      const { results } = await env.DB.prepare(
        'SELECT body FROM bench_batches WHERE i >= ?1 AND i < ?2 ORDER BY i',
      )
        .bind(Number(url.searchParams.get('from')), Number(url.searchParams.get('to')))
        .all<{ body: string }>()
      let residents = 0
      for (const { body } of results) {
        const batch = JSON.parse(body) as DeliveryBatch
        await deliverBatch(
          {
            db,
            snapshot,
            adapterFor: async () => nullAdapter(),
            origin: deps.origin,
            linkSecret,
            now: () => new Date(`${benchDay}T03:10:00Z`),
          },
          batch,
        )
        residents += batch.subscriberIds.length
      }
      return Response.json({ residents, ms, busy })
    }
    return consume.fetch(request, env)
  },
}
