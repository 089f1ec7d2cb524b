import type { Env } from '../env'
import { allShards } from '../shards/databases'

export interface PruneOptions {
  /** The last manifests made active (publish or rollback), the active one among them, kept for a rollback. */
  keepManifests: number
  /** Days a message page (/m/…) is served after its delivery; its manifest is kept that long. */
  pageDays: number
  /** A manifest recorded but never activated (or just replaced) is kept at least this long. */
  manifestGraceDays?: number
  /** A part no manifest names yet (an upload under way) is kept at least this long. */
  partGraceDays?: number
  /** At most this many manifests and parts go per call, so one cron tick does a bounded piece. */
  batch?: number
}

export interface PruneReport {
  manifests: string[]
  parts: string[]
}

const dayMs = 86_400_000

/** The prune settings from the Worker's vars, with the defaults wrangler.toml documents. */
export function pruneOptionsFrom(vars: { SNAPSHOT_KEEP_MANIFESTS?: string; MESSAGE_PAGE_DAYS?: string }) {
  const count = (value: string | undefined, fallback: number) => {
    const n = Number(value)
    return value && Number.isInteger(n) && n >= 0 ? n : fallback
  }
  return {
    keepManifests: count(vars.SNAPSHOT_KEEP_MANIFESTS, 5),
    pageDays: count(vars.MESSAGE_PAGE_DAYS, 90),
  } satisfies PruneOptions
}

/** How many of the oldest prunable-looking manifests one call asks the shards about. */
const candidatesPerCall = 500

/**
 * Deletes manifests nothing needs any more, then parts no remaining manifest names. A manifest is
 * needed while it is active, among the last `keepManifests` activated, used by a delivery run that
 * may still be sending, or by a delivery whose message page is still within its lifetime (the page
 * is composed again from that manifest), in any shard. Oldest first, a bounded batch per call.
 *
 * Manifests live in main, runs and deliveries in each tenant's shard, and no statement spans two
 * databases: the oldest candidates are read from main, every shard says which of them its runs
 * still use (manifestsInUse), then main deletes the others.
 */
export async function pruneSnapshots(env: Env, now: Date, options: PruneOptions): Promise<PruneReport> {
  const db = env.DB
  const batch = options.batch ?? 20
  const before = (days: number) => new Date(now.getTime() - days * dayMs).toISOString()
  const { results: candidates } = await db
    .prepare(
      `SELECT m.id FROM manifests m
       WHERE m.received_at < ?1
         AND m.id NOT IN (SELECT manifest_id FROM active_manifest)
         AND m.id NOT IN (SELECT manifest_id FROM manifest_activations
                          GROUP BY manifest_id ORDER BY max(id) DESC LIMIT ?2)
       ORDER BY m.received_at LIMIT ?3`,
    )
    .bind(before(options.manifestGraceDays ?? 7), options.keepManifests, candidatesPerCall)
    .all<{ id: string }>()
  const inUse = await manifestsInUse(
    env,
    candidates.map((m) => m.id),
    {
      // A run's queued batches retry for a while after its last page was enqueued.
      runsSince: before(2).slice(0, 10),
      pagesSince: before(options.pageDays + queueDays),
    },
  )
  const ids = candidates
    .map((m) => m.id)
    .filter((id) => !inUse.has(id))
    .slice(0, batch)
  if (ids.length > 0) {
    // Their manifest_parts rows go with them (cascade); a manifest made active meanwhile stays.
    await db
      .prepare(
        `DELETE FROM manifests WHERE id IN (SELECT value FROM json_each(?1))
         AND id NOT IN (SELECT manifest_id FROM active_manifest)`,
      )
      .bind(JSON.stringify(ids))
      .run()
  }
  const { results: parts } = await db
    .prepare(
      `DELETE FROM snapshot_parts WHERE hash IN (
         SELECT p.hash FROM snapshot_parts p
         WHERE p.received_at < ?1 AND NOT EXISTS (SELECT 1 FROM manifest_parts mp WHERE mp.part_hash = p.hash)
         ORDER BY p.received_at LIMIT ?2)
       RETURNING hash`,
    )
    .bind(before(options.partGraceDays ?? 1), batch)
    .all<{ hash: string }>()
  return { manifests: ids, parts: parts.map((p) => p.hash) }
}

/**
 * The days a delivery may be made after the last write of the run that enqueued its batch: a batch
 * waits on the delivery queue at most its retention (Cloudflare Queues: 14 days at most), and a
 * dead-lettered one as long again on the dead-letter queue, whose handler flags its residents.
 */
const queueDays = 28

/**
 * Of these manifests, those some shard still needs. Every delivery made from a manifest came in a
 * batch of a run that names it (a day's run in tenant_runs — a late day, a pass over everyone after
 * a reschedule and a dead-lettered batch's flagged rows included — or an announcement's run), made
 * no later than `queueDays` after that run's last write (its updated_at: each chunk enqueued and
 * each batch settled, a dead-lettered one too, writes it). So a manifest is needed while a run of
 * it may still be sending (not fully enqueued, of a day since `runsSince`, an announcement still
 * sending) or was written since `pagesSince` (the page lifetime plus `queueDays` back): every page
 * within its lifetime has its manifest, without reading a delivery. A dead-lettered batch kept
 * since then keeps its manifest too. Resending a flagged delivery or resolving it composes from its
 * manifest or, once that is gone, the active one; the reschedule and a confirmation compose no page.
 * A shard that cannot answer fails the call: nothing is pruned without every shard's word.
 */
async function manifestsInUse(
  env: Env,
  ids: readonly string[],
  since: { runsSince: string; pagesSince: string },
): Promise<Set<string>> {
  const used = new Set<string>()
  if (ids.length === 0) return used
  for (const { db } of allShards(env)) {
    const { results } = await db
      .prepare(
        // Each table read once (one row a tenant and day, an announcement, a dead letter), never a delivery.
        `SELECT manifest_id AS id FROM tenant_runs WHERE manifest_id IN (SELECT value FROM json_each(?1))
           AND (state <> 'enqueued' OR local_date >= ?2 OR updated_at >= ?3)
         UNION SELECT manifest_id FROM announcement_runs WHERE manifest_id IN (SELECT value FROM json_each(?1))
           AND (state = 'sending' OR updated_at >= ?3)
         UNION SELECT manifest_id FROM dead_letters WHERE manifest_id IN (SELECT value FROM json_each(?1))
           AND received_at >= ?3`,
      )
      .bind(JSON.stringify(ids), since.runsSince, since.pagesSince)
      .all<{ id: string }>()
    for (const { id } of results) used.add(id)
  }
  return used
}
