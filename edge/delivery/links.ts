import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import type { DeliveryLinks } from '../../shared/compose'
import { pagePrefix } from '../../shared/links'
import { deliveryKey } from '../channels/key'
import { ensureStandingTokens, messageToken, standingToken } from '../resident/link-tokens'
import { hashToken } from '../resident/tokens'
import { linkSegment } from '../shards/links'

export interface DeliveryLinkSet {
  links: DeliveryLinks
  /** The message page token's hash (shared/links tokenHash): a program delivery's id, by which /m/{token} finds it. */
  pageTokenHash: string
  /**
   * Every segment the links carry (shard and token): all that differs in them between residents.
   * The message page's comes first; its survey (/q/) and task (/k/) links take it too.
   */
  segments: [page: string, manage: string, stop: string]
}

/**
 * The links placed in one delivery: its message page, and the resident's standing manage and
 * stop links. Each token is derived under LINK_SECRET, so nothing is written to build them; the
 * URLs carry no resident data beyond the opaque token, after the number of the `shard` holding the
 * resident (linkSegment), so each link finds its database without a search. `manageGeneration` is
 * the subscriber's (their manage link changes when they ask for a new one; the stop link never does).
 * `pagePrefix` orders a program delivery's id (shared/links pagePrefix); null makes the page token
 * of an announcement, or of a delivery whose id was made before prefixes.
 */
export async function deliveryLinks(
  origin: string,
  secret: string,
  subscriberId: string,
  deliveryKey: string,
  manageGeneration = 0,
  shard = 1,
  pagePrefix: string | null = null,
): Promise<DeliveryLinkSet> {
  const base = origin.replace(/\/$/, '')
  const pageToken = await messageToken(secret, deliveryKey, pagePrefix)
  const page = linkSegment(shard, pageToken)
  const manage = linkSegment(shard, await standingToken(secret, subscriberId, 'manage', manageGeneration))
  const stop = linkSegment(shard, await standingToken(secret, subscriberId, 'stop'))
  return {
    links: {
      messageUrl: `${base}/m/${page}`,
      consultUrl: `${base}/r/${manage}/consult`,
      selfServiceUrl: `${base}/r/${manage}`,
      unsubscribeUrl: `${base}/s/${stop}`,
    },
    pageTokenHash: await hashToken(pageToken),
    segments: [page, manage, stop],
  }
}

/**
 * The program delivery of one subscriber's day: its key (the provider's idempotency key, from which
 * every token of the delivery is derived), its id and its links. The id is the message page token's
 * hash, so a page is found by the primary key alone and the claim writes no index entry for it;
 * its prefix (the date, the tenant, the resident's rowid `row`) places a batch's rows side by side.
 * Under another LINK_SECRET the id differs: a day's delivery is one by deliveries_subscriber_day,
 * whatever its id (claim.ts).
 */
export async function programDeliveryLinks(
  origin: string,
  secret: string,
  resident: { id: string; tenant: string; row: number; manageGeneration?: number },
  date: string,
  shard = 1,
): Promise<{ key: string; id: string; links: DeliveryLinks; segments: DeliveryLinkSet['segments'] }> {
  const key = await deliveryKey(resident.id, date, 'program')
  const { links, pageTokenHash, segments } = await deliveryLinks(
    origin,
    secret,
    resident.id,
    key,
    resident.manageGeneration ?? 0,
    shard,
    pagePrefix(date, resident.tenant, resident.row),
  )
  return { key, id: pageTokenHash, links, segments }
}

/**
 * One statement that stores the standing tokens `deliveryLinks` places in a message (manage and
 * stop) where they are not stored yet, so those links work the moment the message arrives.
 */
export function storeStandingLinks(
  db: D1Database,
  secret: string,
  subscriberIds: readonly string[],
  now: Date,
  generations?: ReadonlyMap<string, number>,
): Promise<D1PreparedStatement> {
  return ensureStandingTokens(db, secret, subscriberIds, ['manage', 'stop'], now, generations)
}
