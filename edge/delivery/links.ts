import type { DeliveryLinks } from '../../shared/compose'
import { messageToken, standingToken } from '../resident/link-tokens'
import { hashToken } from '../resident/tokens'

export interface DeliveryLinkSet {
  links: DeliveryLinks
  /** Stored on the delivery row so /m/{token} finds it. */
  pageTokenHash: string
}

/**
 * The links placed in one delivery: its message page, and the resident's standing manage and
 * stop links. Each token is derived under LINK_SECRET, so nothing is written to build them; the
 * URLs carry no resident data beyond the opaque token.
 */
export async function deliveryLinks(
  origin: string,
  secret: string,
  subscriberId: string,
  deliveryKey: string,
): Promise<DeliveryLinkSet> {
  const base = origin.replace(/\/$/, '')
  const page = await messageToken(secret, deliveryKey)
  const manage = await standingToken(secret, subscriberId, 'manage')
  const stop = await standingToken(secret, subscriberId, 'stop')
  return {
    links: {
      messageUrl: `${base}/m/${page}`,
      consultUrl: `${base}/r/${manage}/consult`,
      selfServiceUrl: `${base}/r/${manage}`,
      unsubscribeUrl: `${base}/s/${stop}`,
    },
    pageTokenHash: await hashToken(page),
  }
}
