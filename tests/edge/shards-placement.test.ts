import { env } from 'cloudflare:workers'
import type { D1Database } from '@cloudflare/workers-types'
import { beforeAll, describe, expect, it } from 'vitest'
import { storeTenantSecret } from '../../edge/channels/secrets'
import { tableHome } from '../../edge/shards/tables'
import { fixtureSnapshot } from '../../shared/contract/fixture'
import { publish } from './support/ingest-client'
import { lineUserId, signedWebhook, textEvent } from './support/line-webhook'
import { dateFromToday, validRegistration } from './support/resident-http'
import {
  bareToken,
  form,
  linkTo,
  registerByEmail as registerEmail,
  request,
  secretsKey,
} from './support/shard-pages'
import { rowCount, tablesOf, townsIn } from './support/shard-rows'
import { shardNumberOf } from './support/shards'

// Each town's residents live in its own shard and nowhere else: residents registered through the
// pages of a town on shard 1 (sakura-city, email) and of one on shard 2 (minato-town, LINE).

const registerByEmail = async () => (await registerEmail()).address

/** Registers by LINE in minato-town and links the LINE user with the code the page shows. */
async function registerByLine(): Promise<void> {
  const registered = await form(
    '/t/minato-town',
    validRegistration({ channel: 'line', address: '', noticeVersion: 'v1', date: dateFromToday(90) }),
  )
  expect(registered.status).toBe(303)
  const code = (await (await request(registered.headers.get('location')!)).text()).match(/>(\d{8})</)?.[1]
  const { body, headers } = await signedWebhook('minato-channel-secret', [textEvent(lineUserId(), code!)])
  expect((await request('/webhooks/line/minato-town', { method: 'POST', body, headers })).status).toBe(200)
}

beforeAll(async () => {
  expect((await publish(await fixtureSnapshot())).status).toBe(201)
  const now = new Date()
  for (const [name, value] of [
    ['line.channelSecret', 'minato-channel-secret'],
    ['line.channelAccessToken', 'minato-access-token'],
  ] as const)
    await storeTenantSecret(env.DB, secretsKey, { tenant: 'minato-town', name, value, now })
})

describe('each town in its own shard', () => {
  it('keeps every resident row of a town in its shard, and nothing of main in shard 2', async () => {
    expect([await shardNumberOf('sakura-city'), await shardNumberOf('minato-town')]).toEqual([1, 2])
    const sakura = await registerByEmail()
    await registerByEmail()
    await registerByLine()
    await registerByLine()
    // A resident stops, so the stop path writes too.
    expect((await form(await linkTo('sakura-city', sakura, '/s/'), {})).status).toBe(200)

    const shards: [number, D1Database, string][] = [
      [1, env.DB, 'sakura-city'],
      [2, env.SHARD_2!, 'minato-town'],
    ]
    for (const [shard, db, town] of shards) {
      const subscribers = await townsIn(db, 'subscribers')
      expect(subscribers.get(town), `residents of ${town} in shard ${shard}`).toBeGreaterThanOrEqual(2)
      for (const table of await tablesOf(db)) {
        if (tableHome[table as keyof typeof tableHome] !== 'shard') continue
        const others = [...(await townsIn(db, table)).keys()].filter((t) => t !== town)
        expect(others, `other towns' rows in ${table} of shard ${shard}`).toEqual([])
      }
    }
    for (const table of Object.keys(tableHome).filter(
      (t) => tableHome[t as keyof typeof tableHome] === 'main',
    ))
      expect(await rowCount(env.SHARD_2!, table), `${table} in shard 2`).toBe(0)
  })

  it('stops a shard-1 resident by an old link without a prefix (a bare 22-character token)', async () => {
    const address = await registerByEmail()
    const bare = bareToken(await linkTo('sakura-city', address, '/s/'))
    expect(bare).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect((await request(`/s/${bare}`)).status).toBe(200)
    expect((await form(`/s/${bare}`, {})).status).toBe(200)
    const row = await env.DB.prepare(
      "SELECT state FROM subscribers WHERE address = ?1 AND tenant_slug = 'sakura-city'",
    )
      .bind(address)
      .first<string>('state')
    expect(row).toBe('stopped')
  })
})
