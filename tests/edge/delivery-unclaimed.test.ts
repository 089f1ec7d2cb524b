import { env } from 'cloudflare:workers'
import { beforeEach, expect, it } from 'vitest'
import type { ChannelAdapter } from '../../edge/channels/adapter'
import { deliverBatch } from '../../edge/delivery/deliver'
import { runTick } from '../../edge/delivery/tick'
import type { DeliveryBatch } from '../../edge/queues'
import { countingAdapter, deps, outbox } from './support/consumer'
import { capturingQueue, emptyDeliveryTables, insertExpecting, rows, storeFixture } from './support/delivery'

beforeEach(emptyDeliveryTables)

async function dueBatch(): Promise<{
  snapshot: Awaited<ReturnType<typeof storeFixture>>
  batch: DeliveryBatch
}> {
  const snapshot = await storeFixture()
  await insertExpecting('sub-1')
  await insertExpecting('sub-2')
  const queue = capturingQueue()
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-23T00:05:00Z') })
  return { snapshot, batch: queue.sent[0]! }
}

it('writes a mail day’s delivery once, with the provider’s answer, and counts it in the run', async () => {
  const { snapshot, batch } = await dueBatch()
  const adapter = countingAdapter(outbox())
  expect(await deliverBatch(deps(snapshot, adapter), batch)).toEqual({ pending: 0 })
  const delivered = await rows<{ state: string; attempts: number; provider_message_id: string | null }>(
    'SELECT state, attempts, provider_message_id FROM deliveries ORDER BY subscriber_id',
  )
  expect(delivered.map((d) => [d.state, d.attempts])).toEqual([
    ['sent', 1],
    ['sent', 1],
  ])
  // The outbox's own message id, as a provider's would be kept.
  expect(delivered.every((d) => d.provider_message_id)).toBe(true)
  expect(await rows('SELECT sent FROM tenant_runs WHERE tenant_slug = ?1', 'sakura-city')).toEqual([
    { sent: 2 },
  ])
  expect(await rows('SELECT DISTINCT next_send_on FROM subscribers')).toEqual([
    { next_send_on: '2026-11-24' },
  ])
})

it('lets two consumers holding the same residents send once between them, each counted once', async () => {
  const { snapshot, batch } = await dueBatch()
  const provider = countingAdapter(outbox())
  // The redelivered copy of the batch is being sent when the first consumer finishes the day: both
  // read the residents before either wrote a delivery.
  let first: Promise<unknown> | null = null
  const racing: ChannelAdapter = {
    ...provider,
    async send(messages) {
      first ??= deliverBatch(deps(snapshot, provider), batch)
      await first
      return provider.send(messages)
    },
  }
  const second = await deliverBatch(deps(snapshot, racing), batch)
  expect(await first).toEqual({ pending: 0 })
  // The provider was handed each key twice and kept each message once (its idempotency key).
  expect([...provider.seen.values()]).toEqual([2, 2])
  expect(await rows('SELECT COUNT(*) AS n FROM outbox')).toEqual([{ n: 2 }])
  // The second found the days written by the first: it settles and counts none of them, and its
  // retry finds them done.
  expect(second).toEqual({ pending: 2 })
  expect(await rows('SELECT sent FROM tenant_runs WHERE tenant_slug = ?1', 'sakura-city')).toEqual([
    { sent: 2 },
  ])
  expect(await deliverBatch(deps(snapshot, provider), batch)).toEqual({ pending: 0 })
  expect(await rows('SELECT sent FROM tenant_runs WHERE tenant_slug = ?1', 'sakura-city')).toEqual([
    { sent: 2 },
  ])
  expect(await rows("SELECT COUNT(*) AS n FROM deliveries WHERE state = 'sent'")).toEqual([{ n: 2 }])
  expect(await rows('SELECT DISTINCT next_send_on FROM subscribers')).toEqual([
    { next_send_on: '2026-11-24' },
  ])
})

it('claims a mail day begun before (a transient failure) and sends it again under the same key', async () => {
  const { snapshot, batch } = await dueBatch()
  const flaky = countingAdapter(outbox(), {
    answer: (m) => ({ idempotencyKey: m.idempotencyKey, outcome: 'failed-transient' }),
  })
  expect(await deliverBatch(deps(snapshot, flaky), batch)).toEqual({ pending: 2 })
  expect(await rows('SELECT DISTINCT state FROM deliveries')).toEqual([{ state: 'failed-transient' }])
  const healthy = countingAdapter(outbox())
  expect(await deliverBatch(deps(snapshot, healthy, '2026-11-23T00:15:00Z'), batch)).toEqual({ pending: 0 })
  expect([...healthy.seen.keys()].sort()).toEqual([...flaky.seen.keys()].sort())
  expect(await rows('SELECT DISTINCT state, attempts FROM deliveries')).toEqual([
    { state: 'sent', attempts: 2 },
  ])
  expect(await rows('SELECT sent FROM tenant_runs WHERE tenant_slug = ?1', 'sakura-city')).toEqual([
    { sent: 2 },
  ])
})
