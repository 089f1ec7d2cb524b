import { env } from 'cloudflare:workers'
import { beforeEach, expect, inject, it } from 'vitest'
import { adapterFor } from '../../edge/channels/registry'
import { storeTenantSecret } from '../../edge/channels/secrets'
import type { DeliveryBatch } from '../../edge/delivery/batch'
import { deliverBatch } from '../../edge/delivery/deliver'
import { runTick } from '../../edge/delivery/tick'
import {
  capturingQueue,
  emptyDeliveryTables,
  insertManyExpecting,
  rows,
  storeFixture,
} from './support/delivery'

const fake = inject('fakeTwilioUrl')
const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const withTwilio = { ...env, TENANT_SECRETS_KEY: secretsKey, TWILIO_API_BASE_URL: fake }
const accountSid = `AC${'0123456789abcdef'.repeat(2)}`

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
  await storeTenantSecret(env.DB, secretsKey, {
    tenant: 'sakura-city',
    name: 'twilio.credentials',
    value: JSON.stringify({ accountSid, authToken: 'token', from: 'SakuraCity' }),
    now: new Date(),
  })
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

  let due: DeliveryBatch[] = [...queue.sent, ...queue.sent]
  for (let round = 0; due.length > 0 && round < 10; round++) {
    const again: DeliveryBatch[] = []
    const now = new Date(Date.parse('2026-11-23T00:10:00Z') + round * 600_000)
    for (const batch of due) {
      const report = await deliverBatch(
        {
          db: env.DB,
          snapshot,
          adapterFor: (channel) => adapterFor(withTwilio, batch.tenant, channel),
          origin: 'https://yorisoi.example.jp',
          linkSecret: 'test-link-secret',
          now: () => now,
        },
        batch,
      )
      if (report.pending > 0) again.push(batch)
    }
    due = again
  }
  expect(due).toEqual([])

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
