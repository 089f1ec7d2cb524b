import type { D1Database } from '@cloudflare/workers-types'
import type { SendResult } from '../channels/adapter'
import { sendTransactional } from '../channels/transactional'
import type { Env } from '../env'
import { nursesOf } from '../resident/nurses'
import { allShards } from '../shards/databases'
import { tenantsByShard } from '../shards/map'
import { findTenant } from '../snapshot/tenant'
import { type Asker, deskMessage, type ForwardNurse } from './desk-mail'
import { loadConsultation } from './store'

/** Attempts before a forward is marked failed for a person to look at. */
export const MAX_FORWARD_ATTEMPTS = 10
/** Minutes before the n-th retry; the cron tick runs every 5 minutes, so the first is the next tick. */
const backoffMinutes = [1, 5, 15, 60, 180, 360]
/** How long one attempt holds its row, so a cron tick and the form never send it side by side. */
const LEASE_MS = 2 * 60_000

export type ForwardOutcome = 'sent' | 'pending' | 'failed' | 'busy' | 'gone'

const minutes = (n: number) => n * 60_000

/**
 * Hands one consultation to the tenant's email channel (the outbox locally, Resend once the tenant
 * has its key; without a key where real providers send, marked failed for a person at once)
 * addressed to the family's nurse with the desk in copy, or to the desk when no nurse with an
 * address is assigned, and records what happened. Safe to call again at any time:
 * the message keeps its key, so an idempotent adapter never delivers it twice.
 */
export async function forwardConsultation(
  env: Env,
  id: string,
  now: Date,
  /** The shard holding the consultation (its tenant's). */
  db: D1Database = env.DB,
): Promise<ForwardOutcome> {
  const claimed = await db
    .prepare(
      `UPDATE consultation_forwards SET next_attempt_at = ?3, updated_at = ?2
       WHERE consultation_id = ?1 AND state = 'pending' AND next_attempt_at <= ?2 RETURNING attempts`,
    )
    .bind(id, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString())
    .first<{ attempts: number }>()
  if (!claimed) return 'busy'
  const consultation = await loadConsultation(db, id)
  if (!consultation) return 'gone'
  const tenant = await findTenant(env.DB, consultation.tenantSlug)
  const asker = await askerOf(db, consultation.subscriberId, consultation.contactBy === 'registered')
  if (!tenant || !asker) {
    const reason = tenant ? 'the subscriber is gone' : 'the tenant is not in the active snapshot'
    return record(
      db,
      id,
      claimed.attempts,
      { idempotencyKey: id, outcome: 'failed-transient', error: reason },
      now,
    )
  }
  const nurse = await forwardNurseOf(db, consultation.subscriberId)
  const result = await sendTransactional(env, deskMessage(tenant, consultation, asker, nurse))
  return record(db, id, claimed.attempts, result, now)
}

/** The nurse of the resident's households who has an address for notices, the latest assigned. */
export async function forwardNurseOf(db: D1Database, subscriberId: string): Promise<ForwardNurse | null> {
  const nurse = (await nursesOf(db, subscriberId)).find((n) => n.email)
  return nurse?.email ? { name: nurse.name, email: nurse.email } : null
}

async function askerOf(db: D1Database, subscriberId: string, withAddress: boolean): Promise<Asker | null> {
  const row = await db
    .prepare(
      `SELECT nickname, audience, channel, CASE WHEN ?2 = 1 THEN address END AS address
       FROM subscribers WHERE id = ?1`,
    )
    .bind(subscriberId, withAddress ? 1 : 0)
    .first<{
      nickname: string
      audience: Asker['audience']
      channel: Asker['channel']
      address: string | null
    }>()
  if (!row) return null
  const { address, ...rest } = row
  return address && rest.channel !== 'line' ? { ...rest, registeredAddress: address } : rest
}

async function record(
  db: D1Database,
  id: string,
  attemptsBefore: number,
  result: SendResult,
  now: Date,
): Promise<ForwardOutcome> {
  const attempts = attemptsBefore + 1
  const at = now.toISOString()
  // Missing credentials: no retry helps; marked failed at once, for a person (the dashboard counts it).
  const error = (result.needsPerson ? `needs-review: ${result.error}` : result.error)?.slice(0, 300) ?? null
  if (result.outcome === 'sent') {
    await db
      .prepare(
        `UPDATE consultation_forwards SET state = 'sent', attempts = ?2, provider_message_id = ?3, last_error = NULL,
           sent_at = ?4, updated_at = ?4 WHERE consultation_id = ?1`,
      )
      .bind(id, attempts, result.providerMessageId ?? null, at)
      .run()
    return 'sent'
  }
  const givingUp = result.outcome === 'failed-permanent' || attempts >= MAX_FORWARD_ATTEMPTS
  const wait = result.retryAfterSeconds
    ? result.retryAfterSeconds * 1000
    : minutes(backoffMinutes[Math.min(attempts, backoffMinutes.length) - 1]!)
  await db
    .prepare(
      `UPDATE consultation_forwards SET state = ?2, attempts = ?3, last_error = ?4, next_attempt_at = ?5, updated_at = ?6
       WHERE consultation_id = ?1`,
    )
    .bind(
      id,
      givingUp ? 'failed' : 'pending',
      attempts,
      error,
      new Date(now.getTime() + wait).toISOString(),
      at,
    )
    .run()
  // The id only: the consultation's words and the resident's address never go to logs.
  console.error(
    `consultation ${id}: forward ${givingUp ? 'failed' : 'will be retried'} (${result.outcome}: ${error})`,
  )
  return givingUp ? 'failed' : 'pending'
}

/**
 * The cron tick's part: every shard's forwards whose retry time has come (retryShardForwards),
 * summed. A shard that fails is logged and tried again next tick; the others go on.
 */
export async function retryDueForwards(
  env: Env,
  now: Date,
  limit = 25,
): Promise<Record<ForwardOutcome, number>> {
  const counts = noneForwarded()
  for (const shard of allShards(env)) {
    try {
      for (const [outcome, n] of Object.entries(await retryShardForwards(env, shard, now, limit)))
        counts[outcome as ForwardOutcome] += n
    } catch (error) {
      console.error(
        `consultations: retry in shard ${shard.shard} failed:`,
        error instanceof Error ? error.message : error,
      )
    }
  }
  return counts
}

/**
 * One shard's forwards whose retry time has come, oldest
 * first, a bounded number per tick. Only those of tenants settled in this shard: a tenant whose
 * residents are moving waits for the move to end.
 */
export async function retryShardForwards(
  env: Env,
  shard: { shard: number; db: D1Database },
  now: Date,
  limit = 25,
): Promise<Record<ForwardOutcome, number>> {
  const { results } = await shard.db
    .prepare(
      `SELECT consultation_id AS id, tenant_slug AS tenant FROM consultation_forwards
       WHERE state = 'pending' AND next_attempt_at <= ?1 ORDER BY next_attempt_at LIMIT ?2`,
    )
    .bind(now.toISOString(), limit)
    .all<{ id: string; tenant: string }>()
  const counts = noneForwarded()
  if (results.length === 0) return counts
  const groups = await tenantsByShard(env, [...new Set(results.map((r) => r.tenant))])
  const settled = new Set(groups.find((g) => g.shard === shard.shard)?.tenants)
  for (const { id, tenant } of results)
    if (settled.has(tenant)) counts[await forwardConsultation(env, id, now, shard.db)] += 1
  return counts
}

const noneForwarded = (): Record<ForwardOutcome, number> => ({
  sent: 0,
  pending: 0,
  failed: 0,
  busy: 0,
  gone: 0,
})
