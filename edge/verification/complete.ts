import type { D1Database } from '@cloudflare/workers-types'
import type { Channel, TenantSettings } from '../../shared/contract'
import { ensureStandingTokens } from '../resident/link-tokens'
import { type Guard, guarded, loadResident, scheduleStatement } from '../resident/resident'
import type { SubscriberRow } from '../resident/rows'
import { type Previous, recordChange, type UndoLink } from './undo'
import type { Verification } from './verification'

// What proving an address does: a registration becomes active, or a change takes effect.

/** An active or paused subscriber of the tenant on this address, other than `except`. */
export async function activeOwner(
  db: D1Database,
  tenant: string,
  channel: Channel,
  address: string,
  except = '',
): Promise<string | null> {
  const row = await db
    .prepare(
      `SELECT id FROM subscribers
       WHERE tenant_slug = ?1 AND channel = ?2 AND address = ?3 AND state IN ('active', 'paused') AND id != ?4
       ORDER BY created_at LIMIT 1`,
    )
    .bind(tenant, channel, address, except)
    .first<{ id: string }>()
  return row?.id ?? null
}

export type Completion =
  | { kind: 'registered'; subscriberId: string }
  | { kind: 'changed'; subscriberId: string; undo: UndoLink | null }
  | { kind: 'duplicate'; ownerId: string }
  | { kind: 'gone' }

/**
 * The address is proved: a registration becomes active, a change replaces the old address (which
 * received everything until now). An address already active in the tenant makes no second
 * subscriber: the pending one is removed and the owner's id returned. Used once.
 */
export async function completeVerification(
  db: D1Database,
  tenant: TenantSettings,
  linkSecret: string,
  v: Verification,
  address: string,
  now: Date,
): Promise<Completion> {
  if (!v.subscriberId || v.purpose === 'decoy') return { kind: 'gone' }
  const at = now.toISOString()
  const spend = db
    .prepare('UPDATE verifications SET used_at = ?2, address = ?3 WHERE id = ?1 AND used_at IS NULL')
    .bind(v.id, at, address)
  const owner = await activeOwner(db, tenant.slug, v.channel, address, v.subscriberId)
  if (owner) {
    const [spent] = await db.batch([
      spend,
      ...(v.purpose === 'register'
        ? [
            db
              .prepare(
                `DELETE FROM timelines WHERE id IN (
                   SELECT m.timeline_id FROM timeline_members m JOIN subscribers s ON s.id = m.subscriber_id
                   WHERE m.subscriber_id = ?1 AND s.state = 'pending')`,
              )
              .bind(v.subscriberId),
            db.prepare(`DELETE FROM subscribers WHERE id = ?1 AND state = 'pending'`).bind(v.subscriberId),
          ]
        : []),
    ])
    return spent?.meta.changes ? { kind: 'duplicate', ownerId: owner } : { kind: 'gone' }
  }
  // Spent last, and everything before it guarded by its being unused: a second request writes nothing.
  const unused: Guard = {
    sql: 'EXISTS (SELECT 1 FROM verifications WHERE id = ? AND used_at IS NULL)',
    binds: [v.id],
  }
  const clearSuppression = db
    // A LINE friend again, or an SMS code that reached a number once opted out (they said START).
    .prepare(
      `DELETE FROM suppressions
       WHERE ${guarded("tenant_slug = ?3 AND channel = ?1 AND address = ?2 AND reason IN ('unfollowed', 'opted-out')", unused)}`,
    )
    .bind(v.channel, address, tenant.slug, ...unused.binds)
  // The next send is computed first, from the subscriber as the change leaves them, and written in
  // the same batch: a failure leaves everything as it was and the code still good.
  const resident = await loadResident(db, v.subscriberId)
  const schedule = (state: SubscriberRow['state'] | undefined) =>
    resident && state && state !== 'stopped'
      ? [
          scheduleStatement(
            db,
            tenant,
            { ...resident.subscriber, state, timelines: resident.timelines },
            now,
            unused,
          ),
        ]
      : []
  if (v.purpose === 'register') {
    const results = await db.batch([
      db
        .prepare(
          `UPDATE subscribers SET state = 'active', address = ?2, address_verified_at = ?3, updated_at = ?3
           WHERE ${guarded("id = ?1 AND state = 'pending'", unused)}`,
        )
        .bind(v.subscriberId, address, at, ...unused.binds),
      ...schedule('active'),
      await ensureStandingTokens(db, linkSecret, [v.subscriberId], ['manage', 'stop'], now),
      clearSuppression,
      spend,
    ])
    if (!results.at(-1)?.meta.changes || !results[0]?.meta.changes) return { kind: 'gone' }
    return { kind: 'registered', subscriberId: v.subscriberId }
  }
  // A pause with no end date is a provider's (bounce, complaint, unfollow, repeated failures)
  // and was about the old address: the new one is proved, so messages resume.
  const providerPause = resident?.subscriber.state === 'paused' && resident.subscriber.pausedUntil === null
  // The address replaced keeps a "not me" link for 14 days (undo.ts), written with the change.
  const previous = await db
    .prepare('SELECT channel, address FROM subscribers WHERE id = ?1')
    .bind(v.subscriberId)
    .first<Previous>()
  const changed =
    previous && (previous.channel !== v.channel || previous.address !== address)
      ? await recordChange(db, v.subscriberId, tenant.slug, previous, now, unused)
      : null
  const results = await db.batch([
    db
      .prepare(
        `UPDATE subscribers SET channel = ?2, address = ?3, address_verified_at = ?4, updated_at = ?4,
                state = CASE WHEN state = 'paused' AND paused_until IS NULL THEN 'active' ELSE state END,
                state_reason = CASE WHEN state = 'paused' AND paused_until IS NULL THEN NULL ELSE state_reason END
         WHERE ${guarded("id = ?1 AND state != 'stopped'", unused)}`,
      )
      .bind(v.subscriberId, v.channel, address, at, ...unused.binds),
    ...schedule(providerPause ? 'active' : resident?.subscriber.state),
    db
      .prepare(`DELETE FROM delivery_failures WHERE ${guarded('subscriber_id = ?1', unused)}`)
      .bind(v.subscriberId, ...unused.binds),
    clearSuppression,
    ...(changed ? [changed.statement] : []),
    spend,
    // Other changes still waiting are moot now.
    db
      .prepare(
        `UPDATE verifications SET used_at = ?2
         WHERE subscriber_id = ?1 AND purpose = 'change' AND used_at IS NULL`,
      )
      .bind(v.subscriberId, at),
  ])
  if (!results.at(-2)?.meta.changes || !results[0]?.meta.changes) return { kind: 'gone' }
  return { kind: 'changed', subscriberId: v.subscriberId, undo: changed?.undo ?? null }
}
