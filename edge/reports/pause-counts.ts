import type { D1Database } from '@cloudflare/workers-types'
import { localDate } from '../../shared/calendar'
import type { Channel, ProviderPauseCount } from '../../shared/contract'
import { type TenantPeriod, utcWindow } from './resident-counts'

/**
 * Residents the provider paused (suppression: bounce, complaint, unfollow — or repeated failed
 * days, edge/delivery/record.ts) and still paused, by channel and cause, on the local date their
 * record last changed: the edge keeps no separate day of the pause.
 */
export async function providerPauseCounts(
  db: D1Database,
  period: TenantPeriod,
): Promise<ProviderPauseCount[]> {
  const { after, before } = utcWindow(period)
  const { results } = await db
    .prepare(
      `SELECT channel, updated_at AS at,
              CASE WHEN state_reason LIKE 'suppressed:%' THEN 'refused' ELSE 'failures' END AS cause
       FROM subscribers
       WHERE tenant_slug = ?1 AND state = 'paused' AND updated_at >= ?2 AND updated_at < ?3
         AND (state_reason LIKE 'suppressed:%' OR state_reason LIKE 'delivery-failures:%')`,
    )
    .bind(period.tenant, after, before)
    .all<{ channel: Channel; at: string; cause: 'refused' | 'failures' }>()
  const counts = new Map<string, ProviderPauseCount>()
  for (const row of results) {
    const date = localDate(new Date(row.at), period.timeZone)
    if (date < period.from || date > period.to) continue
    const key = [date, row.channel, row.cause].join('|')
    const count = counts.get(key) ?? {
      date,
      tenant: period.tenant,
      channel: row.channel,
      cause: row.cause,
      count: 0,
    }
    count.count++
    counts.set(key, count)
  }
  return [...counts.values()]
}
