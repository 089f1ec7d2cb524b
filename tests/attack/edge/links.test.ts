import { beforeAll, describe, expect } from 'vitest'
import { get } from '../../edge/support/resident-http'
import { attack } from '../support/attempts'
import { pageOf, publishTowns, type Victim, victim } from './support/towns'

// Every resident link route, opened with a token it was never given: another town's, another
// route's, or one made up. Each answers 404 with the dead-link page and shows no one.

/** Every GET route that opens a resident link, for one path segment. */
const linkRoutes = (segment: string) => [
  `/r/${segment}`,
  `/r/${segment}/consult`,
  `/r/${segment}/address`,
  `/r/${segment}/delete`,
  `/r/${segment}/loss`,
  `/r/${segment}/move`,
  `/s/${segment}`,
  `/m/${segment}`,
  `/q/${segment}`,
  `/i/${segment}`,
  `/v/${segment}`,
  `/c/${segment}`,
  `/u/${segment}`,
  `/d/${segment}`,
]

/** A token as the Worker makes them: 16 random bytes, base64url, 22 characters. */
const randomToken = () =>
  btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')

const segmentOf = (path: string) => path.split('/')[2]!
/**
 * The same token under another shard's prefix. The token is the last 22 characters: it may itself
 * begin with a digit, which stripping leading digits would eat (and leave a bare 22-character
 * link, which is the resident's own in shard 1).
 */
const underShard = (segment: string, shard: number) => `${shard}${segment.slice(-22)}`

let sakuraResident: Victim
let minatoResident: Victim

beforeAll(async () => {
  await publishTowns('attack-links-0001')
  sakuraResident = await victim('sakura-city', { nickname: 'さくらのひと' })
  minatoResident = await victim('minato-town', { nickname: 'みなとのひと' })
})

async function refusedWithNoOne(path: string, nicknames: string[]) {
  const response = await get(path)
  const page = await response.text()
  expect(response.status, path).toBe(404)
  for (const nickname of nicknames) expect(page, path).not.toContain(nickname)
}

describe('cross-tenant reads', () => {
  attack('cross-tenant read', "a town's links under the other town's shard prefix", async (attempts) => {
    const nicknames = [sakuraResident.nickname, minatoResident.nickname]
    for (const [resident, other] of [
      [sakuraResident, 2],
      [minatoResident, 1],
    ] as const) {
      for (const link of [resident.manage, resident.stop, resident.confirm]) {
        for (const path of linkRoutes(underShard(segmentOf(link), other)))
          await attempts.refused(() => refusedWithNoOne(path, nicknames))
      }
    }
    expect(await pageOf(sakuraResident.manage)).toContain(sakuraResident.nickname)
    expect(await pageOf(minatoResident.manage)).toContain(minatoResident.nickname)
  })

  attack('cross-tenant read', "one route's token on every other route", async (attempts) => {
    const nicknames = [sakuraResident.nickname, minatoResident.nickname]
    for (const resident of [sakuraResident, minatoResident]) {
      const manage = segmentOf(resident.manage)
      for (const path of linkRoutes(manage).filter((p) => !p.startsWith('/r/')))
        await attempts.refused(() => refusedWithNoOne(path, nicknames))
      const stop = segmentOf(resident.stop)
      for (const path of linkRoutes(stop).filter((p) => !p.startsWith('/s/')))
        await attempts.refused(() => refusedWithNoOne(path, nicknames))
    }
    expect(await pageOf(minatoResident.manage)).toContain(minatoResident.nickname)
  })
})

describe('token guessing', () => {
  // Bare (a link sent before shards: shard 1), under each bound shard, and under one not bound.
  const prefixes = ['', '1', '2', '9']
  const perRoute = 48

  attack('token guess', `${perRoute} well-formed random tokens on every link route`, async (attempts) => {
    for (const route of linkRoutes('SEGMENT')) {
      for (let i = 0; i < perRoute; i++) {
        const path = route.replace('SEGMENT', `${prefixes[i % prefixes.length]}${randomToken()}`)
        await attempts.refused(() =>
          refusedWithNoOne(path, [sakuraResident.nickname, minatoResident.nickname]),
        )
      }
    }
    expect(await pageOf(sakuraResident.manage)).toContain(sakuraResident.nickname)
  })
})
