import type { D1Database } from '@cloudflare/workers-types'
import type { AnnouncementBatch } from '../queues'
import { announcementKey } from './message'
import { finishRun } from './runs'

/**
 * An announcement batch that cannot be sent — its retries exhausted, or no origin to link from:
 * every resident of it whose delivery did not end
 * is flagged with the reason — deliveries left pending, and a flagged row for each one never
 * claimed (the batch failed before them) — so nobody is silently lost and a person decides; then
 * the run can end. `localDate` is the town's date (the flagged rows' day).
 */
export async function flagAnnouncementBatch(
  db: D1Database,
  batch: AnnouncementBatch,
  input: { reason: string; localDate: string; now: Date },
): Promise<number> {
  const at = input.now.toISOString()
  const error = `needs-review: ${input.reason}`
  const keys = await Promise.all(
    batch.subscriberIds.map(async (id) => [
      await announcementKey(batch.tenant, batch.announcementId, id),
      id,
    ]),
  )
  const [updated, inserted] = await db.batch([
    db
      .prepare(
        `UPDATE deliveries SET state = 'flagged', error = ?4, updated_at = ?3
         WHERE announcement_id = ?1 AND +tenant_slug = ?2 AND state IN ('claimed', 'sending', 'failed-transient', 'unknown')
           AND subscriber_id IN (SELECT value FROM json_each(?5))`,
      )
      .bind(batch.announcementId, batch.tenant, at, error, JSON.stringify(batch.subscriberIds)),
    db
      .prepare(
        `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, announcement_id, manifest_id, slots,
                                 channel, state, idempotency_key, attempts, error, created_at, updated_at)
         SELECT k.value ->> 0, s.id, ?2, ?3, 'announcement', ?4, ?5, '[]', s.channel, 'flagged', k.value ->> 0, 0, ?6, ?7, ?7
         FROM json_each(?1) AS k JOIN subscribers s ON s.id = k.value ->> 1 AND s.tenant_slug = ?2
         WHERE true
         ON CONFLICT DO NOTHING`,
      )
      .bind(
        JSON.stringify(keys),
        batch.tenant,
        input.localDate,
        batch.announcementId,
        batch.manifestId,
        error,
        at,
      ),
  ])
  await finishRun(db, batch.tenant, batch.announcementId, input.now)
  return (updated?.meta.changes ?? 0) + (inserted?.meta.changes ?? 0)
}
