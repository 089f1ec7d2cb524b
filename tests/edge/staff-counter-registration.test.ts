import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { REGISTRATIONS_PER_HOUR } from '../../edge/registration/rate-limit'
import { hashIp } from '../../edge/web/ip-hash'
import { counterRegistrationAnswer } from '../../shared/contract'
import { dateFromToday, get, origin, post, validRegistration } from './support/resident-http'
import { minato, sakura, storeOnTwoShards } from './support/second-shard'
import { shardOf } from './support/shards'
import { accessRows, signAssertion } from './support/staff'

// Registering a resident at the counter (the pregnancy-notification interview): staff type it in,
// the resident confirms — and only then consents — on their own phone.

const counterIp = '198.51.100.20'

function startRegistration(tenant: string, body: unknown, token: string | null) {
  return exports.default.fetch(`${origin}/staff/registrations?tenant=${tenant}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'cf-connecting-ip': counterIp,
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(body),
  })
}

const resident = (overrides: Record<string, string> = {}) => ({
  nickname: 'さくら',
  audience: 'primary',
  language: 'ja',
  channel: 'email',
  address: `counter-${crypto.randomUUID().slice(0, 8)}@example.jp`,
  stage: 'due',
  date: dateFromToday(150),
  ...overrides,
})

const subscriberAt = async (tenant: string, address: string) =>
  (await shardOf(tenant))
    .prepare(
      `SELECT s.id, s.state, (SELECT COUNT(*) FROM consents c WHERE c.subscriber_id = s.id) AS consents
         FROM subscribers s WHERE s.tenant_slug = ?1 AND s.address = ?2`,
    )
    .bind(tenant, address)
    .first<{ id: string; state: string; consents: number }>()

const sentTo = async (tenant: string, address: string) =>
  (
    await (
      await shardOf(tenant)
    )
      .prepare('SELECT channel, text FROM outbox WHERE recipient = ?1 ORDER BY created_at')
      .bind(address)
      .all<{ channel: string; text: string }>()
  ).results

const confirmPath = (text: string) =>
  new URL(/https?:\/\/\S+\/c\/\S+/.exec(text)?.[0] ?? 'http://x/').pathname

beforeAll(async () => {
  await storeOnTwoShards('staff-counter-0001', {
    // A small SMS cap for さくら市; みなと町 with email too, so a counter there can register by email.
    sakura: {
      ...sakura,
      tenant: {
        ...sakura.tenant,
        channels: { ...sakura.tenant.channels, sms: { senderName: 'SakuraCity', capPerHour: 1 } },
      },
    },
    minato: {
      ...minato,
      tenant: {
        ...minato.tenant,
        channels: {
          ...minato.tenant.channels,
          email: { senderName: 'みなと町', fromAddress: 'yorisoi@minato.example.jp' },
        },
      },
    },
  })
})

describe('POST /staff/registrations', () => {
  it('sends the usual confirmation, records no consent until the resident confirms on their phone', async () => {
    const token = await signAssertion({ tenants: ['sakura-city'], sub: 'nurse-7' })
    const body = resident()
    const started = await startRegistration('sakura-city', body, token)
    expect(started.status).toBe(200)
    expect(counterRegistrationAnswer.parse(await started.json())).toEqual({
      outcome: 'sent',
      channel: 'email',
    })

    const pending = await subscriberAt('sakura-city', body.address)
    expect(pending).toMatchObject({ state: 'pending', consents: 0 })
    const [mail] = await sentTo('sakura-city', body.address)
    expect(mail?.text).toContain('ご登録ありがとうございます')

    const log = (await accessRows(await shardOf('sakura-city'), 'sakura-city')).at(-1)
    expect([log?.staff_user, log?.action, log?.count]).toEqual(['nurse-7', 'start-registration', 1])
    expect(log?.household_id).toMatch(/^[0-9a-f-]{36}$/)
    expect(JSON.stringify(log)).not.toContain(body.address)

    // On the resident's phone: the privacy notice first, and agreeing is theirs.
    const page = await get(confirmPath(mail?.text ?? ''))
    const html = await page.text()
    expect(html).toContain('https://sakura.example.jp/yorisoi/privacy')
    expect(html).toContain('同意して登録を確定する')
    const confirmed = await post(confirmPath(mail?.text ?? ''), {}, { ip: '203.0.113.99' })
    expect(confirmed.status).toBe(303)
    expect(await subscriberAt('sakura-city', body.address)).toMatchObject({ state: 'active', consents: 1 })
    const consent = await (await shardOf('sakura-city'))
      .prepare(
        'SELECT method, notice_version AS version, ip_hash AS ip FROM consents WHERE subscriber_id = ?1',
      )
      .bind(pending?.id)
      .first<{ method: string; version: string; ip: string }>()
    expect(consent).toEqual({
      method: 'counter-confirm/email',
      version: '2026-04',
      ip: await hashIp('203.0.113.99', env.IP_HASH_SALT),
    })
  })

  it("is not held by the connection's hourly limit that stops the public form", async () => {
    const hash = await hashIp(counterIp, env.IP_HASH_SALT)
    const hour = new Date().toISOString().slice(0, 13)
    await (await shardOf('sakura-city'))
      .prepare('INSERT OR REPLACE INTO registration_attempts (ip_hash, hour, count) VALUES (?1, ?2, ?3)')
      .bind(hash, hour, REGISTRATIONS_PER_HOUR)
      .run()
    const form = await post('/t/sakura-city', validRegistration(), { ip: counterIp })
    expect(form.status).toBe(429)
    const token = await signAssertion({ tenants: ['sakura-city'], role: 'desk' })
    const body = resident()
    const counter = await startRegistration('sakura-city', body, token)
    expect(counter.status).toBe(200)
    expect(await subscriberAt('sakura-city', body.address)).toMatchObject({ state: 'pending' })
  })

  it("sends an SMS confirm link within the town's SMS cap, and past it registers nobody", async () => {
    const token = await signAssertion({ tenants: ['sakura-city'] })
    const first = resident({ channel: 'sms', address: '090-1111-2222', language: 'en' })
    const sent = await startRegistration('sakura-city', first, token)
    expect(counterRegistrationAnswer.parse(await sent.json()).outcome).toBe('sent')
    const [text] = await sentTo('sakura-city', '+819011112222')
    expect(text?.channel).toBe('sms')
    expect(confirmPath(text?.text ?? '')).toMatch(/^\/c\/1/)
    // In the resident's language only: one SMS segment's worth, no Japanese beside it.
    expect(text?.text).toMatch(/^【SakuraCity】Confirm your registration here \(valid for 7 days\): http/)
    expect(text?.text).not.toContain('登録の確定')
    expect(await subscriberAt('sakura-city', '+819011112222')).toMatchObject({
      state: 'pending',
      consents: 0,
    })

    const second = await startRegistration(
      'sakura-city',
      resident({ channel: 'sms', address: '090-3333-4444' }),
      token,
    )
    expect(second.status).toBe(429)
    expect(await second.text()).toMatch(/SMS/)
    expect(await subscriberAt('sakura-city', '+819033334444')).toBeNull()
    expect(await sentTo('sakura-city', '+819033334444')).toEqual([])
  })

  it('registers a town on shard 2 in shard 2', async () => {
    const token = await signAssertion({ tenants: ['minato-town'], role: 'desk', sub: 'desk-b' })
    const body = resident()
    expect((await startRegistration('minato-town', body, token)).status).toBe(200)
    expect(await subscriberAt('minato-town', body.address)).toMatchObject({ state: 'pending', consents: 0 })
    expect(
      await env.DB.prepare('SELECT id FROM subscribers WHERE address = ?1').bind(body.address).first(),
    ).toBeNull()
    expect((await accessRows(await shardOf('minato-town'), 'minato-town')).at(-1)?.action).toBe(
      'start-registration',
    )
  })

  it('refuses LINE (the resident links it on their phone) and a bad form, in Japanese first', async () => {
    const token = await signAssertion({ tenants: ['sakura-city'] })
    const line = await startRegistration('sakura-city', resident({ channel: 'line', address: '-' }), token)
    expect(line.status).toBe(422)
    expect(await line.text()).toMatch(/^LINE の登録は.* \/ LINE registration/)
    const bad = await startRegistration('sakura-city', resident({ date: 'someday' }), token)
    expect(bad.status).toBe(400)
    expect(await bad.text()).toMatch(/登録の内容が正しくありません.* \/ The registration is not valid/)
    const past = await startRegistration('sakura-city', resident({ date: dateFromToday(-60) }), token)
    expect(past.status).toBe(422)
  })

  it('refuses another town, the privacy officer and an expired assertion, registering nobody', async () => {
    const before = (await accessRows(await shardOf('minato-town'), 'minato-town')).length
    const body = resident()
    const nurseA = await signAssertion({ tenants: ['sakura-city'] })
    expect((await startRegistration('minato-town', body, nurseA)).status).toBe(403)
    const officer = await signAssertion({ tenants: ['sakura-city'], role: 'privacy-officer' })
    expect((await startRegistration('sakura-city', body, officer)).status).toBe(403)
    const expired = await signAssertion({ issuedAgo: 90, lifetime: 60 })
    expect((await startRegistration('sakura-city', body, expired)).status).toBe(401)
    expect(await subscriberAt('sakura-city', body.address)).toBeNull()
    expect(await subscriberAt('minato-town', body.address)).toBeNull()
    expect((await accessRows(await shardOf('minato-town'), 'minato-town')).length).toBe(before)
  })
})
