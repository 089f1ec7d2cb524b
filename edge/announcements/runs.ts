import type { D1Database } from '@cloudflare/workers-types'

/** An announcement's run in the tenant's shard: the row that decides whether anything is sent. */
export interface Run {
  state: 'sending' | 'sent' | 'cancelled'
  version: number
  manifestId: string | null
  cursor: number | null
  recipients: number
  walkedAt: string | null
  updatedAt: string
}

const pending = `('claimed', 'sending', 'failed-transient', 'unknown')`

export async function readRun(db: D1Database, tenant: string, announcementId: string): Promise<Run | null> {
  return db
    .prepare(
      `SELECT state, version, manifest_id AS manifestId, cursor, recipients, walked_at AS walkedAt, updated_at AS updatedAt
       FROM announcement_runs WHERE tenant_slug = ?1 AND announcement_id = ?2`,
    )
    .bind(tenant, announcementId)
    .first<Run>()
}

/** The tenant's runs still sending, with their ids. */
export async function sendingRuns(
  db: D1Database,
  tenant: string,
): Promise<(Run & { announcementId: string })[]> {
  const { results } = await db
    .prepare(
      `SELECT announcement_id AS announcementId, state, version, manifest_id AS manifestId, cursor, recipients,
              walked_at AS walkedAt, updated_at AS updatedAt
       FROM announcement_runs WHERE tenant_slug = ?1 AND state = 'sending'`,
    )
    .bind(tenant)
    .all<Run & { announcementId: string }>()
  return results
}

/**
 * The runs this call starts: each row inserted unless one exists (a run started, sent or
 * cancelled before), so only the inserter enqueues the walk. Returns the ids inserted.
 */
export async function insertRuns(
  db: D1Database,
  tenant: string,
  starts: readonly { id: string; version: number; urgent: boolean }[],
  manifestId: string,
  now: Date,
): Promise<string[]> {
  if (starts.length === 0) return []
  const { results } = await db
    .prepare(
      `INSERT INTO announcement_runs (tenant_slug, announcement_id, version, manifest_id, state, urgent, cursor,
                                      recipients, started_at, updated_at)
       SELECT ?1, value ->> 0, value ->> 1, ?3, 'sending', value ->> 2, 0, 0, ?4, ?4 FROM json_each(?2) WHERE true
       ON CONFLICT DO NOTHING
       RETURNING announcement_id AS id`,
    )
    .bind(
      tenant,
      JSON.stringify(starts.map((s) => [s.id, s.version, s.urgent ? 1 : 0])),
      manifestId,
      now.toISOString(),
    )
    .all<{ id: string }>()
  return results.map((r) => r.id)
}

/** The ids among `ids` that have a run row (started, sent or cancelled). */
export async function knownRuns(
  db: D1Database,
  tenant: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const { results } = await db
    .prepare(
      `SELECT announcement_id AS id FROM announcement_runs
       WHERE tenant_slug = ?1 AND announcement_id IN (SELECT value FROM json_each(?2))`,
    )
    .bind(tenant, JSON.stringify(ids))
    .all<{ id: string }>()
  return new Set(results.map((r) => r.id))
}

/**
 * The walk moves past a page: only from the cursor it read (a redelivered page message finds it
 * moved and does nothing more), adding the page's recipients; at the end the cursor is cleared.
 * Returns whether this call moved it.
 */
export async function advanceRun(
  db: D1Database,
  run: { tenant: string; announcementId: string; from: number },
  to: { cursor: number | null; recipients: number },
  now: Date,
): Promise<boolean> {
  const at = now.toISOString()
  const moved = await db
    .prepare(
      `UPDATE announcement_runs SET cursor = ?4, recipients = recipients + ?5, updated_at = ?6,
              walked_at = CASE WHEN ?4 IS NULL THEN ?6 ELSE walked_at END
       WHERE tenant_slug = ?1 AND announcement_id = ?2 AND state = 'sending' AND cursor = ?3
       RETURNING cursor`,
    )
    .bind(run.tenant, run.announcementId, run.from, to.cursor, to.recipients, at)
    .all()
  return moved.results.length > 0
}

/**
 * The run is sent once its walk is over and every recipient's delivery has ended (none pending).
 * `settledBefore`: without counting, when the walk ended before it (a recipient who stopped
 * between the walk and the send has no delivery at all, so the count never reaches them).
 * Checked after every batch, so the cheap conditions go first: the count reads the announcement's
 * index alone (announcement ids are the CMS's, one town's each), the pending rows only once it is
 * reached.
 */
export async function finishRun(
  db: D1Database,
  tenant: string,
  announcementId: string,
  now: Date,
  settledBefore?: Date,
): Promise<boolean> {
  const at = now.toISOString()
  const { results } = await db
    .prepare(
      `UPDATE announcement_runs SET state = 'sent', finished_at = ?3, updated_at = ?3
       WHERE tenant_slug = ?1 AND announcement_id = ?2 AND state = 'sending' AND cursor IS NULL AND walked_at IS NOT NULL
         AND (walked_at < ?4 OR recipients <= (SELECT count(*) FROM deliveries WHERE announcement_id = ?2))
         AND NOT EXISTS (SELECT 1 FROM deliveries WHERE announcement_id = ?2 AND tenant_slug = ?1 AND state IN ${pending})
       RETURNING state`,
    )
    .bind(tenant, announcementId, at, settledBefore?.toISOString() ?? '')
    .all()
  return results.length > 0
}
