import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import type { Channel } from '../../shared/contract'
import type { ChannelAdapter } from '../channels/adapter'
import { sendClaimed } from '../channels/send-claimed'
import type { DeliveryBatch } from '../queues'
import type { LoadedSnapshot } from '../snapshot/read'
import { batchDay } from './batch-day'
import { claimBatch, openAdapters, storeLinkTokens } from './claim-batch'
import { addLateDays } from './late'
import { markNurseTold } from './nurse-news'
import { joinRecorded, recordSends, tallySends } from './outcomes'
import { suppressRefused } from './refused'
import { splitUnclaimed, unclaimedStatements, withUnclaimed, writeUnclaimed } from './sent-unclaimed'
import { settleBatch } from './settle'
import { recordTaskOffers } from './task-offers'
import { linkToday, loadBatch, planToday, renderToday } from './today'
import { flagUnrenderable } from './unrenderable'

export interface DeliverDeps {
  /** The shard database of the batch's tenant: its residents, and every row the batch writes. */
  db: D1Database
  /** That shard's number, which every link in the messages carries (1 when not given). */
  shard?: number
  /** The snapshot of the batch's manifest — the one active when the run started. */
  snapshot: LoadedSnapshot
  adapterFor(channel: Channel): Promise<ChannelAdapter>
  origin: string
  /** LINK_SECRET: the key residents' link tokens are derived from. */
  linkSecret: string
  now(): Date
  /** A `sending` row younger than this belongs to a consumer still at work. */
  staleAfterSeconds?: number
}

export interface DeliverReport {
  /** Subscribers whose day is not over yet (transient failure, in flight elsewhere): retry the batch. */
  pending: number
  /** The longest wait a provider asked for (429 retry-after), if any. */
  retryAfterSeconds?: number
}

/**
 * One queue message: for each due subscriber, today's plan from their timelines (a stale
 * next_send_on cannot choose the message), composition from the run's manifest, the send, its
 * outcome recorded, next_send_on advanced. A delivery on a channel with idempotency keys, on a day
 * not begun, is sent unclaimed and its row written with its outcome as the day settles
 * (sent-unclaimed.ts); every other one is claimed before it is sent.
 *
 * The order of the day: load the due subscribers → plan today's slots → their links, survey and task
 * offers → render → add late days → claim those that need it (with each survey line) → record their
 * task offers → send → record the claimed ones' outcomes → mark the new nurses told → flag what
 * could not be rendered → write the unclaimed rows and settle the day, in one transaction →
 * suppress refused addresses.
 */
export async function deliverBatch(deps: DeliverDeps, batch: DeliveryBatch): Promise<DeliverReport> {
  const day = batchDay(deps.snapshot, batch)
  const { dueSubscribers, surveyHistory, taskHistory, nurseNews } = await loadBatch(deps.db, day, batch)
  const { due, over } = planToday(day, dueSubscribers)
  const linked = await linkToday(deps, day, due, surveyHistory, nurseNews, taskHistory)
  const today = renderToday(day, linked)
  const late = await addLateDays(deps, day, dueSubscribers)
  const requests = [...today.requests, ...late.requests]
  const unrenderable = [...today.unrenderable, ...late.unrenderable]

  const adapters = await openAdapters(deps, requests)
  const standingLinks = await storeLinkTokens(deps, requests, dueSubscribers)
  const { unclaimed, toClaim } = splitUnclaimed(requests, adapters, dueSubscribers)
  const claimed = await claimBatch(deps, batch, toClaim, adapters)
  await recordTaskOffers(deps, batch, claimed.toSend)
  const sent = await sendClaimed(adapters, withUnclaimed(claimed.toSend, unclaimed))
  const unclaimedKeys = new Set(unclaimed.map((r) => r.key))
  const theirs = sent.outcomes.filter((o) => unclaimedKeys.has(o.key))
  const recordedClaimed = await recordSends(
    deps,
    claimed.requests,
    sent.outcomes.filter((o) => !unclaimedKeys.has(o.key)),
  )
  let recorded = joinRecorded(recordedClaimed, tallySends(unclaimed, theirs, theirs))
  await markNurseTold(deps, [...claimed.requests, ...unclaimed], recorded.landed)
  const flagged =
    unrenderable.length > 0 ? await flagUnrenderable(deps.db, batch, unrenderable, deps.now()) : 0

  const settle = (first: D1PreparedStatement[]) =>
    settleBatch(deps, day, {
      tenant: batch.tenant,
      dueSubscribers,
      ended: [...over, ...claimed.ended, ...recorded.ended, ...unrenderable.map((u) => u.subscriberId)],
      held: [...claimed.deferred, ...recorded.held],
      failed: recorded.failed,
      succeeded: recorded.succeeded,
      standingLinks,
      counts: { ...recorded.counts, flagged: claimed.flagged + recorded.counts.flagged + flagged },
      first,
    })
  const rowsOf = {
    tenant: batch.tenant,
    localDate: batch.localDate,
    manifestId: batch.manifestId,
    now: deps.now(),
  }
  try {
    await settle(unclaimedStatements(deps.db, rowsOf, unclaimed, theirs))
  } catch (error) {
    if (theirs.length === 0) throw error
    // A day of the unclaimed ones was written by another consumer meanwhile (or D1 failed, and
    // this fails again): each row written on its own, and only those settled.
    const landed = await writeUnclaimed(deps.db, rowsOf, unclaimed, theirs)
    recorded = joinRecorded(recordedClaimed, tallySends(unclaimed, theirs, landed))
    await settle([])
  }
  await suppressRefused(deps, batch.tenant, recorded.landed, sent.refused)
  const pending = claimed.deferred.length + recorded.pending
  return sent.retryAfterSeconds === undefined
    ? { pending }
    : { pending, retryAfterSeconds: sent.retryAfterSeconds }
}
