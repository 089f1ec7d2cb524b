import { env } from 'cloudflare:workers'
import type { Queue } from '@cloudflare/workers-types'
import { beforeEach, expect, it } from 'vitest'
import { rescheduleChunk } from '../../edge/delivery/reschedule'
import { handleReschedule } from '../../edge/delivery/reschedule-queue'
import { runTick } from '../../edge/delivery/tick'
import type { RescheduleMessage } from '../../edge/queues'
import { activateManifest } from '../../edge/snapshot/active'
import { type LoadedSnapshot, loadSnapshot } from '../../edge/snapshot/read'
import { storeSnapshot } from '../../edge/snapshot/store'
import { prepareSnapshot, type TenantPart } from '../../shared/contract'
import { fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'
import { nextSendOn, type Program, standardProgram } from '../../shared/program'
import { countingAdapter, deliverAll, deps, outbox } from './support/consumer'
import {
  capturingQueue,
  emptyDeliveryTables,
  insertExpecting,
  insertManyExpecting,
  rows,
  storeFixture,
} from './support/delivery'

const at = (iso: string) => new Date(iso)
const oneDatabase = { db: env.DB, main: env.DB }
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
  const options = { chunkSize: 10, batchSize: 10, chunkBudget: 2, leaseSeconds: 600 }
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
  const options = { chunkSize: 25, batchSize: 10, chunkBudget: 100, leaseSeconds: 600 }
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
  // dueSubscriberPage's two statements: the rest of the cursor's date, then the later dates.
  for (const query of [
    `SELECT id FROM subscribers WHERE tenant_slug = 'sakura-city' AND next_send_on = '2026-11-22' AND rowid > 7
     AND state = 'active' ORDER BY rowid LIMIT 100`,
    `SELECT id FROM subscribers WHERE tenant_slug = 'sakura-city' AND next_send_on > '2026-11-22'
     AND next_send_on <= '2026-11-23' AND state = 'active' ORDER BY next_send_on, rowid LIMIT 100`,
  ]) {
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${query}`).all<{ detail: string }>()
    const plan = results.map((r) => r.detail).join('\n')
    expect(plan).toMatch(/USING INDEX subscribers_due/)
    expect(plan).not.toMatch(/TEMP B-TREE/)
  }
})

it('reads about one row per due subscriber, page after page, though all of them share today’s date', async () => {
  const snapshot = await storeFixture()
  await insertManyExpecting(300, 'sub-today')
  await insertExpecting('sub-missed', { nextSendOn: '2026-11-20' })
  await insertExpecting('sub-december', { nextSendOn: '2026-12-01' })
  const queue = capturingQueue()
  const options = { chunkSize: 20, batchSize: 20, chunkBudget: 100, leaseSeconds: 600 }
  const [report] = (
    await runTick({ db: env.DB, queue, snapshot, now: at('2026-11-23T00:05:00Z') }, options)
  ).filter((r) => r.tenant === 'sakura-city')
  const ids = queue.sent.flatMap((b) => b.subscriberIds)
  expect(ids).toHaveLength(301)
  expect(ids[0]).toBe('sub-missed')
  expect(new Set(ids).size).toBe(301)
  // One range over today’s date re-read it up to the cursor on every page: 2,687 rows for 301.
  expect(report!.rowsRead).toBeLessThan(301 + 2 * 16)
})

// A publish that changes sakura-city's program: the reschedule queue recomputes next_send_on
// later, so the day's run must not rely on the index alone that once.
const weeklyProgram: Program = {
  ...standardProgram,
  pregnancy: { ...standardProgram.pregnancy, fromDay: 30, every: 7 },
}

/** The fixture with sakura-city's pregnancy messages weekly from day 30 (no send on day 196). */
async function storeWeekly(): Promise<LoadedSnapshot> {
  const [sakura, minato] = fixtureTenantParts as [TenantPart, TenantPart]
  const weekly: TenantPart = {
    ...sakura,
    tenant: { ...sakura.tenant, program: { kind: 'custom', program: weeklyProgram } },
  }
  const snapshot = await prepareSnapshot({
    id: 'weekly-0001',
    createdAt: '2026-11-20T00:00:00.000Z',
    parts: [fixtureNationalPart, weekly, minato],
  })
  await storeSnapshot(env.DB, snapshot, new Date('2026-11-20T00:00:00Z'))
  return (await loadSnapshot(env.DB, 'weekly-0001'))!
}

/** A reschedule queue that keeps the walks sent to it: a backlog the test works off by hand. */
function walkQueue(): Queue<RescheduleMessage> & { walks: RescheduleMessage[] } {
  const walks: RescheduleMessage[] = []
  return {
    walks,
    async send(body: RescheduleMessage) {
      walks.push(body)
    },
    async sendBatch(messages: Iterable<{ body: RescheduleMessage }>) {
      for (const m of messages) walks.push(m.body)
    },
  } as unknown as Queue<RescheduleMessage> & { walks: RescheduleMessage[] }
}

/** A tick then the consumer (twice each: a repeated tick, a redelivered batch), into the outbox. */
async function dayOf(
  snapshot: LoadedSnapshot,
  date: string,
  adapter: ReturnType<typeof countingAdapter>,
  reschedule = walkQueue(),
) {
  const queue = capturingQueue()
  const [report] = (
    await runTick({ db: env.DB, queue, snapshot, now: at(`${date}T00:05:00Z`), reschedule })
  ).filter((r) => r.tenant === 'sakura-city')
  await runTick({ db: env.DB, queue, snapshot, now: at(`${date}T00:10:00Z`), reschedule })
  const d = deps(snapshot, adapter, `${date}T00:15:00Z`)
  await deliverAll(d, queue.sent)
  await deliverAll(d, queue.sent)
  return { report: report!, enqueued: queue.sent.flatMap((b) => b.subscriberIds).sort() }
}

/**
 * sakura-city ran on 2026-11-22 under the weekly program; overnight the daily (standard) program
 * is published and the reschedule queue has not reached anyone yet when the 23rd's run starts.
 * sub-moved's next send under the weekly program is days away; under the daily one it is today.
 */
async function programChangedOvernight() {
  const weekly = await storeWeekly()
  const weeklyNext = nextSendOn([{ from: '2026-10-01', due: '2027-02-15' }], '2026-11-22', weeklyProgram)!
  expect(weeklyNext > '2026-11-23').toBe(true)
  await insertExpecting('sub-moved', { nextSendOn: weeklyNext })
  await insertExpecting('sub-later', { nextSendOn: '2026-12-01' })
  const adapter = countingAdapter(outbox())
  const day22 = await dayOf(weekly, '2026-11-22', adapter)
  expect(day22.enqueued).toEqual([])
  const daily = await storeFixture()
  return { daily, adapter }
}

it('a publish that moves a send to today, before the reschedule queue got there: the run pages everyone once, and today’s message goes out exactly once', async () => {
  const { daily, adapter } = await programChangedOvernight()
  const day23 = await dayOf(daily, '2026-11-23', adapter)
  const sent = await rows<{ recipient: string }>('SELECT recipient FROM outbox ORDER BY recipient')
  // sub-later, whose next_send_on says 12-01 (set so by hand), is sent today too: the timelines decide.
  expect(sent).toEqual([{ recipient: 'sub-later@example.jp' }, { recipient: 'sub-moved@example.jp' }])
  expect(day23.enqueued).toEqual(['sub-later', 'sub-moved'])
  expect(day23.report.pass).toBe('all')
  expect([...adapter.seen.values()]).toEqual([1, 1])
  expect(await rows("SELECT local_date, state FROM deliveries WHERE subscriber_id = 'sub-moved'")).toEqual([
    { local_date: '2026-11-23', state: 'sent' },
  ])

  // Then the reschedule queue reaches them: tomorrow, not today again, and tomorrow is planned
  // once (flagged: the fixture has no message for pregnancy/197).
  const page = await rescheduleChunk(oneDatabase, 'sakura-city', 0, at('2026-11-23T03:00:00Z'))
  expect(page).toMatchObject({ kind: 'done', rescheduled: 2 })
  expect(await rows("SELECT next_send_on FROM subscribers WHERE id = 'sub-moved'")).toEqual([
    { next_send_on: '2026-11-24' },
  ])
  await dayOf(daily, '2026-11-24', adapter)
  expect(
    await rows(
      "SELECT local_date, slots, state FROM deliveries WHERE subscriber_id = 'sub-moved' ORDER BY local_date",
    ),
  ).toEqual([
    { local_date: '2026-11-23', slots: '["pregnancy/196"]', state: 'sent' },
    { local_date: '2026-11-24', slots: '["pregnancy/197"]', state: 'flagged' },
  ])
  expect([...adapter.seen.values()].every((n) => n === 1)).toBe(true)
})

it('the pass over everyone is one day only: the next day, same program, the run reads the due rows alone', async () => {
  const { daily, adapter } = await programChangedOvernight()
  await insertExpecting('sub-december', { nextSendOn: '2026-12-01' })
  const day23 = await dayOf(daily, '2026-11-23', adapter)
  expect(day23.report.pass).toBe('all')
  expect(day23.report.rowsRead).toBeGreaterThanOrEqual(3)
  // The reschedule's walk ends (all three on 11-24); two are then set to 12-01 by hand, which the
  // due pass, reading the index alone, believes.
  expect(await rescheduleChunk(oneDatabase, 'sakura-city', 0, at('2026-11-23T03:00:00Z'))).toMatchObject({
    kind: 'done',
  })
  await env.DB.prepare(
    "UPDATE subscribers SET next_send_on = '2026-12-01' WHERE id IN ('sub-later', 'sub-december')",
  ).run()
  const day24 = await dayOf(daily, '2026-11-24', adapter)
  expect(day24.report.pass).toBe('due')
  expect(day24.enqueued).toEqual(['sub-moved'])
  expect(day24.report.rowsRead).toBeLessThan(day23.report.rowsRead)
  expect(
    await rows(
      "SELECT local_date, pass FROM tenant_runs WHERE tenant_slug = 'sakura-city' ORDER BY local_date",
    ),
  ).toEqual([
    { local_date: '2026-11-22', pass: 'due' },
    { local_date: '2026-11-23', pass: 'all' },
    { local_date: '2026-11-24', pass: 'due' },
  ])
})

it('a reschedule queue more than a day behind: every run pages everyone until the walk over the tenant has ended, then the due rows again', async () => {
  const weekly = await storeWeekly()
  await insertExpecting('sub-moved', { nextSendOn: '2026-11-25' })
  const adapter = countingAdapter(outbox())
  await dayOf(weekly, '2026-11-22', adapter)
  const daily = await storeFixture()
  // The activation message is handled; the walks it hands on wait behind a backlog.
  const rescheduleQueue = walkQueue()
  const walks = rescheduleQueue.walks
  const reschedule = (now: string) => ({ env, queue: rescheduleQueue, now: () => at(now) })
  await handleReschedule(reschedule('2026-11-22T15:00:00Z'), {
    kind: 'activation',
    previousManifestId: 'weekly-0001',
    manifestId: 'fixture-0001',
  })
  expect(walks).toMatchObject([{ kind: 'tenant', tenant: 'sakura-city', after: 0 }])

  const day23 = await dayOf(daily, '2026-11-23', adapter)
  expect(day23.report.pass).toBe('all')
  // Sent today, but its weekly next_send_on (11-25) is later than the day, so it stays: the daily
  // program's 11-24 is the reschedule's to write, and it has not come.
  expect(await rows("SELECT next_send_on FROM subscribers WHERE id = 'sub-moved'")).toEqual([
    { next_send_on: '2026-11-25' },
  ])
  const day24 = await dayOf(daily, '2026-11-24', adapter)
  expect(day24.report.pass).toBe('all')
  expect(day24.enqueued).toEqual(['sub-moved'])
  expect(
    await rows(
      "SELECT local_date, slots FROM deliveries WHERE subscriber_id = 'sub-moved' ORDER BY local_date",
    ),
  ).toEqual([
    { local_date: '2026-11-23', slots: '["pregnancy/196"]' },
    { local_date: '2026-11-24', slots: '["pregnancy/197"]' },
  ])

  // The walk ends; the day after, the run reads the due rows alone.
  await handleReschedule(reschedule('2026-11-24T03:00:00Z'), walks[0]!)
  expect(await rows("SELECT rescheduled_at FROM tenant_schedules WHERE tenant_slug = 'sakura-city'")).toEqual(
    [{ rescheduled_at: '2026-11-24T03:00:00.000Z' }],
  )
  await insertExpecting('sub-december', { nextSendOn: '2026-12-01' })
  const day25 = await dayOf(daily, '2026-11-25', adapter)
  expect(day25.report.pass).toBe('due')
  expect(day25.enqueued).toEqual(['sub-moved'])
})

it('a publish rolled back before its reschedule ran: its walk stops untouched, and the rollback’s walk ends the mark', async () => {
  await storeFixture()
  await insertExpecting('sub-kept', { nextSendOn: '2026-11-24' })
  await storeWeekly()
  const queue = walkQueue()
  const reschedule = { env, queue, now: () => at('2026-11-22T15:00:00Z') }
  await handleReschedule(reschedule, {
    kind: 'activation',
    previousManifestId: 'fixture-0001',
    manifestId: 'weekly-0001',
  })
  await activateManifest(env.DB, 'fixture-0001', at('2026-11-22T15:01:00Z'), undefined, {
    action: 'rollback',
  })
  await handleReschedule(reschedule, {
    kind: 'activation',
    previousManifestId: 'weekly-0001',
    manifestId: 'fixture-0001',
  })
  const [weeklyWalk, dailyWalk] = queue.walks
  expect(
    weeklyWalk?.kind === 'tenant' && dailyWalk?.kind === 'tenant' && weeklyWalk.program !== dailyWalk.program,
  ).toBe(true)
  expect(await handleReschedule(reschedule, weeklyWalk!)).toBe(0)
  expect(await rows("SELECT next_send_on FROM subscribers WHERE id = 'sub-kept'")).toEqual([
    { next_send_on: '2026-11-24' },
  ])
  expect(await rows('SELECT rescheduled_at FROM tenant_schedules')).toEqual([{ rescheduled_at: null }])
  expect(await handleReschedule(reschedule, dailyWalk!)).toBe(1)
  expect(await rows('SELECT rescheduled_at FROM tenant_schedules')).toEqual([
    { rescheduled_at: '2026-11-22T15:00:00.000Z' },
  ])
})

it('the activation message itself behind a backlog: the first run under the new program marks the walk under way, and runs page everyone until it ends', async () => {
  const { daily, adapter } = await programChangedOvernight()
  const backlog = walkQueue()
  expect((await dayOf(daily, '2026-11-23', adapter, backlog)).report.pass).toBe('all')
  // The run sent a walk of its own, which waits behind the backlog too.
  expect(backlog.walks).toEqual([
    { kind: 'tenant', tenant: 'sakura-city', after: 0, program: expect.any(String) },
  ])
  const day24 = await dayOf(daily, '2026-11-24', adapter, backlog)
  expect(day24.report.pass).toBe('all')
  // sub-moved still says 11-25 (the weekly program's date): only a pass over everyone finds it.
  expect(day24.enqueued).toEqual(['sub-later', 'sub-moved'])
  expect(await rows("SELECT local_date FROM deliveries WHERE subscriber_id = 'sub-moved'")).toHaveLength(2)
  expect(backlog.walks).toHaveLength(1)
  await handleReschedule({ env, queue: backlog, now: () => at('2026-11-24T03:00:00Z') }, backlog.walks[0]!)
  expect((await dayOf(daily, '2026-11-25', adapter)).report.pass).toBe('due')
})

it('a program that changed with no publish (the standard program in a new release) pages everyone one day only', async () => {
  const daily = await storeFixture()
  await insertExpecting('sub-due')
  await insertExpecting('sub-later', { nextSendOn: '2026-12-01' })
  const adapter = countingAdapter(outbox())
  await dayOf(daily, '2026-11-22', adapter)
  await env.DB.prepare(
    "UPDATE tenant_runs SET program_hash = 'the previous release' WHERE local_date = '2026-11-22'",
  ).run()
  expect((await dayOf(daily, '2026-11-23', adapter)).report.pass).toBe('all')
  expect((await dayOf(daily, '2026-11-24', adapter)).report.pass).toBe('due')
})

it('a publish landing while today’s run is still being enqueued: the reschedule keeps those not yet reached on today, and they get today’s message', async () => {
  const daily = await storeFixture()
  await insertExpecting('sub-reached')
  await insertExpecting('sub-waiting')
  const queue = capturingQueue()
  const oneAtATime = { chunkSize: 1, batchSize: 1, chunkBudget: 1, leaseSeconds: 600 }
  const [first] = await runTick(
    { db: env.DB, queue, snapshot: daily, now: at('2026-11-23T00:05:00Z') },
    oneAtATime,
  )
  expect(first).toMatchObject({ tenant: 'sakura-city', outcome: 'paused-for-budget', subscribers: 1 })

  // The weekly program (nothing on day 196, next on 11-25) is published, and the reschedule runs
  // after the send time, before the run's next tick.
  const weekly = await storeWeekly()
  expect(await rescheduleChunk(oneDatabase, 'sakura-city', 0, at('2026-11-23T00:07:00Z'))).toMatchObject({
    kind: 'done',
    rescheduled: 2,
  })
  for (let minute = 10; minute <= 20; minute += 5)
    await runTick({ db: env.DB, queue, snapshot: weekly, now: at(`2026-11-23T00:${minute}:00Z`) }, oneAtATime)
  expect(queue.sent.flatMap((b) => b.subscriberIds).sort()).toEqual(['sub-reached', 'sub-waiting'])
  const adapter = countingAdapter(outbox())
  await deliverAll(deps(daily, adapter, '2026-11-23T00:25:00Z'), queue.sent)
  expect(await rows<{ recipient: string }>('SELECT recipient FROM outbox ORDER BY recipient')).toEqual([
    { recipient: 'sub-reached@example.jp' },
    { recipient: 'sub-waiting@example.jp' },
  ])

  // Once today's run is on the queue, the reschedule moves everyone on as the new program says.
  expect(await rescheduleChunk(oneDatabase, 'sakura-city', 0, at('2026-11-23T03:00:00Z'))).toMatchObject({
    kind: 'done',
  })
  expect(await rows('SELECT next_send_on FROM subscribers ORDER BY id')).toEqual([
    { next_send_on: '2026-11-25' },
    { next_send_on: '2026-11-25' },
  ])
})

it('a run that goes on under the program a publish replaced moves no one past tomorrow, so the new program’s next sends are all found', async () => {
  // Day 198 on 11-23: a weekly send (every 7 days from day 30), the next one 11-30; daily: every day.
  const weekly = await storeWeekly()
  await insertExpecting('sub-reached', { due: '2027-02-13' })
  await insertExpecting('sub-waiting', { due: '2027-02-13' })
  const queue = capturingQueue()
  const oneAtATime = { chunkSize: 1, batchSize: 1, chunkBudget: 1, leaseSeconds: 600 }
  await runTick({ db: env.DB, queue, snapshot: weekly, now: at('2026-11-23T00:05:00Z') }, oneAtATime)
  const daily = await storeFixture()
  const rescheduleQueue = walkQueue()
  const walks = rescheduleQueue.walks
  const reschedule = { env, queue: rescheduleQueue, now: () => at('2026-11-23T00:07:00Z') }
  await handleReschedule(reschedule, {
    kind: 'activation',
    previousManifestId: 'weekly-0001',
    manifestId: 'fixture-0001',
  })
  await handleReschedule(reschedule, walks[0]!)
  for (let minute = 10; minute <= 20; minute += 5)
    await runTick({ db: env.DB, queue, snapshot: daily, now: at(`2026-11-23T00:${minute}:00Z`) }, oneAtATime)
  const adapter = countingAdapter(outbox())
  await deliverAll(deps(weekly, adapter, '2026-11-23T00:25:00Z'), queue.sent)
  // The weekly run would put them on 11-30; the daily program sends on 11-24 and 11-25.
  expect(await rows('SELECT next_send_on FROM subscribers ORDER BY id')).toEqual([
    { next_send_on: '2026-11-24' },
    { next_send_on: '2026-11-24' },
  ])
  await dayOf(daily, '2026-11-24', adapter)
  expect((await dayOf(daily, '2026-11-25', adapter)).enqueued).toEqual(['sub-reached', 'sub-waiting'])
  expect(
    await rows("SELECT local_date FROM deliveries WHERE subscriber_id = 'sub-waiting' ORDER BY local_date"),
  ).toEqual([{ local_date: '2026-11-23' }, { local_date: '2026-11-24' }, { local_date: '2026-11-25' }])
})

it('a publish that leaves the program as it was (a local entry, a message edited) keeps the run on the due rows', async () => {
  const fixture = await storeFixture()
  await insertExpecting('sub-due')
  await insertExpecting('sub-later', { nextSendOn: '2026-12-01' })
  const adapter = countingAdapter(outbox())
  const day22 = await dayOf(fixture, '2026-11-22', adapter)
  expect(day22.report.pass).toBe('due')
  const [sakura, minato] = fixtureTenantParts as [TenantPart, TenantPart]
  const edited = await prepareSnapshot({
    id: 'entries-0002',
    createdAt: '2026-11-22T12:00:00.000Z',
    parts: [
      {
        ...fixtureNationalPart,
        messages: fixtureNationalPart.messages.map((m) => ({ ...m, version: m.version + 1 })),
      },
      { ...sakura, localEntries: sakura.localEntries.map((e) => ({ ...e, title: `${e.title}（改訂）` })) },
      minato,
    ],
  })
  await storeSnapshot(env.DB, edited, new Date('2026-11-22T12:00:00Z'))
  const day23 = await dayOf((await loadSnapshot(env.DB, 'entries-0002'))!, '2026-11-23', adapter)
  expect(day23.report.pass).toBe('due')
  expect(day23.enqueued).toEqual(['sub-due'])
})

it('pages everyone of a tenant by its own index in rowid order, not a scan or a sort', async () => {
  const { results } = await env.DB.prepare(
    `EXPLAIN QUERY PLAN SELECT id, rowid FROM subscribers
     WHERE tenant_slug = 'sakura-city' AND rowid > 0 AND state = 'active' ORDER BY rowid LIMIT 100`,
  ).all<{ detail: string }>()
  const plan = results.map((r) => r.detail).join('\n')
  expect(plan).toMatch(/USING INDEX subscribers_tenant/)
  expect(plan).not.toMatch(/TEMP B-TREE/)
})
