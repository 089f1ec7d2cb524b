import { env } from 'cloudflare:workers'
import { beforeEach, expect, it } from 'vitest'
import { runTick } from '../../edge/delivery/tick'
import { capturingQueue, emptyDeliveryTables, insertExpecting, storeFixture } from './support/delivery'

const at = (iso: string) => new Date(iso)
beforeEach(emptyDeliveryTables)
// sakura-city sends at 09:00 Asia/Tokyo (00:00 UTC); minato-town at 07:30 (22:30 UTC the day before).

it('enqueues nothing before the tenant’s local send time, and sends once it has passed', async () => {
  const snapshot = await storeFixture()
  await insertExpecting('sub-early')
  const queue = capturingQueue()
  const before = await runTick({ db: env.DB, queue, snapshot, now: at('2026-11-22T23:59:00Z') })
  expect(before.find((r) => r.tenant === 'sakura-city')?.outcome).toBe('not-yet')
  expect(queue.sent).toHaveLength(0)
  await runTick({ db: env.DB, queue, snapshot, now: at('2026-11-23T00:00:00Z') })
  expect(queue.sent.flatMap((b) => b.subscriberIds)).toEqual(['sub-early'])
})

it('uses the tenant’s local date: at 22:45 UTC minato-town (07:30 JST) is already on the next day', async () => {
  const snapshot = await storeFixture()
  await insertExpecting('sub-minato', { tenant: 'minato-town', channel: 'line', nextSendOn: '2026-11-23' })
  await insertExpecting('sub-sakura')
  const queue = capturingQueue()
  await runTick({ db: env.DB, queue, snapshot, now: at('2026-11-22T22:45:00Z') })
  expect(queue.sent).toEqual([
    {
      tenant: 'minato-town',
      localDate: '2026-11-23',
      manifestId: 'fixture-0001',
      subscriberIds: ['sub-minato'],
    },
  ])
})

it('catches up a missed tick later the same day, resuming where a budget-limited tick stopped', async () => {
  const snapshot = await storeFixture()
  for (let i = 0; i < 30; i++) await insertExpecting(`sub-${String(i).padStart(2, '0')}`)
  const queue = capturingQueue()
  const options = { pageSize: 10, batchSize: 10, pageBudget: 2, leaseSeconds: 600 }
  const first = await runTick({ db: env.DB, queue, snapshot, now: at('2026-11-23T03:00:00Z') }, options)
  expect(first.find((r) => r.tenant === 'sakura-city')?.outcome).toBe('paused-for-budget')
  await runTick({ db: env.DB, queue, snapshot, now: at('2026-11-23T03:05:00Z') }, options)
  const ids = queue.sent.flatMap((b) => b.subscriberIds)
  expect(new Set(ids).size).toBe(30)
  expect(ids).toHaveLength(30)
})

it('enqueues each due subscriber once when ticks overlap or repeat, with the run’s manifest', async () => {
  const snapshot = await storeFixture()
  for (let i = 0; i < 120; i++) await insertExpecting(`sub-${String(i).padStart(3, '0')}`)
  const queue = capturingQueue()
  const now = at('2026-11-23T00:05:00Z')
  const options = { pageSize: 25, batchSize: 10, pageBudget: 100, leaseSeconds: 600 }
  const reports = await Promise.all([
    runTick({ db: env.DB, queue, snapshot, now }, options),
    runTick({ db: env.DB, queue, snapshot, now }, options),
  ])
  await runTick({ db: env.DB, queue, snapshot, now: at('2026-11-23T00:10:00Z') }, options)
  const ids = queue.sent.flatMap((b) => b.subscriberIds)
  expect(ids).toHaveLength(120)
  expect(new Set(ids).size).toBe(120)
  expect(queue.sent.every((b) => b.subscriberIds.length <= 10 && b.manifestId === 'fixture-0001')).toBe(true)
  expect(
    reports
      .flat()
      .filter((r) => r.tenant === 'sakura-city')
      .map((r) => r.outcome)
      .sort(),
  ).toEqual(['enqueued', 'held-or-finished'])
})

it('finds due subscribers through the (tenant, next_send_on) index in index order, not a scan', async () => {
  const { results } = await env.DB.prepare(
    `EXPLAIN QUERY PLAN SELECT id FROM subscribers
     WHERE tenant_slug = 'sakura-city' AND next_send_on <= '2026-11-23' AND (next_send_on, rowid) > ('', 0) AND state = 'active'
     ORDER BY next_send_on, rowid LIMIT 100`,
  ).all<{ detail: string }>()
  const plan = results.map((r) => r.detail).join('\n')
  expect(plan).toMatch(/USING INDEX subscribers_due/)
  expect(plan).not.toMatch(/TEMP B-TREE/)
})
