import type { D1Database } from '@cloudflare/workers-types'
import { flagAnnouncementBatch } from '../announcements/dead-letter'
import type { Env } from '../env'
import { type AnnouncementBatch, announcementBatch, deliveryBatch } from '../queues'
import { today } from '../resident/schedule'
import { residentDb } from '../shards/map'
import { batchTenant, flagDueWithoutDelivery } from './dead-letter-due'
import { settleDay } from './record'

const reason = 'retries exhausted (dead letter)'

/**
 * A batch that exhausted its retries: kept in dead_letters where a person sees it, and every
 * subscriber of it still due that day is flagged per subscriber with the reason — deliveries left
 * unfinished, and those due but never claimed (the batch failed before them) — counted in the
 * run's `flagged` and as a failed day, so nobody due is silently lost. Their next_send_on stays
 * put: tomorrow's run takes them up again.
 *
 * All of it in the shard of the batch's tenant (a body that names none is kept in main); while
 * that tenant's residents move this throws TenantMoving before writing anything.
 */
export async function recordDeadLetter(
  env: Env,
  input: { queue: string; messageId: string; body: unknown; attempts: number; now: Date },
): Promise<void> {
  const announcement = announcementBatch.safeParse(input.body)
  if (announcement.success) return recordAnnouncementDeadLetter(env, input, announcement.data)
  const parsed = deliveryBatch.safeParse(input.body)
  const batch = parsed.success ? parsed.data : null
  const db = batch ? await residentDb(env, batch.tenant) : env.DB
  const now = input.now.toISOString()
  await keep(db, input, batch?.tenant ?? null, batch?.localDate ?? null, batch?.manifestId ?? null)
  if (!batch) return
  const { results } = await db
    .prepare(
      `UPDATE deliveries SET state = 'flagged', error = ?4, updated_at = ?3
       WHERE local_date = ?2 AND kind = 'program' AND state IN ('claimed', 'sending', 'failed-transient', 'unknown')
         AND subscriber_id IN (SELECT value FROM json_each(?1))
       RETURNING subscriber_id AS subscriberId`,
    )
    .bind(JSON.stringify(batch.subscriberIds), batch.localDate, now, `needs-review: ${reason}`)
    .all<{ subscriberId: string }>()
  const neverClaimed = await flagDueWithoutDelivery({ db, main: env.DB }, batch, reason, input.now)
  const flagged = [...results, ...neverClaimed]
  await settleDay(db, {
    tenant: batch.tenant,
    localDate: batch.localDate,
    advances: [],
    failed: flagged.map((r) => ({ subscriberId: r.subscriberId, error: reason })),
    succeeded: [],
    counts: { sent: 0, failed: 0, flagged: flagged.length },
    now: input.now,
  })
}

/** The dead-lettered message, where a person sees it. */
async function keep(
  db: D1Database,
  input: { queue: string; messageId: string; body: unknown; attempts: number; now: Date },
  tenant: string | null,
  localDate: string | null,
  manifestId: string | null,
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO dead_letters (id, queue, tenant_slug, local_date, manifest_id, body, attempts, received_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (id) DO NOTHING`,
    )
    .bind(
      input.messageId,
      input.queue,
      tenant,
      localDate,
      manifestId,
      JSON.stringify(input.body).slice(0, 100_000),
      input.attempts,
      input.now.toISOString(),
    )
    .run()
}

/** An announcement's batch: kept in its town's shard, each of its residents flagged (announcements/dead-letter.ts). */
async function recordAnnouncementDeadLetter(
  env: Env,
  input: { queue: string; messageId: string; body: unknown; attempts: number; now: Date },
  batch: AnnouncementBatch,
): Promise<void> {
  const db = await residentDb(env, batch.tenant)
  const tenant = await batchTenant(env.DB, batch)
  const localDate = tenant ? today(tenant, input.now) : input.now.toISOString().slice(0, 10)
  await keep(db, input, batch.tenant, localDate, batch.manifestId)
  await flagAnnouncementBatch(db, batch, { reason, localDate, now: input.now })
}
