// One-time codes: six random digits for SMS, eight derived digits for LINE. Neither is stored:
// D1 keeps an HMAC under LINK_SECRET, since a plain hash of six digits is undone in a millisecond.

/** Six digits, uniformly drawn (rejection sampling, so 000000–999999 are equally likely). */
export function randomCode(): string {
  const limit = 4_294_000_000 // the largest multiple of 10^6 below 2^32
  for (;;) {
    const [n] = crypto.getRandomValues(new Uint32Array(1))
    if (n! < limit) return String(n! % 1_000_000).padStart(6, '0')
  }
}

async function hmac(secret: string, message: string): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(message)))
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')

/**
 * What D1 keeps of a code. `scope` is the verification's id for an SMS code (a code means nothing
 * elsewhere) and the tenant for a LINE code (the chat message names no verification: it is found
 * by this value).
 */
export async function codeHash(secret: string, scope: string, code: string): Promise<string> {
  return hex(await hmac(secret, `code|${scope}|${code}`))
}

/**
 * The LINE linking code of a verification's page handle and send count: the page shows it again
 * on every visit without it being stored, and a new code is a new count.
 */
export async function lineCode(secret: string, handle: string, sends: number): Promise<string> {
  const mac = await hmac(secret, `line-code|${handle}|${sends}`)
  const n = new DataView(mac.buffer).getBigUint64(0)
  return String(n % 100_000_000n).padStart(8, '0')
}

/** The digits of a typed or chatted code: full-width digits and spaces or hyphens allowed. */
export function codeDigits(text: string, length: number): string | null {
  const digits = text.normalize('NFKC').replace(/[\s\-‐－ー]/g, '')
  return new RegExp(`^\\d{${length}}$`).test(digits) ? digits : null
}
