import type { D1Database } from '@cloudflare/workers-types'
import { daysBetween, localDate } from '../../shared/calendar'
import type { UndecidedAge } from '../../shared/contract'

/**
 * Per tenant, how many days the oldest of what waits for a person has waited: open flagged program
 * deliveries (since their delivery date) and consultations not at the desk (since the day they
 * were made), both in the tenant's time zone. These are kept at the edge until decided, so without
 * this an old one would sit unseen once its day left the report's period. Tenants with nothing
 * waiting, and tenants not in the active snapshot (no time zone), are left out. Flagged rows are
 * read through their partial index, forwards through (state, next attempt); both are few.
 */
export async function undecidedAges(
  db: D1Database,
  input: { timeZones: ReadonlyMap<string, string>; now: Date },
): Promise<UndecidedAge[]> {
  const tenants = JSON.stringify([...input.timeZones.keys()])
  const [flagged, forwards] = await db.batch<{ tenant: string; oldest: string }>([
    db
      .prepare(
        `SELECT tenant_slug AS tenant, MIN(local_date) AS oldest FROM deliveries
         WHERE state = 'flagged' AND kind = 'program' AND tenant_slug IN (SELECT value FROM json_each(?1))
         GROUP BY 1`,
      )
      .bind(tenants),
    db
      .prepare(
        `SELECT f.tenant_slug AS tenant, MIN(c.created_at) AS oldest
         FROM consultation_forwards f JOIN consultations c ON c.id = f.consultation_id
         WHERE f.state IN ('pending', 'failed') AND f.tenant_slug IN (SELECT value FROM json_each(?1))
         GROUP BY 1`,
      )
      .bind(tenants),
  ])
  const ages = new Map<string, UndecidedAge>()
  const at = (tenant: string) => {
    const age = ages.get(tenant) ?? { tenant, flaggedDeliveryDays: null, deskForwardDays: null }
    ages.set(tenant, age)
    return age
  }
  const today = (tenant: string) => localDate(input.now, input.timeZones.get(tenant)!)
  const since = (from: string, tenant: string) => Math.max(0, daysBetween(from, today(tenant)))
  for (const r of flagged?.results ?? []) at(r.tenant).flaggedDeliveryDays = since(r.oldest, r.tenant)
  for (const r of forwards?.results ?? []) {
    const made = localDate(new Date(r.oldest), input.timeZones.get(r.tenant)!)
    at(r.tenant).deskForwardDays = since(made, r.tenant)
  }
  return [...ages.values()].sort((a, b) => a.tenant.localeCompare(b.tenant))
}
