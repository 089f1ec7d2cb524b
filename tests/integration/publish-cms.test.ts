import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../../cms/db/freePort'
import { defaultContentSlugs } from '../../cms/publish/content'
import { edgeApi } from '../../cms/publish/edge-client'
import { type PublishSetup, publish } from '../../cms/publish/publish'
import { rollback } from '../../cms/publish/rollback'
import { type LocalWorker, startLocalWorker } from '../../dev/local-worker'
import { standardProgram } from '../../shared/program'
import { type Cms, startCms } from '../cms/support/cms'
import { messageData } from '../cms/support/content'
import { createWorld, type Person, type World } from '../cms/support/people'
import { login, rest } from '../cms/support/rest'

// The CMS on real Postgres publishing to the Worker in workerd (wrangler dev, local D1).
const token = randomBytes(24).toString('base64url')
let cms: Cms
let payload: Payload
let world: World
let worker: LocalWorker
let dir: string
let setup: PublishSetup

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yorisoi-publish-cms-'))
  ;[cms, worker] = await Promise.all([
    startCms(),
    startLocalWorker({ persistTo: dir, vars: { INGEST_TOKEN: token } }),
  ])
  payload = cms.payload
  world = await createWorld(payload)
  // The REST actions find the edge the way a deployment does: from the environment.
  process.env.YORISOI_EDGE_URL = worker.url
  process.env.YORISOI_INGEST_TOKEN = token
  setup = {
    payload,
    edge: { url: worker.url, token },
    slugs: { ...defaultContentSlugs, publications: 'publications' },
    programs: { standard: standardProgram },
  }
})

afterAll(async () => {
  await Promise.all([cms?.stop(), worker?.stop()])
  rmSync(dir, { recursive: true, force: true })
})

const as = (who: Person) => ({ overrideAccess: false, user: world.users[who] }) as const

async function approvedMessage(slot: string, data: Record<string, unknown> = {}) {
  const message = await payload.create({
    collection: 'messages',
    data: messageData(slot, data),
    ...as('editor'),
  })
  await payload.update({
    collection: 'messages',
    id: message.id,
    data: { reviewState: 'in-review' },
    ...as('editor'),
  })
  await payload.update({
    collection: 'messages',
    id: message.id,
    data: { reviewState: 'approved' },
    ...as('supervisor'),
  })
  return message
}

async function edgeActive(): Promise<string | null> {
  const health = (await (await fetch(`${worker.url}/healthz`)).json()) as { activeManifestId: string | null }
  return health.activeManifestId
}

async function publication(id: number | string) {
  return payload.findByID({ collection: 'publications', id, depth: 0, overrideAccess: true })
}

describe('publishing from the CMS to the edge', () => {
  it('publishes approved content only, and the edge serves it; the record says who, what and the diff', async () => {
    await approvedMessage('pregnancy/100')
    // Written but never approved: must not reach residents.
    await payload.create({ collection: 'messages', data: messageData('pregnancy/101'), ...as('editor') })

    const outcome = await publish(setup, {
      user: world.users.editor,
      scope: { kind: 'national' },
      confirmGaps: true,
    })
    expect(outcome).toMatchObject({ ok: true })
    if (!outcome.ok) return
    expect(await edgeActive()).toBe(outcome.manifestId)

    const record = await publication(outcome.publicationId)
    expect(record).toMatchObject({ state: 'active', scope: 'national', counts: { messages: 1 } })
    expect((record.publishedBy as number | string) ?? null).toBe(world.users.editor.id)
    expect(record.diff).toEqual({ added: [`message pregnancy/100 primary ja`], changed: [], removed: [] })
    expect(record.uploadedParts).toHaveLength(1)
  })

  it('refuses staff publishing another tenant, and anyone but editors the national part; nothing changes', async () => {
    const before = await edgeActive()
    const count = (await payload.count({ collection: 'publications', overrideAccess: true })).totalDocs
    const other = await publish(setup, {
      user: world.users.staffA,
      scope: { kind: 'tenant', tenantId: world.tenantB.id },
    })
    expect(other).toMatchObject({ ok: false, status: 403 })
    expect(other.ok ? '' : other.reason).toMatch(
      /^所属する自治体のパートだけを公開できます \/ You can publish only/,
    )
    const national = await publish(setup, { user: world.users.staffA, scope: { kind: 'national' } })
    expect(national).toMatchObject({ ok: false, status: 403 })
    expect((await payload.count({ collection: 'publications', overrideAccess: true })).totalDocs).toBe(count)
    expect(await edgeActive()).toBe(before)
  })

  it('records a publish the edge refused (wrong token) or could not be reached, with a reason; what is live stays', async () => {
    await approvedMessage('pregnancy/102')
    const before = await edgeActive()
    const wrongToken = await publish(
      { ...setup, edge: { url: worker.url, token: 'not-the-token' } },
      { user: world.users.editor, scope: { kind: 'national' }, confirmGaps: true },
    )
    const unreachable = await publish(
      { ...setup, edge: { url: `http://127.0.0.1:${await freePort()}`, token } },
      { user: world.users.editor, scope: { kind: 'national' }, confirmGaps: true },
    )
    for (const outcome of [wrongToken, unreachable]) {
      expect(outcome).toMatchObject({ ok: false, status: 502 })
      if (outcome.ok) continue
      const record = await publication(outcome.publicationId!)
      expect(record.state).toBe('failed')
      expect(record.failureReason).toBe(outcome.reason)
    }
    expect(wrongToken.ok ? '' : wrongToken.reason).toMatch(/^取り込みトークン/)
    expect(unreachable.ok ? '' : unreachable.reason).toMatch(/^配信サーバー.+に接続できません/)
    expect(await edgeActive()).toBe(before)
  })

  it('rolls back to the previous publication in one action, recorded like a publish', async () => {
    const first = await edgeActive()
    const firstRecord = (
      await payload.find({
        collection: 'publications',
        where: { manifestId: { equals: first } },
        overrideAccess: true,
      })
    ).docs[0]!
    const second = await publish(setup, {
      user: world.users.editor,
      scope: { kind: 'national' },
      confirmGaps: true,
    })
    expect(second.ok).toBe(true)
    if (!second.ok) return
    expect((await publication(second.publicationId)).diff).toEqual({
      added: ['message pregnancy/102 primary ja'],
      changed: [],
      removed: [],
    })

    const back = await rollback(setup, { user: world.users.editor, publicationId: firstRecord.id })
    expect(back).toMatchObject({ ok: true, manifestId: first })
    expect(await edgeActive()).toBe(first)
    expect((await publication(second.publicationId)).state).toBe('rolled-back')
    if (back.ok)
      expect(await publication(back.publicationId)).toMatchObject({ scope: 'rollback', state: 'active' })

    const staff = await rollback(setup, { user: world.users.staffA, publicationId: second.publicationId })
    expect(staff).toMatchObject({ ok: false, status: 403 })
    expect(await edgeActive()).toBe(first)
  })
})

describe('the publish action over the CMS REST API', () => {
  it('lets an editor publish and refuses staff another tenant, as a signed-in person would see it', async () => {
    await approvedMessage('pregnancy/103')
    const editor = await login(cms.config, world.users.editor.email)
    const published = await rest(cms.config, 'POST', '/api/publications/publish', {
      token: editor,
      body: { scope: 'national', confirmGaps: true },
    })
    expect(published.status).toBe(200)
    expect(await edgeActive()).toBe(published.body.manifestId)

    const staff = await login(cms.config, world.users.staffA.email)
    const refused = await rest(cms.config, 'POST', '/api/publications/publish', {
      token: staff,
      body: { scope: { tenant: world.tenantB.id } },
    })
    expect(refused.status).toBe(403)
    expect(refused.body.reason).toMatch(/^所属する自治体のパートだけを公開できます/)
    expect(await edgeActive()).toBe(published.body.manifestId)
  })

  it('shows the edge’s activation history with who did it, and rolls back from it over REST', async () => {
    const editor = await login(cms.config, world.users.editor.email)
    const live = await edgeActive()
    const history = await rest(cms.config, 'GET', '/api/publications/history', { token: editor })
    expect(history.status).toBe(200)
    const entries = history.body.entries as {
      manifestId: string
      action: string
      actor: { name: string } | null
      canRollBack: boolean
      publication: { id: number | string } | null
    }[]
    expect(entries[0]).toMatchObject({ manifestId: live, action: 'publish', canRollBack: false })
    expect(entries[0]!.actor?.name).toBe(world.users.editor.email)
    expect(entries.some((e) => e.action === 'rollback')).toBe(true)
    const target = entries.find((e) => e.canRollBack && e.manifestId !== live)!
    expect(target.publication).not.toBeNull()

    const back = await rest(cms.config, 'POST', '/api/publications/rollback', {
      token: editor,
      body: { publication: target.publication!.id },
    })
    expect(back.status).toBe(200)
    expect(await edgeActive()).toBe(target.manifestId)
    const after = (await rest(cms.config, 'GET', '/api/publications/history', { token: editor })).body
      .entries as { manifestId: string; action: string; actor: { name: string } | null }[]
    expect(after[0]).toMatchObject({
      manifestId: target.manifestId,
      action: 'rollback',
      actor: { name: world.users.editor.email },
    })

    // Staff see only their own tenants' publications, and may not roll back.
    const staff = await login(cms.config, world.users.staffA.email)
    const theirs = await rest(cms.config, 'GET', '/api/publications/history', { token: staff })
    expect(theirs.status).toBe(200)
    for (const entry of theirs.body.entries as {
      canRollBack: boolean
      publication: { scope: string } | null
    }[]) {
      expect(entry.canRollBack).toBe(false)
      expect(entry.publication?.scope).toBe('tenant')
    }
  })
})

describe('a municipality publishing its own part', () => {
  it('lets staff publish their tenant without touching the national content or other tenants', async () => {
    await payload.update({
      collection: 'tenants',
      id: world.tenantA.id,
      overrideAccess: true,
      data: {
        nameEn: 'Minato City',
        prefecture: '東京都',
        postalAddress: '〒105-8511 東京都港区芝公園1-5-25',
        channels: ['email'],
        senderNames: { email: '港区 子育て応援便' },
        senders: { fromAddress: 'yorisoi@minato.example.jp' },
        desk: {
          name: '港区 子ども家庭支援センター',
          email: 'desk@minato.example.jp',
          phone: '03-1234-5678',
          hours: '平日 8:30〜17:15',
        },
        privacyNotice: { url: 'https://minato.example.jp/privacy', version: '2026-04' },
        languages: ['ja'],
        languageFallback: ['ja'],
        branding: { color: '#2f7f9f' },
      },
    })
    const entry = (published: boolean, title: string) =>
      payload.create({
        collection: 'local-support',
        overrideAccess: true,
        data: {
          tenant: world.tenantA.id,
          title,
          body: '保健センターで面談を受けられます。\n\n予約は電話で。',
          kind: 'checkup',
          language: 'ja',
          audiences: ['primary'],
          window: { unit: 'pregnancy-week', from: 28, to: 31 },
          state: published ? 'published' : 'draft',
        },
      })
    const published = await entry(true, '妊娠8か月面談のご案内')
    await entry(false, '下書きの案内')
    const edge = { url: worker.url, token }
    const before = (await edgeApi.active(edge)).active!.manifest

    // Most days of the program have no message yet: publishing needs an explicit confirmation.
    const unconfirmed = await publish(setup, {
      user: world.users.staffA,
      scope: { kind: 'tenant', tenantId: world.tenantA.id },
    })
    expect(unconfirmed).toMatchObject({ ok: false, status: 409 })
    expect(unconfirmed.ok ? '' : unconfirmed.reason).toMatch(
      /^メッセージのない日があります（minato\/ja: \d+日）/,
    )
    expect((await edgeApi.active(edge)).active!.manifest).toEqual(before)

    const outcome = await publish(setup, {
      user: world.users.staffA,
      scope: { kind: 'tenant', tenantId: world.tenantA.id },
      confirmGaps: true,
    })
    expect(outcome).toMatchObject({ ok: true })
    if (!outcome.ok) return
    const after = (await edgeApi.active(edge)).active!.manifest
    expect(after.id).toBe(outcome.manifestId)
    expect(after.parts.find((p) => p.kind === 'national')).toEqual(
      before.parts.find((p) => p.kind === 'national'),
    )
    expect(
      after.parts.filter((p) => p.kind === 'tenant').map((p) => p.kind === 'tenant' && p.tenant),
    ).toEqual(['minato'])
    const record = await publication(outcome.publicationId)
    expect(record).toMatchObject({
      scope: 'tenant',
      state: 'active',
      counts: { localEntries: 1, tenants: 1 },
    })
    // The tenant part and its one published entry are new; the draft is not there.
    expect(record.diff).toEqual({
      added: ['tenant minato', `entry minato local-${published.id}`],
      changed: [],
      removed: [],
    })
  })
})
