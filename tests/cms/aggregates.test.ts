import { handleEndpoints, type Payload, type SanitizedConfig } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { AggregatesReport } from '../../shared/contract'
import { type Cms, startCms } from './support/cms'
import { createWorld, type Person, type World } from './support/people'
import { login, rest } from './support/rest'

let cms: Cms
let payload: Payload
let config: SanitizedConfig
let world: World
const token = 'test-aggregates-token'

beforeAll(async () => {
  process.env.YORISOI_AGGREGATES_TOKEN = token
  cms = await startCms()
  payload = cms.payload
  config = cms.config
  world = await createWorld(payload)
})
afterAll(() => cms?.stop())
beforeEach(async () => {
  await payload.delete({
    collection: 'survey-answer-counts',
    where: { id: { exists: true } },
    overrideAccess: true,
  })
})

const report = (overrides: Partial<AggregatesReport> = {}): AggregatesReport => ({
  contractVersion: 1,
  generatedAt: '2026-11-24T00:00:00Z',
  from: '2026-11-17',
  to: '2026-11-23',
  deliveries: [],
  deskForwards: [],
  surveys: [
    {
      date: '2026-11-23',
      tenant: 'minato',
      surveyId: 's-8m',
      surveyVersion: 1,
      questionId: 'feeling',
      value: '4',
      count: 3,
    },
    {
      date: '2026-11-23',
      tenant: 'minato',
      surveyId: 's-8m',
      surveyVersion: 1,
      questionId: 'comment',
      value: null,
      count: 2,
    },
    {
      date: '2026-11-22',
      tenant: 'setagaya',
      surveyId: 's-8m',
      surveyVersion: 1,
      questionId: 'feeling',
      value: '2',
      count: 7,
    },
  ],
  ...overrides,
})

async function send(body: unknown, authorization: string | null = `Bearer ${token}`) {
  const headers = new Headers({ 'content-type': 'application/json' })
  if (authorization) headers.set('authorization', authorization)
  const response = await handleEndpoints({
    config,
    request: new Request('http://localhost/api/survey-answer-counts/report', {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    }),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const stored = async () =>
  (
    await payload.find({
      collection: 'survey-answer-counts',
      sort: 'date',
      pagination: false,
      depth: 1,
      overrideAccess: true,
    })
  ).docs
    .map((d) => {
      const doc = d as unknown as {
        date: string
        tenant: { slug: string }
        questionId: string
        value: string | null
        count: number
      }
      return `${doc.date} ${doc.tenant.slug} ${doc.questionId}=${doc.value ?? '*'} ${doc.count}`
    })
    .sort()

describe('the edge’s daily report', () => {
  it('is stored when authenticated and valid; a later report of the same days replaces, never adds', async () => {
    const first = await send(report())
    expect(first.status).toBe(200)
    expect(await stored()).toEqual([
      '2026-11-22 setagaya feeling=2 7',
      '2026-11-23 minato comment=* 2',
      '2026-11-23 minato feeling=4 3',
    ])
    const later = report()
    later.surveys[0]!.count = 5
    expect((await send(later)).status).toBe(200)
    expect(await stored()).toEqual([
      '2026-11-22 setagaya feeling=2 7',
      '2026-11-23 minato comment=* 2',
      '2026-11-23 minato feeling=4 5',
    ])
  })

  it('refuses a missing or wrong token, a report outside the contract and an unknown tenant, changing nothing', async () => {
    await send(report())
    const before = await stored()
    for (const auth of [null, 'Bearer wrong', `JWT ${token}`, token]) {
      const answer = await send(report({ surveys: [] }), auth)
      expect(answer.status, String(auth)).toBe(401)
    }
    const badVersion = await send({ ...report({ surveys: [] }), contractVersion: 2 })
    expect(badVersion.status).toBe(400)
    expect(String(badVersion.body.issues)).toContain('契約バージョンが違います')
    const negative = report()
    negative.surveys[0]!.count = -1
    expect((await send(negative)).status).toBe(400)
    const backwards = await send(report({ from: '2026-11-30', surveys: [] }))
    expect(backwards.status).toBe(400)
    const stranger = report()
    stranger.surveys[0]!.tenant = 'atlantis'
    const unknown = await send(stranger)
    expect(unknown.status).toBe(422)
    expect(String(unknown.body.reason)).toContain('atlantis')
    expect(await stored()).toEqual(before)
  })
})

describe('who reads the counts', () => {
  const readAs = async (who: Person) =>
    (
      await payload.find({
        collection: 'survey-answer-counts',
        overrideAccess: false,
        user: world.users[who],
        depth: 1,
        pagination: false,
      })
    ).docs.map((d) => (d as unknown as { tenant: { slug: string } }).tenant.slug)

  it('admins read every municipality; staff only their own, never another’s numbers', async () => {
    await send(report())
    expect((await readAs('admin')).sort()).toEqual(['minato', 'minato', 'setagaya'])
    expect(await readAs('staffA')).toEqual(['minato', 'minato'])
    expect(await readAs('staffB')).toEqual(['setagaya'])
  })

  it('other roles and anonymous read nothing; nobody writes through the API', async () => {
    await send(report())
    for (const who of ['editor', 'supervisor', 'viewer'] as const) {
      await expect(readAs(who), who).rejects.toThrow()
    }
    expect((await rest(config, 'GET', '/api/survey-answer-counts')).status).toBe(403)
    const staff = await login(config, world.users.staffA.email)
    const listed = await rest(config, 'GET', '/api/survey-answer-counts?depth=1', { token: staff })
    expect(listed.status).toBe(200)
    expect((listed.body.docs as { tenant: { slug: string } }[]).map((d) => d.tenant.slug)).toEqual([
      'minato',
      'minato',
    ])
    const forged = await rest(config, 'POST', '/api/survey-answer-counts', {
      token: staff,
      body: {
        date: '2026-11-23',
        tenant: world.tenantA.id,
        surveyId: 'x',
        surveyVersion: 1,
        questionId: 'q',
        count: 99,
      },
    })
    expect(forged.status).toBe(403)
    expect(await readAs('admin')).toHaveLength(3)
  })
})
