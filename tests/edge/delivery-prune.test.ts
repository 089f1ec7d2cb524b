import { createScheduledController } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeEach, expect, it } from 'vitest'
import { pruneDeliveries } from '../../edge/delivery/prune'
import { runTick } from '../../edge/delivery/tick'
import worker from '../../edge/index'
import { deliveryCounts } from '../../edge/reports/delivery-counts'
import { countingAdapter, deliverAll, deps, outbox } from './support/consumer'
import {
  capturingQueue,
  emptyDeliveryTables,
  insertManyExpecting,
  rows,
  storeFixture,
} from './support/delivery'

beforeEach(async () => {
  await emptyDeliveryTables()
  await env.DB.prepare('DELETE FROM delivery_counts').run()
})

/** A day's run on 2026-11-23 for `count` residents of sakura-city; some refused by the provider. */
async function deliverDay(count: number, refuse = 0) {
  const snapshot = await storeFixture()
  await insertManyExpecting(count, 'res')
  const queue = capturingQueue()
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-23T00:05:00Z') })
  let refused = 0
  const adapter = countingAdapter(outbox(), {
    answer: (m) =>
      refused++ < refuse
        ? { idempotencyKey: m.idempotencyKey, outcome: 'failed-permanent', error: 'refused' }
        : null,
  })
  await deliverAll(deps(snapshot, adapter), queue.sent)
}

const day = { tenant: 'sakura-city', from: '2026-11-01', to: '2026-11-30' }
const options = { keepDays: 90, batchSize: 500, maxBatches: 20 }

it('rolls old rows up into per-day counts and deletes them; the counts read the same before and after', async () => {
  await deliverDay(120, 5)
  const before = await deliveryCounts(env.DB, day)
  expect(before).toEqual([
    {
      date: '2026-11-23',
      tenant: 'sakura-city',
      kind: 'program',
      slot: 'pregnancy/196',
      channel: 'email',
      outcome: 'failed-permanent',
      count: 5,
    },
    {
      date: '2026-11-23',
      tenant: 'sakura-city',
      kind: 'program',
      slot: 'pregnancy/196',
      channel: 'email',
      outcome: 'sent',
      count: 115,
    },
  ])

  // 90 days later the rows are still needed (their message pages open); a day after, they go.
  expect((await pruneDeliveries(env.DB, new Date('2027-02-21T03:00:00Z'), options)).pruned).toBe(0)
  const result = await pruneDeliveries(env.DB, new Date('2027-02-22T03:00:00Z'), options)
  expect(result).toEqual({ pruned: 120, cutoff: '2026-11-24', more: false })
  expect(await rows('SELECT COUNT(*) AS n FROM deliveries')).toEqual([{ n: 0 }])
  expect(await deliveryCounts(env.DB, day)).toEqual(before)
  expect(await rows('SELECT SUM(count) AS n FROM delivery_counts')).toEqual([{ n: 120 }])
})

it('keeps what is unfinished: rows in doubt or awaiting a retry, and every row of a run still enqueuing', async () => {
  await deliverDay(30)
  await env.DB.prepare(
    `UPDATE deliveries SET state = CASE WHEN rowid % 3 = 0 THEN 'unknown' WHEN rowid % 3 = 1 THEN 'failed-transient' ELSE state END`,
  ).run()
  const later = new Date('2027-03-01T03:00:00Z')
  expect((await pruneDeliveries(env.DB, later, options)).pruned).toBe(10)
  expect(await rows("SELECT COUNT(*) AS n FROM deliveries WHERE state = 'sent'")).toEqual([{ n: 0 }])
  expect(await rows('SELECT COUNT(*) AS n FROM deliveries')).toEqual([{ n: 20 }])

  await env.DB.prepare("UPDATE deliveries SET state = 'sent'").run()
  await env.DB.prepare("UPDATE tenant_runs SET state = 'enqueuing'").run()
  expect((await pruneDeliveries(env.DB, later, options)).pruned).toBe(0)
  await env.DB.prepare("UPDATE tenant_runs SET state = 'enqueued'").run()
  expect((await pruneDeliveries(env.DB, later, options)).pruned).toBe(20)
  expect(await rows('SELECT outcome, count FROM delivery_counts ORDER BY outcome')).toEqual([
    { outcome: 'sent', count: 30 },
  ])
})

it('works in bounded batches, resumes where it stopped, and counts each row once when two ticks prune at once', async () => {
  await deliverDay(100)
  const later = new Date('2027-03-01T03:00:00Z')
  const small = { keepDays: 90, batchSize: 15, maxBatches: 2 }
  expect(await pruneDeliveries(env.DB, later, small)).toMatchObject({ pruned: 30, more: true })
  expect(await rows('SELECT COUNT(*) AS n FROM deliveries')).toEqual([{ n: 70 }])
  const both = await Promise.all([
    pruneDeliveries(env.DB, later, { ...small, maxBatches: 10 }),
    pruneDeliveries(env.DB, later, { ...small, maxBatches: 10 }),
  ])
  expect(both[0].pruned + both[1].pruned).toBe(70)
  expect(await rows('SELECT COUNT(*) AS n FROM deliveries')).toEqual([{ n: 0 }])
  expect(await rows('SELECT SUM(count) AS n FROM delivery_counts')).toEqual([{ n: 100 }])
})

it('the cron tick prunes: old rows become counts, today’s rows stay', async () => {
  await deliverDay(40)
  // Nobody is due on the later date: this tick only prunes.
  await env.DB.prepare("UPDATE subscribers SET state = 'stopped'").run()
  const tick = (at: string) =>
    worker.scheduled(createScheduledController({ cron: '*/5 * * * *', scheduledTime: Date.parse(at) }), env)
  await tick('2027-02-21T03:00:00Z')
  expect(await rows('SELECT COUNT(*) AS n FROM deliveries')).toEqual([{ n: 40 }])
  await tick('2027-02-22T03:00:00Z')
  expect(await rows('SELECT COUNT(*) AS n FROM deliveries')).toEqual([{ n: 0 }])
  expect(await deliveryCounts(env.DB, day)).toEqual([
    expect.objectContaining({ date: '2026-11-23', slot: 'pregnancy/196', outcome: 'sent', count: 40 }),
  ])
})
