import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildScope } from '../../cms/publish/build'
import { defaultContentSlugs } from '../../cms/publish/content'
import { edgeApi } from '../../cms/publish/edge-client'
import { previewPublish } from '../../cms/publish/preview'
import type { PublishSetup } from '../../cms/publish/types'
import { type LocalWorker, startLocalWorker } from '../../dev/local-worker'
import { seededEditions } from '../../seed/content/editions'
import { seed } from '../../seed/index'
import { publishSeedParts } from '../../seed/publish'
import { preparePart } from '../../shared/contract'
import { standardProgram } from '../../shared/program'
import { type Cms, startCms } from '../cms/support/cms'

// What a newcomer sees on the publish screen right after `npm start`: the seed's publish is what
// is live, so there is nothing to publish — not every seeded message listed as "added".
const token = randomBytes(24).toString('base64url')
let cms: Cms
let worker: LocalWorker
let dir: string
let setup: PublishSetup

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yorisoi-seed-live-'))
  ;[cms, worker] = await Promise.all([
    startCms(),
    startLocalWorker({ persistTo: dir, vars: { INGEST_TOKEN: token } }),
  ])
  // Three editions (1,626 messages) keep it quick; what is live vs. what is seeded is the same question.
  await seed({
    payload: cms.payload,
    password: 'seed-live-password',
    editions: seededEditions,
    log: () => {},
  })
  setup = {
    payload: cms.payload,
    edge: { url: worker.url, token },
    slugs: { ...defaultContentSlugs, publications: 'publications' },
    programs: { standard: standardProgram },
  }
}, 300_000)

afterAll(async () => {
  await Promise.all([cms?.stop(), worker?.stop()])
  rmSync(dir, { recursive: true, force: true })
})

const admin = async () =>
  (
    await cms.payload.find({
      collection: 'users',
      where: { email: { equals: 'admin@yorisoi.test' } },
      limit: 1,
    })
  ).docs[0]

describe('the seed publish is recorded as what is live', () => {
  it('leaves nothing to publish, nationally or for any seeded town, and records it once', async () => {
    const first = await publishSeedParts(cms.payload, setup.edge)
    expect(first.changed).toBe(true)
    const user = await admin()
    const national = await previewPublish(setup, { user, scope: { kind: 'national' } })
    if (!national.ok) throw new Error(national.reason)
    expect(national.liveManifestId).toBe(first.manifestId)
    expect(national.diff.messages).toEqual({ added: [], changed: [], removed: [] })
    const towns = await cms.payload.find({ collection: 'tenants', depth: 0, pagination: false })
    for (const town of towns.docs) {
      const preview = await previewPublish(setup, {
        user,
        scope: { kind: 'tenant', tenantId: String(town.id) },
      })
      if (!preview.ok) throw new Error(preview.reason)
      expect(preview.diff.entries, town.slug as string).toEqual({ added: [], changed: [], removed: [] })
    }
    // A second start finds the same manifest live and records nothing more.
    const again = await publishSeedParts(cms.payload, setup.edge)
    expect(again).toMatchObject({ changed: false, manifestId: first.manifestId })
    const records = await cms.payload.count({
      collection: 'publications',
      where: { manifestId: { equals: first.manifestId } },
    })
    expect(records.totalDocs).toBe(1)
  })

  it("serves each seeded town's part exactly as the admin's publish builds it, the sample announcement included", async () => {
    const { manifestId } = await publishSeedParts(cms.payload, setup.edge)
    const live = (await edgeApi.active(setup.edge)).active?.manifest
    expect(live?.id).toBe(manifestId)
    const towns = await cms.payload.find({ collection: 'tenants', depth: 0, pagination: false })
    for (const town of towns.docs) {
      const built = await buildScope(setup, { kind: 'tenant', tenantId: String(town.id) })
      if ('missing' in built || !built.part) throw new Error(`${town.slug}: no part`)
      const hash = (await preparePart(built.part)).ref.hash
      const served = live?.parts.find((p) => p.kind === 'tenant' && p.tenant === town.slug)
      expect(served?.hash, town.slug as string).toBe(hash)
      if (town.slug === 'mizuhoshi-city' && built.part.kind === 'tenant')
        expect(built.part.announcements.map((a) => a.texts[0]?.title)).toEqual([
          '【サンプル】土曜日の子育て相談会のお知らせ',
        ])
    }
  })
})
