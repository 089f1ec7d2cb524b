import { hmacBase64, sameText } from '../web/hmac'

/**
 * Twilio's X-Twilio-Signature: base64 HMAC-SHA1 under the account's auth token of the full URL
 * Twilio called, followed by every POST parameter sorted by name, name then value, no separators
 * (https://www.twilio.com/docs/usage/security#validating-requests).
 */
export function twilioSignedText(url: string, params: URLSearchParams): string {
  const sorted = [...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return url + sorted.map(([name, value]) => name + value).join('')
}

export async function verifyTwilioSignature(
  authToken: string,
  signature: string | null,
  url: string,
  params: URLSearchParams,
): Promise<boolean> {
  if (!signature) return false
  const expected = await hmacBase64(
    new TextEncoder().encode(authToken),
    twilioSignedText(url, params),
    'SHA-1',
  )
  return sameText(signature, expected)
}
