import { env } from 'cloudflare:workers'
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { app } from '../../edge/app'
import { storeTenantSecret } from '../../edge/channels/secrets'
import type { Env } from '../../edge/env'
import {
  dateFromToday,
  origin,
  registeredResident,
  seedFixtureTenants,
  subscriberByAddress,
  validRegistration,
} from './support/resident-http'
import { age, freshIp, freshMobile, outboxFor } from './support/verification'

// Every message outside the daily program goes through the tenant's adapter for its channel,
// here the fake providers (validated against their OpenAPI descriptions), never the outbox.

const fakes = {
  resend: inject('fakeResendUrl'),
  twilio: inject('fakeTwilioUrl'),
  karaden: inject('fakeKaradenUrl'),
}
const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const bindings = {
  ...env,
  TENANT_SECRETS_KEY: secretsKey,
  RESEND_BASE_URL: fakes.resend,
  TWILIO_API_BASE_URL: fakes.twilio,
  KARADEN_API_BASE_URL: fakes.karaden,
} as Env

const secret = (name: string, value: string) =>
  storeTenantSecret(env.DB, secretsKey, { tenant: 'sakura-city', name, value, now: new Date() })

async function control(url: string, path: string, body?: unknown) {
  const response = await fetch(`${url}/__fake/${path}`, {
    method: 'POST',
    body: JSON.stringify(body ?? null),
  })
  return response.json() as Promise<{
    deliveries: Record<string, number>
    messages?: { to: string; body: string }[]
  }>
}

type Email = { ref: string; from: string; to: string[]; subject: string; text?: string }
const emailsTo = async (address: string) =>
  (await (await fetch(`${fakes.resend}/__fake/emails?to=${encodeURIComponent(address)}`)).json()) as Email[]

/** A browser's form post to the Worker with the tenant's providers configured. */
const send = (path: string, fields: Record<string, string>, ip = freshIp()) =>
  app.request(
    `${origin}${path}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin, 'cf-connecting-ip': ip },
      body: new URLSearchParams(fields),
      redirect: 'manual',
    },
    bindings,
  )

const confirmPath = (text: string | undefined) =>
  text?.match(/http:\/\/edge\.test(\/c\/1[A-Za-z0-9_-]{22})/)?.[1]

const count = async (sql: string, ...params: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...params)
    .first<{ n: number }>())!.n

beforeAll(seedFixtureTenants)
beforeEach(async () => {
  await env.DB.prepare('DELETE FROM tenant_secrets').run()
  await secret('resend.apiKey', 're_test')
})

describe('the registration confirmation goes through the tenant’s Resend', () => {
  it('sends exactly one email with the confirmation link, from the tenant, and nothing to the outbox', async () => {
    const fields = validRegistration()
    const registered = await send('/t/sakura-city', fields)
    expect(registered.status).toBe(303)
    expect(registered.headers.get('location')).toBe('/t/sakura-city/sent')
    const emails = await emailsTo(fields.address!)
    expect(emails).toHaveLength(1)
    expect(emails[0]!.from).toContain('<')
    expect(emails[0]!.subject).toContain('ご登録の確認')
    expect(await outboxFor(fields.address!)).toEqual([])
    const subscriber = await subscriberByAddress(fields.address!)
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM deliveries WHERE subscriber_id = ?1 AND kind = 'confirmation' AND state = 'sent'",
        subscriber!.id,
      ),
    ).toBe(1)

    // The same form sent twice (a double tap, a retried request): no second subscriber, no second email.
    const again = await send('/t/sakura-city', fields)
    expect(again.status).toBe(303)
    expect(await emailsTo(fields.address!)).toHaveLength(1)
    expect(await count('SELECT COUNT(*) AS n FROM subscribers WHERE address = ?1', fields.address)).toBe(1)

    const confirmed = await send(confirmPath(emails[0]!.text)!, {})
    expect(confirmed.status).toBe(303)
    expect((await subscriberByAddress(fields.address!))!.state).toBe('active')
  })

  it('a Resend 5xx keeps the registration and what was typed, says so in both languages, and “send again” sends that one confirmation once', async () => {
    const fields = validRegistration({ nickname: 'さくらこ' })
    await control(fakes.resend, 'faults', ['server-error'])
    const failed = await send('/t/sakura-city', fields)
    expect(failed.status).toBe(503)
    const page = await failed.text()
    const ja = page.indexOf('確認のメールを送れませんでした')
    const en = page.indexOf('we could not send the confirmation email')
    expect(ja).toBeGreaterThan(-1)
    expect(en).toBeGreaterThan(ja)
    expect(page).toContain('value="さくらこ"')
    expect(page).toContain(`value="${fields.address}"`)
    expect(page).toContain('action="/t/sakura-city/resend"')
    expect(await emailsTo(fields.address!)).toEqual([])
    expect(await outboxFor(fields.address!)).toEqual([])
    const pending = await subscriberByAddress(fields.address!)
    expect(pending).toMatchObject({ state: 'pending', nickname: 'さくらこ' })

    const resent = await send('/t/sakura-city/resend', { address: fields.address! })
    expect(resent.status).toBe(303)
    expect(resent.headers.get('location')).toBe('/t/sakura-city/sent')
    const emails = await emailsTo(fields.address!)
    expect(emails).toHaveLength(1)
    // Pressing it again, or registering the same address again, sends nothing more and makes nobody new.
    expect((await send('/t/sakura-city/resend', { address: fields.address! })).status).toBe(303)
    expect((await send('/t/sakura-city', fields)).status).toBe(303)
    expect(await emailsTo(fields.address!)).toHaveLength(1)
    expect(await count('SELECT COUNT(*) AS n FROM subscribers WHERE address = ?1', fields.address)).toBe(1)

    const confirmed = await send(confirmPath(emails[0]!.text)!, {})
    expect(confirmed.status).toBe(303)
    expect((await subscriberByAddress(fields.address!))!.state).toBe('active')
  })

  it('after a Resend 5xx, the form sent again with other values: the same registration takes them, and one email goes', async () => {
    const fields = validRegistration({ nickname: 'さくらこ' })
    await control(fakes.resend, 'faults', ['server-error'])
    expect((await send('/t/sakura-city', fields)).status).toBe(503)
    const again = await send('/t/sakura-city', { ...fields, nickname: 'さくら', date: dateFromToday(90) })
    expect(again.status).toBe(303)
    const emails = await emailsTo(fields.address!)
    expect(emails).toHaveLength(1)
    expect(emails[0]!.text).toContain('さくらさん')
    expect(await count('SELECT COUNT(*) AS n FROM subscribers WHERE address = ?1', fields.address)).toBe(1)
    expect(await subscriberByAddress(fields.address!)).toMatchObject({ state: 'pending', nickname: 'さくら' })
  })

  it('the owner of an address registered again is told through Resend, with their manage link', async () => {
    const owner = await registeredResident()
    const again = await send('/t/sakura-city', validRegistration({ address: owner.address }))
    expect(again.status).toBe(303)
    const emails = await emailsTo(owner.address)
    expect(emails).toHaveLength(1)
    expect(emails[0]!.text).toContain(`${origin}${owner.manage}`)
  })
})

describe('a change of address through Resend', () => {
  it('the link to prove the new address goes to Resend; after a 5xx the form keeps it and says so', async () => {
    const resident = await registeredResident()
    const fresh = `new-${crypto.randomUUID().slice(0, 8)}@example.jp`
    await control(fakes.resend, 'faults', ['server-error'])
    const failed = await send(`${resident.manage}/address`, { channel: 'email', address: fresh })
    expect(failed.status).toBe(503)
    const page = await failed.text()
    expect(page).toContain('確認のメールを送れませんでした')
    expect(page).toContain(`value="${fresh}"`)
    expect(await emailsTo(fresh)).toEqual([])

    const sent = await send(`${resident.manage}/address`, { channel: 'email', address: fresh })
    expect(sent.status).toBe(200)
    const [email] = await emailsTo(fresh)
    const link = email?.text?.match(/http:\/\/edge\.test(\/v\/1[A-Za-z0-9_-]{22})/)?.[1]
    expect(link).toBeDefined()
    expect(await outboxFor(fresh)).toEqual([])
    expect((await send(link!, {})).status).toBe(303)
    expect(await subscriberByAddress(fresh)).not.toBeNull()
  })
})

describe('partner and family invitations through Resend', () => {
  async function invitationLink(manage: string) {
    const response = await send(`${manage}/invite`, {})
    expect(response.status).toBe(200)
    return (await response.text()).match(/http:\/\/edge\.test(\/i\/[0-9]{0,4}[A-Za-z0-9_-]{22})/)![1]!
  }
  const invitee = () => ({
    nickname: 'たろう',
    audience: 'partner',
    language: 'ja',
    channel: 'email',
    address: `taro-${crypto.randomUUID().slice(0, 8)}@example.jp`,
    consent: 'yes',
    noticeVersion: '2026-04',
  })

  it('the invitee’s confirmation goes to Resend once; after a 5xx it can be sent again', async () => {
    const primary = await registeredResident({ date: dateFromToday(90) })
    const fields = invitee()
    const accepted = await send(await invitationLink(primary.manage), fields)
    expect(accepted.status).toBe(303)
    const [email] = await emailsTo(fields.address)
    expect(confirmPath(email?.text)).toBeDefined()
    expect(await outboxFor(fields.address)).toEqual([])

    const other = invitee()
    await control(fakes.resend, 'faults', ['server-error'])
    const failed = await send(await invitationLink(primary.manage), other)
    expect(failed.status).toBe(503)
    const page = await failed.text()
    expect(page).toContain('ご登録は受け付けましたが')
    expect(page).toContain(`value="${other.address}"`)
    expect((await subscriberByAddress(other.address))!.state).toBe('pending')
    expect((await send('/t/sakura-city/resend', { address: other.address })).status).toBe(303)
    const emails = await emailsTo(other.address)
    expect(emails).toHaveLength(1)
    expect((await send(confirmPath(emails[0]!.text)!, {})).status).toBe(303)
    expect((await subscriberByAddress(other.address))!.state).toBe('active')
  })
})

describe('SMS codes through the tenant’s SMS provider', () => {
  const twilio = JSON.stringify({
    accountSid: 'AC0123456789abcdef0123456789abcdef',
    authToken: 't',
    from: '+815012345678',
  })

  it('goes to Karaden (国内SMS) when the tenant has it, not to the outbox', async () => {
    await secret('karaden.credentials', JSON.stringify({ tenantId: 'a1b2c3', token: 'k', serviceId: 42 }))
    const mobile = freshMobile()
    const registered = await send(
      '/t/sakura-city',
      validRegistration({ channel: 'sms', address: mobile.typed }),
    )
    expect(registered.status).toBe(303)
    expect(registered.headers.get('location')).toMatch(/^\/v\/1[A-Za-z0-9_-]{22}$/)
    const { deliveries } = await control(fakes.karaden, 'stats')
    const sent = Object.entries(deliveries).filter(([to]) => to.endsWith(mobile.e164.slice(-8)))
    expect(sent).toEqual([[expect.any(String), 1]])
    expect(await outboxFor(mobile.e164)).toEqual([])
  })

  it('a Twilio 5xx: the code page says the code did not go out, and a new code arrives at Twilio', async () => {
    await secret('twilio.credentials', twilio)
    const mobile = freshMobile()
    const messages = async () =>
      ((await control(fakes.twilio, 'stats')).messages ?? []).filter((m) => m.to === mobile.e164)
    await control(fakes.twilio, 'faults', ['server-error'])
    const registered = await send(
      '/t/sakura-city',
      validRegistration({ channel: 'sms', address: mobile.typed }),
    )
    expect(registered.status).toBe(303)
    const location = registered.headers.get('location')!
    expect(location).toMatch(/\?notice=unsent$/)
    const codePage = location.split('?')[0]!
    const page = await (await app.request(`${origin}${location}`, {}, bindings)).text()
    expect(page).toContain('コードを送れませんでした')
    expect(page).toContain('We could not send the code')
    expect(await messages()).toEqual([])
    expect((await subscriberByAddress(mobile.e164))!.state).toBe('pending')

    await age(codePage, { sentMinutesAgo: 2 })
    const renewed = await send(`${codePage}/resend`, {})
    expect(renewed.headers.get('location')).toBe(`${codePage}?notice=sent`)
    const [sms] = await messages()
    const code = sms!.body.match(/確認コード (\d{6})/)![1]!
    expect((await send(codePage, { code })).status).toBe(303)
    expect((await subscriberByAddress(mobile.e164))!.state).toBe('active')
    expect(await outboxFor(mobile.e164)).toEqual([])
  })
})
