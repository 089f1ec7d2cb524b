import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, vi } from 'vitest'
import { type Cms, startCms } from '../../cms/support/cms'
import { messageData } from '../../cms/support/content'
import { type FakeEdge, startFakeEdge } from '../../cms/support/fake-edge'
import { createWorld, type Person, type World } from '../../cms/support/people'
import { makePublishable } from '../../cms/support/publishable-tenant'
import { login } from '../../cms/support/rest'
import { attack } from '../support/attempts'
import { type Answer, call, graphql } from './support/calls'

// 港区's staff (staffA) reading 世田谷区 (tenant B) through every collection, its versions, GraphQL
// and every custom endpoint: refused or answered without one word of town B.

let cms: Cms
let payload: Payload
let world: World
let edge: FakeEdge
const tokens: Partial<Record<Person, string>> = {}
/** Every document that is town B's, by collection. */
const ofTownB = new Map<string, (number | string)[]>()
let townBPublication: number | string

/** Where an answer names town B (its name, slug, entries, staff). */
const townB = (text: string) =>
  [...text.matchAll(/.{0,40}(世田谷|setagaya|staffb).{0,20}/gi)].map((m) => m[0])

const as = (method: string, path: string, body?: unknown) =>
  call(cms.config, tokens.staffA, method, path, body)

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

beforeAll(async () => {
  edge = await startFakeEdge()
  vi.stubEnv('YORISOI_EDGE_URL', edge.url)
  vi.stubEnv('YORISOI_INGEST_TOKEN', edge.token)
  cms = await startCms()
  payload = cms.payload
  world = await createWorld(payload)
  await makePublishable(payload, world.tenantA.id, 'minato')
  await makePublishable(payload, world.tenantB.id, 'setagaya')
  for (const who of ['admin', 'staffA'] as const)
    tokens[who] = await login(cms.config, world.users[who].email)
  const message = await payload.create({ collection: 'messages', data: messageData('pregnancy/100') })
  await payload.update({ collection: 'messages', id: message.id, data: { reviewState: 'in-review' } })
  await payload.update({
    collection: 'messages',
    id: message.id,
    data: { reviewState: 'approved' },
    overrideAccess: false,
    user: world.users.supervisor,
  })
  await payload.create({ collection: 'local-support', data: entry(world.tenantA.id, '港区の両親学級') })
  await payload.create({ collection: 'local-support', data: entry(world.tenantB.id, '世田谷の両親学級') })
  await payload.create({
    collection: 'surveys',
    data: {
      title: '世田谷の産後アンケート',
      tenant: world.tenantB.id,
      questions: [{ label: '世田谷の設問', kind: 'text' }],
      triggers: [{ window: { unit: 'child-month', from: 1, to: 1 } }],
    },
  })
  const publish = async (scope: unknown) => {
    const answer = await call(cms.config, tokens.admin, 'POST', '/api/publications/publish', {
      scope,
      confirmGaps: true,
    })
    if (answer.status !== 200) throw new Error(`setup publish failed: ${answer.text}`)
    return answer.json.publicationId as number
  }
  await publish('national')
  townBPublication = await publish({ tenant: world.tenantB.id })
  await publish({ tenant: world.tenantA.id })

  // Town B's documents in every collection that has a town, and town B and its staff themselves.
  for (const collection of cms.config.collections) {
    if (!collection.flattenedFields.some((f) => f.name === 'tenant')) continue
    const { docs } = await payload.find({
      collection: collection.slug,
      where: { tenant: { equals: world.tenantB.id } },
      depth: 0,
      limit: 100,
    })
    if (docs.length)
      ofTownB.set(
        collection.slug,
        docs.map((d) => d.id),
      )
  }
  ofTownB.set('tenants', [world.tenantB.id])
  ofTownB.set('users', [world.users.staffB.id])
}, 180_000)
afterAll(async () => {
  await cms?.stop()
  await edge?.close()
  vi.unstubAllEnvs()
})

const refusedOrSilent = (answer: Answer, what: string) => {
  // Allowed and filtered, or refused (403, 404; Payload's 501 for an internal collection it serves
  // no REST for).
  expect(answer.status, `${what}: ${answer.text.slice(0, 200)}`).toBeOneOf([200, 400, 401, 403, 404, 501])
  expect(townB(answer.text), what).toEqual([])
}

attack(
  'cross-tenant read',
  "another town's staff through every collection over REST and GraphQL",
  async (attempts) => {
    // The setup saw town B's documents where they should be.
    expect([...ofTownB.keys()]).toEqual(expect.arrayContaining(['local-support', 'surveys', 'publications']))
    for (const collection of cms.config.collections) {
      const slug = collection.slug
      await attempts.refused(async () =>
        refusedOrSilent(await as('GET', `/api/${slug}?depth=2&limit=200`), slug),
      )
      if (collection.versions)
        await attempts.refused(async () =>
          refusedOrSilent(await as('GET', `/api/${slug}/versions?depth=2&limit=200`), `${slug} versions`),
        )
      for (const id of ofTownB.get(slug) ?? []) {
        await attempts.refused(async () => {
          const answer = await as('GET', `/api/${slug}/${id}?depth=2`)
          expect(answer.status, `${slug}/${id}`).toBeOneOf([403, 404])
          expect(townB(answer.text)).toEqual([])
        })
        await attempts.refused(async () => {
          const answer = await as('GET', `/api/${slug}?where[id][equals]=${id}&depth=0`)
          refusedOrSilent(answer, `${slug} where id`)
          if (answer.status === 200) expect(answer.json.docs).toEqual([])
        })
      }
      const names = collection.graphQL
      if (names && 'pluralName' in names && names.pluralName) {
        await attempts.refused(async () => {
          const answer = await graphql(
            cms.config,
            tokens.staffA,
            `{ ${names.pluralName}(limit: 200) { docs { id } } }`,
          )
          const docs = ((
            answer.json.data as Record<string, { docs: { id: unknown }[] } | null> | undefined
          )?.[names.pluralName]?.docs ?? []) as { id: unknown }[]
          const theirs = new Set(ofTownB.get(slug) ?? [])
          expect(
            docs.filter((d) => theirs.has(d.id as number)),
            `GraphQL ${names.pluralName}`,
          ).toEqual([])
        })
      }
    }
  },
)

attack('cross-tenant read', "another town's staff through every custom endpoint", async (attempts) => {
  const before = {
    active: edge.activeId(),
    publications: (await payload.count({ collection: 'publications' })).totalDocs,
  }
  const scopeB = encodeURIComponent(JSON.stringify({ tenant: world.tenantB.id }))
  const forbidden: [string, () => Promise<Answer>][] = [
    ['preview of town B', () => as('GET', `/api/publications/preview?scope=${scopeB}`)],
    ['preview of town B (plain id)', () => as('GET', `/api/publications/preview?scope=${world.tenantB.id}`)],
    [
      'publish town B',
      () =>
        as('POST', '/api/publications/publish', { scope: { tenant: world.tenantB.id }, confirmGaps: true }),
    ],
    [
      'roll back to town B’s publication',
      () => as('POST', '/api/publications/rollback', { publication: townBPublication }),
    ],
  ]
  for (const [what, run] of forbidden) {
    await attempts.refused(async () => {
      const answer = await run()
      expect(answer.status, `${what}: ${answer.text.slice(0, 200)}`).toBeOneOf([400, 403, 404])
      expect(townB(answer.text), what).toEqual([])
    })
  }
  for (const path of [
    '/api/publications/history',
    '/api/messages/csv',
    '/api/publications/preview?scope=national',
  ]) {
    await attempts.refused(async () => refusedOrSilent(await as('GET', path), path))
  }
  expect(edge.activeId()).toBe(before.active)
  expect((await payload.count({ collection: 'publications' })).totalDocs).toBe(before.publications)
})
