import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  getQueueResult,
} from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { expect, it } from 'vitest'
import worker from '../../edge/index'
import { storeSnapshot } from '../../edge/snapshot/store'
import { fixtureSnapshot } from '../../shared/contract/fixture'

async function count(table: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first<{ n: number }>()
  return row!.n
}

it('runs a cron tick without sending or enqueueing anything yet', async () => {
  await worker.scheduled(
    createScheduledController({ cron: '*/5 * * * *', scheduledTime: Date.parse('2026-11-23T00:00:00Z') }),
    env,
  )
  expect(await count('deliveries')).toBe(0)
  expect(await count('outbox')).toBe(0)
})

it('acknowledges a well-formed delivery batch and retries a malformed one towards the dead-letter queue', async () => {
  await storeSnapshot(env.DB, await fixtureSnapshot())
  const batch = createMessageBatch('yorisoi-delivery', [
    {
      id: 'good',
      timestamp: Date.now(),
      attempts: 1,
      body: {
        tenant: 'sakura-city',
        localDate: '2026-11-23',
        manifestId: 'fixture-0001',
        subscriberIds: ['sub-1'],
      },
    },
    { id: 'poison', timestamp: Date.now(), attempts: 1, body: { hello: 'world' } },
  ])
  const ctx = createExecutionContext()
  await worker.queue(batch, env)
  const result = await getQueueResult(batch, ctx)
  expect(result.explicitAcks).toEqual(['good'])
  expect(result.retryMessages.map((m) => m.msgId)).toEqual(['poison'])
})
