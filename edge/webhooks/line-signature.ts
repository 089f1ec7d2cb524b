import { hmacBase64, sameText } from '../web/hmac'

/** LINE's x-line-signature: base64 HMAC-SHA256 of the raw body under the channel secret. */
export async function verifyLineSignature(channelSecret: string, signature: string | null, rawBody: string) {
  if (!signature) return false
  return sameText(signature, await hmacBase64(new TextEncoder().encode(channelSecret), rawBody))
}
