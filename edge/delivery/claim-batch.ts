import type { D1Database } from '@cloudflare/workers-types'
import type { Channel } from '../../shared/contract'
import type { ChannelAdapter } from '../channels/adapter'
import type { ClaimedSend } from '../channels/send-claimed'
import type { DeliveryBatch } from '../queues'
import { standingLinksMark } from '../resident/link-tokens'
import { claimDeliveries } from './claim'
import type { DueSubscriber } from './due-subscribers'
import { storeStandingLinks } from './links'
import type { DeliveryRequest } from './requests'

/** The adapter of each channel the requests use, asked for once each. */
export async function openAdapters(
  deps: { adapterFor(channel: Channel): Promise<ChannelAdapter> },
  requests: readonly DeliveryRequest[],
): Promise<Map<Channel, ChannelAdapter>> {
  const adapters = new Map<Channel, ChannelAdapter>()
  for (const channel of new Set(requests.map((r) => r.channel)))
    adapters.set(channel, await deps.adapterFor(channel))
  return adapters
}

/**
 * The manage and stop links in the messages work the moment they arrive. `subscribers` as the batch
 * read them: their manage generation (the statement itself stores a manage token only while that is
 * still their generation) and the mark of the tokens stored for them already, whose tokens are not
 * stored again. Returns the mark of each request's subscriber, for settling to record.
 */
export async function storeLinkTokens(
  deps: { db: D1Database; linkSecret: string; now(): Date },
  requests: readonly DeliveryRequest[],
  subscribers: readonly Pick<DueSubscriber, 'id' | 'manageGeneration' | 'standingLinks'>[],
): Promise<Map<string, string>> {
  const byId = new Map(subscribers.map((s) => [s.id, s]))
  const marks = new Map<string, string>()
  const missing: string[] = []
  for (const id of new Set(requests.map((r) => r.subscriberId))) {
    const subscriber = byId.get(id)
    const mark = await standingLinksMark(deps.linkSecret, subscriber?.manageGeneration ?? 0)
    marks.set(id, mark)
    if (subscriber?.standingLinks !== mark) missing.push(id)
  }
  if (missing.length > 0) {
    const generations = new Map(subscribers.map((s) => [s.id, s.manageGeneration]))
    await (await storeStandingLinks(deps.db, deps.linkSecret, missing, deps.now(), generations)).run()
  }
  return marks
}

export type Sending = ClaimedSend<DeliveryRequest>

export interface Claimed {
  /**
   * The requests under the ids of their rows: a day's row made under the LINK_SECRET before a
   * rotation keeps its id, and what follows (offers, outcomes) is written under it.
   */
  requests: DeliveryRequest[]
  /** The deliveries this consumer holds, by channel, to send now. */
  toSend: Map<Channel, Sending[]>
  /** Subscribers whose delivery another consumer is sending right now: retry the batch. */
  deferred: string[]
  /** Subscribers whose delivery already ended (or was flagged now): their day is over. */
  ended: string[]
  /** Deliveries flagged by this claim (left in doubt on a channel without idempotency keys). */
  flagged: number
}

/** Each delivery claimed before anything is sent, and sorted by what the claim allows. */
export async function claimBatch(
  deps: { db: D1Database; now(): Date; staleAfterSeconds?: number },
  batch: DeliveryBatch,
  requests: readonly DeliveryRequest[],
  adapters: ReadonlyMap<Channel, ChannelAdapter>,
): Promise<Claimed> {
  const claims = await claimDeliveries(deps.db, {
    tenant: batch.tenant,
    localDate: batch.localDate,
    manifestId: batch.manifestId,
    requests,
    idempotent: (channel) => adapters.get(channel)?.idempotent ?? false,
    now: deps.now(),
    staleAfterSeconds: deps.staleAfterSeconds ?? 300,
  })
  const byKey = new Map(requests.map((r) => [r.key, r]))
  const claimed: Claimed = { requests: [], toSend: new Map(), deferred: [], ended: [], flagged: 0 }
  for (const claim of claims) {
    const asked = byKey.get(claim.key)!
    const request = claim.id === asked.key ? asked : { ...asked, key: claim.id }
    claimed.requests.push(request)
    if (claim.action === 'send') {
      const list = claimed.toSend.get(request.channel) ?? []
      list.push({ request, attempt: claim.attempt })
      claimed.toSend.set(request.channel, list)
    } else if (claim.action === 'defer') claimed.deferred.push(request.subscriberId)
    else {
      if (claim.action === 'flagged') claimed.flagged++
      claimed.ended.push(request.subscriberId)
    }
  }
  return claimed
}
