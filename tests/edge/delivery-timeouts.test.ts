import { env } from 'cloudflare:workers'
import { beforeEach, expect, inject, it } from 'vitest'
import { storeTenantSecret } from '../../edge/channels/secrets'
import { runTick } from '../../edge/delivery/tick'
import type { DeliveryBatch } from '../../edge/queues'
import {
  capturingQueue,
  consumeAsTheQueue,
  emptyDeliveryTables,
  insertManyExpecting,
  rows,
  storeFixture,
} from './support/delivery'

// Slow and hanging providers with idempotency keys: a request that timed out is resent with the
// same key, which the provider recognises, so nothing doubles and the consumer never waits long.
const fakes = { resend: inject('fakeResendUrl'), line: inject('fakeLineUrl') }
const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const bindings = {
  ...env,
  TENANT_SECRETS_KEY: secretsKey,
  RESEND_BASE_URL: fakes.resend,
  LINE_API_BASE_URL: fakes.line,
  PROVIDER_TIMEOUT_MS: '500',
}

async function control(fake: string, path: string, body?: unknown) {
  const response = await fetch(`${fake}/__fake/${path}`, {
    method: 'POST',
    body: JSON.stringify(body ?? null),
  })
  return (await response.json()) as { deliveries: Record<string, number>; rejected: number }
}

/** The queue's rounds, counting them and gathering the errors the rows showed after each. */
async function consume(
  snapshot: Awaited<ReturnType<typeof storeFixture>>,
  batches: DeliveryBatch[],
  start: string,
) {
  let rounds = 0
  const errors = new Set<string>()
  const due = await consumeAsTheQueue(bindings, snapshot, batches, start, async (round) => {
    rounds = round + 1
    for (const r of await rows<{ error: string }>('SELECT error FROM deliveries WHERE error IS NOT NULL'))
      errors.add(r.error)
  })
  return { due, rounds, errors }
}

beforeEach(async () => {
  await emptyDeliveryTables()
  await env.DB.prepare('DELETE FROM tenant_secrets').run()
  await control(fakes.resend, 'reset')
  await control(fakes.line, 'reset')
})

it('Resend: a batch whose answer never comes is retried with the same key and sent once', async () => {
  const snapshot = await storeFixture()
  await storeTenantSecret(env.DB, secretsKey, {
    tenant: 'sakura-city',
    name: 'resend.apiKey',
    value: 're_test',
    now: new Date(),
  })
  await insertManyExpecting(250, 'mail')
  const queue = capturingQueue()
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-23T00:05:00Z') })
  await control(fakes.resend, 'faults', ['timeout', 'slow'])

  const { due, rounds, errors } = await consume(snapshot, queue.sent, '2026-11-23T00:10:00Z')
  expect(due).toEqual([])
  expect(rounds).toBeGreaterThan(1)
  expect([...errors].some((e) => e.includes('no answer within 500 ms'))).toBe(true)
  const { deliveries, rejected } = await control(fakes.resend, 'stats')
  expect(rejected).toBe(0)
  expect(Object.keys(deliveries)).toHaveLength(250)
  expect(Object.values(deliveries).filter((n) => n !== 1)).toEqual([])
  expect(await rows('SELECT state, COUNT(*) AS n FROM deliveries GROUP BY state')).toEqual([
    { state: 'sent', n: 250 },
  ])
}, 30_000)

it('LINE: pushes whose answers hang are retried with the same X-Line-Retry-Key and pushed once', async () => {
  const snapshot = await storeFixture()
  await storeTenantSecret(env.DB, secretsKey, {
    tenant: 'minato-town',
    name: 'line.channelAccessToken',
    value: 'line-token',
    now: new Date(),
  })
  await insertManyExpecting(60, 'friend', 'line', 'minato-town')
  const queue = capturingQueue()
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-22T22:45:00Z') })
  await control(fakes.line, 'faults', ['timeout', 'slow', 'timeout', 'none', 'slow', 'timeout'])

  const { due, errors } = await consume(snapshot, queue.sent, '2026-11-22T22:50:00Z')
  expect(due).toEqual([])
  expect([...errors].some((e) => e.includes('no answer within 500 ms'))).toBe(true)
  const { deliveries } = await control(fakes.line, 'stats')
  expect(Object.keys(deliveries)).toHaveLength(60)
  expect(Object.values(deliveries).filter((n) => n !== 1)).toEqual([])
  expect(await rows('SELECT state, COUNT(*) AS n FROM deliveries GROUP BY state')).toEqual([
    { state: 'sent', n: 60 },
  ])
}, 30_000)
