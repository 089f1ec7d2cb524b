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

/**
 * The caller as the rate limits and the consent record know it: the address Cloudflare reports,
 * an IPv6 address cut to its /64 (one home or one phone is given a whole /64, so its own address
 * would be a new one at will) and an IPv4-mapped one read as IPv4. "unknown" locally without the
 * header.
 */
export function clientIp(headers: Headers): string {
  const ip = headers.get('cf-connecting-ip')?.trim()
  if (!ip) return 'unknown'
  return ip.includes(':') ? (ipv6Network(ip) ?? ip) : ip
}

const mappedIpv4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i

/** `2001:db8:77:1::/64` for any way of writing an address in it; null when it is not IPv6. */
export function ipv6Network(ip: string): string | null {
  const text = ip.toLowerCase().split('%')[0] ?? ''
  const mapped = text.match(mappedIpv4)
  if (mapped) return mapped[1] ?? null
  const halves = text.split('::')
  if (halves.length > 2) return null
  const groups = (part: string | undefined) => (part ? part.split(':') : [])
  const head = groups(halves[0])
  const tail = groups(halves[1])
  const missing = 8 - head.length - tail.length
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null
  const all = [...head, ...Array<string>(missing).fill('0'), ...tail]
  if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null
  return `${all
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`
}
