import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { app } from '../../edge/app'
import { storeTenantSecret } from '../../edge/channels/secrets'
import { codeLimits } from '../../edge/verification/code-limits'
import {
  get,
  origin,
  post,
  registeredResident,
  seedFixtureTenants,
  subscriberByAddress,
  validRegistration,
} from './support/resident-http'
import {
  age,
  freshIp,
  freshMobile,
  latestCode,
  outboxFor,
  registerBySms,
  subscriberOf,
  verificationOf,
} from './support/verification'

beforeAll(seedFixtureTenants)

const count = async (sql: string, ...params: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...params)
    .first<{ n: number }>())!.n

describe('registration by SMS, confirmed by a 6-digit code', () => {
  it('normalises the number, sends only a code, and activates on the right code', async () => {
    const { response, codePage, mobile } = await registerBySms()
    expect(response.status).toBe(303)
    expect(codePage).toMatch(/^\/v\/1[A-Za-z0-9_-]{22}$/)

    const pending = await subscriberByAddress(mobile.e164)
    expect(pending).toMatchObject({ state: 'pending', nextSendOn: null })
    const sms = await outboxFor(mobile.e164)
    expect(sms).toHaveLength(1)
    expect(sms[0]!.channel).toBe('sms')
    expect(sms[0]!.text).toContain('SakuraCity')
    expect(sms[0]!.text.length).toBeLessThanOrEqual(70)
    expect(await count('SELECT COUNT(*) AS n FROM deliveries WHERE subscriber_id = ?1', pending!.id)).toBe(0)

    const page = await get(codePage)
    expect(page.status).toBe(200)
    const body = await page.text()
    expect(body).toContain('確認コードの入力')
    expect(body).toContain(`***${mobile.e164.slice(-4)}`)
    expect(body).not.toContain(mobile.e164)

    const code = await latestCode(mobile.e164)
    const wrong = code === '000000' ? '111111' : '000000'
    const refused = await post(codePage, { code: wrong })
    expect(refused.status).toBe(422)
    const refusedPage = await refused.text()
    expect(refusedPage).toContain('コードが違います。あと4回')
    expect(refusedPage).toContain(`value="${wrong}"`)
    expect((await subscriberByAddress(mobile.e164))!.state).toBe('pending')

    // Full-width digits and a hyphen, as a phone keyboard may give them.
    const typed = `${code.slice(0, 3)}-${code.slice(3)}`.replace(/\d/g, (d) =>
      String.fromCharCode(0xff10 + Number(d)),
    )
    const confirmed = await post(codePage, { code: typed })
    expect(confirmed.status).toBe(303)
    expect(confirmed.headers.get('location')).toMatch(/^\/r\/1[A-Za-z0-9_-]{22}\?done=confirmed$/)
    const active = await subscriberOf(pending!.id)
    expect(active).toMatchObject({ state: 'active', channel: 'sms', address: mobile.e164 })
    expect(active!.nextSendOn).not.toBeNull()
    expect(active!.verifiedAt).not.toBeNull()

    expect((await post(codePage, { code })).status).toBe(404)
    expect((await get(codePage)).status).toBe(404)
  })

  it('keeps only an HMAC of the code, never the code or its plain hash', async () => {
    const { codePage, mobile } = await registerBySms()
    const code = await latestCode(mobile.e164)
    const stored = await verificationOf(codePage)
    const plain = [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code)))]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('')
    expect(stored!.codeHash).toMatch(/^[0-9a-f]{64}$/)
    expect(stored!.codeHash).not.toContain(code)
    expect(stored!.codeHash).not.toBe(plain)
    const rows = await env.DB.prepare('SELECT * FROM verifications WHERE id = ?1').bind(stored!.id).first()
    expect(JSON.stringify(rows)).not.toContain(codePage.slice(3))
  })

  it('accepts Japanese forms of a number and refuses a landline or nonsense, keeping what was typed', async () => {
    for (const typed of ['09012345671', '+81 90 1234 5672', '０９０－１２３４－５６７３']) {
      const { response } = await registerBySms({ mobile: { typed, e164: '' } })
      expect(response.status).toBe(303)
    }
    for (const e164 of ['+819012345671', '+819012345672', '+819012345673']) {
      expect((await subscriberByAddress(e164))?.state).toBe('pending')
    }
    for (const typed of ['03-1234-5678', '090-1234', 'hana@example.jp']) {
      const { response } = await registerBySms({ mobile: { typed, e164: '' } })
      expect(response.status).toBe(422)
      const page = await response.text()
      expect(page).toContain('携帯電話の番号を確かめてください')
      expect(page).toContain('Please check the mobile number')
      expect(page).toContain(`value="${typed}"`)
    }
  })

  it('needs a new code after an expiry or five wrong codes; resends are spaced and limited', async () => {
    const { codePage, mobile } = await registerBySms()
    const first = await latestCode(mobile.e164)
    const wrong = first === '999999' ? '888888' : '999999'
    for (let i = 0; i < codeLimits.attemptsPerCode; i++) await post(codePage, { code: wrong })
    const spent = await post(codePage, { code: first })
    expect(spent.status).toBe(422)
    expect(await spent.text()).toContain('間違いが続いたため')
    expect((await subscriberByAddress(mobile.e164))!.state).toBe('pending')

    // Straight away: too soon for another code.
    const tooSoon = await post(`${codePage}/resend`, {})
    expect(tooSoon.headers.get('location')).toBe(`${codePage}?notice=wait`)
    expect(await outboxFor(mobile.e164)).toHaveLength(1)

    await age(codePage, { sentMinutesAgo: 2 })
    const resent = await post(`${codePage}/resend`, {})
    expect(resent.headers.get('location')).toBe(`${codePage}?notice=sent`)
    expect(await outboxFor(mobile.e164)).toHaveLength(2)
    const second = await latestCode(mobile.e164)

    await age(codePage, { expired: true })
    const expired = await post(codePage, { code: second })
    expect(expired.status).toBe(422)
    expect(await expired.text()).toContain('期限が切れました')

    await age(codePage, { sentMinutesAgo: 2 })
    await post(`${codePage}/resend`, {})
    const third = await latestCode(mobile.e164)
    await age(codePage, { sentMinutesAgo: 2 })
    const enough = await post(`${codePage}/resend`, {})
    expect(enough.headers.get('location')).toBe(`${codePage}?notice=enough`)
    expect(await outboxFor(mobile.e164)).toHaveLength(codeLimits.sendsPerVerification)

    expect((await post(codePage, { code: third })).status).toBe(303)
    expect((await subscriberByAddress(mobile.e164))!.state).toBe('active')
  })
})

describe('registering an address that is already registered', () => {
  it('email: no second subscriber, the same page, and the owner gets their manage link', async () => {
    const { address, manage } = await registeredResident()
    const before = await count('SELECT COUNT(*) AS n FROM subscribers')
    const again = await post(
      '/t/sakura-city',
      {
        nickname: 'だれか',
        audience: 'primary',
        stage: 'due',
        date: new Date(Date.now() + 100 * 86_400_000).toISOString().slice(0, 10),
        language: 'ja',
        channel: 'email',
        address: ` ${address.replace('@example.jp', '@Example.JP')} `,
        consent: 'yes',
        noticeVersion: '2026-04',
      },
      { ip: freshIp() },
    )
    expect(again.status).toBe(303)
    expect(again.headers.get('location')).toBe('/t/sakura-city/sent')
    expect(await count('SELECT COUNT(*) AS n FROM subscribers')).toBe(before)
    const mails = await outboxFor(address)
    expect(mails).toHaveLength(2)
    expect(mails[1]!.subject).toContain('ご登録について')
    expect(mails[1]!.text).toContain(manage)
    expect(mails[1]!.text).not.toContain('だれか')
  })

  it('SMS: the same code page as anyone gets, no code sent, no subscriber made, the owner told', async () => {
    const owner = await registerBySms()
    await post(owner.codePage, { code: await latestCode(owner.mobile.e164) })
    const before = await count('SELECT COUNT(*) AS n FROM subscribers')

    const again = await registerBySms({ mobile: owner.mobile })
    expect(again.response.status).toBe(303)
    expect(again.codePage).toMatch(/^\/v\/1[A-Za-z0-9_-]{22}$/)
    const decoyPage = await (await get(again.codePage)).text()
    const realPage = await (await get((await registerBySms()).codePage)).text()
    const shape = (html: string) => html.replace(/\/v\/1[A-Za-z0-9_-]{22}/g, '').replace(/\*\*\*\d{4}/g, '')
    expect(shape(decoyPage)).toBe(shape(realPage))

    expect(await count('SELECT COUNT(*) AS n FROM subscribers')).toBe(before + 1) // the other, new number
    const texts = await outboxFor(owner.mobile.e164)
    expect(texts).toHaveLength(2)
    expect(texts[1]!.text).toContain('登録済み')
    expect(texts[1]!.text).toMatch(/\/r\/1[A-Za-z0-9_-]{22}/)
    expect(texts[1]!.text).not.toMatch(/確認コード/)
    const refused = await post(again.codePage, { code: '123456' })
    expect(refused.status).toBe(422)
  })
})

describe('rate limits on codes', () => {
  it('sends at most a few codes to one number an hour, whoever asks, kindly in both languages', async () => {
    const mobile = freshMobile()
    for (let i = 0; i < codeLimits.sendsPerAddress; i++) {
      expect((await registerBySms({ mobile })).response.status).toBe(303)
    }
    const refused = (await registerBySms({ mobile })).response
    expect(refused.status).toBe(429)
    const page = await refused.text()
    expect(page).toContain('しばらくしてからお試しください')
    expect(page).toContain('Please try again later')
    expect(await outboxFor(mobile.e164)).toHaveLength(codeLimits.sendsPerAddress)
  })

  it('limits code sends per connection', async () => {
    const ip = freshIp()
    const { codePage } = await registerBySms({ ip })
    // The registration itself sent one code; resends from the same connection count too.
    await env.DB.prepare(
      `INSERT INTO rate_counters (scope, key_hash, window, count)
       SELECT 'code-send-ip', key_hash, window, ?1 FROM rate_counters WHERE scope = 'code-send-ip'
       ORDER BY rowid DESC LIMIT 1
       ON CONFLICT (scope, key_hash, window) DO UPDATE SET count = excluded.count`,
    )
      .bind(codeLimits.sendsPerIp)
      .run()
    await age(codePage, { sentMinutesAgo: 2 })
    const refused = await post(`${codePage}/resend`, {}, { ip })
    expect(refused.status).toBe(429)
    expect((await registerBySms({ ip })).response.status).toBe(429)
    expect((await registerBySms()).response.status).toBe(303)
  })

  it('limits code tries per connection, across verifications', async () => {
    const ip = freshIp()
    const statuses: number[] = []
    while (statuses.length < codeLimits.triesPerIp + 2) {
      const { codePage } = await registerBySms()
      for (let k = 0; k < codeLimits.attemptsPerCode && statuses.length < codeLimits.triesPerIp + 2; k++) {
        const response = await post(codePage, { code: '000000' }, { ip })
        statuses.push(response.status)
        await response.body?.cancel()
      }
    }
    expect(statuses.slice(0, codeLimits.triesPerIp).every((s) => s === 422)).toBe(true)
    expect(statuses.slice(codeLimits.triesPerIp)).toEqual([429, 429])
  }, 30_000)
})

describe('the SMS journey through Twilio (the local fake, validated against Twilio’s OpenAPI description)', () => {
  it('sends the code as a real SMS request and the resident confirms with it', async () => {
    const fake = inject('fakeTwilioUrl')
    const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
    const bindings = { ...env, TENANT_SECRETS_KEY: secretsKey, TWILIO_API_BASE_URL: fake }
    await storeTenantSecret(env.DB, secretsKey, {
      tenant: 'sakura-city',
      name: 'twilio.credentials',
      value: JSON.stringify({
        accountSid: 'AC0123456789abcdef0123456789abcdef',
        authToken: 't',
        from: '+815012345678',
      }),
      now: new Date(),
    })
    const send = (path: string, fields: Record<string, string>) =>
      app.request(
        `${origin}${path}`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            origin,
            'cf-connecting-ip': freshIp(),
          },
          body: new URLSearchParams(fields),
          redirect: 'manual',
        },
        bindings,
      )
    const stats = async () =>
      (await (await fetch(`${fake}/__fake/stats`, { method: 'POST', body: 'null' })).json()) as {
        rejected: number
        messages: { to: string; body: string }[]
      }
    try {
      const mobile = freshMobile()
      const rejectedBefore = (await stats()).rejected
      const registered = await send(
        '/t/sakura-city',
        validRegistration({ channel: 'sms', address: mobile.typed }),
      )
      expect(registered.status).toBe(303)
      const codePage = registered.headers.get('location')!
      const sms = (await stats()).messages.filter((m) => m.to === mobile.e164)
      expect(sms).toHaveLength(1)
      expect((await stats()).rejected).toBe(rejectedBefore)
      expect(await outboxFor(mobile.e164)).toEqual([])
      const code = sms[0]!.body.match(/確認コード (\d{6})/)![1]!
      const confirmed = await send(codePage, { code })
      expect(confirmed.status).toBe(303)
      expect((await subscriberByAddress(mobile.e164))!.state).toBe('active')
    } finally {
      await env.DB.prepare("DELETE FROM tenant_secrets WHERE name = 'twilio.credentials'").run()
    }
  })
})

describe('forgetting proofs and counters', () => {
  it('the cron’s prune drops old counters and spent or expired proofs, decoys included, but not open ones', async () => {
    const { pruneVerifications } = await import('../../edge/verification/prune')
    const open = await registerBySms()
    const old = await registerBySms()
    await age(old.codePage, { expired: true })
    const decoyOwner = await registerBySms()
    await post(decoyOwner.codePage, { code: await latestCode(decoyOwner.mobile.e164) })
    const decoy = await registerBySms({ mobile: decoyOwner.mobile })
    await age(decoy.codePage, { expired: true })
    await env.DB.prepare(
      "INSERT INTO rate_counters (scope, key_hash, window, count) VALUES ('code-send-ip', 'old', '2000-01-01T00', 3)",
    ).run()

    const pruned = await pruneVerifications(env.DB, new Date())
    expect(pruned.counters).toBeGreaterThanOrEqual(1)
    expect(await verificationOf(open.codePage)).not.toBeNull()
    expect(await verificationOf(old.codePage)).toBeNull()
    expect(await verificationOf(decoy.codePage)).toBeNull()
    expect(await count("SELECT COUNT(*) AS n FROM rate_counters WHERE key_hash = 'old'")).toBe(0)
    // The subscriber whose proof expired waits for retention, not for this.
    expect((await subscriberByAddress(old.mobile.e164))?.state).toBe('pending')
  })
})
