import type { D1Database } from '@cloudflare/workers-types'
import type { TenantSettings } from '../../shared/contract'
import type { Env } from '../env'
import { scheduleStatement } from '../resident/resident'
import type { Resident } from '../resident/rows'
import { residentShard } from '../shards/map'
import { type ActionResult, stopSubscription } from './actions'
import { moveHousehold } from './household-move'
import { languageIn, type MoveConsent, moveRefusal } from './move-rules'

/**
 * The subscription moves to another tenant running yorisoi, once the resident agrees to that
 * tenant's privacy notice: a new consent row (the old one withdrawn), the language kept where the
 * new tenant offers it, and the next send recomputed in the new tenant's program and time zone.
 * Within one shard, timelines nobody else follows move along and partners and family stay where
 * they are (still on the shared timelines). To a town on another shard the household moves whole
 * (household-move.ts). `from` is the resident's shard.
 */
export async function transferSubscription(
  env: Env,
  from: { shard: number; db: D1Database },
  to: TenantSettings,
  resident: Resident,
  consent: MoveConsent,
  now: Date,
): Promise<ActionResult> {
  const refused = moveRefusal(to, resident, consent)
  if (refused) return refused
  const target = await residentShard(env, to.slug)
  if (target.shard !== from.shard)
    return moveHousehold({ env, from, to: { ...target, tenant: to }, resident, consent, now })
  const { db } = from
  const { subscriber } = resident
  const at = now.toISOString()
  await db.batch([
    db
      .prepare(
        `UPDATE subscribers SET tenant_slug = ?2, language = ?3, state_reason = 'moved-in', updated_at = ?4
         WHERE id = ?1`,
      )
      .bind(subscriber.id, to.slug, languageIn(to, subscriber.language), at),
    db
      .prepare('UPDATE consents SET withdrawn_at = ?2 WHERE subscriber_id = ?1 AND withdrawn_at IS NULL')
      .bind(subscriber.id, at),
    db
      .prepare(
        `INSERT INTO consents (subscriber_id, tenant_slug, notice_version, method, ip_hash, given_at)
         VALUES (?1, ?2, ?3, 'move/web-form', ?4, ?5)`,
      )
      .bind(subscriber.id, to.slug, to.privacyNotice.version, consent.ipHash, at),
    db
      .prepare(
        `UPDATE timelines SET tenant_slug = ?2, updated_at = ?3
         WHERE id IN (SELECT timeline_id FROM timeline_members WHERE subscriber_id = ?1)
           AND NOT EXISTS (
             SELECT 1 FROM timeline_members m JOIN subscribers s ON s.id = m.subscriber_id
             WHERE m.timeline_id = timelines.id AND s.tenant_slug != ?2)`,
      )
      .bind(subscriber.id, to.slug, at),
    // Recomputed in the new tenant's program and time zone, and written with the move itself.
    scheduleStatement(db, to, { ...subscriber, timelines: resident.timelines }, now),
  ])
  return { ok: true }
}

/** A move to a town without yorisoi: the messages stop, kindly; the data follows the retention rule. */
export function moveAway(db: D1Database, resident: Resident, now: Date): Promise<void> {
  return stopSubscription(db, resident.subscriber.id, 'moved-away', now)
}
