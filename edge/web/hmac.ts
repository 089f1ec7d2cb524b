/** base64 of HMAC(key, message), SHA-256 unless the provider signs with SHA-1 (Twilio). */
export async function hmacBase64(
  key: Uint8Array,
  message: string,
  hash: 'SHA-256' | 'SHA-1' = 'SHA-256',
): Promise<string> {
  const cryptoKey = await crypto.subtle.importKey('raw', new Uint8Array(key), { name: 'HMAC', hash }, false, [
    'sign',
  ])
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, new TextEncoder().encode(message)))
  return btoa(String.fromCharCode(...mac))
}

/** Compares without stopping at the first difference, so the time taken says nothing. */
export function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}
