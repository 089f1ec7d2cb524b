import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import { programOf } from '../../shared/compose'
import type { TenantSettings } from '../../shared/contract'
import { planDay, standardProgram } from '../../shared/program'
import { deliveryKey } from '../channels/key'
import type { DeliveryBatch } from '../queues'
import { loadActiveSnapshot, loadSnapshot } from '../snapshot/read'
import { loadDueSubscribers } from './due-subscribers'

/** Where the tenant's program and time zone come from when its own snapshot cannot be read. */
const fallbackTimeZone = 'Asia/Tokyo'

/**
 * A dead-lettered batch's tenant settings, from the batch's manifest — or, since the batch may be
 * poison because that manifest cannot be read, from the active one; null when neither has it.
 */
export async function batchTenant(
  main: D1Database,
  batch: { tenant: string; manifestId: string },
): Promise<TenantSettings | null> {
  for (const load of [() => loadSnapshot(main, batch.manifestId), () => loadActiveSnapshot(main)]) {
    const part = (await load().catch(() => null))?.tenants.get(batch.tenant)
    if (part) return part.tenant
  }
  return null
}

async function tenantPlan(main: D1Database, batch: DeliveryBatch) {
  const tenant = await batchTenant(main, batch)
  return tenant
    ? { program: programOf(tenant), timeZone: tenant.timeZone }
    : { program: standardProgram, timeZone: fallbackTimeZone }
}

/**
 * Why a due subscriber has no row: an SMS is claimed before it is sent, so none means not sent; a
 * mail or LINE message on a day not begun is sent first and recorded with the day's settling
 * (sent-unclaimed.ts), so it may have gone out.
 */
function unrecorded(channel: string, reason: string): string {
  return channel === 'sms'
    ? `not sent: ${reason}`
    : `not recorded: ${reason}; it may have gone out under its key, which the provider keeps for a day`
}

/**
 * Subscribers of a dead-lettered batch who were due that day but never got a delivery row (the
 * batch failed before their claim): each gets a `flagged` delivery with the reason, so a person
 * sees them and the day's counts include them. Returns how many were flagged now. Due means the
 * timelines plan that day, whatever next_send_on says: a run's pass over everyone (a changed
 * program) enqueues people whose next_send_on the reschedule has not moved to that day yet.
 * `db` is the shard of the batch's tenant; the snapshots are read from `main`.
 */
export async function flagDueWithoutDelivery(
  { db, main }: { db: D1Database; main: D1Database },
  batch: DeliveryBatch,
  reason: string,
  now: Date,
): Promise<{ subscriberId: string }[]> {
  const { results } = await db
    .prepare(
      `SELECT s.id FROM subscribers s
       WHERE s.id IN (SELECT value FROM json_each(?1)) AND +s.tenant_slug = ?2 AND s.state = 'active'
         AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.subscriber_id = s.id AND d.local_date = ?3 AND d.kind = 'program')`,
    )
    .bind(JSON.stringify(batch.subscriberIds), batch.tenant, batch.localDate)
    .all<{ id: string }>()
  if (results.length === 0) return []
  const { program, timeZone } = await tenantPlan(main, batch)
  const dueSubscribers = await loadDueSubscribers(db, {
    tenant: batch.tenant,
    ids: results.map((r) => r.id),
    timeZone,
    localDate: batch.localDate,
  })
  const insert = db.prepare(
    `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, manifest_id, slots, channel, state,
                             idempotency_key, attempts, error, created_at, updated_at)
     VALUES (?1, ?2, ?3, ?4, 'program', ?5, ?6, ?7, 'flagged', ?1, 0, ?8, ?9, ?9)
     ON CONFLICT DO NOTHING`,
  )
  const due: { subscriberId: string; statement: D1PreparedStatement }[] = []
  for (const dueSubscriber of dueSubscribers) {
    const plan = planDay(dueSubscriber.timelines, batch.localDate, program)
    // Nothing was due today after all (a stale next_send_on): tomorrow's run re-plans them.
    if (!plan) continue
    due.push({
      subscriberId: dueSubscriber.id,
      statement: insert.bind(
        // No links were made for it (no LINK_SECRET here): its id is its key. A "send again" stores
        // the page token's hash it then makes in page_token_hash (resend.ts).
        await deliveryKey(dueSubscriber.id, batch.localDate, 'program'),
        dueSubscriber.id,
        batch.tenant,
        batch.localDate,
        batch.manifestId,
        JSON.stringify(plan.slots.map((s) => s.slot)),
        dueSubscriber.channel,
        `needs-review: ${unrecorded(dueSubscriber.channel, reason)}`.slice(0, 500),
        now.toISOString(),
      ),
    })
  }
  if (due.length === 0) return []
  const inserted = await db.batch(due.map((d) => d.statement))
  return due.filter((_, i) => inserted[i]?.meta.changes === 1).map((d) => ({ subscriberId: d.subscriberId }))
}
