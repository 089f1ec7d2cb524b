import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import type { DeliveryLinks } from '../../shared/compose'
import { pagePrefixes, tokenHashes } from '../../shared/links'
import { deliveryKeys } from '../channels/key'
import { deliveryTokens, ensureStandingTokens } from '../resident/link-tokens'
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
  const [tokens] = await deliveryTokens(secret, [
    { key: deliveryKey, prefix: pagePrefix, subscriberId, manageGeneration },
  ])
  return { ...linkSet(origin, shard, tokens!), pageTokenHash: await hashToken(tokens!.page) }
}

function linkSet(
  origin: string,
  shard: number,
  tokens: { page: string; manage: string; stop: string },
): Omit<DeliveryLinkSet, 'pageTokenHash'> {
  const base = origin.replace(/\/$/, '')
  const page = linkSegment(shard, tokens.page)
  const manage = linkSegment(shard, tokens.manage)
  const stop = linkSegment(shard, tokens.stop)
  return {
    links: {
      messageUrl: `${base}/m/${page}`,
      consultUrl: `${base}/r/${manage}/consult`,
      selfServiceUrl: `${base}/r/${manage}`,
      unsubscribeUrl: `${base}/s/${stop}`,
    },
    segments: [page, manage, stop],
  }
}

export interface ProgramDelivery {
  /** The provider's idempotency key, from which every token of the delivery is derived. */
  key: string
  /** The message page token's hash: the delivery's id. */
  id: string
  links: DeliveryLinks
  segments: DeliveryLinkSet['segments']
}

/** A resident as their deliveries' links need them: `row` is their rowid (0 when not read). */
export type LinkedResident = { id: string; row?: number; manageGeneration?: number }

/**
 * The program delivery of each resident's day in one tenant: its key (the provider's idempotency
 * key, from which every token of the delivery is derived), its id and its links, derived together
 * for a batch. The id is the message page token's hash, so a page is found by the primary key
 * alone and the claim writes no index entry for it; its prefix (the date, the tenant, the
 * resident's rowid) places a batch's rows side by side. Under another LINK_SECRET the id differs:
 * a day's delivery is one by deliveries_subscriber_day, whatever its id (claim.ts).
 */
export async function programDeliveries(
  deps: { origin: string; linkSecret: string; shard?: number },
  tenant: string,
  date: string,
  residents: readonly LinkedResident[],
): Promise<ProgramDelivery[]> {
  const keys = await deliveryKeys(
    residents.map((r) => r.id),
    date,
    'program',
  )
  const prefixOf = pagePrefixes(date, tenant)
  const tokens = await deliveryTokens(
    deps.linkSecret,
    residents.map((r, i) => ({
      key: keys[i]!,
      prefix: prefixOf(r.row ?? 0),
      subscriberId: r.id,
      manageGeneration: r.manageGeneration ?? 0,
    })),
  )
  const ids = await tokenHashes(tokens.map((t) => t.page))
  return residents.map((_, i) => ({
    key: keys[i]!,
    id: ids[i]!,
    ...linkSet(deps.origin, deps.shard ?? 1, tokens[i]!),
  }))
}

/** programDeliveries of one resident (on a date of their own: a late day). */
export async function programDelivery(
  deps: { origin: string; linkSecret: string; shard?: number },
  tenant: string,
  date: string,
  resident: LinkedResident,
): Promise<ProgramDelivery> {
  return (await programDeliveries(deps, tenant, date, [resident]))[0]!
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
