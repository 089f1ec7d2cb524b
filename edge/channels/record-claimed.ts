import type { D1Database } from '@cloudflare/workers-types'
import type { Outcome } from './send-claimed'

/**
 * Writes each send's outcome onto the delivery this consumer claimed; a row another consumer
 * has taken over since (a different attempt) is left alone. Returns the outcomes that landed.
 */
export async function recordOutcomes(
  db: D1Database,
  outcomes: readonly Outcome[],
  now: Date,
): Promise<Outcome[]> {
  if (outcomes.length === 0) return []
  const mark = crypto.randomUUID()
  // No RETURNING (it reads each row again): when every outcome landed, the count of changes says so.
  const { meta } = await db
    .prepare(
      `UPDATE deliveries SET state = j.value ->> 2,
                             provider_message_id = coalesce(j.value ->> 3, deliveries.provider_message_id),
                             error = j.value ->> 4, claim = ?3, updated_at = ?2
       FROM json_each(?1) AS j
       WHERE deliveries.id = j.value ->> 0 AND deliveries.attempts = j.value ->> 1 AND deliveries.state = 'sending'`,
    )
    .bind(
      JSON.stringify(
        outcomes.map((o) => [o.key, o.attempt, o.state, o.providerMessageId ?? null, o.error ?? null]),
      ),
      now.toISOString(),
      mark,
    )
    .run()
  if (meta.changes === outcomes.length) return [...outcomes]
  // Some did not land (taken over meanwhile): this statement's mark names the rows it wrote.
  const { results } = await db
    .prepare(`SELECT d.id FROM json_each(?1) j CROSS JOIN deliveries d ON d.id = j.value WHERE d.claim = ?2`)
    .bind(JSON.stringify([...new Set(outcomes.map((o) => o.key))]), mark)
    .all<{ id: string }>()
  // Each landed row once, even if the same key were reported twice.
  const landed = new Set(results.map((row) => row.id))
  return outcomes.filter((o) => landed.delete(o.key))
}
