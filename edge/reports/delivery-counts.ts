import type { D1Database } from '@cloudflare/workers-types'
import { type DeliveryCount, deliveryCount } from '../../shared/contract'
import { countedOutcome } from '../delivery/prune'
import { tenantResidents } from './tenant-deliveries'

interface Row {
  date: string
  tenant: string
  kind: DeliveryCount['kind']
  slot: string
  channel: DeliveryCount['channel']
  outcome: DeliveryCount['outcome']
  count: number
}

/**
 * Deliveries per day × tenant × kind × slot × channel × outcome for one tenant and period, in the
 * contract's shape: the rolled-up counts of pruned days plus the raw rows not pruned yet, read
 * through the (tenant, date) key of the counts and the tenant's residents' own keys
 * (tenant-deliveries.ts), never a scan of everyone's deliveries. A staff message's
 * deliveries are the workspace's, not the program's, and are not counted here.
 */
export async function deliveryCounts(
  db: D1Database,
  input: { tenant: string; from: string; to: string },
): Promise<DeliveryCount[]> {
  const [stored, live] = await db.batch<Row>([
    db
      .prepare(
        `SELECT local_date AS date, tenant_slug AS tenant, kind, slot, channel, outcome, count FROM delivery_counts
         WHERE tenant_slug = ?1 AND local_date BETWEEN ?2 AND ?3`,
      )
      .bind(input.tenant, input.from, input.to),
    db
      .prepare(
        `${tenantResidents}
         SELECT d.local_date AS date, d.tenant_slug AS tenant, d.kind, coalesce(s.value, '') AS slot, d.channel,
                ${countedOutcome} AS outcome, COUNT(*) AS count
         FROM tenant_residents r CROSS JOIN deliveries d ON d.subscriber_id = r.id AND d.local_date BETWEEN ?2 AND ?3
         LEFT JOIN json_each(d.slots) s
         WHERE d.tenant_slug = ?1 AND d.kind != 'staff'
         GROUP BY 1, 2, 3, 4, 5, 6`,
      )
      .bind(input.tenant, input.from, input.to),
  ])
  const sums = new Map<string, Row>()
  for (const row of [...(stored?.results ?? []), ...(live?.results ?? [])]) {
    const key = [row.date, row.kind, row.slot, row.channel, row.outcome].join('|')
    const seen = sums.get(key)
    if (seen) seen.count += row.count
    else sums.set(key, { ...row })
  }
  return [...sums.values()]
    .sort((a, b) =>
      a.date + a.slot + a.channel + a.outcome < b.date + b.slot + b.channel + b.outcome ? -1 : 1,
    )
    .map((row) => deliveryCount.parse({ ...row, slot: row.slot === '' ? null : row.slot }))
}
