import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect } from 'vitest'
import { familiesPage } from '../../../shared/contract'
import { signAssertion, staffGet } from '../../edge/support/staff'
import { attack } from '../support/attempts'
import { publishTowns, type Victim, victim } from './support/towns'

// A town's staff, with a genuine assertion for their own town, reaching for the other town's
// households and log through every staff route: each refused, nothing shown, nothing logged there.

let minatoResident: Victim
let minatoHousehold: string

/** The log rows of the town, in whichever shard holds it (read only to prove nothing changed). */
const logCount = async (tenant: string) => {
  let n = 0
  for (const db of [env.DB, env.SHARD_2!])
    n +=
      (await db
        .prepare('SELECT COUNT(*) AS n FROM staff_access_log WHERE tenant_slug = ?1')
        .bind(tenant)
        .first<number>('n')) ?? 0
  return n
}

beforeAll(async () => {
  await publishTowns('attack-staff-0001')
  await victim('sakura-city', { nickname: 'さくらのひと' })
  minatoResident = await victim('minato-town', { nickname: 'みなとのひと' })
  const own = await signAssertion({ tenants: ['minato-town'], sub: 'minato-nurse' })
  const page = familiesPage.parse(await (await staffGet('/families?tenant=minato-town', own)).json())
  minatoHousehold = page.families[0]!.household
})

describe("another town's staff", () => {
  attack('cross-tenant read', "さくら市's staff on every staff route for みなと町", async (attempts) => {
    const nurse = await signAssertion({ tenants: ['sakura-city'], sub: 'sakura-nurse' })
    const officer = await signAssertion({
      tenants: ['sakura-city'],
      role: 'privacy-officer',
      sub: 'sakura-po',
    })
    const tries: [string, string, number][] = [
      [nurse, '/families?tenant=minato-town', 403],
      [nurse, '/families?tenant=minato-town&stage=pregnancy', 403],
      [nurse, `/families/${minatoHousehold}?tenant=minato-town`, 403],
      [nurse, `/families/${minatoHousehold}?tenant=sakura-city`, 404],
      [nurse, `/families/${minatoHousehold}/guide?tenant=minato-town`, 403],
      [nurse, `/families/${minatoHousehold}/guide?tenant=sakura-city`, 404],
      [officer, '/access-log?tenant=minato-town', 403],
      [officer, `/families/${minatoHousehold}?tenant=minato-town`, 403],
      [officer, `/families/${minatoHousehold}/guide?tenant=minato-town`, 403],
      [nurse, '/notices?tenant=minato-town', 403],
      [officer, '/access-log/export?tenant=minato-town', 403],
      [officer, `/disclosure?tenant=minato-town&household=${minatoHousehold}`, 403],
      [officer, `/disclosure?tenant=sakura-city&household=${minatoHousehold}`, 404],
    ]
    const logged = await logCount('minato-town')
    for (const [token, path, status] of tries)
      await attempts.refused(async () => {
        const answer = await staffGet(path, token)
        expect(answer.status, path).toBe(status)
        const body = await answer.text()
        expect(body, path).not.toContain(minatoResident.nickname)
        expect(body, path).not.toContain(minatoResident.address)
      })
    expect(await logCount('minato-town')).toBe(logged)
  })
})
