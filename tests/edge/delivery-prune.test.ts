import { createScheduledController } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import type { D1Database } from '@cloudflare/workers-types'
import { beforeAll, beforeEach, expect, it } from 'vitest'
import { pruneDeliveries } from '../../edge/delivery/prune'
import { resolveFlagged } from '../../edge/delivery/resolve'
import { runTick } from '../../edge/delivery/tick'
import worker from '../../edge/index'
import { deliveryCounts } from '../../edge/reports/delivery-counts'
import { eraseStatements } from '../../edge/resident/erase'
import { storeSnapshot } from '../../edge/snapshot/store'
import { fixtureSnapshot } from '../../shared/contract/fixture'
import { countingAdapter, deliverAll, deps, outbox } from './support/consumer'
import {
  capturingQueue,
  emptyDeliveryTables,
  insertManyExpecting,
  rows,
  storeFixture,
} from './support/delivery'
import { shardNumberOf, shardOf } from './support/shards'

// Placed as the ingest places them: sakura-city on shard 1 (main), minato-town on shard 2.
beforeAll(async () => {
  await storeSnapshot(env.DB, await fixtureSnapshot(), new Date('2026-11-20T00:00:00Z'), env)
})

beforeEach(async () => {
  await emptyDeliveryTables()
  await env.DB.prepare('DELETE FROM delivery_counts').run()
  await env.DB.prepare('DELETE FROM delivery_prune_cursor').run()
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
    `WITH numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM deliveries)
     UPDATE deliveries SET state = CASE (SELECT n % 3 FROM numbered WHERE numbered.id = deliveries.id)
                                     WHEN 0 THEN 'unknown' WHEN 1 THEN 'failed-transient' ELSE state END`,
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

it('walks the shard’s residents a slice at a time, each tick going on where the last stopped; a resident who moved away is counted under the town each row was for', async () => {
  await deliverDay(40)
  // The first of them has since moved to another town of this shard: their row stays さくら市's.
  await env.DB.prepare(
    "UPDATE subscribers SET tenant_slug = 'kaede-town' WHERE rowid = (SELECT min(rowid) FROM subscribers)",
  ).run()
  const later = new Date('2027-03-01T03:00:00Z')
  // While さくら市's residents move to another shard, none of its rows go, the moved one's neither.
  expect(await pruneDeliveries(env.DB, later, options, ['sakura-city'])).toMatchObject({
    pruned: 0,
    more: false,
  })
  const slices = { ...options, maxBatches: 2, walkSize: 7 }
  // Two slices of 7 residents a tick.
  expect(await pruneDeliveries(env.DB, later, slices)).toEqual({
    pruned: 14,
    cutoff: '2026-12-01',
    more: true,
  })
  expect(await pruneDeliveries(env.DB, later, slices)).toMatchObject({ pruned: 14, more: true })
  expect(await rows('SELECT COUNT(*) AS n FROM deliveries')).toEqual([{ n: 12 }])
  // The tick that reaches the last resident says the walk is over; the next starts it again.
  expect(await pruneDeliveries(env.DB, later, slices)).toMatchObject({ pruned: 12, more: false })
  expect(await rows('SELECT COUNT(*) AS n FROM deliveries')).toEqual([{ n: 0 }])
  expect(await rows('SELECT after FROM delivery_prune_cursor')).toEqual([{ after: 0 }])
  expect(await rows('SELECT tenant_slug AS tenant, SUM(count) AS n FROM delivery_counts GROUP BY 1')).toEqual(
    [{ tenant: 'sakura-city', n: 40 }],
  )
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

/** Flags these residents' deliveries of the day as a send in doubt, as the SMS adapter would. */
async function flag(...subscriberIds: string[]) {
  await env.DB.prepare(
    `UPDATE deliveries SET state = 'flagged', error = 'needs-review: outcome unknown'
     WHERE subscriber_id IN (SELECT value FROM json_each(?1))`,
  )
    .bind(JSON.stringify(subscriberIds))
    .run()
}

async function decideWasSent(subscriberId: string, now: Date) {
  const [row] = await rows<{ id: string }>('SELECT id FROM deliveries WHERE subscriber_id = ?1', subscriberId)
  const decided = await resolveFlagged(env, {
    tenant: 'sakura-city',
    id: row!.id,
    decision: 'was-sent',
    actor: '保健師 A',
    now,
  })
  expect(decided).toMatchObject({ status: 'resolved', state: 'sent' })
}

it('keeps flagged deliveries no person has decided past the window; decided ones of the same age are rolled up and go', async () => {
  await deliverDay(10)
  // Four in doubt (one never left: content that could not be composed); one of them decided.
  await flag('res-00000', 'res-00001', 'res-00002', 'res-00003')
  await env.DB.prepare("UPDATE deliveries SET attempts = 0 WHERE subscriber_id = 'res-00003'").run()
  await decideWasSent('res-00000', new Date('2026-11-24T01:00:00Z'))
  const before = await deliveryCounts(env.DB, day)
  expect(Object.fromEntries(before.map((c) => [c.outcome, c.count]))).toEqual({
    sent: 7,
    unknown: 2,
    'failed-permanent': 1,
  })

  const later = new Date('2027-03-01T03:00:00Z')
  expect((await pruneDeliveries(env.DB, later, options)).pruned).toBe(7)
  expect(await rows('SELECT subscriber_id AS id, state FROM deliveries ORDER BY subscriber_id')).toEqual([
    { id: 'res-00001', state: 'flagged' },
    { id: 'res-00002', state: 'flagged' },
    { id: 'res-00003', state: 'flagged' },
  ])
  expect(await rows('SELECT outcome, count FROM delivery_counts')).toEqual([{ outcome: 'sent', count: 7 }])
  expect(await deliveryCounts(env.DB, day)).toEqual(before)

  // Decided a year on: pruned on the next run and counted as decided.
  await decideWasSent('res-00001', new Date('2027-11-24T01:00:00Z'))
  expect((await pruneDeliveries(env.DB, new Date('2027-11-25T03:00:00Z'), options)).pruned).toBe(1)
  expect(await rows('SELECT outcome, count FROM delivery_counts')).toEqual([{ outcome: 'sent', count: 8 }])
  const outcomes = async () =>
    Object.fromEntries((await deliveryCounts(env.DB, day)).map((c) => [c.outcome, c.count]))
  expect(await outcomes()).toEqual({ sent: 8, unknown: 1, 'failed-permanent': 1 })
})

/** A consultation of this resident made on `at`, its forward in `state`. */
async function consulted(subscriberId: string, state: 'pending' | 'sent' | 'failed', at: string) {
  const id = `c-${subscriberId}`
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO consultations (id, subscriber_id, tenant_slug, category, text, contact_by, urgent, created_at)
       VALUES (?1, ?2, 'sakura-city', 'feelings', '眠れません', 'none', 0, ?3)`,
    ).bind(id, subscriberId, at),
    env.DB.prepare(
      `INSERT INTO consultation_forwards (consultation_id, tenant_slug, state, attempts, next_attempt_at, sent_at, updated_at)
       VALUES (?1, 'sakura-city', ?2, 1, '2099-01-01T00:00:00.000Z', CASE ?2 WHEN 'sent' THEN ?3 END, ?3)`,
    ).bind(id, state, at),
  ])
}

it('the cron tick keeps a resident who left while a flagged delivery or a desk forward waits for a person; the others go as before', async () => {
  await deliverDay(6)
  // Everyone stopped the next day: past the tenant's 90 retention days by March.
  await env.DB.prepare(
    "UPDATE subscribers SET state = 'stopped', next_send_on = NULL, inactive_since = '2026-11-24T00:00:00.000Z'",
  ).run()
  await flag('res-00000', 'res-00001')
  await decideWasSent('res-00001', new Date('2026-11-24T01:00:00Z'))
  await consulted('res-00002', 'failed', '2026-11-23T10:00:00.000Z')
  await consulted('res-00003', 'pending', '2026-11-23T11:00:00.000Z')
  await consulted('res-00004', 'sent', '2026-11-23T12:00:00.000Z')

  await worker.scheduled(
    createScheduledController({ cron: '*/5 * * * *', scheduledTime: Date.parse('2027-03-01T03:00:00Z') }),
    env,
  )
  expect(await rows('SELECT id FROM subscribers ORDER BY id')).toEqual([
    { id: 'res-00000' },
    { id: 'res-00002' },
    { id: 'res-00003' },
  ])
  expect(await rows('SELECT subscriber_id AS id, state FROM deliveries')).toEqual([
    { id: 'res-00000', state: 'flagged' },
  ])
  expect(
    await rows(
      'SELECT c.subscriber_id AS id, f.state FROM consultations c JOIN consultation_forwards f ON f.consultation_id = c.id ORDER BY 1',
    ),
  ).toEqual([
    { id: 'res-00002', state: 'failed' },
    { id: 'res-00003', state: 'pending' },
  ])

  // Decided: the flagged one marked sent, one consultation at the desk at last. The next sweep
  // takes those residents; the one still waiting stays.
  await decideWasSent('res-00000', new Date('2027-03-02T01:00:00Z'))
  await env.DB.prepare(
    "UPDATE consultation_forwards SET state = 'sent' WHERE consultation_id = 'c-res-00002'",
  ).run()
  await worker.scheduled(
    createScheduledController({ cron: '*/5 * * * *', scheduledTime: Date.parse('2027-03-02T03:00:00Z') }),
    env,
  )
  expect(await rows('SELECT id FROM subscribers')).toEqual([{ id: 'res-00003' }])
  expect(await rows('SELECT COUNT(*) AS n FROM deliveries')).toEqual([{ n: 0 }])
})

it('a resident’s own request to be deleted takes their undecided deliveries and consultations too', async () => {
  await deliverDay(2)
  await flag('res-00000')
  await consulted('res-00000', 'failed', '2026-11-23T10:00:00.000Z')
  await env.DB.batch(eraseStatements(env.DB, ['res-00000'], 'requested', { 'sakura-city': '2026-11-24' }))
  expect(await rows('SELECT id FROM subscribers')).toEqual([{ id: 'res-00001' }])
  expect(await rows("SELECT COUNT(*) AS n FROM deliveries WHERE state = 'flagged'")).toEqual([{ n: 0 }])
  expect(await rows('SELECT COUNT(*) AS n FROM consultations')).toEqual([{ n: 0 }])
  expect(await rows('SELECT COUNT(*) AS n FROM consultation_forwards')).toEqual([{ n: 0 }])
})

/** A finished day of minato-town's in its shard: `sent` delivered, `refused` refused by the provider. */
async function minatoDay(db: D1Database, sent: number, refused: number) {
  const at = '2026-11-23T00:10:00.000Z'
  const ids = Array.from({ length: sent + refused }, (_, i) => `minato-${i}`)
  await db.batch([
    db
      .prepare(
        `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, next_send_on, created_at, updated_at)
         SELECT value, 'minato-town', 'はな', 'primary', 'ja', 'email', value || '@example.jp', 'active', '2099-01-01', ?2, ?2
         FROM json_each(?1)`,
      )
      .bind(JSON.stringify(ids), at),
    db
      .prepare(
        `INSERT INTO tenant_runs (tenant_slug, local_date, manifest_id, state, lease_holder, lease_until, started_at, updated_at)
         VALUES ('minato-town', '2026-11-23', 'fixture-0001', 'enqueued', 'tick', ?1, ?1, ?1)`,
      )
      .bind(at),
    db
      .prepare(
        `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, manifest_id, slots, channel, state, idempotency_key, attempts, created_at, updated_at)
         SELECT 'd-' || value, value, 'minato-town', '2026-11-23', 'program', 'fixture-0001', '["pregnancy/196"]', 'email',
                CASE WHEN key < ?2 THEN 'sent' ELSE 'failed-permanent' END, 'd-' || value, 1, ?3, ?3
         FROM json_each(?1)`,
      )
      .bind(JSON.stringify(ids), sent, at),
  ])
}

it('a town on shard 2: the cron tick rolls its old rows up into shard 2’s counts, nothing of it in main, and none while it moves', async () => {
  expect(await shardNumberOf('minato-town')).toBe(2)
  const shard = await shardOf('minato-town')
  await storeFixture()
  await minatoDay(shard, 8, 2)
  const minato = { tenant: 'minato-town', from: '2026-11-01', to: '2026-11-30' }
  const before = await deliveryCounts(shard, minato)
  expect(before.map((c) => `${c.slot} ${c.outcome} ${c.count}`)).toEqual([
    'pregnancy/196 failed-permanent 2',
    'pregnancy/196 sent 8',
  ])

  const tick = () =>
    worker.scheduled(
      createScheduledController({ cron: '*/5 * * * *', scheduledTime: Date.parse('2027-02-22T03:00:00Z') }),
      env,
    )
  const count = (db: D1Database, sql: string) => db.prepare(sql).first<number>('n')
  // While the town's residents are being moved, its rows stay as they are.
  await env.DB.prepare("UPDATE tenant_shards SET moving_to = 1 WHERE tenant_slug = 'minato-town'").run()
  await tick()
  expect(await count(shard, "SELECT COUNT(*) AS n FROM deliveries WHERE tenant_slug = 'minato-town'")).toBe(
    10,
  )
  await env.DB.prepare("UPDATE tenant_shards SET moving_to = NULL WHERE tenant_slug = 'minato-town'").run()

  await tick()
  expect(await count(shard, "SELECT COUNT(*) AS n FROM deliveries WHERE tenant_slug = 'minato-town'")).toBe(0)
  expect(
    await count(shard, "SELECT SUM(count) AS n FROM delivery_counts WHERE tenant_slug = 'minato-town'"),
  ).toBe(10)
  expect(await deliveryCounts(shard, minato)).toEqual(before)
  expect(
    await count(env.DB, "SELECT COUNT(*) AS n FROM delivery_counts WHERE tenant_slug = 'minato-town'"),
  ).toBe(0)
})
