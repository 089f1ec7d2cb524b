import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { approvedNationalPart } from '../../cms/publish/approved-national'
import { approvedVersions, defaultContentSlugs } from '../../cms/publish/content'
import { buildNationalPart } from '../../cms/publish/national-part'
import type { PreviewOutcome } from '../../cms/publish/preview'
import { approvedSurveyDocs, surveysOf } from '../../cms/publish/surveys'
import type { NationalPart } from '../../shared/contract'
import { type Cms, startCms } from './support/cms'
import { messageData } from './support/content'
import { createWorld, type Person, type World } from './support/people'
import { makePublishable } from './support/publishable-tenant'
import { login, rest } from './support/rest'

let cms: Cms
let payload: Payload
let world: World
const tokens: Partial<Record<Person, string>> = {}

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  world = await createWorld(payload)
  await makePublishable(payload, world.tenantA.id, 'minato')
  await makePublishable(payload, world.tenantB.id, 'setagaya')
  for (const who of ['admin', 'editor', 'staffA', 'viewer'] as const)
    tokens[who] = await login(cms.config, world.users[who].email)
})
afterAll(() => cms?.stop())

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

const entry = (title: string, data: Record<string, unknown> = {}) => ({
  title,
  body: '予約制です。',
  kind: 'event',
  language: 'ja',
  audiences: ['primary'],
  window: { unit: 'child-month', from: 3, to: 4 },
  tenant: world.tenantA.id,
  state: 'published',
  ...data,
})

/** The reason a save was refused, as the admin shows it under the field. */
async function refusal(save: Promise<unknown>): Promise<string | null> {
  try {
    await save
    return null
  } catch (error) {
    const data = (error as { data?: { errors?: { message: string }[] } }).data
    return data?.errors?.[0]?.message ?? String(error)
  }
}

const nationalSurvey = {
  title: '妊娠6か月のアンケート',
  language: 'ja',
  audiences: ['primary'],
  questions: [{ label: '体調はいかがですか', kind: 'scale', scaleMin: 1, scaleMax: 5 }],
  triggers: [{ window: { unit: 'pregnancy-month', from: 6, to: 6 } }],
}

describe('versions of local entries and surveys', () => {
  it('starts at 1, rises by one on each change of content, and ignores a version sent by the client', async () => {
    const created = await payload.create({
      collection: 'local-support',
      data: entry('両親学級', { version: 40 }),
    })
    expect(created.version).toBe(1)
    const edited = await payload.update({
      collection: 'local-support',
      id: created.id,
      data: { body: '予約制です。先着20組。', version: 99 },
    })
    expect(edited.version).toBe(2)
    // Publishing or unpublishing, or sending the same text again, is not a new version.
    const unpublished = await payload.update({
      collection: 'local-support',
      id: created.id,
      data: { state: 'draft' },
    })
    expect(unpublished.version).toBe(2)
    const same = await payload.update({
      collection: 'local-support',
      id: created.id,
      data: { title: '両親学級' },
    })
    expect(same.version).toBe(2)
    const moved = await payload.update({
      collection: 'local-support',
      id: created.id,
      data: { window: { unit: 'child-month', from: 4, to: 5 } },
    })
    expect(moved.version).toBe(3)

    const tenantSurvey = await payload.create({
      collection: 'surveys',
      data: { ...nationalSurvey, title: '港区の産後アンケート', tenant: world.tenantA.id },
      ...as('staffA'),
    })
    expect(tenantSurvey.version).toBe(1)
    const renamed = await payload.update({
      collection: 'surveys',
      id: tenantSurvey.id,
      data: { title: '港区の産後アンケート（改）' },
      ...as('staffA'),
    })
    expect(renamed.version).toBe(2)
  })
})

describe('medical review of national surveys', () => {
  it('publishes a national survey only as a supervisor other than its editor approved it', async () => {
    const survey = await payload.create({ collection: 'surveys', data: nationalSurvey, ...as('editor') })
    expect(survey.reviewState).toBe('draft')
    expect(await approvedSurveyDocs(payload, defaultContentSlugs)).toEqual([])

    // Nobody approves a draft, an editor never approves, a supervisor never approves their own edit.
    expect(
      await refusal(
        payload.update({
          collection: 'surveys',
          id: survey.id,
          data: { reviewState: 'approved' },
          ...as('supervisor'),
        }),
      ),
    ).toMatch(/へは変更できません \/ A message cannot move/)
    await payload.update({
      collection: 'surveys',
      id: survey.id,
      data: { reviewState: 'in-review' },
      ...as('editor'),
    })
    expect(
      await refusal(
        payload.update({
          collection: 'surveys',
          id: survey.id,
          data: { reviewState: 'approved' },
          ...as('editor'),
        }),
      ),
    ).toMatch(/^承認・修正依頼は医療監修者だけが行えます/)
    const approved = await payload.update({
      collection: 'surveys',
      id: survey.id,
      data: { reviewState: 'approved' },
      ...as('supervisor'),
    })
    expect(approved.reviewState).toBe('approved')
    const published = surveysOf(await approvedSurveyDocs(payload, defaultContentSlugs))
    expect(published).toMatchObject([
      { id: `survey-${survey.id}-1`, version: 1, title: nationalSurvey.title },
    ])

    // An edit after approval is a new version in draft; the approved one keeps being published.
    const edited = await payload.update({
      collection: 'surveys',
      id: survey.id,
      data: { title: '妊娠6か月のアンケート（改訂）' },
      ...as('editor'),
    })
    expect(edited).toMatchObject({ reviewState: 'draft', version: 2 })
    expect(surveysOf(await approvedSurveyDocs(payload, defaultContentSlugs))).toMatchObject([
      { version: 1, title: nationalSurvey.title },
    ])
    await payload.update({
      collection: 'surveys',
      id: survey.id,
      data: { reviewState: 'in-review' },
      ...as('editor'),
    })
    await payload.update({
      collection: 'surveys',
      id: survey.id,
      data: { reviewState: 'approved' },
      ...as('supervisor2'),
    })
    expect(surveysOf(await approvedSurveyDocs(payload, defaultContentSlugs))).toMatchObject([
      { version: 2, title: '妊娠6か月のアンケート（改訂）' },
    ])
  })
})

describe('the publish preview behind the admin view', () => {
  const preview = (who: Person, scope: string) =>
    rest(cms.config, 'GET', `/api/publications/preview?scope=${encodeURIComponent(scope)}`, {
      token: tokens[who],
    }) as Promise<{ status: number; body: PreviewOutcome & Record<string, unknown> }>

  it('shows messages added, changed and removed by slot, and warns of gaps, against what is live', async () => {
    const first = await approvedMessage('pregnancy/100')
    await approvedMessage('pregnancy/101')
    const before = await preview('editor', 'national')
    expect(before.status).toBe(200)
    if (!before.body.ok) throw new Error('preview refused')
    expect(before.body.diff.messages.added.map((m) => m.slot)).toEqual(['pregnancy/100', 'pregnancy/101'])
    expect(before.body.gaps.length).toBeGreaterThan(0)
    expect(before.body.gaps[0]!.missing).not.toContain('pregnancy/100')

    // What was published last (as a publish records it) is what the next preview compares with.
    await payload.create({
      collection: 'publications',
      overrideAccess: true,
      data: {
        scope: 'national',
        state: 'active',
        manifestId: 'pub-live',
        index: {
          messages: {
            'pregnancy/100 primary ja': `message-${first.id}@1`,
            'pregnancy/99 primary ja': 'message-0@1',
          },
          tenants: {},
        },
      },
    })
    await payload.update({
      collection: 'messages',
      id: first.id,
      data: { subject: '改訂しました' },
      ...as('editor'),
    })
    await payload.update({
      collection: 'messages',
      id: first.id,
      data: { reviewState: 'in-review' },
      ...as('editor'),
    })
    await payload.update({
      collection: 'messages',
      id: first.id,
      data: { reviewState: 'approved' },
      ...as('supervisor'),
    })

    const after = await preview('admin', 'national')
    if (!after.body.ok) throw new Error('preview refused')
    expect(after.body.liveManifestId).toBe('pub-live')
    expect(after.body.diff.messages).toEqual({
      added: [expect.objectContaining({ slot: 'pregnancy/101', before: null })],
      changed: [
        expect.objectContaining({
          slot: 'pregnancy/100',
          before: `message-${first.id}@1`,
          after: `message-${first.id}@2`,
        }),
      ],
      removed: [expect.objectContaining({ slot: 'pregnancy/99', after: null })],
    })
  })

  it('lets staff preview their own tenant (entries added and changed), never another tenant or the national part', async () => {
    const kept = await payload.create({ collection: 'local-support', data: entry('港区の健診') })
    const own = await preview('staffA', `tenant:${world.tenantA.id}`)
    expect(own.status).toBe(200)
    if (!own.body.ok) throw new Error('preview refused')
    expect(own.body.diff.entries.added.map((e) => e.title)).toContain('港区の健診')
    expect(own.body.diff.messages).toEqual({ added: [], changed: [], removed: [] })

    expect((await preview('staffA', `tenant:${world.tenantB.id}`)).status).toBe(403)
    expect((await preview('staffA', 'national')).status).toBe(403)
    expect((await preview('viewer', 'national')).status).toBe(403)
    const bad = await preview('admin', 'everything')
    expect(bad.status).toBe(400)
    expect(String(bad.body.reason)).toMatch(/範囲.*\/ The scope/)
    expect(kept.version).toBe(1)
  })

  it('builds the national part from what is approved now, each version once: a new approval shows at once', async () => {
    const built = () => approvedNationalPart(payload, defaultContentSlugs)
    const every = async () => buildNationalPart(await approvedVersions(payload, defaultContentSlugs))
    const byId = (part: NationalPart | null) =>
      [...(part?.messages ?? [])].sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version)
    const first = await built()
    expect(first.part?.messages.length).toBeGreaterThan(0)
    expect(byId(first.part)).toEqual(byId((await every()).part))
    expect((await built()).part).toBe(first.part)

    const message = await approvedMessage('pregnancy/120', { subject: '新しい承認' })
    const next = await built()
    expect(next.part).not.toBe(first.part)
    expect(next.part?.messages.find((m) => m.id === `message-${message.id}`)?.subject).toBe('新しい承認')
    expect(byId(next.part)).toEqual(byId((await every()).part))
  })
})
