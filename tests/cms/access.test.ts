import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Cms, startCms } from './support/cms'
import { type Actor, actors, allowed, expected, type Operation, operations } from './support/matrix'
import { createWorld, password, type World } from './support/people'
import { login, rest } from './support/rest'
import { buildTargets, type Targets } from './support/targets'

let cms: Cms
let payload: Payload
let world: World
let targets: Targets
const tokens: Partial<Record<Actor, string>> = {}

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  world = await createWorld(payload)
  // A fresh account for every read, update and delete of users, through both APIs.
  targets = await buildTargets(payload, world, actors.length * 3 * 2)
  // Each login checks a PBKDF2 hash: side by side on the thread pool.
  await Promise.all(
    actors.map(async (actor) => {
      if (actor !== 'anonymous') tokens[actor] = await login(cms.config, world.users[actor].email)
    }),
  )
})
afterAll(() => cms?.stop())

type Attempt = { ok: boolean; id?: number | string }

/** The same four operations, through the local API as the user (overrideAccess: false). */
async function viaLocal(
  actor: Actor,
  collection: string,
  operation: Operation,
  id?: number | string,
): Promise<Attempt> {
  const user = actor === 'anonymous' ? undefined : world.users[actor]
  const as = { collection, overrideAccess: false, user, depth: 0 } as const
  try {
    if (operation === 'create') {
      const doc = await payload.create({ ...as, data: targets[collection]!.createData() })
      return { ok: true, id: doc.id }
    }
    if (operation === 'read') {
      const found = await payload.find({ ...as, where: { id: { equals: id } } })
      return { ok: found.docs.length === 1 }
    }
    if (operation === 'update') {
      const doc = await payload.update({ ...as, id: id!, data: targets[collection]!.edit })
      return { ok: Boolean(doc?.id) }
    }
    await payload.delete({ ...as, id: id! })
    return { ok: true }
  } catch {
    return { ok: false }
  }
}

/** ... and through Payload's REST handlers with the user's JWT, as the Next route serves them. */
async function viaRest(
  actor: Actor,
  collection: string,
  operation: Operation,
  id?: number | string,
): Promise<Attempt> {
  const token = tokens[actor]
  const base = `/api/${collection}`
  if (operation === 'create') {
    const response = await rest(cms.config, 'POST', base, { token, body: targets[collection]!.createData() })
    const doc = response.body.doc as { id?: number } | undefined
    return { ok: response.status === 201, id: doc?.id }
  }
  if (operation === 'read') {
    const response = await rest(cms.config, 'GET', `${base}?where[id][equals]=${id}&depth=0`, { token })
    return { ok: response.status === 200 && (response.body.docs as unknown[]).length === 1 }
  }
  if (operation === 'update') {
    const response = await rest(cms.config, 'PATCH', `${base}/${id}`, {
      token,
      body: targets[collection]!.edit,
    })
    return { ok: response.status === 200 }
  }
  const response = await rest(cms.config, 'DELETE', `${base}/${id}`, { token })
  return { ok: response.status === 200 }
}

async function stored(collection: string, id: number | string) {
  const { docs } = await payload.find({ collection, where: { id: { equals: id } }, depth: 0 })
  return docs[0] as Record<string, unknown> | undefined
}

for (const [api, attempt] of [
  ['local API', viaLocal],
  ['REST API', viaRest],
] as const) {
  describe(`access through the ${api}`, () => {
    for (const collection of Object.keys(expected)) {
      for (const actor of actors) {
        for (const operation of operations) {
          const may = allowed(collection, actor, operation)
          it(`${actor} ${may ? 'may' : 'may not'} ${operation} ${collection}`, async () => {
            const target = operation === 'create' ? undefined : await targets[collection]!.fresh()
            const before = target && (await stored(collection, target.id))
            const result = await attempt(actor, collection, operation, target?.id)
            expect(result.ok).toBe(may)

            if (operation === 'create' && !may) {
              expect(result.id).toBeUndefined()
            }
            if (operation === 'update' && target) {
              const after = await stored(collection, target.id)
              const { field, edit } = targets[collection]!
              expect(after?.[field]).toEqual(may ? edit[field] : before?.[field])
            }
            if (operation === 'delete' && target) {
              expect(Boolean(await stored(collection, target.id))).toBe(!may)
            }
          })
        }
      }
    }
  })
}

describe('municipal staff and other tenants', () => {
  const entry = (tenant: number | string, title: string) => ({
    title,
    body: '予約制です。',
    kind: 'event',
    window: { unit: 'child-month', from: 3, to: 4 },
    tenant,
  })

  it('lets a town’s privacy officer, nurse or desk read their own town and no other (every admin page asks)', async () => {
    for (const role of ['privacy-officer', 'nurse', 'desk']) {
      const email = `${role}.only@example.jp`
      await payload.create({
        collection: 'users',
        data: { email, password, name: role, roles: [role], tenants: [{ tenant: world.tenantA.id }] },
      })
      const towns = await rest(cms.config, 'GET', '/api/tenants?limit=50&depth=0', {
        token: await login(cms.config, email),
      })
      expect(towns.status, role).toBe(200)
      const ids = (towns.body as { docs: { id: unknown }[] }).docs.map((d) => d.id)
      expect(ids, role).toEqual([world.tenantA.id])
    }
  })

  it('hides another tenant’s local support entries from staff, locally and over REST', async () => {
    const theirs = await payload.create({
      collection: 'local-support',
      data: entry(world.tenantB.id, '世田谷の両親学級'),
    })
    const mine = await payload.create({
      collection: 'local-support',
      data: entry(world.tenantA.id, '港区の両親学級'),
    })

    const local = await payload.find({
      collection: 'local-support',
      overrideAccess: false,
      user: world.users.staffA,
      limit: 100,
    })
    const ids = local.docs.map((d) => d.id)
    expect(ids).toContain(mine.id)
    expect(ids).not.toContain(theirs.id)

    const response = await rest(cms.config, 'GET', `/api/local-support/${theirs.id}`, {
      token: tokens.staffA,
    })
    expect(response.status).toBe(404)
  })

  it('refuses staff changing or deleting another tenant’s entry, and nothing changes', async () => {
    const theirs = await payload.create({
      collection: 'local-support',
      data: entry(world.tenantB.id, '世田谷の相談会'),
    })

    await expect(
      payload.update({
        collection: 'local-support',
        id: theirs.id,
        data: { title: '乗っ取り' },
        overrideAccess: false,
        user: world.users.staffA,
      }),
    ).rejects.toThrow()
    const patched = await rest(cms.config, 'PATCH', `/api/local-support/${theirs.id}`, {
      token: tokens.staffA,
      body: { title: '乗っ取り' },
    })
    expect(patched.status).toBeGreaterThanOrEqual(400)
    const bulk = await rest(cms.config, 'PATCH', `/api/local-support?where[id][equals]=${theirs.id}`, {
      token: tokens.staffA,
      body: { title: '乗っ取り' },
    })
    expect((bulk.body.docs as unknown[] | undefined) ?? []).toHaveLength(0)
    const deleted = await rest(cms.config, 'DELETE', `/api/local-support/${theirs.id}`, {
      token: tokens.staffA,
    })
    expect(deleted.status).toBeGreaterThanOrEqual(400)

    const after = await payload.findByID({ collection: 'local-support', id: theirs.id })
    expect(after.title).toBe('世田谷の相談会')
  })

  it('refuses staff creating an entry for another tenant, or moving theirs there', async () => {
    const created = await rest(cms.config, 'POST', '/api/local-support', {
      token: tokens.staffA,
      body: entry(world.tenantB.id, '越境'),
    })
    expect(created.status).toBeGreaterThanOrEqual(400)
    const count = await payload.count({ collection: 'local-support', where: { title: { equals: '越境' } } })
    expect(count.totalDocs).toBe(0)

    const mine = await payload.create({
      collection: 'local-support',
      data: entry(world.tenantA.id, '港区の講座'),
    })
    const moved = await rest(cms.config, 'PATCH', `/api/local-support/${mine.id}`, {
      token: tokens.staffA,
      body: { tenant: world.tenantB.id },
    })
    expect(moved.status).toBeGreaterThanOrEqual(400)
    const after = await payload.findByID({ collection: 'local-support', id: mine.id, depth: 0 })
    expect(after.tenant).toBe(world.tenantA.id)
  })

  it('lets staff change only their own tenant’s settings and surveys', async () => {
    const own = await rest(cms.config, 'PATCH', `/api/tenants/${world.tenantA.id}`, {
      token: tokens.staffA,
      body: { sendTime: '08:30' },
    })
    expect(own.status).toBe(200)
    const other = await rest(cms.config, 'PATCH', `/api/tenants/${world.tenantB.id}`, {
      token: tokens.staffA,
      body: { sendTime: '05:00' },
    })
    expect(other.status).toBeGreaterThanOrEqual(400)
    expect((await payload.findByID({ collection: 'tenants', id: world.tenantB.id })).sendTime).toBe('09:00')

    const survey = (tenant: number | string) => ({
      title: '産後のアンケート',
      tenant,
      questions: [{ label: '面談を希望しますか', kind: 'interview-request' }],
      triggers: [{ window: { unit: 'child-month', from: 1, to: 1 } }],
    })
    expect(
      (
        await rest(cms.config, 'POST', '/api/surveys', {
          token: tokens.staffA,
          body: survey(world.tenantA.id),
        })
      ).status,
    ).toBe(201)
    expect(
      (
        await rest(cms.config, 'POST', '/api/surveys', {
          token: tokens.staffA,
          body: survey(world.tenantB.id),
        })
      ).status,
    ).toBe(403)
  })

  it('never lets a user give themselves a role or a tenant', async () => {
    const response = await rest(cms.config, 'PATCH', `/api/users/${world.users.staffA.id}`, {
      token: tokens.staffA,
      body: { roles: ['admin'], tenants: [{ tenant: world.tenantB.id }], name: '港区 職員' },
    })
    expect(response.status).toBe(200)
    const after = await payload.findByID({ collection: 'users', id: world.users.staffA.id, depth: 0 })
    expect(after.roles).toEqual(['municipal-staff'])
    expect((after.tenants as { tenant: unknown }[]).map((t) => t.tenant)).not.toContain(world.tenantB.id)
    expect(after.name).toBe('港区 職員')
  })
})
