import { env } from 'cloudflare:workers'
import type { D1Database } from '@cloudflare/workers-types'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { app } from '../../edge/app'
import { storeTenantSecret } from '../../edge/channels/secrets'
import { codeLimits } from '../../edge/verification/code-limits'
import { clientIp, hashIp } from '../../edge/web/ip-hash'
import { followEvent, lineUserId, signedWebhook, textEvent } from './support/line-webhook'
import { hinokiCapPerHour, hinokiDesk, minatoFields, publishOnTwoShards } from './support/minato'
import {
  get,
  linkInOutbox,
  post,
  registeredResident,
  subscriberByAddress,
  validRegistration,
} from './support/resident-http'
import { shardNumberOf, shardOf } from './support/shards'
import {
  freshIp,
  freshMobile,
  latestCode,
  outboxFor,
  registerBySms,
  verificationOf,
} from './support/verification'

// Minato's residents live in shard 2, Sakura's in shard 1 (the main database): registering, proving
// an address and the counters that limit both happen in the town's own shard, and every link sent
// names it.

let minato: D1Database
let main: D1Database

beforeAll(async () => {
  await publishOnTwoShards()
  minato = await shardOf('minato-town')
  main = env.DB
})

const count = async (db: D1Database, sql: string, ...params: unknown[]) =>
  (await db
    .prepare(sql)
    .bind(...params)
    .first<{ n: number }>())!.n

/** The rows about one subscriber, table by table, in a database. */
async function rowsOf(db: D1Database, subscriberId: string) {
  const of = (table: string) =>
    count(db, `SELECT COUNT(*) AS n FROM ${table} WHERE subscriber_id = ?1`, subscriberId)
  return {
    subscribers: await count(db, 'SELECT COUNT(*) AS n FROM subscribers WHERE id = ?1', subscriberId),
    timelines: await count(
      db,
      'SELECT COUNT(*) AS n FROM timelines WHERE id IN (SELECT timeline_id FROM timeline_members WHERE subscriber_id = ?1)',
      subscriberId,
    ),
    consents: await of('consents'),
    access_tokens: await of('access_tokens'),
    verifications: await of('verifications'),
    deliveries: await of('deliveries'),
  }
}

const nothing = {
  subscribers: 0,
  timelines: 0,
  consents: 0,
  access_tokens: 0,
  verifications: 0,
  deliveries: 0,
}

it('the fixture published through the ingest API puts Sakura on shard 1 and Minato and Hinoki on shard 2', async () => {
  expect(await shardNumberOf('sakura-city')).toBe(1)
  expect(await shardNumberOf('minato-town')).toBe(2)
  expect(await shardNumberOf('hinoki-town')).toBe(2)
})

describe('registering by email in a town on shard 2', () => {
  it('confirms through the emailed link, which names shard 2; every row is in shard 2, none in main', async () => {
    const fields = validRegistration(minatoFields())
    const registered = await post('/t/minato-town', fields, { ip: freshIp() })
    expect(registered.status).toBe(303)
    expect(registered.headers.get('location')).toBe('/t/minato-town/sent')

    const link = await linkInOutbox(fields.address!, '/c/')
    expect(link).toMatch(/^\/c\/2[A-Za-z0-9_-]{22}$/)
    const stop = await linkInOutbox(fields.address!, '/s/')
    expect(stop).toMatch(/^\/s\/2[A-Za-z0-9_-]{22}$/)
    // The same token without its prefix is a link from before shards: it is looked up in shard 1.
    expect((await get(`/c/${link.slice(4)}`)).status).toBe(404)

    expect(await (await get(link)).text()).toContain(`action="${link}"`)
    const confirmed = await post(link, {})
    expect(confirmed.status).toBe(303)
    const manage = confirmed.headers.get('location')!
    expect(manage).toMatch(/^\/r\/2[A-Za-z0-9_-]{22}\?done=confirmed$/)
    expect((await get(manage)).status).toBe(200)

    const subscriber = await subscriberByAddress(fields.address!)
    expect(subscriber).toMatchObject({ state: 'active' })
    expect(await rowsOf(minato, subscriber!.id)).toMatchObject({
      subscribers: 1,
      timelines: 1,
      consents: 1,
      deliveries: 1,
    })
    expect((await rowsOf(minato, subscriber!.id)).access_tokens).toBeGreaterThanOrEqual(3)
    expect(await rowsOf(main, subscriber!.id)).toEqual(nothing)
    expect(await count(main, "SELECT COUNT(*) AS n FROM subscribers WHERE tenant_slug = 'minato-town'")).toBe(
      0,
    )
  })

  it('an address already receiving there: its owner is sent their manage link, naming shard 2', async () => {
    const { address, manage } = await registeredResident(minatoFields(), 'minato-town')
    expect(manage).toMatch(/^\/r\/2/)
    const again = await post('/t/minato-town', validRegistration(minatoFields({ address })), {
      ip: freshIp(),
    })
    expect(again.status).toBe(303)
    const notice = (await outboxFor(address)).at(-1)!
    expect(notice.subject).toContain('ご登録について')
    expect(notice.text).toContain(`http://edge.test${manage}`)
  })
})

describe('a Sakura link sent before shards (no prefix) still works in shard 1', () => {
  it('confirms by /c/{token}', async () => {
    const fields = validRegistration()
    expect((await post('/t/sakura-city', fields, { ip: freshIp() })).status).toBe(303)
    const link = await linkInOutbox(fields.address!, '/c/')
    expect(link).toMatch(/^\/c\/1[A-Za-z0-9_-]{22}$/)
    const old = `/c/${link.slice(4)}`
    expect(await (await get(old)).text()).toContain(`action="${old}"`)
    const confirmed = await post(old, {})
    expect(confirmed.status).toBe(303)
    expect(confirmed.headers.get('location')).toMatch(/^\/r\/1[A-Za-z0-9_-]{22}\?done=confirmed$/)
    expect(await subscriberByAddress(fields.address!)).toMatchObject({ state: 'active' })
  })

  it('proves a number at /v/{handle}', async () => {
    const { codePage, mobile } = await registerBySms()
    expect(codePage).toMatch(/^\/v\/1[A-Za-z0-9_-]{22}$/)
    const old = `/v/${codePage.slice(4)}`
    expect(await (await get(old)).text()).toContain(`action="${old}"`)
    const done = await post(old, { code: await latestCode(mobile.e164) })
    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toMatch(/^\/r\/1[A-Za-z0-9_-]{22}\?done=confirmed$/)
    expect(await subscriberByAddress(mobile.e164)).toMatchObject({ state: 'active' })
  })
})

describe('registering by SMS code in a town on shard 2', () => {
  it('the code page names shard 2, the right code activates, the proof is kept in shard 2 only', async () => {
    const { response, codePage, mobile } = await registerBySms({
      tenant: 'minato-town',
      fields: minatoFields(),
    })
    expect(response.status).toBe(303)
    expect(codePage).toMatch(/^\/v\/2[A-Za-z0-9_-]{22}$/)
    const v = await verificationOf(codePage)
    expect(v).toMatchObject({ purpose: 'register', sends: 1 })
    expect(await count(main, 'SELECT COUNT(*) AS n FROM verifications WHERE id = ?1', v!.id)).toBe(0)

    const wrong = await post(codePage, {
      code: '000000' === (await latestCode(mobile.e164)) ? '111111' : '000000',
    })
    expect(wrong.status).toBe(422)
    expect(await wrong.text()).toContain(`action="${codePage}"`)
    const done = await post(codePage, { code: await latestCode(mobile.e164) })
    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toMatch(/^\/r\/2[A-Za-z0-9_-]{22}\?done=confirmed$/)

    const subscriber = await subscriberByAddress(mobile.e164)
    expect(subscriber).toMatchObject({ state: 'active' })
    expect(await rowsOf(minato, subscriber!.id)).toMatchObject({
      subscribers: 1,
      consents: 1,
      verifications: 1,
    })
    expect(await rowsOf(main, subscriber!.id)).toEqual(nothing)
  })

  it('counts codes sent and registration attempts in shard 2: the sixth code to one number is refused', async () => {
    const mobile = freshMobile()
    const ip = freshIp()
    for (let i = 0; i < codeLimits.sendsPerAddress; i++) {
      const { response } = await registerBySms({ mobile, ip, tenant: 'minato-town', fields: minatoFields() })
      expect(response.status).toBe(303)
    }
    const refused = await registerBySms({ mobile, ip, tenant: 'minato-town', fields: minatoFields() })
    expect(refused.response.status).toBe(429)
    const ipHash = await hashIp(clientIp(new Headers({ 'cf-connecting-ip': ip })), env.IP_HASH_SALT)
    const sends =
      "SELECT COALESCE(SUM(count), 0) AS n FROM rate_counters WHERE scope = 'code-send-ip' AND key_hash = ?1"
    expect(await count(minato, sends, ipHash)).toBe(codeLimits.sendsPerAddress + 1)
    expect(await count(main, sends, ipHash)).toBe(0)
    const attempts = 'SELECT COALESCE(SUM(count), 0) AS n FROM registration_attempts WHERE ip_hash = ?1'
    expect(await count(minato, attempts, ipHash)).toBe(codeLimits.sendsPerAddress + 1)
    expect(await count(main, attempts, ipHash)).toBe(0)
  })
})

describe("a town's SMS cap, counted in its shard", () => {
  it('pauses SMS sign-up in Hinoki (shard 2) past its cap and alerts its desk; the counters are in shard 2', async () => {
    const hinoki = await shardOf('hinoki-town')
    for (let i = 0; i < hinokiCapPerHour; i++) {
      const { response } = await registerBySms({ tenant: 'hinoki-town' })
      expect(response.status).toBe(303)
      expect(response.headers.get('location')).toMatch(/^\/v\/2/)
    }
    const refused = await registerBySms({ tenant: 'hinoki-town' })
    expect(refused.response.status).toBe(429)
    expect(await refused.response.text()).toContain('SMSでの受付')
    expect(await outboxFor(refused.mobile.e164)).toHaveLength(0)
    expect(await outboxFor(hinokiDesk)).toHaveLength(1)

    const texts =
      "SELECT COALESCE(SUM(count), 0) AS n FROM rate_counters WHERE scope = 'sms-tenant-hour' AND key_hash = 'hinoki-town'"
    const hits =
      "SELECT COALESCE(SUM(count), 0) AS n FROM rate_counters WHERE scope = 'sms-cap-hit' AND key_hash = 'hinoki-town'"
    expect(await count(hinoki, texts)).toBe(hinokiCapPerHour)
    expect(await count(hinoki, hits)).toBe(1)
    expect(await count(main, texts)).toBe(0)
    expect(await count(main, hits)).toBe(0)
    // Sakura, on the other shard, still texts.
    expect((await registerBySms()).response.status).toBe(303)
  })
})

describe('changing the address of a resident on shard 2', () => {
  it('email → SMS: the code page names shard 2, the change waits in shard 2 and takes effect with the code', async () => {
    const { address, manage } = await registeredResident(minatoFields(), 'minato-town')
    expect(manage).toMatch(/^\/r\/2[A-Za-z0-9_-]{22}$/)
    const page = await (await get(`${manage}/address`)).text()
    expect(page).toContain(`action="${manage}/address"`)

    const mobile = freshMobile()
    const asked = await post(
      `${manage}/address`,
      { channel: 'sms', address: mobile.typed },
      { ip: freshIp() },
    )
    expect(asked.status).toBe(303)
    const codePage = asked.headers.get('location')!
    expect(codePage).toMatch(/^\/v\/2[A-Za-z0-9_-]{22}$/)
    expect(await (await get(`${manage}/address`)).text()).toContain('確認を待っています')
    const v = await verificationOf(codePage)
    expect(v).toMatchObject({ purpose: 'change' })
    expect(await count(main, 'SELECT COUNT(*) AS n FROM verifications WHERE id = ?1', v!.id)).toBe(0)

    const done = await post(codePage, { code: await latestCode(mobile.e164) })
    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toBe(`${manage}/address?done=changed`)
    expect(await subscriberByAddress(address)).toBeNull()
    const moved = await subscriberByAddress(mobile.e164)
    expect(moved).toMatchObject({ state: 'active' })
    expect(
      await count(
        minato,
        "SELECT COUNT(*) AS n FROM subscribers WHERE id = ?1 AND channel = 'sms'",
        moved!.id,
      ),
    ).toBe(1)
    expect(await count(main, 'SELECT COUNT(*) AS n FROM subscribers WHERE id = ?1', moved!.id)).toBe(0)
  })

  it('email → another email: the link sent to the new address names shard 2', async () => {
    const { manage } = await registeredResident(minatoFields(), 'minato-town')
    const next = `next-${crypto.randomUUID().slice(0, 8)}@example.jp`
    const asked = await post(`${manage}/address`, { channel: 'email', address: next }, { ip: freshIp() })
    expect(asked.status).toBe(200)
    const link = (await outboxFor(next))[0]!.text.match(/http:\/\/edge\.test(\/v\/[0-9A-Za-z_-]+)/)![1]!
    expect(link).toMatch(/^\/v\/2[A-Za-z0-9_-]{22}$/)
    expect(await (await get(link)).text()).toContain(`action="${link}"`)
    const done = await post(link, {})
    expect(done.headers.get('location')).toBe(`${manage}/address?done=changed`)
    expect(await subscriberByAddress(next)).toMatchObject({ state: 'active' })
  })
})

describe('LINE linking in a town on shard 2', () => {
  const fake = inject('fakeLineUrl')
  const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
  const channelSecret = 'minato-channel-secret'
  const withLine = { ...env, TENANT_SECRETS_KEY: secretsKey, LINE_API_BASE_URL: fake }
  const request = (path: string, init: RequestInit = {}) =>
    app.request(`http://edge.test${path}`, { redirect: 'manual', ...init }, withLine)

  async function deliver(events: { replyToken: string }[]) {
    const { body, headers } = await signedWebhook(channelSecret, events)
    await request('/webhooks/line/minato-town', { method: 'POST', body, headers })
    const stats = (await (await fetch(`${fake}/__fake/stats`, { method: 'POST', body: 'null' })).json()) as {
      replies: { replyToken: string; texts: string[] }[]
    }
    const tokens = new Set(events.map((e) => e.replyToken))
    return stats.replies.filter((r) => tokens.has(r.replyToken)).flatMap((r) => r.texts)
  }

  it('links the LINE user who sends the code, in shard 2, and replies with a manage link naming shard 2', async () => {
    for (const [name, value] of [
      ['line.channelSecret', channelSecret],
      ['line.channelAccessToken', 'minato-access-token'],
    ] as const)
      await storeTenantSecret(env.DB, secretsKey, { tenant: 'minato-town', name, value, now: new Date() })
    const registered = await request('/t/minato-town', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://edge.test',
        'cf-connecting-ip': freshIp(),
      },
      body: new URLSearchParams(validRegistration(minatoFields({ channel: 'line', address: '' }))),
    })
    const codePage = registered.headers.get('location')!
    expect(codePage).toMatch(/^\/v\/2[A-Za-z0-9_-]{22}$/)
    const code = (await (await request(codePage)).text()).match(/>(\d{8})</)![1]!
    const { subscriberId } = (await verificationOf(codePage))!

    const user = lineUserId()
    expect((await deliver([followEvent(user)]))[0]).toContain('8けたのコード')
    const [reply] = await deliver([textEvent(user, code)])
    expect(reply).toContain('登録が確定しました')
    const manage = reply!.match(/http:\/\/edge\.test(\/r\/[0-9A-Za-z_-]+)/)![1]!
    expect(manage).toMatch(/^\/r\/2[A-Za-z0-9_-]{22}$/)
    expect((await request(manage)).status).toBe(200)
    expect(
      await count(
        minato,
        "SELECT COUNT(*) AS n FROM subscribers WHERE id = ?1 AND state = 'active' AND address = ?2",
        subscriberId,
        user,
      ),
    ).toBe(1)
    expect(await rowsOf(main, subscriberId!)).toEqual(nothing)
  })
})

describe('while a town on shard 2 moves to another shard', () => {
  it('registering and confirming answer "try again in a minute" and write nothing', async () => {
    const waiting = validRegistration(minatoFields())
    expect((await post('/t/minato-town', waiting, { ip: freshIp() })).status).toBe(303)
    const link = await linkInOutbox(waiting.address!, '/c/')
    await main.prepare("UPDATE tenant_shards SET moving_to = 1 WHERE tenant_slug = 'minato-town'").run()
    try {
      const fields = validRegistration(minatoFields())
      const refused = await post('/t/minato-town', fields, { ip: freshIp() })
      expect(refused.status).toBe(503)
      expect(refused.headers.get('retry-after')).toBe('60')
      expect(await refused.text()).toContain('1分ほどしてから')
      expect(await subscriberByAddress(fields.address!)).toBeNull()

      expect((await post(link, {})).status).toBe(503)
      expect(await subscriberByAddress(waiting.address!)).toMatchObject({ state: 'pending' })
    } finally {
      await main.prepare("UPDATE tenant_shards SET moving_to = NULL WHERE tenant_slug = 'minato-town'").run()
    }
    expect((await post(link, {})).status).toBe(303)
    expect(await subscriberByAddress(waiting.address!)).toMatchObject({ state: 'active' })
  })
})
