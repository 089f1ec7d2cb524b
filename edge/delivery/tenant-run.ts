import type { D1Database } from '@cloudflare/workers-types'

export interface ClaimedRun {
  tenant: string
  localDate: string
  manifestId: string
  holder: string
  /**
   * `due`: the subscribers the (tenant, next_send_on) index says are due. `all`: every active
   * subscriber, once, on the first day the tenant's program differs from its previous run's and
   * on every day a reschedule of the tenant is unfinished.
   */
  pass: RunPass
  /** Where reading resumes (`next_send_on|rowid`, or the rowid for `all`); null before the first chunk. */
  cursor: string | null
  /** This claim marked the tenant's reschedule under way: a walk must be enqueued to end it. */
  rescheduleNeeded: boolean
}

export type RunPass = 'due' | 'all'

/**
 * Claims today's run of one tenant for one tick: creates it (with the manifest active now), or
 * takes over an unfinished one whose lease ran out (a tick that died). Returns null when the run
 * is finished or another tick holds it, so overlapping ticks never read the same run twice. A
 * resumed run keeps the manifest and the pass it started with.
 *
 * A new run whose program (`programHash`) differs from the tenant's previous run's reads
 * everyone: the reschedule queue may not yet have moved next_send_on of someone whose next send
 * the new program brings forward to today. A previous run without a hash (before runs recorded
 * one) counts as unchanged. So does every later day, until the reschedule's walk over the tenant
 * has ended (`tenant_schedules.rescheduled_at`): a queue a day or more behind would otherwise
 * leave next_send_on of those it has not reached at the earlier program's date.
 */
export async function claimRun(
  db: D1Database,
  main: D1Database,
  input: {
    tenant: string
    localDate: string
    manifestId: string
    programHash: string
    now: Date
    leaseSeconds: number
  },
): Promise<ClaimedRun | null> {
  const holder = crypto.randomUUID()
  const now = input.now.toISOString()
  const until = new Date(input.now.getTime() + input.leaseSeconds * 1000).toISOString()
  const row = await db
    .prepare(
      `INSERT INTO tenant_runs (tenant_slug, local_date, manifest_id, program_hash, pass, state, lease_holder, lease_until, started_at, updated_at)
       VALUES (?1, ?2, ?3, ?7,
               CASE WHEN (SELECT program_hash FROM tenant_runs WHERE tenant_slug = ?1 AND local_date < ?2
                          ORDER BY local_date DESC LIMIT 1) <> ?7
                      OR EXISTS (SELECT 1 FROM tenant_schedules WHERE tenant_slug = ?1 AND rescheduled_at IS NULL)
                    THEN 'all' ELSE 'due' END,
               'enqueuing', ?4, ?5, ?6, ?6)
       ON CONFLICT (tenant_slug, local_date) DO UPDATE SET
         lease_holder = excluded.lease_holder, lease_until = excluded.lease_until, updated_at = excluded.updated_at
       WHERE tenant_runs.state = 'enqueuing' AND tenant_runs.lease_until <= excluded.started_at
       RETURNING manifest_id AS manifestId, pass, cursor`,
    )
    .bind(input.tenant, input.localDate, input.manifestId, holder, until, now, input.programHash)
    .first<{ manifestId: string; pass: RunPass; cursor: string | null }>()
  if (!row) return null
  const rescheduleNeeded =
    row.pass === 'all' && row.cursor === null && (await markProgramChanged(db, main, input))
  return {
    tenant: input.tenant,
    localDate: input.localDate,
    manifestId: row.manifestId,
    holder,
    pass: row.pass,
    cursor: row.cursor,
    rescheduleNeeded,
  }
}

/** Records one enqueued chunk; false when this tick lost its lease (then it must stop). */
export async function recordChunk(
  db: D1Database,
  run: ClaimedRun,
  chunk: { cursor: string; subscribers: number; batches: number; now: Date },
): Promise<boolean> {
  const result = await db
    .prepare(
      `UPDATE tenant_runs SET cursor = ?4, enqueued = enqueued + ?5, batches = batches + ?6, updated_at = ?7
       WHERE tenant_slug = ?1 AND local_date = ?2 AND lease_holder = ?3 AND state = 'enqueuing'`,
    )
    .bind(
      run.tenant,
      run.localDate,
      run.holder,
      chunk.cursor,
      chunk.subscribers,
      chunk.batches,
      chunk.now.toISOString(),
    )
    .run()
  return result.meta.changes === 1
}

/** Every due subscriber is on the queue: no later tick today touches this run again. */
export async function finishRun(db: D1Database, run: ClaimedRun, now: Date): Promise<void> {
  await db
    .prepare(
      `UPDATE tenant_runs SET state = 'enqueued', enqueued_at = ?4, updated_at = ?4
       WHERE tenant_slug = ?1 AND local_date = ?2 AND lease_holder = ?3`,
    )
    .bind(run.tenant, run.localDate, run.holder, now.toISOString())
    .run()
}

/** Lets the next tick resume at once instead of waiting for the lease to run out. */
export async function releaseRun(db: D1Database, run: ClaimedRun, now: Date): Promise<void> {
  await db
    .prepare(
      `UPDATE tenant_runs SET lease_until = ?4, updated_at = ?4
       WHERE tenant_slug = ?1 AND local_date = ?2 AND lease_holder = ?3`,
    )
    .bind(run.tenant, run.localDate, run.holder, now.toISOString())
    .run()
}

/**
 * A run that found the program changed marks the tenant's reschedule under way when the tenant's
 * part changed since the previous run (a publish) and no reschedule for this program is marked
 * yet: the activation message may be stuck behind a backlog, and until a walk has reached
 * everyone the next days' runs must read everyone too. True when it marked (the caller enqueues a
 * walk, so the mark always ends). A program that changed with the same part (the standard program
 * in a new release) is not marked: no one was scheduled by a newer program than the run's.
 *
 * The runs are in the tenant's shard, the manifests in main: the previous run's manifest is read
 * first, then main says whether the tenant's part differs. Nothing read can change meanwhile (a
 * past day's run keeps its manifest, a manifest its parts), so the split decides as one statement did.
 */
async function markProgramChanged(
  db: D1Database,
  main: D1Database,
  input: { tenant: string; localDate: string; manifestId: string; programHash: string; now: Date },
): Promise<boolean> {
  const previous = await db
    .prepare(
      `SELECT manifest_id FROM tenant_runs WHERE tenant_slug = ?1 AND local_date < ?2
       ORDER BY local_date DESC LIMIT 1`,
    )
    .bind(input.tenant, input.localDate)
    .first<string>('manifest_id')
  if (previous === null || !(await partChanged(main, input.tenant, previous, input.manifestId))) return false
  const { meta } = await db
    .prepare(
      `INSERT INTO tenant_schedules (tenant_slug, program_hash, rescheduled_at, updated_at)
       VALUES (?1, ?2, NULL, ?3)
       ON CONFLICT (tenant_slug) DO UPDATE SET program_hash = ?2, rescheduled_at = NULL, updated_at = ?3
       WHERE tenant_schedules.program_hash <> ?2`,
    )
    .bind(input.tenant, input.programHash, input.now.toISOString())
    .run()
  return meta.changes > 0
}

/** Whether the tenant's part in manifest `before` (if it is still known) is not in manifest `after`. */
async function partChanged(
  main: D1Database,
  tenant: string,
  before: string,
  after: string,
): Promise<boolean> {
  const row = await main
    .prepare(
      `SELECT 1 AS changed FROM manifest_parts pm
       JOIN snapshot_parts pp ON pp.hash = pm.part_hash AND pp.kind = 'tenant' AND pp.tenant_slug = ?1
       WHERE pm.manifest_id = ?2
         AND NOT EXISTS (SELECT 1 FROM manifest_parts cm WHERE cm.manifest_id = ?3 AND cm.part_hash = pp.hash)`,
    )
    .bind(tenant, before, after)
    .first<number>('changed')
  return row !== null
}
