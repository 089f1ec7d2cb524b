import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
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

/** Bound parameters per D1 statement at most. */
const maxParameters = 100

/**
 * The outcomes as statements of one batch: one per attempt, state and error (a batch's sends
 * mostly share them), their ids listed as parameters and each provider id picked by a CASE. D1
 * reads 3 rows per delivery so, where an UPDATE … FROM json_each reads 5 (the join is kept aside
 * in a temporary table, then read back).
 */
function outcomeStatements(
  db: D1Database,
  outcomes: readonly Outcome[],
  at: string,
  mark: string,
): D1PreparedStatement[] {
  const groups = new Map<string, Outcome[]>()
  for (const o of outcomes) {
    const key = JSON.stringify([o.attempt, o.state, o.error ?? null])
    groups.set(key, [...(groups.get(key) ?? []), o])
  }
  const fixed = 5
  const statements: D1PreparedStatement[] = []
  for (const group of groups.values()) {
    const { attempt, state, error } = group[0]!
    const withIds = group.some((o) => o.providerMessageId !== undefined)
    const size = withIds ? Math.floor((maxParameters - fixed) / 2) : maxParameters - fixed
    for (let i = 0; i < group.length; i += size) {
      const some = group.slice(i, i + size)
      const keys = some.map((_, j) => `?${fixed + 1 + (withIds ? 2 * j : j)}`)
      const providerIds = withIds
        ? `provider_message_id = coalesce(CASE id ${keys.map((k, j) => `WHEN ${k} THEN ?${fixed + 2 + 2 * j}`).join(' ')} END, provider_message_id),`
        : ''
      statements.push(
        db
          .prepare(
            `UPDATE deliveries SET state = ?2, ${providerIds} error = ?3, claim = ?5, updated_at = ?4
             WHERE id IN (${keys.join(', ')}) AND attempts = ?1 AND state = 'sending'`,
          )
          .bind(
            attempt,
            state,
            error ?? null,
            at,
            mark,
            ...some.flatMap((o) => (withIds ? [o.key, o.providerMessageId ?? null] : [o.key])),
          ),
      )
    }
  }
  return statements
}
