import { env } from 'cloudflare:workers'
import { beforeEach, expect, inject, it } from 'vitest'
import { app } from '../../edge/app'
import { storeTenantSecret } from '../../edge/channels/secrets'
import { runTick } from '../../edge/delivery/tick'
import { verifyTwilioSignature } from '../../edge/webhooks/twilio-signature'
import type { SignedWebhook } from '../fakes/webhook-outbox'
import {
  capturingQueue,
  consumeAsTheQueue,
  emptyDeliveryTables,
  insertManyExpecting,
  rows,
  storeFixture,
} from './support/delivery'

const fake = inject('fakeTwilioUrl')
const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const withTwilio = {
  ...env,
  TENANT_SECRETS_KEY: secretsKey,
  TWILIO_API_BASE_URL: fake,
  PUBLIC_ORIGIN: 'https://yorisoi.example.jp',
}
const accountSid = `AC${'0123456789abcdef'.repeat(2)}`

async function storeTwilio(authToken = 'token') {
  await storeTenantSecret(env.DB, secretsKey, {
    tenant: 'sakura-city',
    name: 'twilio.credentials',
    value: JSON.stringify({ accountSid, authToken, from: 'SakuraCity' }),
    now: new Date(),
  })
}

async function control(path: string, body?: unknown) {
  const response = await fetch(`${fake}/__fake/${path}`, {
    method: 'POST',
    body: JSON.stringify(body ?? null),
  })
  return (await response.json()) as { requests: number; rejected: number; deliveries: Record<string, number> }
}

beforeEach(async () => {
  await emptyDeliveryTables()
  await env.DB.prepare('DELETE FROM tenant_secrets').run()
  await control('reset')
})

it('the fake Twilio refuses a request that breaks Twilio’s OpenAPI description (a number that is not E.164)', async () => {
  const response = await fetch(`${fake}/2010-04-01/Accounts/${accountSid}/Messages.json`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${btoa(`${accountSid}:t`)}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ To: '090-1234-5678', From: 'SakuraCity', Body: 'こんにちは' }).toString(),
  })
  expect(response.status).toBe(400)
  expect((await control('stats')).deliveries).toEqual({})
})

it('never sends an SMS twice under 5xx, 429, crashes after accept and redeliveries; every doubt is flagged', async () => {
  const snapshot = await storeFixture()
  await storeTwilio()
  await insertManyExpecting(200, 'phone', 'sms')
  const queue = capturingQueue()
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-23T00:05:00Z') })
  await control('faults', [
    'server-error',
    'crash-after-accept',
    'rate-limited',
    'crash-after-accept',
    'rate-limited',
  ])

  expect(await consumeAsTheQueue(withTwilio, snapshot, [...queue.sent, ...queue.sent])).toEqual([])

  const { deliveries } = await control('stats')
  expect(Object.values(deliveries).filter((n) => n > 1)).toEqual([])
  const states = await rows<{ state: string; n: number }>(
    'SELECT state, COUNT(*) AS n FROM deliveries GROUP BY state ORDER BY state',
  )
  // The 500 and the two crashes left three sends in doubt: flagged for a person, never resent.
  expect(states).toEqual([
    { state: 'flagged', n: 3 },
    { state: 'sent', n: 197 },
  ])
  expect(Object.keys(deliveries)).toHaveLength(199)
  const flagged = await rows<{ error: string }>("SELECT error FROM deliveries WHERE state = 'flagged'")
  expect(flagged.every((f) => f.error.startsWith('needs-review'))).toBe(true)
}, 60_000)

it('checks X-Twilio-Signature as Twilio computes it (the example in Twilio’s security docs)', async () => {
  const params = new URLSearchParams({
    CallSid: 'CA1234567890ABCDE',
    Caller: '+12349013030',
    Digits: '1234',
    From: '+12349013030',
    To: '+18005551212',
  })
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2'
  expect(await verifyTwilioSignature('12345', '0/KCTR6DLpKmkAf8muzZqo1nDgQ=', url, params)).toBe(true)
  expect(await verifyTwilioSignature('12346', '0/KCTR6DLpKmkAf8muzZqo1nDgQ=', url, params)).toBe(false)
  params.set('Digits', '1235')
  expect(await verifyTwilioSignature('12345', '0/KCTR6DLpKmkAf8muzZqo1nDgQ=', url, params)).toBe(false)
})

it('learns of invalid numbers from Twilio’s answer and its signed status callbacks: suppressed at once, a passing failure counts a failed day', async () => {
  const snapshot = await storeFixture()
  await storeTwilio('sakura-auth-token')
  await insertManyExpecting(5, 'status', 'sms')
  // status-00000 … 00004 are +819000000001 … +819000000005.
  await control('webhook-config', {
    '+819000000005': { status: 'refused', errorCode: 21211 },
    '+819000000002': { status: 'undelivered', errorCode: 30005 },
    '+819000000003': { status: 'failed', errorCode: 21614 },
    '+819000000004': { status: 'undelivered', errorCode: 30003 },
  })
  const queue = capturingQueue()
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-23T00:05:00Z') })
  expect(await consumeAsTheQueue(withTwilio, snapshot, queue.sent)).toEqual([])
  expect(await rows("SELECT COUNT(*) AS n FROM deliveries WHERE state = 'sent'")).toEqual([{ n: 4 }])
  // The number Twilio refused on sending (21211, invalid 'To') is suppressed already.
  expect(await rows('SELECT address, reason FROM suppressions')).toEqual([
    { address: '+819000000005', reason: 'invalid-number' },
  ])

  const callbacks = (await (
    await fetch(`${fake}/__fake/webhooks`, { method: 'POST' })
  ).json()) as SignedWebhook[]
  // `sent`, then `delivered` or the failure, for each SMS; all to this tenant's callback URL.
  expect(callbacks).toHaveLength(8)
  expect(new Set(callbacks.map((w) => w.path))).toEqual(new Set(['/webhooks/twilio/sakura-city']))
  const post = (path: string, w: SignedWebhook) =>
    app.request(path, { method: 'POST', headers: w.headers, body: w.body }, withTwilio)

  // Unsigned, wrongly signed, a changed body, another tenant's URL: refused, nothing written.
  const failing = callbacks.find((w) => w.body.includes('ErrorCode=30005'))!
  const { 'x-twilio-signature': signature, ...unsigned } = failing.headers
  expect((await post(failing.path, { ...failing, headers: unsigned })).status).toBe(401)
  expect(
    (
      await post(failing.path, {
        ...failing,
        headers: { ...unsigned, 'x-twilio-signature': `x${signature}` },
      })
    ).status,
  ).toBe(401)
  expect(
    (await post(failing.path, { ...failing, body: failing.body.replace('30005', '30003') })).status,
  ).toBe(401)
  expect((await post('/webhooks/twilio/minato-town', failing)).status).toBe(401)
  expect(await rows("SELECT COUNT(*) AS n FROM deliveries WHERE state = 'sent'")).toEqual([{ n: 4 }])
  expect(await rows('SELECT COUNT(*) AS n FROM suppressions')).toEqual([{ n: 1 }])

  // Every callback relayed twice, as Twilio may retry: applied once.
  for (const round of [1, 2]) {
    const statuses = []
    for (const w of callbacks) statuses.push((await post(w.path, w)).status)
    expect(statuses, `round ${round}`).toEqual(Array(8).fill(204))
  }
  expect(await rows('SELECT id, state, state_reason FROM subscribers ORDER BY id')).toEqual([
    { id: 'status-00000', state: 'active', state_reason: null },
    { id: 'status-00001', state: 'paused', state_reason: 'suppressed: invalid-number' },
    { id: 'status-00002', state: 'paused', state_reason: 'suppressed: invalid-number' },
    { id: 'status-00003', state: 'active', state_reason: null },
    { id: 'status-00004', state: 'paused', state_reason: 'suppressed: invalid-number' },
  ])
  expect(await rows('SELECT channel, address, reason FROM suppressions ORDER BY address')).toEqual([
    { channel: 'sms', address: '+819000000002', reason: 'invalid-number' },
    { channel: 'sms', address: '+819000000003', reason: 'invalid-number' },
    { channel: 'sms', address: '+819000000005', reason: 'invalid-number' },
  ])
  expect(await rows('SELECT subscriber_id, state, error FROM deliveries ORDER BY subscriber_id')).toEqual([
    { subscriber_id: 'status-00000', state: 'sent', error: null },
    {
      subscriber_id: 'status-00001',
      state: 'failed-permanent',
      error: 'twilio: undelivered 30005: Unknown destination handset (unknown, or no longer in service)',
    },
    {
      subscriber_id: 'status-00002',
      state: 'failed-permanent',
      error:
        "twilio: failed 21614: 'To' number is not a valid mobile number (a landline or an invalid number)",
    },
    { subscriber_id: 'status-00003', state: 'failed-permanent', error: 'twilio: undelivered 30003' },
    { subscriber_id: 'status-00004', state: 'failed-permanent', error: 'twilio 400 code 21211' },
  ])
  expect(await rows("SELECT sent, failed FROM tenant_runs WHERE tenant_slug = 'sakura-city'")).toEqual([
    { sent: 1, failed: 4 },
  ])
  expect(await rows('SELECT subscriber_id, days FROM delivery_failures ORDER BY subscriber_id')).toEqual([
    { subscriber_id: 'status-00001', days: 1 },
    { subscriber_id: 'status-00002', days: 1 },
    { subscriber_id: 'status-00003', days: 1 },
    { subscriber_id: 'status-00004', days: 1 },
  ])
  // The next day goes to the two numbers that can still take SMS.
  const tomorrow = capturingQueue()
  await env.DB.prepare("UPDATE subscribers SET next_send_on = '2026-11-24'").run()
  await runTick({ db: env.DB, queue: tomorrow, snapshot, now: new Date('2026-11-24T00:05:00Z') })
  expect(tomorrow.sent.flatMap((b) => b.subscriberIds).sort()).toEqual(['status-00000', 'status-00003'])
})
