import { env } from 'cloudflare:workers'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { app } from '../../edge/app'
import { storeTenantSecret } from '../../edge/channels/secrets'
import { codeLimits } from '../../edge/verification/code-limits'
import { lineUserId, signedWebhook, textEvent } from './support/line-webhook'
import { origin, post, registeredResident, seedFixtureTenants } from './support/resident-http'
import { registerBySms } from './support/verification'

beforeAll(seedFixtureTenants)

// Anything at all, mixed with what residents plausibly type: the forms answer without a server
// error, and nothing is left half-written or proved without its code.
const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
)
const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`))
const phoneLike = fc.oneof(
  fc
    .integer({ min: 10_000_000, max: 99_999_999 })
    .map((n) => `090-${String(n).slice(0, 4)}-${String(n).slice(4)}`),
  fc.constantFrom(
    '03-1234-5678',
    '+81 90 1234 5678',
    '０９０１２３４５６７８',
    '+1 415 555 2671',
    '110',
    '#8000',
  ),
  digits(11),
  anyText,
)

async function unsound(): Promise<unknown[]> {
  const { results } = await env.DB.prepare(
    `SELECT s.id FROM subscribers s
     WHERE (SELECT COUNT(*) FROM consents c WHERE c.subscriber_id = s.id) != 1
        OR (SELECT COUNT(*) FROM access_tokens t WHERE t.subscriber_id = s.id AND t.purpose = 'stop') != 1
        OR (s.state = 'active' AND s.address_verified_at IS NULL AND s.created_at > '2026-11-21')
        OR (s.channel = 'sms' AND s.address NOT GLOB '+[1-9]*')
        OR (s.channel = 'line' AND s.state != 'pending' AND s.address NOT GLOB 'U*')
     UNION ALL
     SELECT id FROM verifications WHERE attempts > ?1 OR sends > ?2
        OR (channel = 'sms' AND address NOT GLOB '+[1-9]*')`,
  )
    .bind(codeLimits.attemptsPerCode, codeLimits.sendsPerVerification)
    .all()
  return results
}

describe('verification form fuzzing', () => {
  it('code page: 1,000 generated codes and resends, no 5xx, nothing proved without its code', async () => {
    const pages = [] as string[]
    for (let i = 0; i < 5; i++) pages.push((await registerBySms()).codePage)
    let run = 0
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: pages.length - 1 }),
        fc.constantFrom('code', 'code', 'code', 'resend'),
        fc.oneof(digits(6), fc.constantFrom('', '１２３４５６', '123-456', '0000000'), anyText),
        fc.oneof(fc.constant(undefined), anyText),
        async (n, form, code, handleNoise) => {
          run += 1
          const page = handleNoise === undefined ? pages[n]! : `/v/${encodeURIComponent(handleNoise)}`
          const path = form === 'resend' ? `${page}/resend` : page
          const response = await post(path, { code }, { ip: `10.1.${run >> 8}.${run & 255}` })
          expect(response.status).toBeLessThan(500)
          expect([303, 404, 422, 429]).toContain(response.status)
          await response.body?.cancel()
        },
      ),
      { numRuns: 1000 },
    )
    const { results } = await env.DB.prepare(
      "SELECT state FROM subscribers WHERE channel = 'sms' AND state != 'pending'",
    ).all()
    expect(results).toEqual([])
    expect(await unsound()).toEqual([])
  }, 300_000)

  it('address change: 1,000 generated forms, no 5xx, the address never changes unproved', async () => {
    const { address, manage } = await registeredResident()
    let run = 0
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom('email', 'sms', 'line'), anyText),
        fc.oneof(phoneLike, fc.emailAddress(), anyText),
        async (channel, typed) => {
          run += 1
          const response = await post(
            `${manage}/address`,
            { channel, address: typed },
            { ip: `10.2.${run >> 8}.${run & 255}` },
          )
          expect(response.status).toBeLessThan(500)
          expect([200, 303, 422, 429]).toContain(response.status)
          await response.body?.cancel()
        },
      ),
      { numRuns: 1000 },
    )
    const row = await env.DB.prepare('SELECT channel, address, state FROM subscribers WHERE address = ?1')
      .bind(address)
      .first()
    expect(row).toEqual({ channel: 'email', address, state: 'active' })
    expect(await unsound()).toEqual([])
  }, 300_000)

  it('LINE webhook: 1,000 generated chat messages and follows, always 200, nobody linked by chance', async () => {
    const key = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
    const secret = 'fuzz-channel-secret'
    await storeTenantSecret(env.DB, key, {
      tenant: 'minato-town',
      name: 'line.channelSecret',
      value: secret,
      now: new Date(),
    })
    const bindings = { ...env, TENANT_SECRETS_KEY: key }
    // Residents waiting with their codes: random chat must not link any of them.
    for (let i = 0; i < 3; i++) {
      await app.request(
        `${origin}/t/minato-town`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            origin,
            'cf-connecting-ip': `10.3.0.${i}`,
          },
          body: new URLSearchParams({
            nickname: 'はな',
            audience: 'primary',
            stage: 'due',
            date: new Date(Date.now() + 100 * 86_400_000).toISOString().slice(0, 10),
            language: 'ja',
            channel: 'line',
            address: '',
            consent: 'yes',
            noticeVersion: 'v1',
          }),
        },
        bindings,
      )
    }
    const users = Array.from({ length: 20 }, lineUserId)
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: users.length - 1 }),
        fc.oneof(digits(8), fc.constantFrom('１２３４ ５６７８', '12-34-56-78', 'こんにちは', ''), anyText),
        fc.boolean(),
        async (u, text, follow) => {
          const event = textEvent(users[u]!, text)
          const { body, headers } = await signedWebhook(secret, [
            follow ? { ...event, type: 'follow' } : event,
          ])
          const response = await app.request(
            `${origin}/webhooks/line/minato-town`,
            { method: 'POST', body, headers },
            bindings,
          )
          expect(response.status).toBe(200)
          await response.body?.cancel()
        },
      ),
      { numRuns: 1000 },
    )
    const { results } = await env.DB.prepare(
      "SELECT id FROM subscribers WHERE tenant_slug = 'minato-town' AND state != 'pending'",
    ).all()
    expect(results).toEqual([])
    expect(await unsound()).toEqual([])
  }, 300_000)
})
