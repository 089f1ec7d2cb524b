import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeEach, expect, it } from 'vitest'
import { storeTenantSecret } from '../../edge/channels/secrets'
import { recordDeadLetter } from '../../edge/delivery/dead-letter'
import { runTick } from '../../edge/delivery/tick'
import worker from '../../edge/index'
import type { DeliveryBatch } from '../../edge/queues'
import { deliveryCounts } from '../../edge/reports/delivery-counts'
import { deliverAll, deps, outbox } from './support/consumer'
import {
  capturingQueue,
  emptyDeliveryTables,
  insertExpecting,
  insertManyExpecting,
  rows,
  storeFixture,
} from './support/delivery'

const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const configured = { ...env, TENANT_SECRETS_KEY: secretsKey, PUBLIC_ORIGIN: 'https://yorisoi.example.jp' }
// wrangler.toml's max_retries for the delivery queue: the first delivery and five retries.
const deliveriesBeforeDeadLetter = 6

beforeEach(async () => {
  await emptyDeliveryTables()
  await env.DB.prepare('DELETE FROM tenant_secrets').run()
})

it('a batch that fails every retry leaves each due subscriber flagged with the reason and counted, none lost', async () => {
  const snapshot = await storeFixture()
  await insertManyExpecting(3, 'sub-sms', 'sms')
  await insertManyExpecting(1, 'sub-mail', 'email')
  // A tenant's SMS credentials stored unreadable: the consumer throws before claiming anyone.
  await storeTenantSecret(env.DB, secretsKey, {
    tenant: 'sakura-city',
    name: 'karaden.credentials',
    value: '{ not json',
    now: new Date(),
  })
  const queue = capturingQueue()
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-23T00:05:00Z') })
  expect(queue.sent).toHaveLength(1)
  const batch: DeliveryBatch = queue.sent[0]!
  expect(batch.subscriberIds).toHaveLength(4)
  // The e-mail subscriber already got today's message (an earlier, overlapping batch).
  await deliverAll(deps(snapshot, outbox()), [{ ...batch, subscriberIds: ['sub-mail-00000'] }])

  for (let attempts = 1; attempts <= deliveriesBeforeDeadLetter; attempts++) {
    const messages = createMessageBatch('yorisoi-delivery', [
      { id: 'poison', timestamp: Date.now(), attempts, body: batch },
    ])
    await worker.queue(messages, configured)
    const result = await getQueueResult(messages, createExecutionContext())
    expect(result.retryMessages.map((m) => m.msgId)).toEqual(['poison'])
  }
  expect(await rows("SELECT COUNT(*) AS n FROM deliveries WHERE channel = 'sms'")).toEqual([{ n: 0 }])

  // The dead-letter queue may hand the same message over twice: it is recorded and counted once.
  for (const attempts of [1, 2]) {
    const dead = createMessageBatch('yorisoi-delivery-dead', [
      { id: 'poison', timestamp: Date.now(), attempts, body: batch },
    ])
    await worker.queue(dead, configured)
    expect((await getQueueResult(dead, createExecutionContext())).explicitAcks).toEqual(['poison'])
  }

  expect(await rows('SELECT id, tenant_slug, local_date FROM dead_letters')).toEqual([
    { id: 'poison', tenant_slug: 'sakura-city', local_date: '2026-11-23' },
  ])
  const flagged = await rows<{ subscriber_id: string; state: string; error: string; slots: string }>(
    `SELECT subscriber_id, state, error, slots FROM deliveries WHERE local_date = '2026-11-23' AND channel = 'sms'
     ORDER BY subscriber_id`,
  )
  expect(flagged.map((d) => d.subscriber_id)).toEqual(['sub-sms-00000', 'sub-sms-00001', 'sub-sms-00002'])
  for (const d of flagged) {
    expect(d.state).toBe('flagged')
    expect(d.error).toBe('needs-review: not sent: retries exhausted (dead letter)')
    expect(JSON.parse(d.slots)).toEqual([expect.stringMatching(/^pregnancy\//)])
  }
  expect(await rows("SELECT state FROM deliveries WHERE subscriber_id = 'sub-mail-00000'")).toEqual([
    { state: 'sent' },
  ])
  expect(
    await rows(
      "SELECT sent, flagged FROM tenant_runs WHERE tenant_slug = 'sakura-city' AND local_date = '2026-11-23'",
    ),
  ).toEqual([{ sent: 1, flagged: 3 }])
  expect(await rows('SELECT days FROM delivery_failures ORDER BY subscriber_id')).toEqual([
    { days: 1 },
    { days: 1 },
    { days: 1 },
  ])
  // The anonymous counts the edge reports show the three as not delivered, beside the one sent.
  const counts = await deliveryCounts(env.DB, { tenant: 'sakura-city', from: '2026-11-23', to: '2026-11-23' })
  expect(counts.map((c) => [c.channel, c.outcome, c.count])).toEqual([
    ['email', 'sent', 1],
    ['sms', 'failed-permanent', 3],
  ])

  // Their next_send_on stayed: the next day's run takes them up again.
  expect(
    await rows(
      "SELECT id, next_send_on FROM subscribers WHERE channel = 'sms' AND next_send_on = '2026-11-23'",
    ),
  ).toHaveLength(3)
  const tomorrow = capturingQueue()
  await runTick({ db: env.DB, queue: tomorrow, snapshot, now: new Date('2026-11-24T00:05:00Z') })
  expect(tomorrow.sent.flatMap((b) => b.subscriberIds).sort()).toEqual([
    'sub-mail-00000',
    'sub-sms-00000',
    'sub-sms-00001',
    'sub-sms-00002',
  ])
})

it('a poison batch of a run’s pass over everyone flags whoever the day’s plan names, whatever next_send_on still says', async () => {
  const snapshot = await storeFixture()
  // Due today under the program now active; the reschedule queue has not rewritten next_send_on yet.
  await insertExpecting('sub-stale', { nextSendOn: '2026-12-01' })
  // Nothing today: the pregnancy program has not begun for this due date.
  await insertExpecting('sub-not-yet', { nextSendOn: '2027-01-01', due: '2027-08-20' })
  await recordDeadLetter(env, {
    queue: 'yorisoi-delivery-dead',
    messageId: 'poison-all',
    attempts: 1,
    now: new Date('2026-11-23T01:00:00Z'),
    body: {
      tenant: 'sakura-city',
      localDate: '2026-11-23',
      manifestId: snapshot.manifest.id,
      subscriberIds: ['sub-stale', 'sub-not-yet'],
    },
  })
  expect(await rows('SELECT subscriber_id, local_date, state, error FROM deliveries')).toEqual([
    {
      subscriber_id: 'sub-stale',
      local_date: '2026-11-23',
      state: 'flagged',
      // A mail day is sent before its row is written: the person deciding is told it may have gone out.
      error:
        'needs-review: not recorded: retries exhausted (dead letter); it may have gone out under its key, which the provider keeps for a day',
    },
  ])
})
