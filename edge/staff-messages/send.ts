import type { D1Database } from '@cloudflare/workers-types'
import type { Channel, TenantSettings } from '../../shared/contract'
import type { ChannelAdapter, SendResult } from '../channels/adapter'
import { adapterFor } from '../channels/registry'
import type { Env } from '../env'
import { suppressAddress } from '../resident/suppression'
import type { Note } from './compose'
import { staffMessage } from './compose'
import type { Member } from './members'

/** A `sending` delivery younger than this belongs to a request still at work: it is left to it. */
export const inFlightSeconds = 60

interface Pending {
  id: string
  subscriberId: string
  channel: Channel
  state: 'claimed' | 'sending' | 'failed-transient' | 'unknown'
  stale: number
}

type EndState = 'sent' | 'failed-transient' | 'failed-permanent' | 'unknown' | 'flagged'

/**
 * As the daily deliveries end: an unknown outcome where the provider takes no idempotency key
 * (SMS) is a person's call, never a second send; so is a send a person must put right.
 */
function endState(result: SendResult | undefined, adapter: ChannelAdapter): EndState {
  if (!result) return 'failed-transient'
  if (result.needsPerson) return 'flagged'
  return result.outcome === 'unknown' && !adapter.idempotent ? 'flagged' : result.outcome
}

/**
 * Sends the message's deliveries that are not done, each through the tenant's adapter for the
 * member's channel with the delivery's key: exactly once where the provider honours the key (a
 * retry presents the same key), at most once where it does not — a delivery left `sending` or
 * `unknown` there is flagged for a person instead of sent again. A delivery is taken (claimed →
 * sending, attempts + 1) by one conditional update, so two requests at once never both send it.
 */
export async function sendStaffDeliveries(
  env: Env,
  db: D1Database,
  tenant: TenantSettings,
  message: { id: string; note: Note; consultUrl: (member: Member) => Promise<string> },
  members: readonly Member[],
  now: Date,
): Promise<void> {
  const at = now.toISOString()
  const { results } = await db
    .prepare(
      `SELECT id, subscriber_id AS subscriberId, channel, state,
              (julianday(?2) - julianday(updated_at)) * 86400 >= ?3 AS stale
         FROM deliveries WHERE staff_message_id = ?1 AND state IN ('claimed', 'sending', 'failed-transient', 'unknown')`,
    )
    .bind(message.id, at, inFlightSeconds)
    .all<Pending>()
  const adapters = new Map<Channel, ChannelAdapter>()
  for (const delivery of results) {
    const member = members.find((m) => m.id === delivery.subscriberId)
    // `sending` may be another request at work; `unknown` is an attempt over, its outcome in doubt.
    if (!member || (delivery.state === 'sending' && !delivery.stale)) continue
    let adapter = adapters.get(delivery.channel)
    if (!adapter) {
      try {
        adapter = await adapterFor(env, tenant.slug, delivery.channel, db)
      } catch (error) {
        await record(db, delivery.id, null, { outcome: 'failed-transient', error: errorText(error) }, at)
        continue
      }
      adapters.set(delivery.channel, adapter)
    }
    const retaken = delivery.state === 'sending' || delivery.state === 'unknown'
    if (retaken && !adapter.idempotent) {
      await record(
        db,
        delivery.id,
        delivery.state,
        { outcome: 'flagged', error: 'needs-review: outcome unknown' },
        at,
      )
      continue
    }
    const attempt = await take(db, delivery, at)
    if (attempt === null) continue
    const outgoing = staffMessage(tenant, message.note, member, await message.consultUrl(member), delivery.id)
    let result: SendResult | undefined
    try {
      ;[result] = await adapter.send([outgoing])
    } catch (error) {
      result = { idempotencyKey: delivery.id, outcome: 'unknown', error: errorText(error) }
    }
    const state = endState(result, adapter)
    // An address the provider refused for good is suppressed at once, as a daily send's is.
    if (state === 'failed-permanent' && result?.suppress)
      await suppressAddress(db, {
        tenant: tenant.slug,
        channel: member.channel,
        address: member.address,
        reason: result.suppress,
        eventId: `send:${delivery.id}`,
        now,
      })
    await record(
      db,
      delivery.id,
      'sending',
      {
        outcome: state,
        providerMessageId: result?.providerMessageId,
        error: state === 'flagged' ? `needs-review: ${result?.error ?? 'outcome unknown'}` : result?.error,
      },
      at,
      attempt,
    )
  }
}

/** claimed / failed-transient / a stale sending or unknown → sending; the attempt, or null if another took it. */
async function take(db: D1Database, delivery: Pending, at: string): Promise<number | null> {
  const row = await db
    .prepare(
      `UPDATE deliveries SET state = 'sending', attempts = attempts + 1, updated_at = ?3
        WHERE id = ?1 AND state = ?2 RETURNING attempts`,
    )
    .bind(delivery.id, delivery.state, at)
    .first<{ attempts: number }>()
  return row?.attempts ?? null
}

async function record(
  db: D1Database,
  id: string,
  from: string | null,
  outcome: { outcome: EndState; providerMessageId?: string; error?: string },
  at: string,
  attempt?: number,
): Promise<void> {
  await db
    .prepare(
      `UPDATE deliveries SET state = ?2, provider_message_id = coalesce(?3, provider_message_id), error = ?4,
              updated_at = ?5
        WHERE id = ?1 AND state NOT IN ('sent', 'failed-permanent', 'flagged')
          AND (?6 IS NULL OR state = ?6) AND (?7 IS NULL OR attempts = ?7)`,
    )
    .bind(
      id,
      outcome.outcome,
      outcome.providerMessageId ?? null,
      outcome.error?.slice(0, 300) ?? null,
      at,
      from,
      attempt ?? null,
    )
    .run()
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 300)
