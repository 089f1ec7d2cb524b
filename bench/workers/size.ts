// A Worker for the size-model bench only (never deployed): the delivery-consume bench's Worker,
// plus the database's size as D1 reports it (meta.size_after: pages × page size, indexes
// included) and the row a real registration adds that its seed leaves out (the consent), so a
// seeded resident weighs what a registered one does.
import type { D1Database } from '@cloudflare/workers-types'
import { defaultPruneOptions, pruneDeliveries } from '../../edge/delivery/prune'
import { addDays } from '../../shared/calendar'
import consume from './consume'
import { benchDay, inSlices, type Meter, metered } from './shared'

async function size(db: D1Database): Promise<number> {
  return (await db.prepare('SELECT 1').run()).meta.size_after ?? 0
}

async function complete(db: D1Database, first: number, count: number): Promise<void> {
  const at = '2026-10-01T00:00:00.000Z'
  for (const ids of inSlices(first, count)) {
    await db.batch([
      // Born 30 days before the bench day: its message is newborn/30, a day with no survey or
      // task line, as most days are (the consume bench's pregnancy/196 carries a survey).
      db
        .prepare(
          `UPDATE timelines SET birth_date = '2026-10-24', birth_reported_on = '2026-10-25'
           WHERE id IN (SELECT 't' || value FROM json_each(?1))`,
        )
        .bind(ids),
      // The fixture words newborn/30 in English only: a Japanese reader's day would be flagged as
      // having no message, and the rows measured would be flagged ones, not sent ones.
      db
        .prepare(
          "UPDATE subscribers SET language = 'en' WHERE id IN (SELECT 's' || value FROM json_each(?1))",
        )
        .bind(ids),
      db
        .prepare(
          `INSERT INTO consents (subscriber_id, tenant_slug, notice_version, method, ip_hash, given_at)
           SELECT 's' || value, tenant_slug, '2026-04', 'web-form', lower(hex(randomblob(32))), ?2
           FROM json_each(?1) JOIN subscribers ON subscribers.id = 's' || value`,
        )
        .bind(ids, at),
    ])
  }
}

/** Roll-up rows as a city's days leave them: one per day, slot, channel and outcome. */
async function rollups(db: D1Database, count: number): Promise<void> {
  for (const ids of inSlices(0, count)) {
    await db
      .prepare(
        `INSERT INTO delivery_counts (local_date, tenant_slug, kind, slot, channel, outcome, count)
         SELECT date('2026-01-01', '+' || (value / 1600) || ' days'), 'bench-size', 'program',
                'newborn/' || (value % 1600), 'email', 'sent', 40 FROM json_each(?1)`,
      )
      .bind(ids)
      .run()
  }
}

/**
 * One cron tick's pruning of the bench day's rows, run as if they were `keepDays` old: rolled up
 * into delivery_counts and deleted (the rows a delivery costs when it goes, beside those it cost
 * when it was sent). `more`: the walk of the shard is not over.
 */
async function prune(db: D1Database): Promise<{ pruned: number; more: boolean; meter: Meter }> {
  const meter: Meter = { rowsRead: 0, rowsWritten: 0, statements: 0 }
  const now = new Date(`${addDays(benchDay, defaultPruneOptions.keepDays + 1)}T03:00:00Z`)
  const { pruned, more } = await pruneDeliveries(metered(db, meter), now, defaultPruneOptions)
  return { pruned, more, meter }
}

export default {
  async fetch(request: Request, env: { DB: D1Database }): Promise<Response> {
    const url = new URL(request.url)
    if (url.pathname === '/size') return Response.json({ bytes: await size(env.DB) })
    if (url.pathname === '/complete') {
      await complete(env.DB, Number(url.searchParams.get('from') ?? 0), Number(url.searchParams.get('count')))
      return Response.json({ ok: true })
    }
    if (url.pathname === '/prune') return Response.json(await prune(env.DB))
    if (url.pathname === '/rollups') {
      await rollups(env.DB, Number(url.searchParams.get('count')))
      return Response.json({ ok: true })
    }
    return consume.fetch(request, env)
  },
}
