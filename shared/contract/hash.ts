// Content addresses for snapshot parts. Both sides must produce byte-identical text for the same
// value, so keys are sorted (by UTF-16 code units, as RFC 8785 does) and undefined is dropped.

/** JSON with object keys sorted at every depth; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  const text = serialise(value)
  if (text === undefined) throw new TypeError('canonicalJson: the value has no JSON form')
  return text
}

function serialise(value: unknown): string | undefined {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value)
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`)
      return JSON.stringify(value)
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined
    case 'bigint':
      throw new TypeError('canonicalJson: bigint has no JSON form')
  }
  if (Array.isArray(value)) return `[${value.map((item) => serialise(item) ?? 'null').join(',')}]`
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  const record = value as Record<string, unknown>
  const members: string[] = []
  for (const key of Object.keys(record).sort()) {
    const member = serialise(record[key])
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`)
  }
  return `{${members.join(',')}}`
}

const encoder = new TextEncoder()

/** UTF-8 byte length, the size the edge stores and checks. */
export function utf8Size(text: string): number {
  return encoder.encode(text).byteLength
}

// Hex by table: the delivery consumer hashes several tokens per resident, and per-byte
// toString/padStart/join was 5% of its CPU profile.
const hexByte = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))

/** Lowercase hex SHA-256 of the UTF-8 text (WebCrypto: same in Node and workerd). */
export async function sha256Hex(text: string): Promise<string> {
  return hexOf(await sha256Bytes(text))
}

/** SHA-256 of the UTF-8 text, its bytes. */
export async function sha256Bytes(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)))
}

/**
 * SHA-256 of each text, all started before any is awaited: a delivery batch hashes hundreds, and
 * an await per hash (with the async function around it) cost more in workerd than the hashing.
 */
export async function sha256BytesOfEach(texts: readonly string[]): Promise<Uint8Array[]> {
  const digests = await Promise.all(
    texts.map((text) => crypto.subtle.digest('SHA-256', encoder.encode(text))),
  )
  return digests.map((digest) => new Uint8Array(digest))
}

/** Lowercase hex of the bytes. */
export function hexOf(bytes: Uint8Array): string {
  let hex = ''
  for (let i = 0; i < bytes.length; i++) hex += hexByte[bytes[i]!]
  return hex
}

/** The content address of a value: SHA-256 of its canonical JSON. */
export function contentHash(value: unknown): Promise<string> {
  return sha256Hex(canonicalJson(value))
}
