import { hmacBase64, sameText } from '../web/hmac'

/** Svix refuses messages older or newer than five minutes (replays). */
export const svixToleranceSeconds = 5 * 60

/**
 * Verifies a Svix-signed webhook (Resend's) on the raw body: `svix-signature` holds one or more
 * `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` under the `whsec_` secret.
 */
export async function verifySvix(
  secret: string,
  headers: { id: string | null; timestamp: string | null; signature: string | null },
  rawBody: string,
  now: Date,
): Promise<boolean> {
  const { id, timestamp, signature } = headers
  if (!id || !timestamp || !signature) return false
  const seconds = Number(timestamp)
  if (!Number.isInteger(seconds) || Math.abs(now.getTime() / 1000 - seconds) > svixToleranceSeconds)
    return false
  const key = Uint8Array.from(atob(secret.replace(/^whsec_/, '')), (c) => c.charCodeAt(0))
  const expected = await hmacBase64(key, `${id}.${timestamp}.${rawBody}`)
  return signature
    .split(' ')
    .some((candidate) => candidate.startsWith('v1,') && sameText(candidate.slice(3), expected))
}
