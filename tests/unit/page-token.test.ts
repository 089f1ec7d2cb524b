import { describe, expect, it } from 'vitest'
import { isPageToken, pagePrefix, prefixedToken, prefixOfId, tokenHash } from '../../shared/links'

const mac = 'AbCdEfGhIjKlMnOpQrStUv'

describe('a message page token’s ordering prefix', () => {
  it('sorts as text by date, then town, then the resident’s rowid', () => {
    const prefixes = [
      pagePrefix('2026-11-23', 'sakura-city', 1),
      pagePrefix('2026-11-23', 'sakura-city', 2),
      pagePrefix('2026-11-23', 'sakura-city', 63),
      pagePrefix('2026-11-23', 'sakura-city', 64),
      pagePrefix('2026-11-23', 'sakura-city', 4_100_000),
      pagePrefix('2026-11-24', 'sakura-city', 0),
      pagePrefix('2027-01-01', 'sakura-city', 0),
    ]
    expect([...prefixes].sort()).toEqual(prefixes)
    // One town's residents of one day stay together, whatever another town's rowids.
    const [a, b] = ['sakura-city', 'minato-town'].sort((x, y) =>
      pagePrefix('2026-11-23', x, 0) < pagePrefix('2026-11-23', y, 0) ? -1 : 1,
    ) as [string, string]
    expect(pagePrefix('2026-11-23', a, 999_999) < pagePrefix('2026-11-23', b, 0)).toBe(true)
    for (const prefix of prefixes) expect(prefix).toMatch(/^[A-Za-z0-9_-]{11}$/)
  })

  it('is kept in front of the token’s hash, which is the id a page is found by', async () => {
    const prefix = pagePrefix('2026-11-23', 'sakura-city', 42)
    const token = prefixedToken(prefix, mac)
    expect(token).toHaveLength(27)
    expect(isPageToken(token)).toBe(true)
    const id = await tokenHash(token)
    expect(id).toMatch(/^[A-Za-z0-9_-]{11}[0-9a-f]{32}$/)
    expect(id.startsWith(prefix)).toBe(true)
    expect(prefixOfId(id)).toBe(prefix)
    // Another MAC under the same prefix is another id.
    expect(await tokenHash(prefixedToken(prefix, mac.replace('A', 'B')))).not.toBe(id)
  })

  it('leaves the 22-character tokens as they were: their hash is their SHA-256', async () => {
    expect(isPageToken(mac)).toBe(true)
    expect(await tokenHash(mac)).toMatch(/^[0-9a-f]{64}$/)
    expect(prefixOfId(await tokenHash(mac))).toBeNull()
    expect(isPageToken(`${mac}x`)).toBe(false)
    expect(isPageToken(`${mac}<b>x`)).toBe(false)
  })
})
