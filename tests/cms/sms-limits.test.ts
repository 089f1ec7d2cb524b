import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildScope } from '../../cms/publish/build'
import { defaultContentSlugs } from '../../cms/publish/content'
import type { PublishSetup } from '../../cms/publish/types'
import type { TenantPart } from '../../shared/contract'
import { standardProgram } from '../../shared/program'
import { type Cms, startCms } from './support/cms'
import { createWorld, type Person, type World } from './support/people'
import { makePublishable } from './support/publishable-tenant'
import { login, type RestResponse, rest } from './support/rest'

// A town's SMS limits (issue 14, SMS pumping): which countries' mobiles may register by SMS and
// how many texts the town pays for an hour and a day. Set in the town's settings, carried by
// publishing into the tenant part the edge enforces. Staff may lower the caps (the town's money);
// raising them or adding countries is an administrator's (a phished staff account must not open
// the town's SMS bill).

let cms: Cms
let payload: Payload
let world: World
let setup: PublishSetup
const tokens: Partial<Record<Person, string>> = {}

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  world = await createWorld(payload)
  for (const [tenant, slug] of [
    [world.tenantA, 'minato'],
    [world.tenantB, 'setagaya'],
  ] as const) {
    await makePublishable(payload, tenant.id, slug)
    await payload.update({
      collection: 'tenants',
      id: tenant.id,
      overrideAccess: true,
      data: { channels: ['email', 'sms'], senderNames: { email: '子育て応援便', sms: 'Kosodate' } },
    })
  }
  setup = {
    payload,
    edge: { url: 'http://127.0.0.1:1', token: 'unused' },
    slugs: { ...defaultContentSlugs, publications: 'publications' },
    programs: { standard: standardProgram },
  }
  for (const who of ['admin', 'staffA'] as const)
    tokens[who] = await login(cms.config, world.users[who].email)
})
afterAll(() => cms?.stop())

const tenantA = () => world.tenantA.id

/** A save of the town's settings over REST, as the admin form sends it. */
const save = (who: Person, data: Record<string, unknown>, id = tenantA()) =>
  rest(cms.config, 'PATCH', `/api/tenants/${id}`, { token: tokens[who], body: data })

/** The SMS settings of the tenant part publishing would send now. */
async function publishedSms(id = tenantA()) {
  const built = await buildScope(setup, { kind: 'tenant', tenantId: id })
  if ('missing' in built) throw new Error(built.missing)
  expect(built.problems).toEqual([])
  return (built.part as TenantPart).tenant.channels.sms
}

/** The field errors of a refused save, as the admin shows them beside each field. */
function fieldErrors(response: RestResponse) {
  expect(response.status).toBe(400)
  return (response.body.errors ?? [])
    .flatMap((e) => (e.data as { errors?: { path: string; message: string }[] })?.errors ?? [])
    .map(({ path, message }) => ({ path, message }))
}

const stored = async (id = tenantA()) =>
  (await payload.findByID({ collection: 'tenants', id, overrideAccess: true })) as unknown as {
    smsLimits?: { countries?: string[] | null; capPerHour?: number | null; capPerDay?: number | null }
  }

describe("a town's SMS limits", () => {
  it('publish nothing when unset: the edge applies Japan only, 100 an hour and 500 a day', async () => {
    expect(await publishedSms()).toEqual({ senderName: 'Kosodate' })
  })

  it('an administrator adds countries and raises the caps; the published tenant part carries them', async () => {
    const response = await save('admin', {
      smsLimits: { countries: ['JP', 'gb '], capPerHour: 300, capPerDay: 2000 },
    })
    expect(response.status).toBe(200)
    expect(await publishedSms()).toEqual({
      senderName: 'Kosodate',
      countries: ['JP', 'GB'],
      capPerHour: 300,
      capPerDay: 2000,
    })
  })

  it('town staff lower the caps of their own town; publishing carries them', async () => {
    const response = await save('staffA', { smsLimits: { capPerHour: 20, capPerDay: 80 } })
    expect(response.status).toBe(200)
    expect(await publishedSms()).toMatchObject({ capPerHour: 20, capPerDay: 80, countries: ['JP', 'GB'] })
  })

  it('town staff saving other settings keep the limits an administrator set', async () => {
    await save('admin', { smsLimits: { capPerHour: 300, capPerDay: 2000 } })
    const response = await save('staffA', {
      desk: { hours: '平日 9:00〜17:00' },
      smsLimits: { countries: ['JP', 'GB'], capPerHour: 300, capPerDay: 2000 },
    })
    expect(response.status).toBe(200)
    expect(await publishedSms()).toMatchObject({ capPerHour: 300, capPerDay: 2000 })
  })

  it('refuses town staff raising a cap above the default or changing the countries, in both languages, saving nothing', async () => {
    await save('admin', { smsLimits: { countries: ['JP'], capPerHour: 50, capPerDay: 200 } })
    const before = await stored()
    const raised = fieldErrors(
      await save('staffA', { nameEn: 'Changed', smsLimits: { capPerHour: 101, capPerDay: 501 } }),
    )
    expect(raised).toEqual([
      {
        path: 'smsLimits.capPerHour',
        message: expect.stringMatching(/^.*管理者.*100.* \/ .*administrator.*100/),
      },
      {
        path: 'smsLimits.capPerDay',
        message: expect.stringMatching(/^.*管理者.*500.* \/ .*administrator.*500/),
      },
    ])
    const countries = fieldErrors(await save('staffA', { smsLimits: { countries: ['JP', 'US'] } }))
    expect(countries).toEqual([
      {
        path: 'smsLimits.countries',
        message: expect.stringMatching(/^.*管理者.* \/ .*administrator/),
      },
    ])
    expect(await stored()).toEqual(before)
  })

  it.each([
    [{ capPerHour: 0 }, 'smsLimits.capPerHour', /1以上.* \/ .*at least 1/],
    [{ capPerHour: 2.5 }, 'smsLimits.capPerHour', /整数.* \/ .*whole number/],
    [{ capPerHour: 1001 }, 'smsLimits.capPerHour', /1000以下.* \/ .*at most 1000/],
    [{ capPerDay: 5001 }, 'smsLimits.capPerDay', /5000以下.* \/ .*at most 5000/],
    [{ capPerHour: 400, capPerDay: 300 }, 'smsLimits.capPerDay', /1時間.* \/ .*hour/],
    [{ countries: ['GB'] }, 'smsLimits.countries', /日本（JP）.* \/ .*Japan \(JP\)/],
    [{ countries: ['JP', 'XX'] }, 'smsLimits.countries', /XX.*国コード.* \/ .*XX.*country code/],
    [{ countries: ['JP', '+44'] }, 'smsLimits.countries', /\+44.*国コード.* \/ .*\+44.*country code/],
  ])(
    'refuses %o from an administrator with a bilingual error, saving nothing',
    async (limits, path, message) => {
      const before = await stored()
      const errors = fieldErrors(await save('admin', { nameEn: 'Changed', smsLimits: limits }))
      expect(errors).toEqual([{ path, message: expect.stringMatching(message) }])
      expect(await stored()).toEqual(before)
    },
  )

  it('staff cannot touch another town’s limits', async () => {
    const response = await save('staffA', { smsLimits: { capPerHour: 10 } }, world.tenantB.id)
    expect([403, 404]).toContain(response.status)
    expect((await stored(world.tenantB.id)).smsLimits?.capPerHour ?? null).toBeNull()
  })
})
