// Signs webhooks exactly as the providers do, with WebCrypto so it runs in Node and workerd alike.

async function hmac(key: Uint8Array, message: string, hash = 'SHA-256'): Promise<string> {
  const k = await crypto.subtle.importKey('raw', new Uint8Array(key), { name: 'HMAC', hash }, false, ['sign'])
  return btoa(
    String.fromCharCode(
      ...new Uint8Array(await crypto.subtle.sign('HMAC', k, new TextEncoder().encode(message))),
    ),
  )
}

/** Svix (Resend): `v1,` + base64 HMAC of `id.timestamp.body` under the decoded `whsec_` secret. */
export async function svixHeaders(
  secret: string,
  body: string,
  at = new Date(),
): Promise<Record<string, string>> {
  const id = `msg_${crypto.randomUUID().replaceAll('-', '')}`
  const timestamp = String(Math.floor(at.getTime() / 1000))
  const key = Uint8Array.from(atob(secret.replace(/^whsec_/, '')), (c) => c.charCodeAt(0))
  return {
    'svix-id': id,
    'svix-timestamp': timestamp,
    'svix-signature': `v1,${await hmac(key, `${id}.${timestamp}.${body}`)}`,
    'content-type': 'application/json',
  }
}

/** LINE: base64 HMAC-SHA256 of the raw body under the channel secret. */
export async function lineSignature(channelSecret: string, body: string): Promise<string> {
  return hmac(new TextEncoder().encode(channelSecret), body)
}

/**
 * Twilio: X-Twilio-Signature is base64 HMAC-SHA1 under the account's auth token of the URL it
 * calls followed by each POST parameter, sorted by name, as name + value.
 */
export async function twilioSignature(
  authToken: string,
  url: string,
  params: Record<string, string>,
): Promise<string> {
  const signed = Object.keys(params)
    .sort()
    .reduce((text, name) => text + name + params[name], url)
  return hmac(new TextEncoder().encode(authToken), signed, 'SHA-1')
}
