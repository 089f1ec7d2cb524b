import { beforeAll, expect } from 'vitest'
import { codeLimits } from '../../../edge/verification/code-limits'
import type { TenantPart } from '../../../shared/contract'
import { fixtureTenantParts } from '../../../shared/contract/fixture'
import { post, subscriberByAddress, validRegistration } from '../../edge/support/resident-http'
import { freshIp, freshMobile, outboxFor, registerBySms } from '../../edge/support/verification'
import { attack } from '../support/attempts'
import { publishTowns } from './support/towns'

// SMS pumping: a stranger makes a town pay for texts. From one IPv6 /64 (a fresh interface id for
// every request), from many numbers against one town's cap, and many times to one number: past each
// limit, 429 and no text.

const capPerHour = 5

/** A town like さくら市 with its own SMS cap. */
function townLike(slug: string, sms: Record<string, unknown>): TenantPart {
  const sakura = fixtureTenantParts[0]!
  return {
    ...sakura,
    tenant: {
      ...sakura.tenant,
      slug,
      name: { ja: `${slug}町`, en: `${slug} Town` },
      channels: { ...sakura.tenant.channels, sms: { senderName: 'Town', ...sms } },
    },
    localEntries: [],
  }
}

beforeAll(async () => {
  await publishTowns('attack-sms-0001', [
    townLike('wide-town', { capPerHour: 1000, capPerDay: 5000 }),
    townLike('small-town', { capPerHour, capPerDay: 20 }),
  ])
})

const hex = () => Math.floor(Math.random() * 0x10000).toString(16)
/** An address inside one /64, its interface id different every time. */
const inside64 = (prefix: string) => `${prefix}:${hex()}:${hex()}:${hex()}:${hex()}`

/** How many texts went to these numbers. */
const textsTo = async (numbers: string[]) => (await Promise.all(numbers.map(outboxFor))).flat().length

attack('sms flood', 'one IPv6 /64, a new address for every request', async (attempts) => {
  const prefix = '2001:db8:5a5a:64'
  const numbers: string[] = []
  for (let i = 0; i < codeLimits.sendsPerIp; i++) {
    const { response, mobile } = await registerBySms({ tenant: 'wide-town', ip: inside64(prefix) })
    expect(response.status).toBe(303)
    numbers.push(mobile.e164)
  }
  for (let i = 0; i < 20; i++) {
    await attempts.refused(async () => {
      const { response, mobile } = await registerBySms({ tenant: 'wide-town', ip: inside64(prefix) })
      expect(response.status).toBe(429)
      expect(await outboxFor(mobile.e164)).toHaveLength(0)
      expect(await subscriberByAddress(mobile.e164)).toBeNull()
    })
  }
  expect(await textsTo(numbers)).toBe(codeLimits.sendsPerIp)
  // The next /64 is someone else: a health centre next door still registers.
  expect(
    (await registerBySms({ tenant: 'wide-town', ip: inside64('2001:db8:5a5a:65') })).response.status,
  ).toBe(303)
})

attack('sms flood', "many numbers from many addresses against one town's SMS cap", async (attempts) => {
  for (let i = 0; i < capPerHour; i++)
    expect((await registerBySms({ tenant: 'small-town', ip: freshIp() })).response.status).toBe(303)
  for (let i = 0; i < 20; i++) {
    await attempts.refused(async () => {
      const { response, mobile } = await registerBySms({ tenant: 'small-town', ip: freshIp() })
      expect(response.status).toBe(429)
      expect(await outboxFor(mobile.e164)).toHaveLength(0)
    })
  }
  // Email sign-up in the capped town goes on.
  const byEmail = validRegistration()
  expect((await post('/t/small-town', byEmail, { ip: freshIp() })).status).toBe(303)
})

attack('sms flood', 'one number texted again and again from many addresses', async (attempts) => {
  const mobile = freshMobile()
  for (let i = 0; i < codeLimits.sendsPerAddress; i++)
    expect((await registerBySms({ tenant: 'wide-town', mobile, ip: freshIp() })).response.status).toBe(303)
  for (let i = 0; i < 10; i++) {
    await attempts.refused(async () => {
      expect((await registerBySms({ tenant: 'wide-town', mobile, ip: freshIp() })).response.status).toBe(429)
    })
  }
  expect(await outboxFor(mobile.e164)).toHaveLength(codeLimits.sendsPerAddress)
})
