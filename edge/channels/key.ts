import { type DeliveryKind, hexOf, sha256Bytes, sha256BytesOfEach } from '../../shared/contract'

/**
 * The delivery's idempotency key (a program delivery's id is its page token's hash, made from this
 * key: delivery/links.ts): the same subscriber, date and kind always give the same key, so a retry
 * or a redelivered batch presents the provider the key it already saw. Shaped as a UUID because
 * LINE's X-Line-Retry-Key accepts nothing else; Resend and our outbox take it too.
 */
export function deliveryKey(subscriberId: string, localDate: string, kind: DeliveryKind): Promise<string> {
  return nameKey(keyName(subscriberId, localDate, kind))
}

/** deliveryKey of each subscriber on one date, hashed together (a delivery batch). */
export async function deliveryKeys(
  subscriberIds: readonly string[],
  localDate: string,
  kind: DeliveryKind,
): Promise<string[]> {
  const digests = await sha256BytesOfEach(subscriberIds.map((id) => keyName(id, localDate, kind)))
  return digests.map(uuidOf)
}

/** A UUID that the same name always gives (RFC 9562 version 8 from SHA-256). */
export async function nameKey(name: string): Promise<string> {
  return uuidOf(await sha256Bytes(name))
}

const keyName = (subscriberId: string, localDate: string, kind: DeliveryKind) =>
  `${subscriberId}|${localDate}|${kind}`

function uuidOf(digest: Uint8Array): string {
  const b = digest.subarray(0, 16)
  b[6] = (b[6]! & 0x0f) | 0x80 // version 8: custom, name-based
  b[8] = (b[8]! & 0x3f) | 0x80 // RFC 9562 variant
  const hex = hexOf(b)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
