import type { D1Database } from '@cloudflare/workers-types'
import type { Announcement, AnnouncementStatus } from '../../shared/contract'

interface RunRow {
  id: string
  state: 'sending' | 'sent' | 'cancelled'
  recipients: number
  startedAt: string | null
  finishedAt: string | null
  cancelledAt: string | null
  updatedAt: string
}

interface CountRow {
  id: string
  total: number
  sent: number
  failed: number
  flagged: number
  pending: number
  opened: number
}

const runColumns = `announcement_id AS id, state, recipients, started_at AS startedAt, finished_at AS finishedAt,
  cancelled_at AS cancelledAt, updated_at AS updatedAt`

// Through deliveries_announcement: the IS NOT NULL lets SQLite take the partial index, and the `+`
// keeps it off (tenant, date), which would read every delivery the town ever had.
const countQuery = `
  SELECT announcement_id AS id, COUNT(*) AS total,
         SUM(state = 'sent') AS sent,
         SUM(state IN ('failed-permanent', 'failed-transient')) AS failed,
         SUM(state = 'flagged') AS flagged,
         SUM(state IN ('claimed', 'sending', 'unknown')) AS pending,
         SUM(opened_at IS NOT NULL) AS opened
    FROM deliveries
   WHERE announcement_id IS NOT NULL AND announcement_id IN (SELECT value FROM json_each(?1)) AND +tenant_slug = ?2
   GROUP BY announcement_id`

function statusOf(id: string, run: RunRow | undefined, counts: CountRow | undefined): AnnouncementStatus {
  const c = counts ?? { total: 0, sent: 0, failed: 0, flagged: 0, pending: 0, opened: 0 }
  // While the walk is under way, recipients it found whose delivery is not written yet are pending.
  const notYetWritten = run?.state === 'sending' ? Math.max(0, run.recipients - c.total) : 0
  return {
    id,
    state: run?.state ?? 'scheduled',
    recipients: c.total + notYetWritten,
    sent: c.sent,
    failed: c.failed,
    flagged: c.flagged,
    pending: c.pending + notYetWritten,
    opened: c.opened,
    startedAt: run?.startedAt ?? null,
    finishedAt: run?.finishedAt ?? null,
    cancelledAt: run?.cancelledAt ?? null,
  }
}

/**
 * Where each announcement of the town stands: every one published in the active snapshot and every
 * one the edge has a run for (a sent or cancelled one may have left the snapshot), or only `only`.
 * Published with no run yet is `scheduled`; otherwise the run's state. The figures are its
 * deliveries' states; newest first (its send time, else when its run started or was cancelled).
 */
export async function announcementStatuses(
  db: D1Database,
  input: { tenant: string; published: readonly Announcement[]; only?: string },
): Promise<AnnouncementStatus[]> {
  const published = input.only ? input.published.filter((a) => a.id === input.only) : input.published
  const runs = await db
    .prepare(
      `SELECT ${runColumns} FROM announcement_runs
        WHERE tenant_slug = ?1 AND (?2 IS NULL OR announcement_id = ?2)`,
    )
    .bind(input.tenant, input.only ?? null)
    .all<RunRow>()
  const runOf = new Map(runs.results.map((r) => [r.id, r]))
  const sendAt = new Map(published.map((a) => [a.id, a.sendAt]))
  const ids = [...new Set([...published.map((a) => a.id), ...runOf.keys()])]
  if (ids.length === 0) return []
  const counts = await db.prepare(countQuery).bind(JSON.stringify(ids), input.tenant).all<CountRow>()
  const countOf = new Map(counts.results.map((r) => [r.id, r]))
  const when = (id: string) => {
    const run = runOf.get(id)
    const at = sendAt.get(id) ?? run?.startedAt ?? run?.cancelledAt ?? run?.updatedAt ?? ''
    return at === '' ? 0 : Date.parse(at)
  }
  return ids
    .sort((a, b) => when(b) - when(a) || a.localeCompare(b))
    .map((id) => statusOf(id, runOf.get(id), countOf.get(id)))
}
