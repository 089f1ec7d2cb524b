import { expect, it } from 'vitest'
import { type ActivationHistoryResponse, contractVersion, prepareSnapshot } from '../../shared/contract'
import { fixtureCreatedAt, fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'
import { ingest, uploadParts } from './support/ingest-client'

const admin = { id: '1', name: 'admin@example.jp' }
const staff = { id: '9', name: 'staff@sakura.example.jp' }

async function snapshot(id: string, version: number) {
  const [first, ...rest] = fixtureNationalPart.messages
  return prepareSnapshot({
    id,
    createdAt: fixtureCreatedAt,
    parts: [{ ...fixtureNationalPart, messages: [{ ...first!, version }, ...rest] }, ...fixtureTenantParts],
  })
}

async function history(query = ''): Promise<ActivationHistoryResponse> {
  const response = await ingest(`/activations${query}`)
  expect(response.status).toBe(200)
  return (await response.json()) as ActivationHistoryResponse
}

it('records every publish and rollback with who asked and what was live before, newest first', async () => {
  const one = await snapshot('history-1', 11)
  const two = await snapshot('history-2', 12)
  await uploadParts(one)
  await uploadParts(two)
  const post = (manifest: unknown, actor: unknown) =>
    ingest('/manifests', { body: { contractVersion, manifest, actor } })
  expect((await post(one.manifest, admin)).status).toBe(201)
  expect((await post(two.manifest, staff)).status).toBe(201)
  const back = await ingest('/rollback', { body: { contractVersion, manifestId: 'history-1', actor: admin } })
  expect(back.status).toBe(200)

  const { activations } = await history()
  expect(activations.map(({ id: _, activatedAt: __, ...rest }) => rest)).toEqual([
    {
      manifestId: 'history-1',
      previousManifestId: 'history-2',
      action: 'rollback',
      actor: admin,
      available: true,
    },
    {
      manifestId: 'history-2',
      previousManifestId: 'history-1',
      action: 'publish',
      actor: staff,
      available: true,
    },
    { manifestId: 'history-1', previousManifestId: null, action: 'publish', actor: admin, available: true },
  ])
  expect(activations[0]!.activatedAt >= activations[2]!.activatedAt).toBe(true)

  // Paging: one at a time, older than the last seen.
  const first = await history('?limit=1')
  expect(first.activations.map((a) => a.action)).toEqual(['rollback'])
  const older = await history(`?limit=5&before=${first.activations[0]!.id}`)
  expect(older.activations.map((a) => a.manifestId)).toEqual(['history-2', 'history-1'])
})

it('does not record a switch that was refused', async () => {
  const before = (await history()).activations.length
  const refused = await ingest('/rollback', { body: { contractVersion, manifestId: 'never-recorded' } })
  expect(refused.status).toBe(404)
  expect((await history()).activations).toHaveLength(before)
})

it('shows the history only with the ingest token, and explains a bad query in both languages', async () => {
  expect((await ingest('/activations', { token: null })).status).toBe(401)
  expect((await ingest('/activations', { token: 'wrong' })).status).toBe(401)
  const bad = await ingest('/activations?limit=0')
  expect(bad.status).toBe(400)
  const body = (await bad.json()) as { error: { code: string; message: string } }
  expect(body.error.code).toBe('invalid-request')
  expect(body.error.message).toMatch(/リクエスト.*\/ The request/)
})

it('refuses an actor it cannot record', async () => {
  const three = await snapshot('history-3', 13)
  await uploadParts(three)
  const response = await ingest('/manifests', {
    body: { contractVersion, manifest: three.manifest, actor: { id: '', name: 'x' } },
  })
  expect(response.status).toBe(400)
})
