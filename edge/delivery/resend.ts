import type { D1Database } from '@cloudflare/workers-types'
import { localDate } from '../../shared/calendar'
import { indexMessages, programOf } from '../../shared/compose'
import type { Channel, TenantPart } from '../../shared/contract'
import { prefixOfId } from '../../shared/links'
import { planDay } from '../../shared/program'
import type { OutgoingMessage } from '../channels/adapter'
import { nameKey } from '../channels/key'
import { sendTransactional } from '../channels/transactional'
import type { Env } from '../env'
import { requireLinkSecret } from '../resident/link-tokens'
import { suppressAddress } from '../resident/suppression'
import type { LoadedSnapshot } from '../snapshot/read'
import { loadDueSubscribers } from './due-subscribers'
import { renderLate } from './late-label'
import { deliveryLinks, storeStandingLinks } from './links'
import { renderDelivery } from './render'

// Sending a flagged delivery again: composed anew for its day, then through the tenant's adapter.

export interface FlaggedRow {
  id: string
  /** The provider's key, from which the delivery's links are derived. */
  idempotencyKey: string
  subscriberId: string
  localDate: string
  channel: Channel
  manifestId: string | null
  state: string
  attempts: number
  error: string | null
  updatedAt: string
}

export type EndState = 'sent' | 'failed-permanent' | 'flagged'

export interface SendEnd {
  state: EndState
  error: string | null
  providerMessageId?: string
}

/** The tenant's shard: its residents' database and number (the prefix of their links). */
export interface Shard {
  shard: number
  db: D1Database
}

/**
 * The resend through the tenant's adapter; an address refused for good is suppressed at once, in
 * `db`, the tenant's shard.
 */
export async function sendComposed(
  env: Env,
  db: D1Database,
  input: { tenant: string; now: Date },
  row: FlaggedRow,
  attempt: number,
  message: OutgoingMessage,
): Promise<SendEnd> {
  const result = await sendTransactional(env, message, db)
  const { providerMessageId } = result
  if (result.outcome === 'sent') return { state: 'sent', error: null, providerMessageId }
  // Refused for good, unless what is missing is for a person to put right (credentials): flagged again below.
  if (result.outcome === 'failed-permanent' && !result.needsPerson) {
    if (result.suppress)
      await suppressAddress(db, {
        tenant: input.tenant,
        channel: row.channel,
        address: message.to,
        reason: result.suppress,
        eventId: `send:${row.id}:${attempt}`,
        now: input.now,
      })
    const error = `send again: ${result.error ?? 'refused by the provider'}`
    return { state: 'failed-permanent', error, providerMessageId }
  }
  // Not taken, or perhaps taken: a person looks again rather than the edge guessing.
  return {
    state: 'flagged',
    error: `needs-review: send again: ${result.error ?? result.outcome}`,
    providerMessageId,
  }
}

export interface Context {
  snapshot: LoadedSnapshot | null
  tenant: TenantPart | null
}

type Composed =
  | { ok: true; message: OutgoingMessage }
  /** final: nothing can be sent for this day any more (the resident stopped, the day holds no message). */
  | { ok: false; final: boolean; reason: string }

export async function composeAgain(
  env: Env,
  { db, shard }: Shard,
  input: { tenant: string; now: Date },
  row: FlaggedRow,
  { snapshot, tenant }: Context,
): Promise<Composed> {
  if (!snapshot || !tenant) return { ok: false, final: false, reason: 'the tenant is not in the snapshot' }
  // Only someone still receiving messages: a resident who stopped or was paused since gets nothing.
  const [dueSubscriber] = await loadDueSubscribers(db, {
    tenant: input.tenant,
    ids: [row.subscriberId],
    timeZone: tenant.tenant.timeZone,
    localDate: row.localDate,
  })
  if (!dueSubscriber)
    return { ok: false, final: true, reason: 'send again: the resident no longer receives messages' }
  const plan = planDay(dueSubscriber.timelines, row.localDate, programOf(tenant.tenant))
  if (!plan) return { ok: false, final: true, reason: 'send again: that day holds no message any more' }
  const linkSecret = requireLinkSecret(env.LINK_SECRET)
  // The same links as the first time: the message page is the delivery's own.
  const { links, pageTokenHash } = await deliveryLinks(
    env.PUBLIC_ORIGIN ?? '',
    linkSecret,
    dueSubscriber.id,
    row.idempotencyKey,
    dueSubscriber.manageGeneration,
    shard,
    prefixOfId(row.id),
  )
  // After its day, labelled late for that day.
  const render = row.localDate < localDate(input.now, tenant.tenant.timeZone) ? renderLate : renderDelivery
  const rendered = render({
    tenant,
    index: indexMessages(snapshot.national),
    dueSubscriber,
    plan,
    date: row.localDate,
    links,
    key: await nameKey(`${row.idempotencyKey}|send-again|${row.attempts + 1}`),
  })
  if (!rendered.ok) return { ok: false, final: false, reason: rendered.reason }
  // A delivery flagged before its links were made (a dead-lettered day: its id is its key), or
  // whose id was made under the LINK_SECRET before a rotation, is found by this page token's hash
  // stored beside its id; nor may its standing tokens be stored yet.
  await db.batch([
    await storeStandingLinks(db, linkSecret, [dueSubscriber.id], input.now),
    db
      .prepare('UPDATE deliveries SET page_token_hash = ?2 WHERE id = ?1 AND id <> ?2')
      .bind(row.id, pageTokenHash),
  ])
  return { ok: true, message: rendered.message }
}
