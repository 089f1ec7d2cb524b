import type { D1Database } from '@cloudflare/workers-types'
import { localDate } from '../../shared/calendar'
import type { TenantSettings } from '../../shared/contract'
import { awaitsAPerson, eraseStatements } from './erase'
import { tokenLifetimeDays } from './tokens'

const DAY_MS = 86_400_000

/** The contract's default, for parts published before tenants carried the setting. */
export const defaultRetentionDays = 90

/**
 * Who receives nothing and will not without doing something: the index subscribers_newly_inactive
 * has the same terms. A pause with an end date (the resident's own) keeps them.
 */
export const noLongerReceiving =
  "state = 'stopped' OR next_send_on IS NULL OR (state = 'paused' AND paused_until IS NULL)"

export interface RetentionOptions {
  /** Subscribers deleted per batch (one D1 transaction). */
  batchSize: number
  /** Batches one sweep may run; the next cron tick carries on. */
  maxBatches: number
}

export const defaultRetentionOptions: RetentionOptions = { batchSize: 100, maxBatches: 10 }

export interface RetentionReport {
  /** Residents the sweep saw become inactive (their clock starts now). */
  marked: number
  /** Residents whose days had run out but who have something due again (their clock stops). */
  revived: number
  deleted: number
}

/**
 * One bounded sweep: marks who has newly nothing more due (stopped; every timeline ended; a
 * registration never confirmed once its confirmation link expired; paused with no end date, which
 * only a provider does — a bounce, complaint, invalid number, LINE unfollow or repeated failures —
 * so the clock runs from the pause, as for a stop), then deletes those whose
 * tenant's retention days have passed since, a batch at a time, passing by those with a flagged
 * delivery or a consultation not at the desk until a person has decided it (`awaitsAPerson`; they
 * go on the first sweep after). Anonymous counts stay in `erasures`. Only the tenants given are
 * touched: `db` is the shard they are settled in (the cron sweeps each shard with its own tenants,
 * leaving out one whose residents are moving); tenants missing from the active snapshot are left alone.
 */
export async function sweepRetention(
  db: D1Database,
  tenants: readonly TenantSettings[],
  now: Date,
  options: RetentionOptions = defaultRetentionOptions,
): Promise<RetentionReport> {
  const at = now.toISOString()
  const unconfirmedBefore = new Date(now.getTime() - (tokenLifetimeDays.confirm ?? 7) * DAY_MS).toISOString()
  const marked = await db
    .prepare(
      `UPDATE subscribers SET inactive_since = ?1
       WHERE rowid IN (
         SELECT rowid FROM subscribers
         WHERE inactive_since IS NULL AND (${noLongerReceiving})
           AND (state != 'pending' OR created_at < ?2)
           AND tenant_slug IN (SELECT value FROM json_each(?4))
         LIMIT ?3)`,
    )
    .bind(
      at,
      unconfirmedBefore,
      options.batchSize * options.maxBatches,
      JSON.stringify(tenants.map((t) => t.slug)),
    )
    .run()
  const report: RetentionReport = { marked: marked.meta.changes, revived: 0, deleted: 0 }

  const cutoffs = JSON.stringify(
    tenants.map((t) => [
      t.slug,
      new Date(now.getTime() - (t.retentionDays ?? defaultRetentionDays) * DAY_MS).toISOString(),
    ]),
  )
  const localDates = Object.fromEntries(tenants.map((t) => [t.slug, localDate(now, t.timeZone)]))
  for (let batch = 0; batch < options.maxBatches; batch++) {
    const { results } = await db
      .prepare(
        `SELECT s.id FROM json_each(?1) j CROSS JOIN subscribers s
         WHERE s.tenant_slug = j.value ->> 0 AND s.inactive_since IS NOT NULL AND s.inactive_since < j.value ->> 1
           AND NOT ${awaitsAPerson('s')}
         LIMIT ?2`,
      )
      .bind(cutoffs, options.batchSize)
      .all<{ id: string }>()
    if (results.length === 0) break
    const ids = results.map((r) => r.id)
    const done = await db.batch([
      // Something is due again since the mark (a new child, a program that runs longer, an address
      // fixed after a bounce): keep them.
      db
        .prepare(
          `UPDATE subscribers SET inactive_since = NULL
           WHERE id IN (SELECT value FROM json_each(?1)) AND state IN ('active', 'paused')
             AND NOT (${noLongerReceiving})`,
        )
        .bind(JSON.stringify(ids)),
      ...eraseStatements(db, ids, 'retention', localDates),
    ])
    // The first statement revives; the erasure's last deletes the subscribers.
    report.revived += done[0]?.meta.changes ?? 0
    report.deleted += done.at(-1)?.meta.changes ?? 0
    if (results.length < options.batchSize) break
  }
  return report
}
