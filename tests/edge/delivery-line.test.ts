import { env } from 'cloudflare:workers'
import { beforeEach, expect, inject, it } from 'vitest'
import { storeTenantSecret } from '../../edge/channels/secrets'
import { runTick } from '../../edge/delivery/tick'
import {
  capturingQueue,
  consumeAsTheQueue,
  emptyDeliveryTables,
  insertManyExpecting,
  rows,
  storeFixture,
} from './support/delivery'

const fake = inject('fakeLineUrl')
const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const withLine = { ...env, TENANT_SECRETS_KEY: secretsKey, LINE_API_BASE_URL: fake }

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

it('the fake LINE refuses a push that breaks LINE’s OpenAPI description (a retry key that is not a UUID)', async () => {
  const response = await fetch(`${fake}/v2/bot/message/push`, {
    method: 'POST',
    headers: {
      authorization: 'Bearer t',
      'content-type': 'application/json',
      'x-line-retry-key': 'sub-1/2026-11-23',
    },
    body: JSON.stringify({ to: 'U1', messages: [{ type: 'text', text: 'こんにちは' }] }),
  })
  expect(response.status).toBe(400)
  expect((await control('stats')).deliveries).toEqual({})
})

it('pushes to hundreds of LINE friends under 5xx, 429, crashes after accept and redeliveries — none twice', async () => {
  const snapshot = await storeFixture()
  await storeTenantSecret(env.DB, secretsKey, {
    tenant: 'minato-town',
    name: 'line.channelAccessToken',
    value: 'line-token',
    now: new Date(),
  })
  await insertManyExpecting(300, 'friend', 'line', 'minato-town')
  const queue = capturingQueue()
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-22T22:45:00Z') })
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-22T22:50:00Z') })
  expect(queue.sent).toHaveLength(3)
  await control('faults', [
    'server-error',
    'crash-after-accept',
    'rate-limited',
    'crash-after-accept',
    'server-error',
  ])

  expect(
    await consumeAsTheQueue(withLine, snapshot, [...queue.sent, ...queue.sent], '2026-11-22T22:50:00Z'),
  ).toEqual([])
  const { deliveries, rejected } = await control('stats')
  expect(rejected).toBe(0)
  expect(Object.keys(deliveries)).toHaveLength(300)
  expect(Object.values(deliveries).filter((n) => n !== 1)).toEqual([])
  expect(await rows('SELECT state, COUNT(*) AS n FROM deliveries GROUP BY state')).toEqual([
    { state: 'sent', n: 300 },
  ])
}, 60_000)
