import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { activateManifest, readActiveManifest } from '../../edge/snapshot/active'
import { loadActiveSnapshot } from '../../edge/snapshot/read'
import { recordManifest, storeChunk, storeSnapshot } from '../../edge/snapshot/store'
import { chunkPart, prepareSnapshot } from '../../shared/contract'
import { fixtureNationalPart, fixtureSnapshot, fixtureTenantParts } from '../../shared/contract/fixture'

const now = new Date('2026-11-23T00:00:00Z')

describe('snapshot parts in D1', () => {
  it('serves exactly what was stored once the snapshot is active', async () => {
    const snapshot = await fixtureSnapshot()
    const activation = await storeSnapshot(env.DB, snapshot, now)
    expect(activation.activated).toBe(true)
    const loaded = await loadActiveSnapshot(env.DB)
    expect(loaded?.manifest.id).toBe(snapshot.manifest.id)
    expect(loaded?.national).toEqual(fixtureNationalPart)
    expect([...(loaded?.tenants.keys() ?? [])].sort()).toEqual(
      fixtureTenantParts.map((p) => p.tenant.slug).sort(),
    )
  })

  it('reassembles a part sent in many small slices, in any order', async () => {
    const snapshot = await fixtureSnapshot()
    for (const part of snapshot.parts) {
      const chunks = await chunkPart(part, 97)
      expect(chunks.length).toBeGreaterThan(1)
      for (const chunk of chunks.reverse()) expect((await storeChunk(env.DB, chunk, now)).ok).toBe(true)
    }
    await recordManifest(env.DB, snapshot.manifest, now)
    expect((await activateManifest(env.DB, snapshot.manifest.id, now)).activated).toBe(true)
    expect((await loadActiveSnapshot(env.DB))?.national).toEqual(fixtureNationalPart)
  })

  it('refuses a corrupted slice and never activates a manifest whose part did not verify', async () => {
    const first = await fixtureSnapshot()
    await storeSnapshot(env.DB, first, now)

    const changed = await prepareSnapshot({
      id: 'second',
      createdAt: now.toISOString(),
      parts: [
        { ...fixtureNationalPart, messages: fixtureNationalPart.messages.slice(1) },
        ...fixtureTenantParts,
      ],
    })
    const national = changed.parts.find((p) => p.ref.kind === 'national')!
    const [chunk] = await chunkPart(national)
    const corrupted = { ...chunk!, data: `${chunk!.data.slice(0, -1)}]` }
    expect(await storeChunk(env.DB, corrupted, now)).toEqual({ ok: false, reason: 'chunk-hash-mismatch' })

    // A slice whose own hash matches but which does not add up to the part's hash.
    const forged = {
      ...chunk!,
      data: '{"kind":"national"}',
      chunkHash: await sha('{"kind":"national"}'),
      count: 1,
    }
    expect(await storeChunk(env.DB, forged, now)).toEqual({ ok: false, reason: 'part-hash-mismatch' })

    await recordManifest(env.DB, changed.manifest, now)
    expect(await activateManifest(env.DB, 'second', now)).toEqual({
      activated: false,
      reason: 'missing-parts',
    })
    expect((await readActiveManifest(env.DB))?.manifestId).toBe(first.manifest.id)
  })
})

async function sha(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}
