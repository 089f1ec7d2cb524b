import { env } from 'cloudflare:workers'
import { beforeEach, expect, inject, it } from 'vitest'
import { adapterFor } from '../../edge/channels/registry'
import { readTenantSecret, storeTenantSecret } from '../../edge/channels/secrets'
import { runTick } from '../../edge/delivery/tick'
import {
  capturingQueue,
  consumeAsTheQueue,
  emptyDeliveryTables,
  insertManyExpecting,
  rows,
  storeFixture,
} from './support/delivery'

const fake = inject('fakeResendUrl')
const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const withResend = { ...env, TENANT_SECRETS_KEY: secretsKey, RESEND_BASE_URL: fake }

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

it('the fake Resend refuses a request that breaks Resend’s OpenAPI description, or has no API key', async () => {
  const send = (body: unknown, headers: Record<string, string> = { authorization: 'Bearer re_test' }) =>
    fetch(`${fake}/emails/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })
  const noSender = await send([{ to: ['a@example.jp'], subject: 's', text: 't' }])
  expect(noSender.status).toBe(422)
  expect(await noSender.text()).toContain("must have required property 'from'")
  const noKey = await send([{ from: 'a@example.jp', to: ['b@example.jp'], subject: 's', text: 't' }], {})
  expect(noKey.status).toBe(401)
  expect((await control('stats')).deliveries).toEqual({})
})

it('keeps a tenant’s API key encrypted at rest, readable only under the Worker secret and for that tenant', async () => {
  await storeTenantSecret(env.DB, secretsKey, {
    tenant: 'sakura-city',
    name: 'resend.apiKey',
    value: 're_live_secret',
    now: new Date(),
  })
  const [row] = await rows<{ ciphertext: string }>('SELECT ciphertext FROM tenant_secrets')
  expect(row!.ciphertext).not.toContain('re_live_secret')
  expect(await readTenantSecret(env.DB, secretsKey, 'sakura-city', 'resend.apiKey')).toBe('re_live_secret')
  await env.DB.prepare("UPDATE tenant_secrets SET tenant_slug = 'minato-town'").run()
  await expect(readTenantSecret(env.DB, secretsKey, 'minato-town', 'resend.apiKey')).rejects.toThrow()
  expect((await adapterFor(withResend, 'sakura-city', 'email')).name).toBe('outbox')
})

it('sends hundreds of emails through Resend under 5xx, 429, crashes after accept, duplicate ticks and redeliveries — none twice', async () => {
  const snapshot = await storeFixture()
  await storeTenantSecret(env.DB, secretsKey, {
    tenant: 'sakura-city',
    name: 'resend.apiKey',
    value: 're_test',
    now: new Date(),
  })
  await insertManyExpecting(600, 'mail')
  const queue = capturingQueue()
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-23T00:05:00Z') })
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-23T00:10:00Z') })
  expect(queue.sent).toHaveLength(6)
  await control('faults', [
    'server-error',
    'crash-after-accept',
    'rate-limited',
    'crash-after-accept',
    'server-error',
  ])

  // The queue delivers every message twice (at-least-once), and retries those with pending work.
  expect(await consumeAsTheQueue(withResend, snapshot, [...queue.sent, ...queue.sent])).toEqual([])

  const { deliveries } = await control('stats')
  const counts = Object.values(deliveries)
  expect(counts).toHaveLength(600)
  expect(counts.filter((n) => n !== 1)).toEqual([])
  expect(await rows('SELECT state, COUNT(*) AS n FROM deliveries GROUP BY state')).toEqual([
    { state: 'sent', n: 600 },
  ])
  expect(await rows("SELECT COUNT(*) AS n FROM subscribers WHERE next_send_on = '2026-11-24'")).toEqual([
    { n: 600 },
  ])
}, 60_000)
