import type { D1Database } from '@cloudflare/workers-types'
import { addDays } from '../../shared/calendar'
import type { FlaggedDeliveryCount } from '../../shared/contract'

/**
 * Flagged program deliveries per tenant and local date, for the CMS: still open, resolved by a
 * person (and not in doubt again), and the day's dead-lettered batches. Days of the period with
 * any of them, and earlier days with deliveries still open or resolved since the period began, so
 * the CMS never keeps an old day's open count after it was dealt with. Numbers only. Open rows
 * are read through the partial index on flagged deliveries; resolutions and dead letters are few.
 */
export async function flaggedDeliveryCounts(
  db: D1Database,
  input: { from: string; to: string; tenants: readonly string[] },
): Promise<FlaggedDeliveryCount[]> {
  const tenants = JSON.stringify(input.tenants)
  const [open, resolved] = await db.batch<{ tenant: string; date: string; n: number }>([
    db
      .prepare(
        `SELECT tenant_slug AS tenant, local_date AS date, COUNT(*) AS n FROM deliveries
         WHERE state = 'flagged' AND kind = 'program' AND local_date <= ?2
           AND tenant_slug IN (SELECT value FROM json_each(?1))
         GROUP BY 1, 2`,
      )
      .bind(tenants, input.to),
    db
      .prepare(
        `SELECT r.tenant_slug AS tenant, r.local_date AS date, COUNT(DISTINCT r.delivery_id) AS n
         FROM delivery_resolutions r JOIN deliveries d ON d.id = r.delivery_id
         WHERE d.state != 'flagged' AND r.local_date <= ?2 AND (r.local_date >= ?3 OR r.resolved_at >= ?4)
           AND r.tenant_slug IN (SELECT value FROM json_each(?1))
         GROUP BY 1, 2`,
      )
      // Resolved since the day before the period began (UTC instants against a local date).
      .bind(tenants, input.to, input.from, addDays(input.from, -1)),
  ])
  const counts = new Map<string, FlaggedDeliveryCount>()
  const at = (tenant: string, date: string) => {
    const key = `${date}|${tenant}`
    const row = counts.get(key) ?? { date, tenant, open: 0, resolved: 0, deadLetters: 0 }
    counts.set(key, row)
    return row
  }
  for (const r of open?.results ?? []) at(r.tenant, r.date).open = r.n
  for (const r of resolved?.results ?? []) at(r.tenant, r.date).resolved = r.n
  const earliest = [input.from, ...[...counts.values()].map((c) => c.date)].sort()[0]!
  const { results: dead } = await db
    .prepare(
      `SELECT tenant_slug AS tenant, local_date AS date, COUNT(*) AS n FROM dead_letters
       WHERE tenant_slug IN (SELECT value FROM json_each(?1)) AND local_date BETWEEN ?2 AND ?3
       GROUP BY 1, 2`,
    )
    .bind(tenants, earliest, input.to)
    .all<{ tenant: string; date: string; n: number }>()
  for (const r of dead) {
    // An earlier day is reported only for what is open or resolved on it.
    if (r.date >= input.from || counts.has(`${r.date}|${r.tenant}`)) at(r.tenant, r.date).deadLetters = r.n
  }
  return [...counts.values()].sort((a, b) =>
    a.date === b.date ? a.tenant.localeCompare(b.tenant) : a.date.localeCompare(b.date),
  )
}
