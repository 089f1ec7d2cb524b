import type { D1Database } from '@cloudflare/workers-types'
import { localDate } from '../../shared/calendar'
import type { DeskForwardCount } from '../../shared/contract'

const DAY_MS = 86_400_000

/**
 * Consultations of the period not at their desk (pending or failed), per tenant and local date
 * they were made in the tenant's time zone. Reads only the forwards' states and times: what the
 * CMS receives is numbers, nothing a consultation said. Few rows are ever undelivered, so they
 * are read through the (state, next attempt) index and counted here.
 */
export async function deskForwardCounts(
  db: D1Database,
  input: { from: string; to: string; timeZones: ReadonlyMap<string, string> },
): Promise<DeskForwardCount[]> {
  // Local dates run up to a day either side of UTC.
  const after = new Date(Date.parse(`${input.from}T00:00:00Z`) - DAY_MS).toISOString()
  const before = new Date(Date.parse(`${input.to}T00:00:00Z`) + 2 * DAY_MS).toISOString()
  const { results } = await db
    .prepare(
      `SELECT f.tenant_slug AS tenant, f.state, c.created_at AS createdAt
       FROM consultation_forwards f JOIN consultations c ON c.id = f.consultation_id
       WHERE f.state IN ('pending', 'failed') AND c.created_at >= ?1 AND c.created_at < ?2`,
    )
    .bind(after, before)
    .all<{ tenant: string; state: 'pending' | 'failed'; createdAt: string }>()
  const counts = new Map<string, DeskForwardCount>()
  for (const row of results) {
    const zone = input.timeZones.get(row.tenant)
    if (!zone) continue
    const date = localDate(new Date(row.createdAt), zone)
    if (date < input.from || date > input.to) continue
    const key = `${date}|${row.tenant}`
    const count = counts.get(key) ?? { date, tenant: row.tenant, pending: 0, failed: 0 }
    count[row.state]++
    counts.set(key, count)
  }
  return [...counts.values()].sort((a, b) =>
    a.date === b.date ? a.tenant.localeCompare(b.tenant) : a.date.localeCompare(b.date),
  )
}
