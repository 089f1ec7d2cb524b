import { env } from 'cloudflare:workers'
import type { MessageBatch } from '@cloudflare/workers-types'
import { beforeAll, expect, inject, it } from 'vitest'
import { storeTenantSecret } from '../../edge/channels/secrets'
import { defaultTickOptions, runTick } from '../../edge/delivery/tick'
import type { Env } from '../../edge/env'
import worker from '../../edge/index'
import type { DeliveryBatch } from '../../edge/queues'
import { capturingQueue, insertManyExpecting, storeFixture } from './support/delivery'
import { finishMove, startMove } from './support/shard-move'
import { shardNumberOf } from './support/shards'

// A town moves to another shard in the middle of its delivery day: part of its batches delivered,
// part still on the queue, part of its residents not yet enqueued. Counted where residents would
// notice — at the (fake) provider — every due resident receives exactly one message.

const fake = inject('fakeResendUrl')
const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const withResend = {
  ...env,
  PUBLIC_ORIGIN: 'https://yorisoi.example.jp',
  TENANT_SECRETS_KEY: secretsKey,
  RESEND_BASE_URL: fake,
} as Env
const residents = 250

async function resend(path: 'reset' | 'stats') {
  const response = await fetch(`${fake}/__fake/${path}`, { method: 'POST', body: 'null' })
  return (await response.json()) as { deliveries: Record<string, number> }
}

/** The batches handed to the Worker's queue handler, as the queue would: which it acked, which it retried. */
async function consume(batches: readonly DeliveryBatch[]) {
  const acked: number[] = []
  const retried: number[] = []
  const messages = batches.map((body, i) => ({
    id: `m${i}`,
    timestamp: new Date(),
    attempts: 1,
    body,
    ack: () => acked.push(i),
    retry: () => retried.push(i),
  }))
  await worker.queue({ queue: 'yorisoi-delivery', messages } as unknown as MessageBatch<unknown>, withResend)
  return { acked, retried }
}

/** Ticks of the cron at the town's send time, each allowed a small part of the day's reading. */
const tick = (
  queue: ReturnType<typeof capturingQueue>,
  snapshot: Awaited<ReturnType<typeof storeFixture>>,
  at: string,
) =>
  runTick(
    { env: withResend, queue, snapshot, now: new Date(at) },
    { ...defaultTickOptions, chunkSize: 100, chunkBudget: 2 },
  )

beforeAll(async () => {
  await resend('reset')
})

it('a move under a running day loses and doubles nothing, counted at the fake Resend', async () => {
  const snapshot = await storeFixture({ shards: true })
  expect(await shardNumberOf('sakura-city')).toBe(1)
  await storeTenantSecret(env.DB, secretsKey, {
    tenant: 'sakura-city',
    name: 'resend.apiKey',
    value: 're_test',
    now: new Date(),
  })
  // Rows of another town come first in shard 1, so さくら市's rowids there differ from shard 2's.
  await insertManyExpecting(100, 'earlier', 'email', 'kaede-town')
  await insertManyExpecting(residents, 'day', 'email', 'sakura-city')

  // 09:05 in さくら市: the day's run starts and enqueues part of the town; the first batch goes out.
  const queue = capturingQueue()
  const [first] = await tick(queue, snapshot, '2026-11-23T00:05:00Z')
  expect(first).toMatchObject({ tenant: 'sakura-city', outcome: 'paused-for-budget' })
  const enqueuedBefore = queue.sent.flatMap((b) => b.subscriberIds).length
  expect(enqueuedBefore).toBeGreaterThan(0)
  expect(enqueuedBefore).toBeLessThan(residents)
  expect((await consume(queue.sent.slice(0, 1))).acked).toEqual([0])

  // The move starts: the rest of the queue is retried untouched, and the cron passes the town by.
  await startMove('sakura-city', 2)
  const waiting = queue.sent.slice(1)
  expect(await consume(waiting)).toEqual({ acked: [], retried: waiting.map((_, i) => i) })
  const sentSoFar = Object.keys((await resend('stats')).deliveries).length
  const [passed] = await tick(queue, snapshot, '2026-11-23T00:10:00Z')
  expect(passed).toMatchObject({ outcome: 'moving' })
  expect(queue.sent.flatMap((b) => b.subscriberIds)).toHaveLength(enqueuedBefore)

  // The move ends; the queue hands everything again (the first batch too: at least once), and the
  // run goes on in shard 2 from where it stopped.
  await finishMove('sakura-city')
  expect(await shardNumberOf('sakura-city')).toBe(2)
  expect(Object.keys((await resend('stats')).deliveries)).toHaveLength(sentSoFar)
  for (let at = 15; at < 60; at += 5) {
    const [report] = await tick(queue, snapshot, `2026-11-23T00:${at}:00Z`)
    if (report?.outcome === 'held-or-finished' || report?.outcome === 'enqueued') break
  }
  const everyone = queue.sent.flatMap((b) => b.subscriberIds)
  // Enqueued once each: the run's cursor was carried to the new shard's rowids.
  expect(everyone).toHaveLength(residents)
  expect(new Set(everyone).size).toBe(residents)
  for (let round = 0; round < 5; round++) if ((await consume(queue.sent)).retried.length === 0) break

  const received = (await resend('stats')).deliveries
  expect(Object.keys(received)).toHaveLength(residents)
  expect(Object.values(received).every((n) => n === 1)).toBe(true)
  const shard2 = env.SHARD_2!
  const delivered = await shard2
    .prepare(
      "SELECT COUNT(*) AS n FROM deliveries WHERE tenant_slug = 'sakura-city' AND local_date = '2026-11-23' AND state = 'sent'",
    )
    .first<number>('n')
  expect(delivered).toBe(residents)
  expect(
    await env.DB.prepare("SELECT COUNT(*) AS n FROM deliveries WHERE tenant_slug = 'sakura-city'").first('n'),
  ).toBe(0)
  expect(
    await shard2
      .prepare(
        "SELECT COUNT(*) AS n FROM subscribers WHERE tenant_slug = 'sakura-city' AND next_send_on <= '2026-11-23'",
      )
      .first('n'),
  ).toBe(0)
})
