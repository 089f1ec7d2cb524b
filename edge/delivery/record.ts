import type { D1Database } from '@cloudflare/workers-types'

export type EndState = 'sent' | 'failed-transient' | 'failed-permanent' | 'unknown' | 'flagged'

export interface Outcome {
  key: string
  attempt: number
  state: EndState
  providerMessageId?: string
  error?: string
}

/** Failed days (at most one counted per local date) after which a subscriber is paused. */
export const failedDaysBeforePause = 3

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
  const update = db.prepare(
    `UPDATE deliveries SET state = ?3, provider_message_id = coalesce(?4, provider_message_id), error = ?5, updated_at = ?6
     WHERE id = ?1 AND attempts = ?2 AND state = 'sending'`,
  )
  const results = await db.batch(
    outcomes.map((o) =>
      update.bind(o.key, o.attempt, o.state, o.providerMessageId ?? null, o.error ?? null, now.toISOString()),
    ),
  )
  return outcomes.filter((_, i) => results[i]?.meta.changes === 1)
}

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
    advances: readonly { subscriberId: string; nextSendOn: string | null }[]
    failed: readonly { subscriberId: string; error: string }[]
    succeeded: readonly string[]
    counts: { sent: number; failed: number; flagged: number }
    now: Date
  },
): Promise<void> {
  const now = input.now.toISOString()
  const advance = db.prepare(
    `UPDATE subscribers SET next_send_on = ?2, updated_at = ?4 WHERE id = ?1 AND next_send_on <= ?3`,
  )
  const countFailure = db.prepare(
    `INSERT INTO delivery_failures (subscriber_id, days, last_failed_on, last_error) VALUES (?1, 1, ?2, ?3)
     ON CONFLICT (subscriber_id) DO UPDATE SET days = days + 1, last_failed_on = excluded.last_failed_on,
       last_error = excluded.last_error
     WHERE delivery_failures.last_failed_on < excluded.last_failed_on`,
  )
  const pause = db.prepare(
    `UPDATE subscribers SET state = 'paused', state_reason = ?3, updated_at = ?4
     WHERE id = ?1 AND state = 'active'
       AND (SELECT days FROM delivery_failures WHERE subscriber_id = ?1) >= ?2`,
  )
  const statements = [
    ...input.advances.map((a) => advance.bind(a.subscriberId, a.nextSendOn, input.localDate, now)),
    ...input.failed.flatMap((f) => [
      countFailure.bind(f.subscriberId, input.localDate, f.error.slice(0, 500)),
      pause.bind(f.subscriberId, failedDaysBeforePause, `delivery-failures: ${f.error.slice(0, 200)}`, now),
    ]),
  ]
  if (input.succeeded.length > 0) {
    statements.push(
      db
        .prepare('DELETE FROM delivery_failures WHERE subscriber_id IN (SELECT value FROM json_each(?1))')
        .bind(JSON.stringify(input.succeeded)),
    )
  }
  const { sent, failed, flagged } = input.counts
  if (sent + failed + flagged > 0) {
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
