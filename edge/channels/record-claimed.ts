import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import { valuesChunks } from '../db/values'
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
  const written = await db.batch(outcomeStatements(db, outcomes, now.toISOString(), mark))
  const changes = written.reduce((sum, result) => sum + (result.meta.changes ?? 0), 0)
  if (changes === outcomes.length) return [...outcomes]
  // Some did not land (taken over meanwhile): the batch's mark names the rows it wrote.
  const { results } = await db
    .prepare(`SELECT d.id FROM json_each(?1) j CROSS JOIN deliveries d ON d.id = j.value WHERE d.claim = ?2`)
    .bind(JSON.stringify([...new Set(outcomes.map((o) => o.key))]), mark)
    .all<{ id: string }>()
  // Each landed row once, even if the same key were reported twice.
  const landed = new Set(results.map((row) => row.id))
  return outcomes.filter((o) => landed.delete(o.key))
}

/**
 * The outcomes as statements of one batch, each over a VALUES list of its rows (db/values.ts): D1
 * reads 3 rows per delivery so (`delivery-consume` bench), where an UPDATE … FROM json_each reads 5
 * (the join is kept aside in a temporary table, then read back, and each JSON row counts).
 */
function outcomeStatements(
  db: D1Database,
  outcomes: readonly Outcome[],
  at: string,
  mark: string,
): D1PreparedStatement[] {
  const rows = outcomes.map((o) => [o.key, o.attempt, o.state, o.providerMessageId ?? null, o.error ?? null])
  return valuesChunks(rows, 2).map((chunk) =>
    db
      .prepare(
        `UPDATE deliveries SET state = v.column1 ->> 2,
                               provider_message_id = coalesce(v.column1 ->> 3, deliveries.provider_message_id),
                               error = v.column1 ->> 4, claim = ?2, updated_at = ?1
         FROM (VALUES ${chunk.sql}) AS v
         WHERE deliveries.id = v.column1 ->> 0 AND deliveries.attempts = v.column1 ->> 1 AND deliveries.state = 'sending'`,
      )
      .bind(at, mark, ...chunk.parameters),
  )
}
