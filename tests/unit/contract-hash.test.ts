import { describe, expect, it } from 'vitest'
import { canonicalJson, chunkPart, contentHash, preparePart, sha256Hex } from '../../shared/contract'
import { fixtureNationalPart, fixtureSnapshot } from '../../shared/contract/fixture'

describe('canonicalJson', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,1]},"b":1}')
  })

  it('drops undefined members as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}')
  })

  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/no JSON form/)
  })
})

describe('content hashes', () => {
  it('are SHA-256 in lowercase hex', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(await sha256Hex('寄り添い')).toMatch(/^[0-9a-f]{64}$/)
  })

  it('do not depend on the order object keys were written in', async () => {
    const reordered = Object.fromEntries(Object.entries(fixtureNationalPart).reverse())
    expect(await contentHash(reordered)).toBe(await contentHash(fixtureNationalPart))
  })

  it('are stable across runs and change with any edit', async () => {
    const first = await fixtureSnapshot()
    const second = await fixtureSnapshot()
    expect(second.manifest).toEqual(first.manifest)
    const edited = structuredClone(fixtureNationalPart)
    edited.messages[0]!.subject = '今日のおたより'
    expect((await preparePart(edited)).ref.hash).not.toBe(first.manifest.parts[0]!.hash)
  })

  it('record the UTF-8 size of the hashed text', async () => {
    const part = await preparePart(fixtureNationalPart)
    expect(part.ref.size).toBe(new TextEncoder().encode(part.canonical).byteLength)
    expect(part.ref.size).toBeGreaterThan(part.canonical.length) // Japanese text: 3 bytes a character
  })
})

describe('chunkPart', () => {
  it('splits a part into slices that join back to the hashed text, each with its own hash', async () => {
    const part = await preparePart(fixtureNationalPart)
    const chunks = await chunkPart(part, 500)
    expect(chunks.length).toBe(Math.ceil(part.canonical.length / 500))
    expect(chunks.map((c) => c.data).join('')).toBe(part.canonical)
    for (const chunk of chunks) {
      expect(chunk.count).toBe(chunks.length)
      expect(chunk.chunkHash).toBe(await sha256Hex(chunk.data))
    }
  })

  it('never splits a character outside the basic plane', async () => {
    const part = { ref: { kind: 'national' as const, hash: '0'.repeat(64), size: 9 }, canonical: 'ab🍼cd🍼e' }
    const chunks = await chunkPart(part, 3)
    expect(chunks.map((c) => c.data)).toEqual(['ab', '🍼c', 'd🍼', 'e'])
  })
})
