import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeEach, expect, inject, it } from 'vitest'
import { app } from '../../edge/app'
import { storeTenantSecret } from '../../edge/channels/secrets'
import { onDeliveryBatch } from '../../edge/delivery/consume'
import { runTick } from '../../edge/delivery/tick'
import { standingToken } from '../../edge/resident/link-tokens'
import { verifyTwilioSignature } from '../../edge/webhooks/twilio-signature'
import { verdictOfStatus } from '../../edge/webhooks/twilio-status'
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

async function storeTwilio(authToken = 'token', from = 'SakuraCity') {
  await storeTenantSecret(env.DB, secretsKey, {
    tenant: 'sakura-city',
    name: 'twilio.credentials',
    value: JSON.stringify({ accountSid, authToken, from }),
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

// Replies need a number, not an alphanumeric sender id: the tenant sends from this one.
const tenantNumber = '+815012345678'
const inboundUrl = 'https://yorisoi.example.jp/webhooks/twilio/sakura-city/inbound'

async function withConsents(ids: string[]) {
  await env.DB.batch(
    ids.map((id) =>
      env.DB.prepare(
        `INSERT INTO consents (subscriber_id, tenant_slug, notice_version, method, given_at)
         VALUES (?1, 'sakura-city', 'v1', 'web-form', '2026-10-01T00:00:00.000Z')`,
      ).bind(id),
    ),
  )
}

async function managePage(id: string) {
  const token = await standingToken('test-link-secret', id, 'manage')
  const response = await app.request(`https://yorisoi.example.jp/r/${token}`, {}, withTwilio)
  expect(response.status).toBe(200)
  return response.text()
}

it('a resident who replied STOP is refused by Twilio with 21610 on the next send: stopped at once, their manage page says why', async () => {
  const snapshot = await storeFixture()
  await storeTwilio('sakura-auth-token', tenantNumber)
  await insertManyExpecting(2, 'optout', 'sms')
  await withConsents(['optout-00000', 'optout-00001'])
  // optout-00001 (+819000000002) replies STOP; the tenant configured no incoming-message webhook,
  // so yorisoi first hears of it when Twilio refuses the SMS.
  await control('inbound', {
    webhookUrl: inboundUrl,
    accountSid,
    authToken: 'sakura-auth-token',
    from: '+819000000002',
    to: tenantNumber,
    body: 'STOP',
  })
  const queue = capturingQueue()
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-23T00:05:00Z') })
  expect(await consumeAsTheQueue(withTwilio, snapshot, queue.sent)).toEqual([])

  expect((await control('stats')).deliveries).toEqual({ '+819000000001': 1 })
  expect(await rows('SELECT subscriber_id, state, error FROM deliveries ORDER BY subscriber_id')).toEqual([
    { subscriber_id: 'optout-00000', state: 'sent', error: null },
    { subscriber_id: 'optout-00001', state: 'failed-permanent', error: 'twilio 400 code 21610' },
  ])
  expect(await rows('SELECT channel, address, reason FROM suppressions')).toEqual([
    { channel: 'sms', address: '+819000000002', reason: 'opted-out' },
  ])
  expect(await rows('SELECT id, state, state_reason, next_send_on FROM subscribers ORDER BY id')).toEqual([
    { id: 'optout-00000', state: 'active', state_reason: null, next_send_on: '2026-11-24' },
    { id: 'optout-00001', state: 'stopped', state_reason: 'suppressed: opted-out', next_send_on: null },
  ])
  // Their STOP withdrew their consent, as the stop link does.
  expect(
    await rows(
      'SELECT subscriber_id, withdrawn_at IS NOT NULL AS withdrawn FROM consents ORDER BY subscriber_id',
    ),
  ).toEqual([
    { subscriber_id: 'optout-00000', withdrawn: 0 },
    { subscriber_id: 'optout-00001', withdrawn: 1 },
  ])

  const page = await managePage('optout-00001')
  expect(page).toContain('停止中')
  expect(page).toContain('SMS に「STOP」（停止）と返信されたため、お便りを止めました。')
  expect(page).toContain('You replied STOP to our SMS, so the messages are stopped.')
  expect(page).toContain('href="/t/sakura-city"')
  // Not the provider-pause text that asks them to fix their address.
  expect(page).not.toContain('お便りが届かなかったため')
  expect(await managePage('optout-00000')).not.toContain('STOP')

  const tomorrow = capturingQueue()
  await runTick({ db: env.DB, queue: tomorrow, snapshot, now: new Date('2026-11-24T00:05:00Z') })
  expect(tomorrow.sent.flatMap((b) => b.subscriberIds)).toEqual(['optout-00000'])
  // A status callback reporting 21610 (a send a Messaging Service accepted first) means the same.
  expect(
    verdictOfStatus({ MessageSid: `SM${'a'.repeat(32)}`, MessageStatus: 'failed', ErrorCode: '21610' }),
  ).toEqual({ suppress: 'opted-out', error: 'twilio: failed 21610: the recipient opted out (STOP)' })
})

it('Twilio’s signed incoming-message webhook: STOP or 停止 stops the resident before any send, START lifts the suppression; unsigned → 403, nothing written', async () => {
  const snapshot = await storeFixture()
  await storeTwilio('sakura-auth-token', tenantNumber)
  await insertManyExpecting(4, 'reply', 'sms')
  await withConsents(['reply-00000', 'reply-00001', 'reply-00002', 'reply-00003'])
  const reply = (from: string, body: string, advanced: boolean) =>
    control('inbound', {
      webhookUrl: inboundUrl,
      accountSid,
      authToken: 'sakura-auth-token',
      from,
      to: tenantNumber,
      body,
      // Advanced Opt-Out with the tenant's Japanese keyword: Twilio posts OptOutType=STOP.
      ...(advanced ? { messagingServiceSid: `MG${'0'.repeat(32)}`, optOutKeywords: ['STOP', '停止'] } : {}),
    })
  await reply('+819000000001', '停止', true)
  await reply('+819000000002', 'stop', false)
  await reply('+819000000003', 'ありがとうございます', false)
  const replies = (await (
    await fetch(`${fake}/__fake/webhooks`, { method: 'POST' })
  ).json()) as SignedWebhook[]
  expect(replies.map((w) => w.path)).toEqual(Array(3).fill('/webhooks/twilio/sakura-city/inbound'))
  expect(replies[0]!.body).toContain('OptOutType=STOP')
  expect(replies[1]!.body).not.toContain('OptOutType')
  const post = (path: string, w: SignedWebhook) =>
    app.request(path, { method: 'POST', headers: w.headers, body: w.body }, withTwilio)

  // Unsigned, wrongly signed, a changed sender, another tenant's URL, the status URL: nothing written.
  const stop = replies[0]!
  const { 'x-twilio-signature': signature, ...unsigned } = stop.headers
  expect((await post(stop.path, { ...stop, headers: unsigned })).status).toBe(403)
  expect(
    (await post(stop.path, { ...stop, headers: { ...unsigned, 'x-twilio-signature': `x${signature}` } }))
      .status,
  ).toBe(403)
  expect(
    (await post(stop.path, { ...stop, body: stop.body.replace('819000000001', '819000000004') })).status,
  ).toBe(403)
  expect((await post('/webhooks/twilio/minato-town/inbound', stop)).status).toBe(403)
  expect((await post('/webhooks/twilio/sakura-city', stop)).status).toBe(401)
  expect(await rows('SELECT COUNT(*) AS n FROM suppressions')).toEqual([{ n: 0 }])
  expect(await rows("SELECT COUNT(*) AS n FROM subscribers WHERE state = 'active'")).toEqual([{ n: 4 }])

  // Each reply delivered twice, as Twilio may retry: empty TwiML (no reply of ours), applied once.
  for (const round of [1, 2]) {
    for (const w of replies) {
      const answer = await post(w.path, w)
      expect(answer.status, `round ${round}`).toBe(200)
      expect(answer.headers.get('content-type')).toMatch(/^text\/xml/)
      expect(await answer.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>')
    }
  }
  expect(await rows('SELECT id, state, state_reason FROM subscribers ORDER BY id')).toEqual([
    { id: 'reply-00000', state: 'stopped', state_reason: 'suppressed: opted-out' },
    { id: 'reply-00001', state: 'stopped', state_reason: 'suppressed: opted-out' },
    { id: 'reply-00002', state: 'active', state_reason: null },
    { id: 'reply-00003', state: 'active', state_reason: null },
  ])
  expect(await rows('SELECT address, reason FROM suppressions ORDER BY address')).toEqual([
    { address: '+819000000001', reason: 'opted-out' },
    { address: '+819000000002', reason: 'opted-out' },
  ])
  expect(await rows('SELECT COUNT(*) AS n FROM consents WHERE withdrawn_at IS NOT NULL')).toEqual([{ n: 2 }])

  // The day's run sends only to those who did not stop; nothing reaches Twilio for the others.
  const queue = capturingQueue()
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-23T00:05:00Z') })
  expect(queue.sent.flatMap((b) => b.subscriberIds).sort()).toEqual(['reply-00002', 'reply-00003'])
  expect(await consumeAsTheQueue(withTwilio, snapshot, queue.sent)).toEqual([])
  // +819000000003's 「ありがとうございます」 went to the desk's inbox and was acknowledged once (issue 15).
  expect((await control('stats')).deliveries).toEqual({ '+819000000003': 2, '+819000000004': 1 })

  // START opts them back in at Twilio: the suppression goes; they stay stopped until they register again.
  await reply('+819000000001', 'START', true)
  // (The day's SMS left their status callbacks queued too.)
  const start = (
    (await (await fetch(`${fake}/__fake/webhooks`, { method: 'POST' })).json()) as SignedWebhook[]
  ).find((w) => w.path.endsWith('/inbound'))
  expect(start!.body).toContain('OptOutType=START')
  expect((await post(start!.path, start!)).status).toBe(200)
  expect(await rows('SELECT address FROM suppressions')).toEqual([{ address: '+819000000002' }])
  expect(await rows("SELECT state FROM subscribers WHERE id = 'reply-00000'")).toEqual([{ state: 'stopped' }])
})

it('Twilio credentials no key opens (a wrong TENANT_SECRETS_KEY): the batch waits for a retry with a bilingual error; nothing reaches Twilio, nothing is claimed', async () => {
  const snapshot = await storeFixture()
  await storeTwilio()
  await insertManyExpecting(2, 'wrongkey', 'sms')
  const queue = capturingQueue()
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-23T00:05:00Z') })
  const otherKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
  const wrong = { ...withTwilio, TENANT_SECRETS_KEY: otherKey }
  const logged: string[] = []
  const original = console.error
  console.error = (...args: unknown[]) => logged.push(args.join(' '))
  const batch = createMessageBatch(
    'yorisoi-delivery',
    queue.sent.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body })),
  )
  try {
    await onDeliveryBatch(batch, wrong)
  } finally {
    console.error = original
  }
  const result = await getQueueResult(batch, createExecutionContext())
  expect(result.retryMessages.map((m) => m.msgId)).toEqual(['m0'])
  expect(logged.join('\n')).toContain(
    "sakura-city のシークレット twilio.credentials を TENANT_SECRETS_KEY で復号できません。鍵を確かめ、鍵の切り替え中なら前の鍵を TENANT_SECRETS_KEY_PREVIOUS に置いてください / sakura-city's secret twilio.credentials does not decrypt",
  )
  expect(await control('stats')).toMatchObject({ requests: 0, deliveries: {} })
  expect(await rows('SELECT COUNT(*) AS n FROM deliveries')).toEqual([{ n: 0 }])
  // With the right key the same batch goes out.
  expect(await consumeAsTheQueue(withTwilio, snapshot, queue.sent)).toEqual([])
  expect(Object.keys((await control('stats')).deliveries)).toHaveLength(2)
})
