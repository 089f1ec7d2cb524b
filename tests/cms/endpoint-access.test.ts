import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type Cms, startCms } from './support/cms'
import { messageData } from './support/content'
import { type EndpointCase, endpointCases, expectedStatus, historyShows } from './support/endpoint-matrix'
import { type FakeEdge, startFakeEdge } from './support/fake-edge'
import { type Actor, actors } from './support/matrix'
import { createWorld, type Person, type World } from './support/people'
import { makePublishable } from './support/publishable-tenant'
import { login } from './support/rest'

// Every custom endpoint (review, CSV, publish preview, publish, history, rollback) for every role,
// own town and another town, through Payload's real HTTP handler on real Postgres; the edge's
// ingest API is a fake in its shapes (support/fake-edge.ts).

let cms: Cms
let payload: Payload
let world: World
let edge: FakeEdge
const tokens: Partial<Record<Actor, string>> = {}
let slotNumber = 30

/** Where an answer names town B (its name, slug or entry title), which staffA must never be shown. */
const otherTown = (text: string) => [...text.matchAll(/.{0,40}(世田谷|setagaya).{0,20}/g)].map((m) => m[0])

type Publication = { id: number | string; manifestId: string; tenant?: unknown; scope: string }
const firstOf: { own?: Publication; other?: Publication } = {}

const as = (who: Person) => ({ overrideAccess: false, user: world.users[who] }) as const

async function call(actor: Actor, method: string, path: string, body?: unknown, type = 'application/json') {
  const headers = new Headers({ 'content-type': type })
  if (tokens[actor]) headers.set('authorization', `JWT ${tokens[actor]}`)
  const payloadBody = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
  const request = new Request(`http://localhost${path}`, { method, headers, body: payloadBody })
  const response = await handleEndpoints({ config: cms.config, request })
  const text = await response.text()
  let json: Record<string, unknown> = {}
  try {
    json = JSON.parse(text)
  } catch {}
  return { status: response.status, text, json }
}
type Answer = Awaited<ReturnType<typeof call>>

async function inReview() {
  const message = await payload.create({
    collection: 'messages',
    data: messageData(`pregnancy/${slotNumber++}`),
    ...as('editor'),
  })
  return payload.update({
    collection: 'messages',
    id: message.id,
    data: { reviewState: 'in-review' },
    ...as('editor'),
  })
}

const entry = (tenant: number | string, title: string) => ({
  title,
  body: '予約制です。',
  kind: 'event',
  language: 'ja',
  audiences: ['primary'],
  window: { unit: 'child-month', from: 3, to: 4 },
  tenant,
  state: 'published',
})

const publishAs = async (actor: Actor, scope: unknown) => {
  const answer = await call(actor, 'POST', '/api/publications/publish', { scope, confirmGaps: true })
  if (answer.status !== 200) throw new Error(`setup publish failed: ${answer.text}`)
  return payload.findByID({ collection: 'publications', id: answer.json.publicationId as number, depth: 0 })
}

const publicationCount = async () => (await payload.count({ collection: 'publications' })).totalDocs

beforeAll(async () => {
  edge = await startFakeEdge()
  vi.stubEnv('YORISOI_EDGE_URL', edge.url)
  vi.stubEnv('YORISOI_INGEST_TOKEN', edge.token)
  vi.stubEnv('YORISOI_AGGREGATES_TOKEN', 'the-edge-report-token')
  cms = await startCms()
  payload = cms.payload
  world = await createWorld(payload)
  await makePublishable(payload, world.tenantA.id, 'minato')
  await makePublishable(payload, world.tenantB.id, 'setagaya')
  await Promise.all(
    actors.map(async (actor) => {
      if (actor !== 'anonymous') tokens[actor] = await login(cms.config, world.users[actor].email)
    }),
  )
  const message = await inReview()
  await payload.update({
    collection: 'messages',
    id: message.id,
    data: { reviewState: 'approved' },
    ...as('supervisor'),
  })
  await payload.create({ collection: 'local-support', data: entry(world.tenantA.id, '港区の両親学級') })
  await payload.create({ collection: 'local-support', data: entry(world.tenantB.id, '世田谷の両親学級') })
  await publishAs('admin', 'national')
  firstOf.other = (await publishAs('admin', { tenant: world.tenantB.id })) as unknown as Publication
  firstOf.own = (await publishAs('admin', { tenant: world.tenantA.id })) as unknown as Publication
})
afterAll(async () => {
  await cms?.stop()
  await edge?.close()
  vi.unstubAllEnvs()
})

type Cell = {
  run: (actor: Actor) => Promise<Answer>
  outcome: (actor: Actor, answer: Answer) => Promise<void>
}

/** A publish or rollback either switched the edge to what it answers, or changed nothing anywhere. */
function switched(before: { active: string | null; count: number }) {
  return async (answer: Answer) => {
    if (answer.status === 200) {
      expect(edge.activeId()).toBe(answer.json.manifestId)
      expect(await publicationCount()).toBe(before.count + 1)
    } else {
      expect(edge.activeId()).toBe(before.active)
      expect(await publicationCount()).toBe(before.count)
    }
  }
}

function publishCell(scope: () => unknown): Cell {
  let before = { active: null as string | null, count: 0 }
  return {
    run: async (actor) => {
      before = { active: edge.activeId(), count: await publicationCount() }
      return call(actor, 'POST', '/api/publications/publish', { scope: scope(), confirmGaps: true })
    },
    outcome: (_actor, answer) => switched(before)(answer),
  }
}

function rollbackCell(target: () => Publication): Cell {
  let before = { active: null as string | null, count: 0 }
  return {
    run: async (actor) => {
      before = { active: edge.activeId(), count: await publicationCount() }
      return call(actor, 'POST', '/api/publications/rollback', { publication: target().id })
    },
    outcome: async (_actor, answer) => {
      await switched(before)(answer)
      if (answer.status === 200) expect(edge.activeId()).toBe(target().manifestId)
    },
  }
}

function previewCell(scope: () => string): Cell {
  return {
    run: (actor) => call(actor, 'GET', `/api/publications/preview?scope=${encodeURIComponent(scope())}`),
    outcome: async (_actor, answer) => {
      if (answer.status === 200) expect(answer.json).toMatchObject({ ok: true })
    },
  }
}

function reviewCell(action: 'approve' | 'request-changes', after: string): Cell {
  let message: { id: number | string } = { id: 0 }
  return {
    run: async (actor) => {
      const submitted = await inReview()
      message = submitted
      const note = action === 'request-changes' ? '受診の目安を足してください' : undefined
      return call(actor, 'POST', `/api/messages/${submitted.id}/review`, {
        action,
        note,
        seenAt: submitted.updatedAt,
      })
    },
    outcome: async (_actor, answer) => {
      const stored = await payload.findByID({ collection: 'messages', id: message.id, depth: 0 })
      expect(stored.reviewState).toBe(answer.status === 200 ? after : 'in-review')
    },
  }
}

const csvHeader = 'slot,audience,language,subject,body,shortText,topics,supervisingExperts'
let importedSlot = ''

const cells: Record<EndpointCase, Cell> = {
  'review: approve': reviewCell('approve', 'approved'),
  'review: request changes': reviewCell('request-changes', 'changes-requested'),
  'CSV: export': {
    run: (actor) => call(actor, 'GET', '/api/messages/csv'),
    outcome: async (_actor, answer) => {
      if (answer.status === 200) expect(answer.text).toContain(csvHeader)
    },
  },
  'CSV: import': {
    run: (actor) => {
      importedSlot = `pregnancy/${slotNumber++}`
      const csv = `${csvHeader}\n${importedSlot},primary,ja,取り込んだお便り,本文です,,,`
      return call(actor, 'POST', '/api/messages/csv', csv, 'text/csv')
    },
    outcome: async (_actor, answer) => {
      const found = await payload.count({ collection: 'messages', where: { slot: { equals: importedSlot } } })
      expect(found.totalDocs).toBe(answer.status === 200 ? 1 : 0)
    },
  },
  'preview: national': previewCell(() => 'national'),
  'preview: own town': previewCell(() => `tenant:${world.tenantA.id}`),
  'preview: another town': previewCell(() => `tenant:${world.tenantB.id}`),
  'publish: national': publishCell(() => 'national'),
  'publish: own town': publishCell(() => ({ tenant: world.tenantA.id })),
  'publish: another town': publishCell(() => ({ tenant: world.tenantB.id })),
  history: {
    run: (actor) => call(actor, 'GET', '/api/publications/history'),
    outcome: async (actor, answer) => {
      if (answer.status !== 200 || actor === 'anonymous') return
      const tenants = new Set(
        (answer.json.entries as { publication: { tenant: unknown } | null }[])
          .filter((e) => e.publication)
          .map((e) => String(e.publication!.tenant)),
      )
      const shows = historyShows[actor]
      if (shows === 'all')
        expect(tenants).toEqual(new Set(['null', String(world.tenantA.id), String(world.tenantB.id)]))
      else if (shows === 'own town') expect(tenants).toEqual(new Set([String(world.tenantA.id)]))
      else expect(answer.json.entries).toEqual([])
    },
  },
  'rollback: to own town’s publication': rollbackCell(() => firstOf.own!),
  'rollback: to another town’s publication': rollbackCell(() => firstOf.other!),
  'counts report (the edge’s, by its token)': {
    run: (actor) =>
      call(actor, 'POST', '/api/survey-answer-counts/report', {
        contractVersion: 1,
        tenant: 'minato',
        date: '2026-12-01',
        surveys: [],
      }),
    outcome: async () => {
      expect((await payload.count({ collection: 'survey-answer-counts' })).totalDocs).toBe(0)
    },
  },
}

describe('every custom endpoint, for every role, own town and another town', () => {
  for (const endpoint of endpointCases) {
    for (const actor of actors) {
      const status = expectedStatus[endpoint][actor]
      it(`${endpoint}: ${actor} → ${status}`, async () => {
        const answer = await cells[endpoint].run(actor)
        expect(answer.status, answer.text.slice(0, 300)).toBe(status)
        await cells[endpoint].outcome(actor, answer)
        if (actor === 'staffA') expect(otherTown(answer.text)).toEqual([])
      })
    }
  }
})

describe('staff see only their towns', () => {
  it("shows staff their town's publications without another town's entries, over REST and GraphQL", async () => {
    const own = await call('staffA', 'GET', '/api/publications?depth=0&limit=100')
    expect(own.status).toBe(200)
    const docs = own.json.docs as { tenant: unknown }[]
    expect(docs.length).toBeGreaterThan(0)
    for (const doc of docs) expect(doc.tenant).toBe(world.tenantA.id)
    expect(otherTown(own.text)).toEqual([])

    const request = new Request('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${tokens.staffA}` },
      body: JSON.stringify({ query: '{ Publications(limit: 100) { docs { id index parts diff } } }' }),
    })
    const graphql = await (await GRAPHQL_POST(cms.config)(request)).text()
    expect(graphql).toContain('"docs"')
    expect(otherTown(graphql)).toEqual([])
  })

  it('still lets those who publish every town read what each publication held', async () => {
    const all = await call('admin', 'GET', `/api/publications/${firstOf.own!.id}?depth=0`)
    expect(all.status).toBe(200)
    expect(all.text).toContain('世田谷の両親学級')
  })
})

describe('the diff a town’s publication records', () => {
  it('names only that town, even when the CMS has no record of what was live', async () => {
    // What is live came from elsewhere (an earlier CMS, a restored database): no index to diff against.
    await payload.update({
      collection: 'publications',
      where: { manifestId: { equals: edge.activeId() } },
      data: { index: null },
    })
    const published = await call('staffA', 'POST', '/api/publications/publish', {
      scope: { tenant: world.tenantA.id },
      confirmGaps: true,
    })
    expect(published.status).toBe(200)
    const own = await call('staffA', 'GET', `/api/publications/${published.json.publicationId}?depth=0`)
    expect(own.status).toBe(200)
    expect(own.json.diff).toMatchObject({ added: expect.arrayContaining(['tenant minato']) })
    expect(otherTown(own.text)).toEqual([])
  })
})
