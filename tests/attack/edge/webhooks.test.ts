import { env, exports } from 'cloudflare:workers'
import { beforeAll, expect } from 'vitest'
import { allShards } from '../../../edge/shards/databases'
import { origin, subscriberByAddress } from '../../edge/support/resident-http'
import { lineSignature, svixHeaders, twilioSignature } from '../../fakes/webhook-signatures'
import { attack } from '../support/attempts'
import { dropSecret, setSecret } from './support/secrets'
import { smsResident } from './support/smsResident'
import { publishTowns, type Victim, victim } from './support/towns'

// Provider webhooks forged (no signature, the wrong secret, an altered body, another town's
// secret, a stale timestamp) or replayed after the resident changed their mind: refused or
// acknowledged with nothing done, every resident as they were.

const svixSecret = `whsec_${btoa('sakura-resend-signing-secret-32b')}`
const lineSecret = '0123456789abcdef0123456789abcdef'
const karadenToken = 'sakura-karaden-callback-token-0123'
const twilio = {
  accountSid: `AC${'0123456789abcdef'.repeat(2)}`,
  authToken: 'sakura-auth-token',
  from: '+815012345678',
}
const minatoSvix = `whsec_${btoa('minato-resend-signing-secret-32b')}`
const minatoLine = 'fedcba9876543210fedcba9876543210'

let emailResident: Victim
let sms: Awaited<ReturnType<typeof smsResident>>

beforeAll(async () => {
  await publishTowns('attack-webhooks-0001')
  emailResident = await victim('sakura-city', { nickname: 'メールのひと' })
  // Registered by SMS while the town sends codes through the local outbox, then the operator
  // stores the town's Twilio account (its auth token signs Twilio's webhooks).
  sms = await smsResident()
  await setSecret('sakura-city', 'resend.webhookSecret', svixSecret)
  await setSecret('sakura-city', 'line.channelSecret', lineSecret)
  await setSecret('sakura-city', 'karaden.callbackToken', karadenToken)
  await setSecret('sakura-city', 'twilio.credentials', JSON.stringify(twilio))
  await setSecret('minato-town', 'resend.webhookSecret', minatoSvix)
  await setSecret('minato-town', 'line.channelSecret', minatoLine)
})

/** Everything a webhook could change about residents, in every shard. */
async function residentsState() {
  const state: unknown[] = []
  for (const { db } of allShards(env)) {
    for (const sql of [
      'SELECT tenant_slug, channel, address, reason FROM suppressions ORDER BY 1, 2, 3',
      'SELECT id, state, state_reason FROM subscribers ORDER BY id',
      'SELECT subscriber_id, withdrawn_at FROM consents ORDER BY 1',
      'SELECT id, state FROM deliveries ORDER BY id',
    ])
      state.push((await db.prepare(sql).all()).results)
  }
  return state
}

const send = (path: string, body: string, headers: Record<string, string>) =>
  exports.default.fetch(`${origin}${path}`, { method: 'POST', body, headers })

const bounceOf = (address: string) =>
  JSON.stringify({
    type: 'email.bounced',
    created_at: new Date().toISOString(),
    data: { email_id: crypto.randomUUID(), to: [address] },
  })
const unfollowOf = (userId: string) =>
  JSON.stringify({
    destination: 'U0123456789abcdef0123456789abcdef',
    events: [
      {
        type: 'unfollow',
        mode: 'active',
        timestamp: Date.now(),
        webhookEventId: crypto.randomUUID().replaceAll('-', '').slice(0, 26).toUpperCase(),
        source: { type: 'user', userId },
        deliveryContext: { isRedelivery: false },
      },
    ],
  })
const stopFrom = (from: string) => ({
  MessageSid: `SM${crypto.randomUUID().replaceAll('-', '')}`,
  AccountSid: twilio.accountSid,
  From: from,
  To: twilio.from,
  Body: 'STOP',
})
const form = (params: Record<string, string>) => new URLSearchParams(params).toString()
const formType = { 'content-type': 'application/x-www-form-urlencoded' }

attack(
  'unsigned webhook',
  'forged Resend, LINE, Twilio and Karaden webhooks for each way of forging',
  async (attempts) => {
    const before = await residentsState()
    const bounce = bounceOf(emailResident.address)
    const altered = bounceOf(`${emailResident.address}.other`)
    const resend: Record<string, string>[] = [
      { 'content-type': 'application/json' },
      await svixHeaders(`whsec_${btoa('another-secret-entirely-32-bytes')}`, bounce),
      await svixHeaders(minatoSvix, bounce),
      await svixHeaders(svixSecret, bounce, new Date(Date.now() - 10 * 60_000)),
      await svixHeaders(svixSecret, bounce, new Date(Date.now() + 10 * 60_000)),
      await svixHeaders(svixSecret, altered),
    ]
    for (const [i, headers] of resend.entries()) {
      await attempts.refused(async () => {
        // The last one is signed over another body than the one sent.
        const response = await send('/webhooks/resend/sakura-city', bounce, headers)
        expect(response.status, `resend #${i}`).toBe(401)
      })
    }
    const unfollow = unfollowOf('U0123456789abcdef0123456789abcdef')
    for (const signature of [
      null,
      await lineSignature('00000000000000000000000000000000', unfollow),
      await lineSignature(minatoLine, unfollow),
      await lineSignature(lineSecret, unfollowOf('Uffffffffffffffffffffffffffffffff')),
      'not base64 at all',
    ]) {
      await attempts.refused(async () => {
        const headers: Record<string, string> = { 'content-type': 'application/json' }
        if (signature !== null) headers['x-line-signature'] = signature
        expect((await send('/webhooks/line/sakura-city', unfollow, headers)).status).toBe(401)
      })
    }
    const stop = stopFrom(sms.mobile.e164)
    const twilioUrl = (path: string) => `${origin}${path}`
    for (const path of ['/webhooks/twilio/sakura-city/inbound', '/webhooks/twilio/sakura-city']) {
      const status = path.endsWith('inbound') ? 403 : 401
      for (const signature of [
        null,
        await twilioSignature('wrong-auth-token', twilioUrl(path), stop),
        await twilioSignature(twilio.authToken, twilioUrl('/webhooks/twilio/minato-town/inbound'), stop),
        await twilioSignature(twilio.authToken, twilioUrl(path), { ...stop, From: '+819000000000' }),
      ]) {
        await attempts.refused(async () => {
          const headers: Record<string, string> = { ...formType }
          if (signature !== null) headers['x-twilio-signature'] = signature
          expect((await send(path, form(stop), headers)).status, path).toBe(status)
        })
      }
    }
    const report = JSON.stringify({
      id: crypto.randomUUID(),
      object: 'message',
      status: 'error',
      sent_result: 'error',
    })
    for (const path of [
      '/webhooks/karaden/sakura-city/guessed-token',
      `/webhooks/karaden/sakura-city/${karadenToken.slice(0, -1)}`,
      `/webhooks/karaden/minato-town/${karadenToken}`,
      `/webhooks/karaden/sakura-city/${karadenToken.toUpperCase()}`,
    ]) {
      await attempts.refused(async () => {
        expect((await send(path, report, { 'content-type': 'application/json' })).status, path).toBe(401)
      })
    }
    expect(await residentsState()).toEqual(before)
    expect(await subscriberByAddress(emailResident.address)).toMatchObject({ state: 'active' })
  },
)

attack(
  'replayed webhook',
  'a signed webhook sent again, within its window and after it',
  async (attempts) => {
    // Resend: the same svix-id again is acknowledged and does nothing more; a captured one past
    // Svix's five minutes is refused.
    const other = await victim('sakura-city', { nickname: 'はねかえり' })
    const bounce = bounceOf(other.address)
    const headers = await svixHeaders(svixSecret, bounce)
    expect((await send('/webhooks/resend/sakura-city', bounce, headers)).status).toBe(204)
    expect(await subscriberByAddress(other.address)).toMatchObject({ state: 'paused' })
    const afterFirst = await residentsState()
    for (let i = 0; i < 5; i++) {
      await attempts.refused(async () => {
        expect((await send('/webhooks/resend/sakura-city', bounce, headers)).status).toBe(204)
        expect(await residentsState()).toEqual(afterFirst)
      })
    }
    const stale = await svixHeaders(
      svixSecret,
      bounceOf(emailResident.address),
      new Date(Date.now() - 6 * 60_000),
    )
    await attempts.refused(async () => {
      expect(
        (await send('/webhooks/resend/sakura-city', bounceOf(emailResident.address), stale)).status,
      ).toBe(401)
    })

    // LINE: the same webhook event id again does nothing (LINE redelivers; a forger may too).
    const unfollow = unfollowOf('U11112222333344445555666677778888')
    const lineHeaders = {
      'content-type': 'application/json',
      'x-line-signature': await lineSignature(lineSecret, unfollow),
    }
    expect((await send('/webhooks/line/sakura-city', unfollow, lineHeaders)).status).toBe(200)
    const afterLine = await residentsState()
    for (let i = 0; i < 3; i++) {
      await attempts.refused(async () => {
        expect((await send('/webhooks/line/sakura-city', unfollow, lineHeaders)).status).toBe(200)
        expect(await residentsState()).toEqual(afterLine)
      })
    }

    // Twilio signs no time: a resident's STOP, captured, must not stop them again once they said
    // START and registered anew.
    const path = '/webhooks/twilio/sakura-city/inbound'
    const stop = stopFrom(sms.mobile.e164)
    const signed = {
      ...formType,
      'x-twilio-signature': await twilioSignature(twilio.authToken, `${origin}${path}`, stop),
    }
    expect((await send(path, form(stop), signed)).status).toBe(200)
    expect(await subscriberByAddress(sms.mobile.e164)).toMatchObject({ state: 'stopped' })
    const start = { ...stop, MessageSid: `SM${crypto.randomUUID().replaceAll('-', '')}`, Body: 'START' }
    const startSigned = {
      ...formType,
      'x-twilio-signature': await twilioSignature(twilio.authToken, `${origin}${path}`, start),
    }
    expect((await send(path, form(start), startSigned)).status).toBe(200)
    // Registering again sends a code: through the local outbox while the town has no Twilio account.
    await dropSecret('sakura-city', 'twilio.credentials')
    const again = await smsResident(sms.mobile)
    await setSecret('sakura-city', 'twilio.credentials', JSON.stringify(twilio))
    const rejoined = await residentsState()
    for (let i = 0; i < 3; i++) {
      await attempts.refused(async () => {
        const response = await send(path, form(stop), signed)
        expect(response.status).toBe(200)
        expect(await residentsState()).toEqual(rejoined)
      })
    }
    expect(await (await exports.default.fetch(`${origin}${again.manage}`)).text()).toContain('はな')
  },
)
