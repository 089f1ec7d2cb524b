// The consent record and the rate limit keep an IP only as an HMAC under a Worker secret, so the
// stored value cannot be reversed by trying all 2^32 addresses without the secret.
export async function hashIp(ip: string, salt: string | undefined): Promise<string> {
  if (!salt)
    throw new Error('IP_HASH_SALT is not set: `wrangler secret put IP_HASH_SALT` (.dev.vars locally)')
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(salt),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(ip))
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** The caller's address as Cloudflare reports it; "unknown" locally without the header. */
export function clientIp(headers: Headers): string {
  return headers.get('cf-connecting-ip') ?? 'unknown'
}
