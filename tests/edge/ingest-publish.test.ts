import { describe, expect, it } from 'vitest'
import { chunkPart, contractVersion, prepareSnapshot } from '../../shared/contract'
import {
  fixtureCreatedAt,
  fixtureNationalPart,
  fixtureSnapshot,
  fixtureTenantParts,
} from '../../shared/contract/fixture'
import { activeManifestId, ingest, publish, uploadParts } from './support/ingest-client'

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } }

// D1 lives as long as the test file: each test publishes a national part no other test has sent.
let edits = 0
async function secondSnapshot() {
  edits += 1
  const [edited, ...rest] = fixtureNationalPart.messages
  return prepareSnapshot({
    id: `second-${edits}`,
    createdAt: fixtureCreatedAt,
    parts: [
      { ...fixtureNationalPart, messages: [{ ...edited!, version: 100 + edits }, ...rest] },
      ...fixtureTenantParts,
    ],
  })
}

describe('publishing through the ingest API', () => {
  it('makes an uploaded snapshot active and says so', async () => {
    const snapshot = await fixtureSnapshot()
    const response = await publish(snapshot)
    expect(response.status).toBe(201)
    expect(await response.json()).toMatchObject({
      manifestId: snapshot.manifest.id,
      active: true,
      previousManifestId: null,
    })
    const active = (await (await ingest('/manifests/active')).json()) as { active: { manifest: unknown } }
    expect(active.active.manifest).toEqual(snapshot.manifest)
  })

  it('refuses a corrupted chunk, keeps nothing of it, and keeps serving the active snapshot', async () => {
    const first = await fixtureSnapshot()
    await publish(first)
    const second = await secondSnapshot()
    const national = second.parts.find((p) => p.ref.kind === 'national')!
    const [chunk] = await chunkPart(national)
    const response = await ingest('/chunks', { body: { ...chunk, data: `${chunk!.data.slice(0, -2)}}]` } })
    expect(response.status).toBe(422)
    expect(((await response.json()) as ErrorBody).error.code).toBe('chunk-hash-mismatch')
    expect(await (await ingest(`/parts/${national.ref.hash}`)).json()).toEqual({
      hash: national.ref.hash,
      exists: false,
      verified: false,
    })
    expect(await activeManifestId()).toBe(first.manifest.id)
  })

  it('refuses a part whose slices do not add up to its hash', async () => {
    const second = await secondSnapshot()
    const national = second.parts.find((p) => p.ref.kind === 'national')!
    const [real] = await chunkPart(national)
    const data = '{"kind":"national"}'
    const chunkHash = [
      ...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(data))),
    ]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('')
    const response = await ingest('/chunks', { body: { ...real, data, chunkHash, index: 0, count: 1 } })
    expect(((await response.json()) as ErrorBody).error.code).toBe('part-hash-mismatch')
    expect(((await (await ingest(`/parts/${national.ref.hash}`)).json()) as { exists: boolean }).exists).toBe(
      false,
    )
  })

  it('answers an unknown contract version with its own code, for chunks and manifests alike', async () => {
    const first = await fixtureSnapshot()
    await publish(first)
    const second = await secondSnapshot()
    const [chunk] = await chunkPart(second.parts[0]!)
    const chunkResponse = await ingest('/chunks', { body: { ...chunk, contractVersion: 99 } })
    const manifestResponse = await ingest('/manifests', {
      body: { contractVersion, manifest: { ...second.manifest, contractVersion: 2 } },
    })
    for (const response of [chunkResponse, manifestResponse]) {
      expect(response.status).toBe(400)
      const body = (await response.json()) as ErrorBody
      expect(body.error.code).toBe('unsupported-contract-version')
      expect(body.error.message).toMatch(/^契約バージョン.+ \/ Unsupported contract version/)
    }
    expect(await activeManifestId()).toBe(first.manifest.id)
  })

  it('never activates a partial upload, and names the parts still missing', async () => {
    const first = await fixtureSnapshot()
    await publish(first)
    const second = await secondSnapshot()
    const national = second.parts.find((p) => p.ref.kind === 'national')!
    const chunks = await chunkPart(national, 100)
    for (const chunk of chunks.slice(0, -1))
      expect((await ingest('/chunks', { body: chunk })).status).toBe(200)

    const response = await ingest('/manifests', { body: { contractVersion, manifest: second.manifest } })
    expect(response.status).toBe(409)
    const body = (await response.json()) as ErrorBody
    expect(body.error.code).toBe('missing-parts')
    expect(body.error.details?.map((d) => d.message)).toEqual([national.ref.hash])
    expect(await activeManifestId()).toBe(first.manifest.id)
    // And it was not recorded either, so it cannot be rolled back to.
    const rollback = await ingest('/rollback', { body: { contractVersion, manifestId: second.manifest.id } })
    expect(((await rollback.json()) as ErrorBody).error.code).toBe('unknown-manifest')

    // The last slice completes the part; now the same manifest goes live.
    const last = await ingest('/chunks', { body: chunks.at(-1) })
    expect(await last.json()).toMatchObject({ verified: true, received: chunks.length })
    expect(
      (await ingest('/manifests', { body: { contractVersion, manifest: second.manifest } })).status,
    ).toBe(201)
    expect(await activeManifestId()).toBe(second.manifest.id)
  })

  it('tells the CMS which parts it already has, so an unchanged part is not sent again', async () => {
    const first = await fixtureSnapshot()
    await publish(first)
    const second = await secondSnapshot()
    const statuses = await Promise.all(
      second.parts.map(
        async (p) => (await (await ingest(`/parts/${p.ref.hash}`)).json()) as { verified: boolean },
      ),
    )
    // Only the national part changed; the tenant parts are the same bytes, already verified.
    expect(statuses.map((s) => s.verified)).toEqual(second.parts.map((p) => p.ref.kind === 'tenant'))
    // The same question for all parts in one request.
    const many = await ingest('/parts/status', { body: { hashes: second.parts.map((p) => p.ref.hash) } })
    expect(await many.json()).toEqual({
      parts: statuses.map((s, i) => ({ ...s, hash: second.parts[i]!.ref.hash })),
    })
    const national = second.parts.filter((p) => p.ref.kind === 'national')
    await uploadParts({ manifest: second.manifest, parts: national })
    expect(
      (await ingest('/manifests', { body: { contractVersion, manifest: second.manifest } })).status,
    ).toBe(201)
    expect(await activeManifestId()).toBe(second.manifest.id)
  })

  it('records a manifest without switching when asked, and refuses to reuse an id for other content', async () => {
    const first = await fixtureSnapshot()
    await publish(first)
    const second = await secondSnapshot()
    await uploadParts(second)
    const staged = await ingest('/manifests', {
      body: { contractVersion, manifest: second.manifest, activate: false },
    })
    expect(await staged.json()).toMatchObject({
      manifestId: second.manifest.id,
      active: false,
      previousManifestId: first.manifest.id,
    })
    expect(await activeManifestId()).toBe(first.manifest.id)

    const clash = await ingest('/manifests', {
      body: { contractVersion, manifest: { ...first.manifest, id: second.manifest.id } },
    })
    expect(((await clash.json()) as ErrorBody).error.code).toBe('invalid-request')
    expect(await activeManifestId()).toBe(first.manifest.id)
  })

  it('rolls back to an earlier manifest in one request, and forward again', async () => {
    const first = await fixtureSnapshot()
    await publish(first)
    const second = await secondSnapshot()
    await publish(second)
    expect(await activeManifestId()).toBe(second.manifest.id)

    const back = await ingest('/rollback', { body: { contractVersion, manifestId: first.manifest.id } })
    expect(back.status).toBe(200)
    expect(await back.json()).toMatchObject({
      manifestId: first.manifest.id,
      active: true,
      previousManifestId: second.manifest.id,
    })
    expect(await activeManifestId()).toBe(first.manifest.id)

    const unknown = await ingest('/rollback', { body: { contractVersion, manifestId: 'never-published' } })
    expect(unknown.status).toBe(404)
    expect(await activeManifestId()).toBe(first.manifest.id)

    await ingest('/rollback', { body: { contractVersion, manifestId: second.manifest.id } })
    expect(await activeManifestId()).toBe(second.manifest.id)
  })

  it('explains a malformed request in Japanese, then English', async () => {
    const response = await ingest('/chunks', { body: { contractVersion, part: { kind: 'national' } } })
    expect(response.status).toBe(400)
    const body = (await response.json()) as ErrorBody
    expect(body.error.code).toBe('invalid-request')
    expect(body.error.details?.length).toBeGreaterThan(0)
    expect(body.error.details?.[0]?.message).toMatch(/ \/ /)
  })
})

describe('a part sent again in another slicing', () => {
  it('completes from one whole slice after an unfinished upload in small slices', async () => {
    const second = await secondSnapshot()
    const national = second.parts.find((p) => p.ref.kind === 'national')!
    const small = await chunkPart(national, 100)
    await ingest('/chunks', { body: small[0] })
    const [whole] = await chunkPart(national)
    expect(await (await ingest('/chunks', { body: whole })).json()).toMatchObject({ verified: true })
    await uploadParts(second)
    expect(
      (await ingest('/manifests', { body: { contractVersion, manifest: second.manifest } })).status,
    ).toBe(201)
    expect(await activeManifestId()).toBe(second.manifest.id)
  })
})

describe('two people publishing at once', () => {
  it('switches only if the manifest it was composed from is still active; otherwise says so and changes nothing', async () => {
    const first = await fixtureSnapshot()
    await publish(first)
    const mine = await secondSnapshot()
    const theirs = await secondSnapshot()
    await uploadParts(mine)
    await uploadParts(theirs)
    const based = (manifest: unknown) => ({ contractVersion, manifest, basedOn: first.manifest.id })
    expect((await ingest('/manifests', { body: based(theirs.manifest) })).status).toBe(201)

    const late = await ingest('/manifests', { body: based(mine.manifest) })
    expect(late.status).toBe(409)
    const body = (await late.json()) as ErrorBody
    expect(body.error.code).toBe('active-manifest-changed')
    expect(body.error.message).toMatch(
      /^準備中に別の公開が行われました.+ \/ Someone else published meanwhile/,
    )
    expect(await activeManifestId()).toBe(theirs.manifest.id)
  })
})

describe('many town parts in one request (POST /ingest/parts)', () => {
  async function townSnapshot(tag: string, towns: number) {
    const [template] = fixtureTenantParts
    return prepareSnapshot({
      id: `towns-${tag}`,
      createdAt: fixtureCreatedAt,
      parts: [
        fixtureNationalPart,
        ...Array.from({ length: towns }, (_, i) => ({
          ...template!,
          tenant: { ...template!.tenant, slug: `town-${tag}-${i}` },
        })),
      ],
    })
  }
  const status = async (hashes: string[]) =>
    (
      (await (await ingest('/parts/status', { body: { hashes } })).json()) as {
        parts: { verified: boolean }[]
      }
    ).parts

  it('stores every part verified, and the manifest naming them switches', async () => {
    const snapshot = await townSnapshot('a', 40)
    const towns = snapshot.parts.filter((p) => p.ref.kind === 'tenant')
    const parts = (await Promise.all(towns.map((p) => chunkPart(p)))).flat()
    const response = await ingest('/parts', { body: { contractVersion, parts } })
    expect(response.status).toBe(200)
    expect(((await response.json()) as { parts: unknown[] }).parts).toHaveLength(40)
    expect((await status(towns.map((p) => p.ref.hash))).every((p) => p.verified)).toBe(true)
    await uploadParts({ ...snapshot, parts: snapshot.parts.filter((p) => p.ref.kind === 'national') })
    const switched = await ingest('/manifests', { body: { contractVersion, manifest: snapshot.manifest } })
    expect(switched.status).toBe(201)
    expect(await activeManifestId()).toBe('towns-a')
  })

  it('refuses the whole request when one part does not match its hash, and keeps none of them', async () => {
    const snapshot = await townSnapshot('b', 5)
    const towns = snapshot.parts.filter((p) => p.ref.kind === 'tenant')
    const parts = (await Promise.all(towns.map((p) => chunkPart(p)))).flat()
    const forged = { ...parts[3]!, part: { ...parts[3]!.part, hash: parts[0]!.part.hash } }
    const response = await ingest('/parts', {
      body: { contractVersion, parts: [...parts.slice(0, 3), forged, parts[4]] },
    })
    expect(response.status).toBe(422)
    expect(((await response.json()) as ErrorBody).error.code).toBe('part-hash-mismatch')
    expect((await status(towns.map((p) => p.ref.hash))).some((p) => p.verified)).toBe(false)
  })
})
