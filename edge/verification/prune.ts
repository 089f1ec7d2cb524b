import type { D1Database } from '@cloudflare/workers-types'

const DAY_MS = 86_400_000

/**
 * Forgets what only mattered for a while: rate counters after two days, and proofs a day after
 * they were used or expired — decoys included, which belong to no subscriber and would otherwise
 * stay. Proofs of a waiting registration go with its subscriber (retention). Replaced addresses
 * ("not me") go a day after their link was used or expired.
 */
export async function pruneVerifications(
  db: D1Database,
  now: Date,
): Promise<{ counters: number; verifications: number }> {
  const dayAgo = new Date(now.getTime() - DAY_MS).toISOString()
  const [counters, verifications] = await db.batch([
    db
      .prepare('DELETE FROM rate_counters WHERE window < ?1')
      .bind(new Date(now.getTime() - 2 * DAY_MS).toISOString().slice(0, 13)),
    db
      .prepare(
        `DELETE FROM verifications
         WHERE (used_at IS NOT NULL AND used_at < ?1) OR expires_at < ?1`,
      )
      .bind(dayAgo),
    // Replaced addresses, once their "not me" link is used or past its 14 days.
    db
      .prepare('DELETE FROM address_changes WHERE (used_at IS NOT NULL AND used_at < ?1) OR expires_at < ?1')
      .bind(dayAgo),
  ])
  return { counters: counters?.meta.changes ?? 0, verifications: verifications?.meta.changes ?? 0 }
}
