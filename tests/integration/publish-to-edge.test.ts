import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../../cms/db/freePort'
import { EdgeRefusal, edgeApi } from '../../cms/publish/edge-client'
import { uploadSnapshot } from '../../cms/publish/upload'
import { type LocalWorker, startLocalWorker } from '../../dev/local-worker'
import { prepareSnapshot } from '../../shared/contract'
import {
  fixtureCreatedAt,
  fixtureNationalPart,
  fixtureSnapshot,
  fixtureTenantParts,
} from '../../shared/contract/fixture'

// A token made for this run only: secrets never live in the repository.
const token = randomBytes(24).toString('base64url')
let worker: LocalWorker
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yorisoi-publish-'))
  worker = await startLocalWorker({ persistTo: dir, vars: { INGEST_TOKEN: token } })
})

afterAll(async () => {
  await worker?.stop()
  rmSync(dir, { recursive: true, force: true })
})

async function refusal(promise: Promise<unknown>): Promise<EdgeRefusal> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(EdgeRefusal)
  return error as EdgeRefusal
}

describe('publishing from the CMS side to the Worker in workerd', () => {
  it('publishes a snapshot that the edge then serves, and sends only changed parts next time', async () => {
    const edge = { url: worker.url, token }
    const first = await fixtureSnapshot()
    const report = await uploadSnapshot(edge, first)
    expect(report.activation.active).toBe(true)
    expect(report.uploaded).toHaveLength(first.parts.length)
    const health = (await (await fetch(`${worker.url}/healthz`)).json()) as { activeManifestId: string }
    expect(health.activeManifestId).toBe(first.manifest.id)

    const [edited, ...rest] = fixtureNationalPart.messages
    const second = await prepareSnapshot({
      id: 'integration-2',
      createdAt: fixtureCreatedAt,
      parts: [
        { ...fixtureNationalPart, messages: [{ ...edited!, version: 9 }, ...rest] },
        ...fixtureTenantParts,
      ],
    })
    const again = await uploadSnapshot(edge, second)
    expect(again.uploaded).toEqual([second.manifest.parts.find((p) => p.kind === 'national')!.hash])
    expect(again.skipped).toHaveLength(fixtureTenantParts.length)
    expect((await edgeApi.active(edge)).active?.manifest).toEqual(second.manifest)

    const back = await edgeApi.rollback(edge, first.manifest.id)
    expect(back).toMatchObject({ manifestId: first.manifest.id, previousManifestId: 'integration-2' })
  })

  it('a wrong token is refused with a reason a person can act on, and nothing changes', async () => {
    const before = await edgeApi.active({ url: worker.url, token })
    const snapshot = await prepareSnapshot({
      id: 'integration-bad-token',
      createdAt: fixtureCreatedAt,
      parts: [{ ...fixtureNationalPart, messages: fixtureNationalPart.messages.slice(2) }],
    })
    const error = await refusal(uploadSnapshot({ url: worker.url, token: `${token}x` }, snapshot))
    expect(error.code).toBe('unauthorized')
    expect(error.reason).toMatch(/^取り込みトークン.+ \/ The ingest token/)
    expect(await edgeApi.active({ url: worker.url, token })).toEqual(before)
  })

  it('an unreachable edge fails the publish with a reason, leaving the edge as it was', async () => {
    const before = await edgeApi.active({ url: worker.url, token })
    const nowhere = `http://127.0.0.1:${await freePort()}`
    const error = await refusal(uploadSnapshot({ url: nowhere, token }, await fixtureSnapshot()))
    expect(error.code).toBe('edge-unreachable')
    expect(error.reason).toMatch(/^配信サーバー.+に接続できません.+ \/ Cannot reach the edge/)
    expect(await edgeApi.active({ url: worker.url, token })).toEqual(before)
  })
})
