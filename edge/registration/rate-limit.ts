import type { D1Database } from '@cloudflare/workers-types'

/**
 * Registrations one connection (an IPv4 address, an IPv6 /64) may attempt in an hour: a script is
 * stopped, a health centre's Wi-Fi during a parenting class or a carrier's shared address (30+
 * families) is not. What costs money or reaches a stranger is limited per address and per town.
 * Counted in the town's shard (no statement spans two databases), so the limit holds per shard.
 */
export const REGISTRATIONS_PER_HOUR = 60

/** Counts this attempt in `db`, the town's shard, and says whether it is within the limit. */
export async function allowRegistration(db: D1Database, ipHash: string, now: Date): Promise<boolean> {
  const hour = now.toISOString().slice(0, 13)
  const row = await db
    .prepare(
      `INSERT INTO registration_attempts (ip_hash, hour, count) VALUES (?1, ?2, 1)
       ON CONFLICT (ip_hash, hour) DO UPDATE SET count = count + 1
       RETURNING count`,
    )
    .bind(ipHash, hour)
    .first<{ count: number }>()
  return (row?.count ?? 1) <= REGISTRATIONS_PER_HOUR
}
