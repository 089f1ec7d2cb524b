import { env } from 'cloudflare:workers'
import { beforeEach, expect, inject, it } from 'vitest'
import { app } from '../../edge/app'
import { adapterFor } from '../../edge/channels/registry'
import { storeTenantSecret } from '../../edge/channels/secrets'
import { deliverBatch } from '../../edge/delivery/deliver'
import { runTick } from '../../edge/delivery/tick'
import type { SignedWebhook } from '../fakes/webhook-outbox'
import {
  capturingQueue,
  emptyDeliveryTables,
  insertManyExpecting,
  rows,
  storeFixture,
} from './support/delivery'
import { shardOf } from './support/shards'

// The fake providers emit the webhooks the real ones would, signed as they sign them; the test
// carries them unchanged to the Worker's /webhooks routes (workerd cannot be called from Node).
const fakes = { resend: inject('fakeResendUrl'), line: inject('fakeLineUrl') }
const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const bindings = {
  ...env,
  TENANT_SECRETS_KEY: secretsKey,
  RESEND_BASE_URL: fakes.resend,
  LINE_API_BASE_URL: fakes.line,
}
const svixSecret = `whsec_${btoa('fake-resend-signing-secret-32by!')}`

async function control(fake: string, path: string, body?: unknown) {
  return fetch(`${fake}/__fake/${path}`, { method: 'POST', body: JSON.stringify(body ?? null) })
}

/** Takes what the fake has to send and posts each webhook to the Worker; returns the statuses. */
async function relay(fake: string): Promise<number[]> {
  const webhooks = (await (await control(fake, 'webhooks')).json()) as SignedWebhook[]
  const statuses = []
  for (const w of webhooks) {
    const response = await app.request(w.path, { method: 'POST', headers: w.headers, body: w.body }, bindings)
    statuses.push(response.status)
  }
  return statuses
}

async function secret(tenant: string, name: string, value: string) {
  await storeTenantSecret(env.DB, secretsKey, { tenant, name, value, now: new Date() })
}

async function deliver(snapshot: Awaited<ReturnType<typeof storeFixture>>, at: string) {
  const queue = capturingQueue()
  await runTick({ db: env.DB, queue, snapshot, now: new Date(at) })
  for (const batch of queue.sent) {
    await deliverBatch(
      {
        db: env.DB,
        snapshot,
        adapterFor: (channel) => adapterFor(bindings, batch.tenant, channel),
        origin: 'https://yorisoi.example.jp',
        linkSecret: 'test-link-secret',
        now: () => new Date(at),
      },
      batch,
    )
  }
  return queue.sent.flatMap((b) => b.subscriberIds)
}

beforeEach(async () => {
  await emptyDeliveryTables()
  await env.DB.prepare('DELETE FROM tenant_secrets').run()
  await control(fakes.resend, 'reset')
  await control(fakes.line, 'reset')
})

it('a bounce and a complaint reported by (fake) Resend stop the next day’s mail to those addresses, end to end', async () => {
  const snapshot = await storeFixture()
  await secret('sakura-city', 'resend.apiKey', 're_test')
  await secret('sakura-city', 'resend.webhookSecret', svixSecret)
  await insertManyExpecting(4, 'mail')
  await control(fakes.resend, 'webhook-config', {
    secret: svixSecret,
    path: '/webhooks/resend/sakura-city',
    bounce: ['mail-00001@example.jp'],
    complain: ['mail-00002@example.jp'],
  })

  expect(await deliver(snapshot, '2026-11-23T00:05:00Z')).toHaveLength(4)
  expect(await relay(fakes.resend)).toEqual([204, 204])
  expect(await rows('SELECT id, state, state_reason FROM subscribers ORDER BY id')).toEqual([
    { id: 'mail-00000', state: 'active', state_reason: null },
    { id: 'mail-00001', state: 'paused', state_reason: 'suppressed: bounced' },
    { id: 'mail-00002', state: 'paused', state_reason: 'suppressed: complained' },
    { id: 'mail-00003', state: 'active', state_reason: null },
  ])
  expect(await rows('SELECT address, reason FROM suppressions ORDER BY address')).toEqual([
    { address: 'mail-00001@example.jp', reason: 'bounced' },
    { address: 'mail-00002@example.jp', reason: 'complained' },
  ])
  // The next morning only the two good addresses are due.
  await env.DB.prepare("UPDATE timelines SET due_date = '2027-02-14'").run()
  expect((await deliver(snapshot, '2026-11-24T00:05:00Z')).sort()).toEqual(['mail-00000', 'mail-00003'])
})

it('a webhook the fake signed with another secret changes nothing', async () => {
  const snapshot = await storeFixture()
  await secret('sakura-city', 'resend.apiKey', 're_test')
  await secret('sakura-city', 'resend.webhookSecret', svixSecret)
  await insertManyExpecting(1, 'mail')
  await control(fakes.resend, 'webhook-config', {
    secret: `whsec_${btoa('somebody-elses-secret-32-bytes!!')}`,
    path: '/webhooks/resend/sakura-city',
    bounce: ['mail-00000@example.jp'],
    complain: [],
  })
  await deliver(snapshot, '2026-11-23T00:05:00Z')
  expect(await relay(fakes.resend)).toEqual([401])
  expect(await rows('SELECT state FROM subscribers')).toEqual([{ state: 'active' }])
})

it('a LINE friend who blocks the account (fake LINE’s signed unfollow) gets no more pushes', async () => {
  const snapshot = await storeFixture()
  await secret('minato-town', 'line.channelAccessToken', 'line-token')
  await secret('minato-town', 'line.channelSecret', 'minato-channel-secret')
  await insertManyExpecting(3, 'friend', 'line', 'minato-town')
  await control(fakes.line, 'webhook-config', {
    channelSecret: 'minato-channel-secret',
    path: '/webhooks/line/minato-town',
    destination: 'U0123456789abcdef0123456789abcdef',
  })
  expect(await deliver(snapshot, '2026-11-22T22:45:00Z')).toHaveLength(3)
  await control(fakes.line, 'unfollow', { userId: 'friend-00001@example.jp' })
  expect(await relay(fakes.line)).toEqual([200])
  // Minato's residents are in its shard, wherever the fixture placed it.
  const minato = await shardOf('minato-town')
  const paused = await minato.prepare("SELECT id FROM subscribers WHERE state = 'paused'").all()
  expect(paused.results).toEqual([{ id: 'friend-00001' }])
  await minato.prepare("UPDATE timelines SET due_date = '2027-02-14'").run()
  expect((await deliver(snapshot, '2026-11-23T22:45:00Z')).sort()).toEqual(['friend-00000', 'friend-00002'])
})
