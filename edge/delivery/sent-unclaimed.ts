import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import type { Channel } from '../../shared/contract'
import type { ChannelAdapter } from '../channels/adapter'
import type { Outcome } from '../channels/send-claimed'
import { recordOffers } from '../tasks/offer'
import { insertRows } from './claim'
import type { Sending } from './claim-batch'
import type { DueSubscriber } from './due-subscribers'
import type { DeliveryRequest } from './requests'
import { taskOffersOf } from './task-offers'

/**
 * Which deliveries go out without a claim first: on a channel whose provider honours idempotency
 * keys, on the batch's own day, for a resident with no delivery of that day on record (the usual
 * day). The provider's answer comes in the same request, so the row is written once, with it, in
 * the transaction that settles the day: the provider's key, not a row, keeps the message to one
 * when two consumers hold the same resident. Everything else is claimed first as before (SMS
 * without keys stays at most once and flagged; a day begun before is taken over or left).
 */
export function splitUnclaimed(
  requests: readonly DeliveryRequest[],
  adapters: ReadonlyMap<Channel, ChannelAdapter>,
  dueSubscribers: readonly Pick<DueSubscriber, 'id' | 'history'>[],
): { unclaimed: DeliveryRequest[]; toClaim: DeliveryRequest[] } {
  const fresh = new Set(dueSubscribers.filter((s) => s.history?.dayStarted === false).map((s) => s.id))
  const unclaimed: DeliveryRequest[] = []
  const toClaim: DeliveryRequest[] = []
  const taken = new Set<string>()
  for (const r of requests) {
    const free =
      adapters.get(r.channel)?.idempotent === true &&
      r.localDate === undefined &&
      fresh.has(r.subscriberId) &&
      !taken.has(r.subscriberId)
    if (free) taken.add(r.subscriberId)
    ;(free ? unclaimed : toClaim).push(r)
  }
  return { unclaimed, toClaim }
}

/** The claimed deliveries to send, and the unclaimed ones beside them (attempt 1). */
export function withUnclaimed(
  toSend: ReadonlyMap<Channel, readonly Sending[]>,
  unclaimed: readonly DeliveryRequest[],
): Map<Channel, Sending[]> {
  const all = new Map([...toSend].map(([channel, items]) => [channel, [...items]]))
  for (const request of unclaimed) {
    const list = all.get(request.channel) ?? []
    list.push({ request, attempt: 1 })
    all.set(request.channel, list)
  }
  return all
}

export interface RowsOf {
  tenant: string
  localDate: string
  manifestId: string
  now: Date
}

/**
 * The unclaimed deliveries' rows, written with their outcomes, and their task offers, as statements
 * for the settling's transaction. After each insert a guard fails the whole transaction unless
 * every row of it was written: a row of the day found there (another consumer held the same
 * resident and wrote first) must not be settled or counted by this batch. SQLite has no RAISE
 * outside triggers: json() of text that is not JSON is the error. writeUnclaimed is the way on.
 */
export function unclaimedStatements(
  db: D1Database,
  of: RowsOf,
  requests: readonly DeliveryRequest[],
  outcomes: readonly Outcome[],
): D1PreparedStatement[] {
  if (outcomes.length === 0) return []
  const guard = db.prepare(
    "SELECT CASE WHEN changes() = ?1 THEN 1 ELSE json('a day of this batch was written by another consumer') END",
  )
  const statements = insertRows(db, rowsInput(of), newRows(requests, outcomes)).flatMap(
    ({ statement, rows }) => [statement, guard.bind(rows)],
  )
  const offers = offersOf(requests, outcomes)
  if (offers) statements.push(recordOffers(db, { ...of, offers }))
  return statements
}

/**
 * The unclaimed deliveries' rows written one batch on its own, as a day whose guard failed needs:
 * the outcomes whose row this consumer wrote (landed), with their task offers; the others' day is
 * another consumer's row, which the batch's retry finds.
 */
export async function writeUnclaimed(
  db: D1Database,
  of: RowsOf,
  requests: readonly DeliveryRequest[],
  outcomes: readonly Outcome[],
): Promise<Outcome[]> {
  const results = await db.batch<{ id: string }>(
    insertRows(db, rowsInput(of), newRows(requests, outcomes), { returning: true }).map((s) => s.statement),
  )
  const written = new Set(results.flatMap((r) => r.results.map((row) => row.id)))
  const landed = outcomes.filter((o) => written.has(o.key))
  const offers = offersOf(requests, landed)
  if (offers) await recordOffers(db, { ...of, offers }).run()
  return landed
}

const rowsInput = (of: RowsOf) => ({ ...of, now: of.now.toISOString(), mark: crypto.randomUUID() })

function newRows(requests: readonly DeliveryRequest[], outcomes: readonly Outcome[]) {
  const byKey = new Map(requests.map((r) => [r.key, r]))
  return outcomes.map((o) => ({
    request: byKey.get(o.key)!,
    state: o.state,
    providerMessageId: o.providerMessageId ?? null,
    error: o.error ?? null,
  }))
}

function offersOf(requests: readonly DeliveryRequest[], outcomes: readonly Outcome[]) {
  const keys = new Set(outcomes.map((o) => o.key))
  const offers = taskOffersOf(requests.filter((r) => keys.has(r.key)))
  return offers.length > 0 ? offers : null
}
