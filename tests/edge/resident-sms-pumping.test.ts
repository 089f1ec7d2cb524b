import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { REGISTRATIONS_PER_HOUR } from '../../edge/registration/rate-limit'
import { storeSnapshot } from '../../edge/snapshot/store'
import { codeLimits } from '../../edge/verification/code-limits'
import { clientIp } from '../../edge/web/ip-hash'
import { prepareSnapshot } from '../../shared/contract'
import { fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'
import {
  get,
  post,
  registeredResident,
  subscriberByAddress,
  validRegistration,
} from './support/resident-http'
import { age, freshIp, freshMobile, outboxFor, registerBySms } from './support/verification'

// SMS pumping: strangers making the town pay for texts to numbers they own abroad, or flooding
// one person's phone. What costs money or reaches a stranger is limited tightly (per number, per
// town per hour and day); a page is not (a health centre's Wi-Fi, a carrier's shared address).

const hinokiDesk = 'kosodate@hinoki.example.jp'
const hinokiCapPerHour = 3

/** A town like Sakura with its own SMS settings and desk. */
function townLike(
  slug: string,
  name: { ja: string; en: string },
  sms: Record<string, unknown>,
  desk: string,
) {
  const sakura = fixtureTenantParts[0]!
  return {
    ...sakura,
    tenant: {
      ...sakura.tenant,
      slug,
      name,
      channels: { ...sakura.tenant.channels, sms: { senderName: 'Town', ...sms } },
      desk: { ...sakura.tenant.desk, email: desk },
    },
    localEntries: [],
  }
}

beforeAll(async () => {
  const snapshot = await prepareSnapshot({
    id: 'pumping-0001',
    createdAt: '2026-11-20T00:00:00.000Z',
    parts: [
      fixtureNationalPart,
      ...fixtureTenantParts,
      // Takes British numbers too.
      townLike(
        'kaede-town',
        { ja: 'かえで町', en: 'Kaede Town' },
        { countries: ['JP', 'GB'] },
        'k@kaede.example.jp',
      ),
      // Pays for few texts an hour.
      townLike(
        'hinoki-town',
        { ja: 'ひのき町', en: 'Hinoki Town' },
        { capPerHour: hinokiCapPerHour, capPerDay: 20 },
        hinokiDesk,
      ),
    ] as never,
  })
  await storeSnapshot(env.DB, snapshot)
})

const count = async (sql: string, ...params: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...params)
    .first<{ n: number }>())!.n

describe('only the numbers a town takes', () => {
  for (const typed of ['+44 7400 123456', '+1 415 555 2671', '+82 10-1234-5678']) {
    it(`refuses ${typed} at registration, in both languages, keeping what was typed`, async () => {
      const before = await count('SELECT COUNT(*) AS n FROM subscribers')
      const response = await post(
        '/t/sakura-city',
        validRegistration({ nickname: 'そら', channel: 'sms', address: typed }),
        { ip: freshIp() },
      )
      expect(response.status).toBe(422)
      const page = await response.text()
      expect(page).toContain('日本の携帯電話の番号')
      expect(page).toContain('Japanese mobile number')
      expect(page.indexOf('日本の携帯電話の番号')).toBeLessThan(page.indexOf('Japanese mobile number'))
      expect(page).toContain(`value="${typed}"`)
      expect(page).toContain('value="そら"')
      expect(await count('SELECT COUNT(*) AS n FROM subscribers')).toBe(before)
      expect(
        await count("SELECT COUNT(*) AS n FROM outbox WHERE channel = 'sms' AND recipient NOT LIKE '+81%'"),
      ).toBe(0)
    })
  }

  it('takes the countries a town allows, and only those', async () => {
    const allowed = await post(
      '/t/kaede-town',
      validRegistration({ channel: 'sms', address: '+44 7400 123456' }),
      { ip: freshIp() },
    )
    expect(allowed.status).toBe(303)
    expect(allowed.headers.get('location')).toMatch(/^\/v\//)
    expect(await outboxFor('+447400123456')).toHaveLength(1)
    const refused = await post(
      '/t/kaede-town',
      validRegistration({ channel: 'sms', address: '+1 415 555 2671' }),
      { ip: freshIp() },
    )
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('この番号の国')
  })

  it('refuses a foreign number when an address changes to SMS', async () => {
    const { manage } = await registeredResident()
    const response = await post(`${manage}/address`, { channel: 'sms', address: '+1 415 555 2671' })
    expect(response.status).toBe(422)
    const page = await response.text()
    expect(page).toContain('日本の携帯電話の番号')
    expect(page).toContain('value="+1 415 555 2671"')
    expect(await outboxFor('+14155552671')).toHaveLength(0)
  })
})

describe('one shared address, many families', () => {
  it('lets 31 registrations an hour through one IPv4 address, while codes to one number stay few', async () => {
    const ip = '192.0.2.231'
    for (let i = 0; i < 31; i++) {
      expect((await post('/t/sakura-city', validRegistration(), { ip })).status).toBe(303)
    }
    expect(REGISTRATIONS_PER_HOUR).toBeGreaterThanOrEqual(31)
    expect(codeLimits.sendsPerIp).toBeGreaterThanOrEqual(30)
    expect(codeLimits.triesPerIp).toBeGreaterThanOrEqual(30)
    const mobile = freshMobile()
    const other = '192.0.2.232'
    for (let i = 0; i < codeLimits.sendsPerAddress; i++) {
      expect((await registerBySms({ mobile, ip: other })).response.status).toBe(303)
    }
    expect((await registerBySms({ mobile, ip: other })).response.status).toBe(429)
    expect(await outboxFor(mobile.e164)).toHaveLength(codeLimits.sendsPerAddress)
  })

  it('keys an IPv6 address on its /64: two addresses in one /64 share one limit', async () => {
    const a = '2001:db8:77:1::1'
    const b = '2001:0db8:0077:0001:ffff:1234:5678:9abc'
    for (let i = 0; i < REGISTRATIONS_PER_HOUR; i++) {
      const status = (await post('/t/sakura-city', validRegistration(), { ip: i % 2 ? a : b })).status
      expect(status).toBe(303)
    }
    expect((await post('/t/sakura-city', validRegistration(), { ip: a })).status).toBe(429)
    expect((await post('/t/sakura-city', validRegistration(), { ip: b })).status).toBe(429)
    // The next /64 is someone else.
    expect((await post('/t/sakura-city', validRegistration(), { ip: '2001:db8:77:2::1' })).status).toBe(303)
  })

  it('reads the /64 from every way of writing an IPv6 address; IPv4 stays whole', () => {
    const ip = (value: string) => clientIp(new Headers({ 'cf-connecting-ip': value }))
    expect(ip('2001:db8:77:1::1')).toBe(ip('2001:DB8:77:1:ffff:ffff:ffff:ffff'))
    expect(ip('2001:db8::1')).toBe(ip('2001:db8:0:0:1::'))
    expect(ip('2001:db8:77:1::1')).not.toBe(ip('2001:db8:77:2::1'))
    expect(ip('::ffff:192.0.2.1')).toBe('192.0.2.1')
    expect(ip('192.0.2.1')).toBe('192.0.2.1')
    expect(ip('192.0.2.1')).not.toBe(ip('192.0.2.2'))
  })
})

describe("a town's SMS cap", () => {
  it('stops SMS codes after the cap, says so in both languages, keeps email working and alerts the town', async () => {
    const pages: string[] = []
    for (let i = 0; i < hinokiCapPerHour; i++) {
      const mobile = freshMobile()
      const response = await post(
        '/t/hinoki-town',
        validRegistration({ channel: 'sms', address: mobile.typed }),
        { ip: freshIp() },
      )
      expect(response.status).toBe(303)
      pages.push(response.headers.get('location')!)
    }
    const capped = freshMobile()
    const refused = await post(
      '/t/hinoki-town',
      validRegistration({ nickname: 'みどり', channel: 'sms', address: capped.typed }),
      { ip: freshIp() },
    )
    expect(refused.status).toBe(429)
    const page = await refused.text()
    expect(page).toContain('SMSでの受付')
    expect(page).toContain('by text message')
    expect(page.indexOf('SMSでの受付')).toBeLessThan(page.indexOf('by text message'))
    expect(page).toContain('メール')
    expect(page).toContain('value="みどり"')
    expect(page).toContain(`value="${capped.typed}"`)
    expect(await outboxFor(capped.e164)).toHaveLength(0)
    expect(await subscriberByAddress(capped.e164)).toBeNull()

    // A resend costs a text too.
    await age(pages[0]!, { sentMinutesAgo: 2 })
    const resend = await post(`${pages[0]}/resend`, {}, { ip: freshIp() })
    expect(resend.status).toBe(429)
    expect(await resend.text()).toContain('SMSでの受付')

    // Email registration goes on.
    const byEmail = validRegistration()
    const registered = await post('/t/hinoki-town', byEmail, { ip: freshIp() })
    expect(registered.status).toBe(303)
    expect(registered.headers.get('location')).toBe('/t/hinoki-town/sent')
    expect(await outboxFor(byEmail.address!)).toHaveLength(1)

    // The town is told once, by email to its desk, and the cap hit is recorded for the report.
    const alerts = await outboxFor(hinokiDesk)
    expect(alerts).toHaveLength(1)
    expect(alerts[0]!.subject).toContain('SMS')
    expect(
      await count(
        "SELECT COALESCE(SUM(count), 0) AS n FROM rate_counters WHERE scope = 'sms-cap-hit' AND key_hash = 'hinoki-town'",
      ),
    ).toBeGreaterThanOrEqual(2)
    // Another town's texts are not affected.
    expect((await registerBySms()).response.status).toBe(303)
    expect((await get('/t/hinoki-town')).status).toBe(200)
  })
})
