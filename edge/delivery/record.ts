import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import { maxParameters } from '../db/values'

export { recordOutcomes } from '../channels/record-claimed'
export type { EndState, Outcome } from '../channels/send-claimed'

/** Failed days (at most one counted per local date) after which a subscriber is paused. */
export const failedDaysBeforePause = 3

/**
 * After the day has ended for some subscribers: move their next_send_on past today (never
 * backwards), count a failed day at most once, pause after repeated failed days, forget failures
 * after a success, and add to the run's counts.
 */
export async function settleDay(
  db: D1Database,
  input: {
    tenant: string
    localDate: string
    advances: readonly { subscriberId: string; nextSendOn: string | null; standingLinks?: string | null }[]
    failed: readonly { subscriberId: string; error: string }[]
    succeeded: readonly string[]
    counts: { sent: number; failed: number; flagged: number }
    now: Date
    /** Statements that must commit with the settling or not at all, run first (sent-unclaimed.ts). */
    first?: readonly D1PreparedStatement[]
  },
): Promise<void> {
  const now = input.now.toISOString()
  // Each kind of write is one statement over a JSON parameter, however many subscribers it
  // touches (the advances a few, advanceStatements); all of them in one batch (one transaction).
  const statements: D1PreparedStatement[] = [...(input.first ?? [])]
  statements.push(...advanceStatements(db, input.tenant, input.localDate, now, input.advances))
  if (input.failed.length > 0) {
    statements.push(
      db
        .prepare(
          `INSERT INTO delivery_failures (subscriber_id, days, last_failed_on, last_error)
           SELECT value ->> 0, 1, ?2, value ->> 1 FROM json_each(?1) WHERE true
           ON CONFLICT (subscriber_id) DO UPDATE SET days = days + 1, last_failed_on = excluded.last_failed_on,
             last_error = excluded.last_error
           WHERE delivery_failures.last_failed_on < excluded.last_failed_on`,
        )
        .bind(
          JSON.stringify(input.failed.map((f) => [f.subscriberId, f.error.slice(0, 500)])),
          input.localDate,
        ),
      db
        .prepare(
          `UPDATE subscribers SET state = 'paused', state_reason = j.value ->> 1, updated_at = ?3
           FROM json_each(?1) AS j
           WHERE subscribers.id = j.value ->> 0 AND subscribers.state = 'active'
             AND (SELECT days FROM delivery_failures WHERE subscriber_id = subscribers.id) >= ?2`,
        )
        .bind(
          JSON.stringify(
            input.failed.map((f) => [f.subscriberId, `delivery-failures: ${f.error.slice(0, 200)}`]),
          ),
          failedDaysBeforePause,
          now,
        ),
    )
  }
  if (input.succeeded.length > 0) {
    statements.push(
      db
        .prepare('DELETE FROM delivery_failures WHERE subscriber_id IN (SELECT value FROM json_each(?1))')
        .bind(JSON.stringify(input.succeeded)),
    )
  }
  const { sent, failed, flagged } = input.counts
  // A person's decision moves a delivery out of `flagged`: counts may go down as well as up.
  if (sent !== 0 || failed !== 0 || flagged !== 0) {
    statements.push(
      db
        .prepare(
          `UPDATE tenant_runs SET sent = sent + ?3, failed = failed + ?4, flagged = flagged + ?5, updated_at = ?6
           WHERE tenant_slug = ?1 AND local_date = ?2`,
        )
        .bind(input.tenant, input.localDate, sent, failed, flagged, now),
    )
  }
  if (statements.length > 0) await db.batch(statements)
}

/**
 * The subscribers' next_send_on moved past today, never backwards, and the mark of the tokens
 * stored this batch with it. One statement per next date and mark (a batch's residents share
 * few), its ids listed as parameters: D1 reads 2 rows per subscriber so, where an UPDATE … FROM
 * json_each reads 4 (the join is kept aside in a temporary table, then read back).
 */
function advanceStatements(
  db: D1Database,
  tenant: string,
  localDate: string,
  now: string,
  advances: readonly { subscriberId: string; nextSendOn: string | null; standingLinks?: string | null }[],
): D1PreparedStatement[] {
  const groups = new Map<string, { next: string | null; mark: string | null; ids: string[] }>()
  for (const a of advances) {
    const mark = a.standingLinks ?? null
    const key = JSON.stringify([a.nextSendOn, mark])
    const group = groups.get(key) ?? { next: a.nextSendOn, mark, ids: [] }
    group.ids.push(a.subscriberId)
    groups.set(key, group)
  }
  const fixed = 5
  const statements: D1PreparedStatement[] = []
  for (const { next, mark, ids } of groups.values())
    for (let i = 0; i < ids.length; i += maxParameters - fixed) {
      const some = ids.slice(i, i + maxParameters - fixed)
      statements.push(
        db
          .prepare(
            // A run under a program a publish replaced after it started computed these dates from
            // the old program: the new one may send sooner, and the reschedule walk has passed them,
            // so they go no further than tomorrow, whose run plans them under the new program.
            // The mark of the tokens stored this batch goes with the row the day writes anyway.
            `UPDATE subscribers SET updated_at = ?3, standing_links = coalesce(?5, standing_links),
               next_send_on = CASE WHEN (?1 IS NULL OR ?1 > date(?2, '+1 day'))
                                     AND EXISTS (SELECT 1 FROM tenant_runs r JOIN tenant_schedules s ON s.tenant_slug = r.tenant_slug
                                                 WHERE r.tenant_slug = ?4 AND r.local_date = ?2
                                                   AND s.program_hash <> r.program_hash AND s.updated_at > r.started_at)
                                   THEN date(?2, '+1 day') ELSE ?1 END
             WHERE id IN (${some.map((_, j) => `?${fixed + 1 + j}`).join(', ')}) AND next_send_on <= ?2`,
          )
          .bind(next, localDate, now, tenant, mark, ...some),
      )
    }
  return statements
}
