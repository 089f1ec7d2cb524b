import type { D1Database } from '@cloudflare/workers-types'
import { addDays, localDate } from '../../shared/calendar'

export interface PruneOptions {
  /** Raw delivery rows are kept this many days after their local date (message pages need them). */
  keepDays: number
  /** Rows rolled up and deleted per transaction. */
  batchSize: number
  /** Transactions per call: bounds the queries one cron tick spends here (D1: 1,000 per invocation). */
  maxBatches: number
  /** Subscribers walked per batch (their old rows are read through their own keys). */
  walkSize?: number
}

const defaultWalkSize = 1_000

export const defaultPruneOptions: PruneOptions = { keepDays: 90, batchSize: 500, maxBatches: 20 }

/**
 * The days raw rows are kept: DELIVERY_ROWS_DAYS (default 90), never fewer than the days a message
 * page stays readable (MESSAGE_PAGE_DAYS), since /m/{token} finds its delivery by this row.
 */
export function pruneOptionsFrom(env: {
  DELIVERY_ROWS_DAYS?: string
  MESSAGE_PAGE_DAYS?: string
}): PruneOptions {
  const days = (text: string | undefined) => {
    const n = Number(text)
    return Number.isInteger(n) && n > 0 ? n : defaultPruneOptions.keepDays
  }
  return {
    ...defaultPruneOptions,
    keepDays: Math.max(days(env.DELIVERY_ROWS_DAYS), days(env.MESSAGE_PAGE_DAYS)),
  }
}

// A delivery's outcome as the contract counts it. Flagged rows a person must look at: never
// attempted (content could not be composed) is a permanent failure, otherwise it may have gone.
const outcome = `CASE d.state WHEN 'flagged' THEN CASE WHEN d.attempts = 0 THEN 'failed-permanent' ELSE 'unknown' END
                 WHEN 'claimed' THEN 'unknown' WHEN 'sending' THEN 'unknown' ELSE d.state END`
export const countedOutcome = outcome

/**
 * Rolls old raw delivery rows up into delivery_counts and deletes them, in bounded batches, each
 * one transaction (count + delete), so a row is counted once even if two ticks prune at once.
 * Kept: rows younger than `keepDays` (their /m pages still open), rows not finished (sending,
 * unknown, failed-transient: a retry or a person may still need them), every row of a run
 * still enqueuing, and flagged rows however old: nobody has decided them yet (a send in doubt,
 * content that could not be composed), and the decision needs the row. Once decided (sent or
 * refused) they go on the next run and are counted as decided. Clicks go with their delivery
 * (ON DELETE CASCADE). Staff messages' deliveries are not counted: they go with their message
 * (its retention), which the family's page shows them under.
 *
 * The rows are found without a (tenant, date) index, which would cost every delivery a row
 * written: the shard's subscribers are walked in rowid order, `walkSize` a batch from where the
 * last batch stopped (delivery_prune_cursor, so the next tick goes on from there; the tick after
 * one that reached the end starts over, and `more` says whether the walk is over), and each one's
 * old rows read through its own days (deliveries_subscriber_day). A slice with more old rows than
 * `batchSize` is taken again until it has none left. Rows of erased residents went with them
 * (cascade).
 *
 * `db` is one shard; `skip` names tenants left alone (the cron's: those whose residents are
 * moving, so their rows are not rolled up while being copied).
 */
export async function pruneDeliveries(
  db: D1Database,
  now: Date,
  options: PruneOptions = defaultPruneOptions,
  skip: readonly string[] = [],
): Promise<{ pruned: number; cutoff: string; more: boolean }> {
  // Tokyo's date: every tenant is in Japan, and a day either way does not matter at 90 days.
  const cutoff = addDays(localDate(now, 'Asia/Tokyo'), -options.keepDays)
  const walkSize = options.walkSize ?? defaultWalkSize
  const skipped = JSON.stringify(skip)
  const slice = db.prepare(
    `SELECT count(*) AS n, max(rowid) AS last
     FROM (SELECT rowid FROM subscribers WHERE rowid > ?1 ORDER BY rowid LIMIT ?2)`,
  )
  // Subscribers first (CROSS JOIN keeps that order): each one's rows through its (subscriber, date) key.
  const pick = db.prepare(
    `SELECT d.id FROM subscribers s CROSS JOIN deliveries d ON d.subscriber_id = s.id AND d.local_date < ?3
     WHERE s.rowid > ?1 AND s.rowid <= ?2
       AND d.state IN ('sent', 'failed-permanent') AND d.kind != 'staff'
       AND d.tenant_slug NOT IN (SELECT value FROM json_each(?5))
       AND NOT EXISTS (SELECT 1 FROM tenant_runs r
                       WHERE r.tenant_slug = d.tenant_slug AND r.local_date = d.local_date AND r.state = 'enqueuing')
     LIMIT ?4`,
  )
  const rollUp = db.prepare(
    `INSERT INTO delivery_counts (local_date, tenant_slug, kind, slot, channel, outcome, count)
     SELECT d.local_date, d.tenant_slug, d.kind, coalesce(s.value, ''), d.channel, ${outcome}, COUNT(*)
     FROM deliveries d LEFT JOIN json_each(d.slots) s
     WHERE d.id IN (SELECT value FROM json_each(?1))
     GROUP BY 1, 2, 3, 4, 5, 6
     ON CONFLICT (tenant_slug, local_date, kind, slot, channel, outcome) DO UPDATE SET count = count + excluded.count`,
  )
  const remove = db.prepare(
    'DELETE FROM deliveries WHERE id IN (SELECT value FROM json_each(?1)) RETURNING id',
  )
  const moveOn = db.prepare(
    `INSERT INTO delivery_prune_cursor (id, after, updated_at) VALUES (1, ?1, ?2)
     ON CONFLICT (id) DO UPDATE SET after = excluded.after, updated_at = excluded.updated_at`,
  )
  const at = now.toISOString()
  let after =
    (await db.prepare('SELECT after FROM delivery_prune_cursor WHERE id = 1').first<number>('after')) ?? 0
  let pruned = 0
  for (let batches = 0; batches < options.maxBatches; batches++) {
    const walked = await slice.bind(after, walkSize).first<{ n: number; last: number | null }>()
    const last = walked?.last ?? null
    if (last === null) {
      await moveOn.bind(0, at).run()
      return { pruned, cutoff, more: false }
    }
    const end = (walked?.n ?? 0) < walkSize
    const { results } = await pick.bind(after, last, cutoff, options.batchSize, skipped).all<{ id: string }>()
    // A full batch may have left rows in the slice: it is taken again, without them.
    const done = results.length < options.batchSize
    const next = done ? (end ? 0 : last) : after
    if (results.length === 0) {
      await moveOn.bind(next, at).run()
    } else {
      const ids = JSON.stringify(results.map((r) => r.id))
      // Rows another tick pruned meanwhile are neither counted nor returned here.
      const [, deleted] = await db.batch([rollUp.bind(ids), remove.bind(ids), moveOn.bind(next, at)])
      pruned += deleted?.results.length ?? 0
    }
    // The walk is over at the shard's last resident: the next tick starts it again.
    if (done && end) return { pruned, cutoff, more: false }
    after = next
  }
  return { pruned, cutoff, more: true }
}
