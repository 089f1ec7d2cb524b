import { env } from 'cloudflare:workers'
import { beforeEach, expect, inject, it } from 'vitest'
import { app } from '../../edge/app'
import { adapterFor } from '../../edge/channels/registry'
import { storeTenantSecret } from '../../edge/channels/secrets'
import { runTick } from '../../edge/delivery/tick'
import { buildAggregatesReport } from '../../edge/reports/aggregates'
import { deliveryCounts } from '../../edge/reports/delivery-counts'
import type { SignedWebhook } from '../fakes/webhook-outbox'
import {
  capturingQueue,
  consumeAsTheQueue,
  emptyDeliveryTables,
  insertManyExpecting,
  rows,
  storeFixture,
} from './support/delivery'

const fake = inject('fakeKaradenUrl')
const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const withKaraden = {
  ...env,
  TENANT_SECRETS_KEY: secretsKey,
  KARADEN_API_BASE_URL: fake,
  PROVIDER_TIMEOUT_MS: '500',
}

async function control(path: string, body?: unknown) {
  const response = await fetch(`${fake}/__fake/${path}`, {
    method: 'POST',
    body: JSON.stringify(body ?? null),
  })
  return (await response.json()) as { requests: number; rejected: number; deliveries: Record<string, number> }
}

async function storeKaraden() {
  await storeTenantSecret(env.DB, secretsKey, {
    tenant: 'sakura-city',
    name: 'karaden.credentials',
    value: JSON.stringify({ tenantId: 'a1b2c3', token: 'karaden-token', serviceId: 42 }),
    now: new Date(),
  })
}

beforeEach(async () => {
  await emptyDeliveryTables()
  await env.DB.prepare('DELETE FROM tenant_secrets').run()
  await control('reset')
})

it('the fake Karaden refuses requests that break the repo’s description of its API', async () => {
  const send = (form: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${fake}/api/a1b2c3/messages`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer t',
        'karaden-version': '2023-01-01',
        'content-type': 'application/x-www-form-urlencoded',
        ...headers,
      },
      body: new URLSearchParams(form).toString(),
    })
  // An international number (Karaden wants 090…), a text over 660 characters, no version header.
  const e164 = await send({ service_id: '42', to: '+819012345678', body: 'こんにちは' })
  expect(e164.status).toBe(422)
  expect(((await e164.json()) as { errors: Record<string, string[]> }).errors).toHaveProperty('to')
  expect((await send({ service_id: '42', to: '09012345678', body: 'あ'.repeat(661) })).status).toBe(422)
  const noVersion = await fetch(`${fake}/api/a1b2c3/messages`, {
    method: 'POST',
    headers: { authorization: 'Bearer t', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ service_id: '42', to: '09012345678', body: 'x' }).toString(),
  })
  expect(noVersion.status).toBe(422)
  expect((await send({ service_id: '42', to: '09012345678', body: 'x' }, { authorization: '' })).status).toBe(
    401,
  )
  expect((await control('stats')).deliveries).toEqual({})
  expect((await send({ service_id: '42', to: '09012345678', body: 'こんにちは' })).status).toBe(200)
})

it('sends 国内SMS through Karaden when the tenant has its credentials, preferred over Twilio', async () => {
  await storeKaraden()
  await storeTenantSecret(env.DB, secretsKey, {
    tenant: 'sakura-city',
    name: 'twilio.credentials',
    value: JSON.stringify({ accountSid: 'AC1', authToken: 't', from: 'Sakura' }),
    now: new Date(),
  })
  expect((await adapterFor(withKaraden, 'sakura-city', 'sms')).name).toBe('karaden')
  expect((await adapterFor(withKaraden, 'minato-town', 'sms')).name).toBe('outbox')
})

it('never sends an SMS twice under 5xx, 429, crashes, slow and hanging answers and redeliveries; every doubt is flagged', async () => {
  const snapshot = await storeFixture()
  await storeKaraden()
  await insertManyExpecting(200, 'phone', 'sms')
  const queue = capturingQueue()
  // A duplicate tick, five minutes later, enqueues nothing more.
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-23T00:05:00Z') })
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-23T00:10:00Z') })
  expect(queue.sent.flatMap((b) => b.subscriberIds)).toHaveLength(200)
  await control('faults', [
    'server-error',
    'slow',
    'crash-after-accept',
    'rate-limited',
    'timeout',
    'slow',
    'rate-limited',
  ])

  expect(await consumeAsTheQueue(withKaraden, snapshot, [...queue.sent, ...queue.sent])).toEqual([])

  const { deliveries, rejected } = await control('stats')
  expect(rejected).toBe(0)
  expect(Object.values(deliveries).filter((n) => n > 1)).toEqual([])
  // The 500 never reached a phone; the crash and the hang did, but nobody could know: flagged.
  expect(Object.keys(deliveries)).toHaveLength(199)
  expect(await rows('SELECT state, COUNT(*) AS n FROM deliveries GROUP BY state ORDER BY state')).toEqual([
    { state: 'flagged', n: 3 },
    { state: 'sent', n: 197 },
  ])
  const flagged = await rows<{ error: string }>(
    "SELECT error FROM deliveries WHERE state = 'flagged' ORDER BY error",
  )
  expect(flagged.map((f) => f.error)).toEqual([
    'needs-review: karaden 500 internal_server_error',
    expect.stringMatching(/^needs-review: karaden: .*Network connection lost/),
    'needs-review: karaden: no answer within 500 ms',
  ])
  const [segments] = await rows<{ s: number }>(
    "SELECT MIN(sms_segments) AS s FROM deliveries WHERE state = 'sent'",
  )
  expect(segments!.s).toBeGreaterThan(0)
}, 60_000)

it('a hanging Karaden does not hang the consumer: each send gives up after the timeout and is flagged', async () => {
  const snapshot = await storeFixture()
  await storeKaraden()
  await insertManyExpecting(20, 'hang', 'sms')
  const queue = capturingQueue()
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-23T00:05:00Z') })
  await control('faults', Array(20).fill('timeout'))
  // The fake holds each answer for 15 s; this test's own limit is 10 s.
  expect(await consumeAsTheQueue(withKaraden, snapshot, queue.sent)).toEqual([])
  expect(await rows("SELECT COUNT(*) AS n FROM deliveries WHERE state = 'flagged'")).toEqual([{ n: 20 }])
  expect(await rows("SELECT COUNT(*) AS n FROM subscribers WHERE next_send_on = '2026-11-24'")).toEqual([
    { n: 20 },
  ])
}, 10_000)

it('learns of failed deliveries from Karaden’s delivery reports: an undeliverable number is suppressed at once, out of reach counts a failed day', async () => {
  const snapshot = await storeFixture()
  await storeKaraden()
  const token = 'k'.repeat(12) + crypto.randomUUID().replaceAll('-', '')
  await storeTenantSecret(env.DB, secretsKey, {
    tenant: 'sakura-city',
    name: 'karaden.callbackToken',
    value: token,
    now: new Date(),
  })
  await insertManyExpecting(4, 'report', 'sms')
  // report-00000 … 00003 are 09000000001 … 09000000004 at Karaden.
  await control('webhook-config', {
    path: `/webhooks/karaden/sakura-city/${token}`,
    reach: { '09000000002': 'error', '09000000003': 'send-error', '09000000004': 'unconnected' },
  })
  const queue = capturingQueue()
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-23T00:05:00Z') })
  expect(await consumeAsTheQueue(withKaraden, snapshot, queue.sent)).toEqual([])
  expect(await rows("SELECT COUNT(*) AS n FROM deliveries WHERE state = 'sent'")).toEqual([{ n: 4 }])

  const taken = await fetch(`${fake}/__fake/webhooks`, { method: 'POST' })
  expect(taken.status).toBe(200) // every report matched the description's callback
  const reports = (await taken.json()) as SignedWebhook[]
  expect(reports).toHaveLength(4)
  const post = (path: string, w: SignedWebhook) =>
    app.request(path, { method: 'POST', headers: w.headers, body: w.body }, withKaraden)

  // Karaden signs nothing: a guessed token, another tenant's URL or a malformed body changes nothing.
  const failing = reports[1]!
  expect((await post(`/webhooks/karaden/sakura-city/${'x'.repeat(token.length)}`, failing)).status).toBe(401)
  expect((await post(`/webhooks/karaden/minato-town/${token}`, failing)).status).toBe(401)
  expect((await post(failing.path, { ...failing, body: '{"id":"not a report"}' })).status).toBe(400)
  expect(await rows("SELECT COUNT(*) AS n FROM deliveries WHERE state = 'sent'")).toEqual([{ n: 4 }])

  // Each report relayed twice, as a callback may be: applied once.
  for (const round of [1, 2]) {
    const statuses = []
    for (const w of reports) statuses.push((await post(w.path, w)).status)
    expect(statuses, `round ${round}`).toEqual([200, 200, 200, 200])
  }
  expect(await rows('SELECT id, state, state_reason FROM subscribers ORDER BY id')).toEqual([
    { id: 'report-00000', state: 'active', state_reason: null },
    { id: 'report-00001', state: 'paused', state_reason: 'suppressed: invalid-number' },
    { id: 'report-00002', state: 'paused', state_reason: 'suppressed: invalid-number' },
    { id: 'report-00003', state: 'active', state_reason: null },
  ])
  expect(await rows('SELECT channel, address, reason FROM suppressions ORDER BY address')).toEqual([
    { channel: 'sms', address: '+819000000002', reason: 'invalid-number' },
    { channel: 'sms', address: '+819000000003', reason: 'invalid-number' },
  ])
  expect(await rows('SELECT subscriber_id, state, error FROM deliveries ORDER BY subscriber_id')).toEqual([
    { subscriber_id: 'report-00000', state: 'sent', error: null },
    {
      subscriber_id: 'report-00001',
      state: 'failed-permanent',
      error: 'karaden: undeliverable (status done, error)',
    },
    {
      subscriber_id: 'report-00002',
      state: 'failed-permanent',
      error: 'karaden: undeliverable (status error, none)',
    },
    { subscriber_id: 'report-00003', state: 'failed-permanent', error: 'karaden: out of reach (圏外)' },
  ])
  expect(await rows("SELECT sent, failed FROM tenant_runs WHERE tenant_slug = 'sakura-city'")).toEqual([
    { sent: 1, failed: 3 },
  ])
  expect(await rows('SELECT subscriber_id, days FROM delivery_failures ORDER BY subscriber_id')).toEqual([
    { subscriber_id: 'report-00001', days: 1 },
    { subscriber_id: 'report-00002', days: 1 },
    { subscriber_id: 'report-00003', days: 1 },
  ])
  const counts = await deliveryCounts(env.DB, { tenant: 'sakura-city', from: '2026-11-23', to: '2026-11-23' })
  expect(counts.map((c) => [c.channel, c.outcome, c.count])).toEqual([
    ['sms', 'failed-permanent', 3],
    ['sms', 'sent', 1],
  ])
  // The next day goes to the two numbers that can still take SMS.
  const tomorrow = capturingQueue()
  await env.DB.prepare("UPDATE subscribers SET next_send_on = '2026-11-24'").run()
  await runTick({ db: env.DB, queue: tomorrow, snapshot, now: new Date('2026-11-24T00:05:00Z') })
  expect(tomorrow.sent.flatMap((b) => b.subscriberIds).sort()).toEqual(['report-00000', 'report-00003'])
})

it('a send left in doubt by a crash is listed for a person (masked), resolved as sent or sent again once, and counted for the CMS', async () => {
  const snapshot = await storeFixture()
  await storeKaraden()
  // Only the injected crashes may leave doubt: a busy runner must not time the other sends out. The
  // links of a message sent again point where the daily ones do.
  const patient = {
    ...withKaraden,
    PROVIDER_TIMEOUT_MS: '10000',
    PUBLIC_ORIGIN: 'https://yorisoi.example.jp',
  }
  await insertManyExpecting(4, 'doubt', 'sms')
  const queue = capturingQueue()
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-23T00:05:00Z') })
  await control('faults', ['crash-after-accept', 'crash-after-accept', 'crash-after-accept'])
  expect(await consumeAsTheQueue(patient, snapshot, queue.sent)).toEqual([])
  expect(Object.values((await control('stats')).deliveries)).toEqual([1, 1, 1, 1])

  const ingest = (path: string, init: RequestInit = {}, token = 'test-decisions-token') =>
    app.request(
      `/ingest/tenants/sakura-city/${path}`,
      {
        ...init,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      patient,
    )
  const resolve = (id: string, decision: string, token?: string) =>
    ingest(
      `flagged/${id}/resolve`,
      { method: 'POST', body: JSON.stringify({ decision, actor: '保健師 A' }) },
      token,
    )
  const counts = async () =>
    (
      await buildAggregatesReport(env.DB, {
        from: '2026-11-17',
        to: '2026-11-24',
        tenants: ['sakura-city'],
        now: new Date(),
      })
    ).flaggedDeliveries

  const listed = await ingest('flagged')
  expect(listed.status).toBe(200)
  const wire = await listed.text()
  const listedBody = JSON.parse(wire) as {
    flagged: {
      id: string
      date: string
      slots: string[]
      channel: string
      address: string
      attempts: number
    }[]
    more: boolean
  }
  const { flagged, more } = listedBody
  expect(more).toBe(false)
  expect(flagged.map(({ id: _id, ...f }) => f)).toEqual([
    expect.objectContaining({ date: '2026-11-23', slots: ['pregnancy/196'], channel: 'sms', attempts: 1 }),
    expect.objectContaining({ date: '2026-11-23', slots: ['pregnancy/196'], channel: 'sms', attempts: 1 }),
    expect.objectContaining({ date: '2026-11-23', slots: ['pregnancy/196'], channel: 'sms', attempts: 1 }),
  ])
  expect(flagged.map((f) => f.address).sort()).toEqual(['***0001', '***0002', '***0003'])
  expect(wire).not.toMatch(/\+8190|doubt-/)
  expect(await counts()).toEqual([
    { date: '2026-11-23', tenant: 'sakura-city', open: 3, resolved: 0, deadLetters: 0 },
  ])
  const [first, second, third] = flagged as [(typeof flagged)[0], (typeof flagged)[0], (typeof flagged)[0]]

  // Without the decisions token (the publishing one included): refused, nothing sent or written.
  for (const token of ['', 'wrong-token', 'test-ingest-token']) {
    expect((await ingest('flagged', {}, token)).status).toBe(401)
    expect((await resolve(first.id, 'send-again', token)).status).toBe(401)
  }
  expect(await rows('SELECT COUNT(*) AS n FROM delivery_resolutions')).toEqual([{ n: 0 }])
  expect(await rows("SELECT COUNT(*) AS n FROM deliveries WHERE state = 'flagged'")).toEqual([{ n: 3 }])
  // A decision that is neither, and a delivery this tenant does not have: said why, nothing changed.
  const unclear = await resolve(first.id, 'maybe')
  expect(unclear.status).toBe(400)
  expect(await unclear.text()).toContain(
    'decision は was-sent か send-again / decision is was-sent or send-again',
  )
  expect((await resolve('00000000-0000-8000-8000-000000000000', 'was-sent')).status).toBe(404)

  // The person knows the first one arrived: marked sent, nothing goes to the provider.
  const wasSent = await resolve(first.id, 'was-sent')
  expect(await wasSent.json()).toEqual({ id: first.id, decision: 'was-sent', state: 'sent', error: null })
  // The second did not arrive: sent again once, however often (or however concurrently) it is asked.
  const answers = await Promise.all([resolve(second.id, 'send-again'), resolve(second.id, 'send-again')])
  expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
  expect(await answers.find((a) => a.status === 200)!.json()).toEqual({
    id: second.id,
    decision: 'send-again',
    state: 'sent',
    error: null,
  })
  expect((await resolve(second.id, 'send-again')).status).toBe(409)
  expect((await resolve(first.id, 'send-again')).status).toBe(409)
  // The third is sent again and that send too is cut off after the provider took it: in doubt
  // again, it stays flagged for the person, who later learns it arrived.
  await control('faults', ['crash-after-accept'])
  expect(await (await resolve(third.id, 'send-again')).json()).toMatchObject({
    state: 'flagged',
    error: expect.stringMatching(/^needs-review: send again: /),
  })
  const again = JSON.parse(await (await ingest('flagged')).text()) as typeof listedBody
  expect(again.flagged.map((f) => [f.id, f.attempts])).toEqual([[third.id, 2]])
  expect((await resolve(third.id, 'was-sent')).status).toBe(200)
  const stats = await control('stats')
  expect(Object.values(stats.deliveries).sort()).toEqual([1, 1, 2, 2])
  // Sent again after its day: the message says it comes late.
  expect((stats as unknown as { messages: { body: string }[] }).messages.at(-1)!.body).toMatch(
    /^【11月23日のお便り（遅れてお届けします）】/,
  )

  expect(await rows('SELECT state, COUNT(*) AS n FROM deliveries GROUP BY state')).toEqual([
    { state: 'sent', n: 4 },
  ])
  expect(await rows('SELECT decision, outcome, actor, error FROM delivery_resolutions ORDER BY id')).toEqual([
    { decision: 'was-sent', outcome: 'sent', actor: '保健師 A', error: null },
    { decision: 'send-again', outcome: 'sent', actor: '保健師 A', error: null },
    {
      decision: 'send-again',
      outcome: 'flagged',
      actor: '保健師 A',
      error: expect.stringMatching(/^needs-review/),
    },
    { decision: 'was-sent', outcome: 'sent', actor: '保健師 A', error: null },
  ])
  expect(await rows("SELECT sent, flagged FROM tenant_runs WHERE tenant_slug = 'sakura-city'")).toEqual([
    { sent: 4, flagged: 0 },
  ])
  expect(JSON.parse(await (await ingest('flagged')).text()).flagged).toEqual([])
  expect(await counts()).toEqual([
    { date: '2026-11-23', tenant: 'sakura-city', open: 0, resolved: 3, deadLetters: 0 },
  ])
  // A batch of that day dead-lettered; a delivery of a day before the period open again: both reach the CMS.
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO dead_letters (id, queue, tenant_slug, local_date, manifest_id, body, attempts, received_at)
       VALUES ('dl-1', 'yorisoi-delivery-dead', 'sakura-city', '2026-11-23', 'fixture-0001', '{}', 3, '2026-11-23T03:00:00Z')`,
    ),
    env.DB.prepare("UPDATE deliveries SET local_date = '2026-11-02', state = 'flagged' WHERE id = ?1").bind(
      first.id,
    ),
  ])
  expect(await counts()).toEqual([
    { date: '2026-11-02', tenant: 'sakura-city', open: 1, resolved: 0, deadLetters: 0 },
    { date: '2026-11-23', tenant: 'sakura-city', open: 0, resolved: 2, deadLetters: 1 },
  ])
})
