import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { chunkPart, contractVersion } from '../../shared/contract'
import { fixtureSnapshot } from '../../shared/contract/fixture'
import { activeManifestId, ingest, publish } from './support/ingest-client'

async function rows(table: string): Promise<number> {
  return (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())!.n
}

describe('ingest authentication', () => {
  const attempts = [
    ['no secret', null],
    ['a wrong secret', 'test-ingest-tokeN'],
    ['a prefix of the secret', 'test-ingest'],
    ['an empty secret', ''],
  ] as const

  for (const [label, token] of attempts) {
    it(`refuses ${label} with 401 and writes nothing`, async () => {
      const snapshot = await fixtureSnapshot()
      const [chunk] = await chunkPart(snapshot.parts[0]!)
      const refused = [
        await ingest('/chunks', { body: chunk, token }),
        await ingest('/manifests', { body: { contractVersion, manifest: snapshot.manifest }, token }),
        await ingest('/rollback', { body: { contractVersion, manifestId: 'fixture-0001' }, token }),
        await ingest('/manifests/active', { token }),
        await ingest(`/parts/${snapshot.parts[0]!.ref.hash}`, { token }),
      ]
      for (const response of refused) {
        expect(response.status).toBe(401)
        const body = (await response.json()) as { error: { code: string; message: string } }
        expect(body.error.code).toBe('unauthorized')
        expect(body.error.message).toMatch(/^取り込みトークン.+ \/ The ingest token/)
      }
      expect(await rows('snapshot_parts')).toBe(0)
      expect(await rows('snapshot_part_chunks')).toBe(0)
      expect(await rows('manifests')).toBe(0)
    })
  }

  it('refuses a wrong secret without disturbing what is active', async () => {
    const first = await fixtureSnapshot()
    expect((await publish(first)).status).toBe(201)
    const response = await ingest('/rollback', {
      body: { contractVersion, manifestId: first.manifest.id },
      token: 'guess',
    })
    expect(response.status).toBe(401)
    expect(await activeManifestId()).toBe(first.manifest.id)
  })
})
