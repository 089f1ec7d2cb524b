import { env } from 'cloudflare:workers'
import { beforeEach, expect, it } from 'vitest'
import { runTick } from '../../edge/delivery/tick'
import { type LoadedSnapshot, loadSnapshot } from '../../edge/snapshot/read'
import { storeSnapshot } from '../../edge/snapshot/store'
import { prepareSnapshot, tenantSettings } from '../../shared/contract'
import { fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'
import { countingAdapter, deliverAll, deps, outbox } from './support/consumer'
import { capturingQueue, emptyDeliveryTables, insertExpecting, rows } from './support/delivery'

beforeEach(emptyDeliveryTables)

// The fixture's message for pregnancy/196, copied to pregnancy/195 (the day before, for the
// residents here), so that a missed day has a message of its own.
async function snapshotWith(missedDay: 'skip' | 'send-once' | undefined): Promise<LoadedSnapshot> {
  const copies = fixtureNationalPart.messages
    .filter((m) => m.slot === 'pregnancy/196')
    .map((m) => ({ ...m, id: m.id.replace('196', '195'), slot: 'pregnancy/195' }))
  const tenants = fixtureTenantParts.map((part) => {
    const { missedDay: _, ...rest } = part.tenant
    return { ...part, tenant: missedDay ? { ...rest, missedDay } : rest }
  })
  const id = `missed-${missedDay ?? 'default'}`
  const snapshot = await prepareSnapshot({
    id,
    createdAt: '2026-11-20T00:00:00.000Z',
    parts: [
      { ...fixtureNationalPart, messages: [...fixtureNationalPart.messages, ...copies] },
      ...tenants,
    ] as never,
  })
  await storeSnapshot(env.DB, snapshot, new Date('2026-11-20T00:00:00Z'))
  return (await loadSnapshot(env.DB, id))!
}

/** The Worker was down all of 2026-11-22 (no run that day); it is back at 09:05 on the 23rd. */
async function backAfterOutage(snapshot: LoadedSnapshot, times = 1) {
  await insertExpecting('sub-missed', { nextSendOn: '2026-11-22' })
  const queue = capturingQueue()
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-23T00:05:00Z') })
  const adapter = countingAdapter(outbox())
  for (let i = 0; i < times; i++) await deliverAll(deps(snapshot, adapter), queue.sent)
  return adapter
}

it('the policy defaults to skip: a tenant that says nothing gets today’s slot only', async () => {
  expect(tenantSettings.parse(JSON.parse(JSON.stringify(fixtureTenantParts[0]!.tenant))).missedDay).toBe(
    'skip',
  )
  const adapter = await backAfterOutage(await snapshotWith(undefined))
  expect(adapter.seen.size).toBe(1)
  expect(await rows('SELECT local_date, slots FROM deliveries')).toEqual([
    { local_date: '2026-11-23', slots: '["pregnancy/196"]' },
  ])
})

it('send-once: yesterday’s missed slot goes out once, marked late, beside today’s — however often the batch runs', async () => {
  const adapter = await backAfterOutage(await snapshotWith('send-once'), 3)
  expect(await rows('SELECT local_date, slots, state FROM deliveries ORDER BY local_date')).toEqual([
    { local_date: '2026-11-22', slots: '["pregnancy/195"]', state: 'sent' },
    { local_date: '2026-11-23', slots: '["pregnancy/196"]', state: 'sent' },
  ])
  expect([...adapter.seen.values()]).toEqual([1, 1])
  const mail = await rows<{ subject: string; text: string; html: string }>(
    'SELECT subject, text, html FROM outbox ORDER BY subject',
  )
  expect(mail).toHaveLength(2)
  const late = mail.find((m) => m.subject.startsWith('【'))!
  expect(late.subject).toBe('【11月22日のお便り（遅れてお届けします）】 今日のお便り')
  expect(late.text.split('\n')[0]).toBe('【11月22日のお便り（遅れてお届けします）】')
  expect(late.html).toContain('11月22日のお便り（遅れてお届けします）')
  expect(mail.filter((m) => m !== late).every((m) => !m.text.includes('遅れて'))).toBe(true)
  expect(await rows('SELECT next_send_on FROM subscribers')).toEqual([{ next_send_on: '2026-11-24' }])
  expect(await rows("SELECT sent FROM tenant_runs WHERE tenant_slug = 'sakura-city'")).toEqual([{ sent: 2 }])
})

it('send-once does not resend a day the tenant did run: only days with no run at all count as missed', async () => {
  const snapshot = await snapshotWith('send-once')
  await env.DB.prepare(
    `INSERT INTO tenant_runs (tenant_slug, local_date, manifest_id, state, lease_holder, lease_until, started_at, updated_at)
     VALUES ('sakura-city', '2026-11-22', ?1, 'enqueued', 'x', '2026-11-22T00:10:00Z', '2026-11-22T00:00:00Z', '2026-11-22T00:10:00Z')`,
  )
    .bind(snapshot.manifest.id)
    .run()
  const adapter = await backAfterOutage(snapshot)
  expect(adapter.seen.size).toBe(1)
  expect(await rows('SELECT local_date FROM deliveries')).toEqual([{ local_date: '2026-11-23' }])
})

it('send-once with a provider failing: the late delivery is retried, next_send_on waits until it is done', async () => {
  const snapshot = await snapshotWith('send-once')
  await insertExpecting('sub-missed', { nextSendOn: '2026-11-22' })
  const queue = capturingQueue()
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-23T00:05:00Z') })
  const flaky = countingAdapter(outbox(), {
    answer: (m) =>
      m.subject?.startsWith('【') ? { idempotencyKey: m.idempotencyKey, outcome: 'failed-transient' } : null,
  })
  const [report] = await deliverAll(deps(snapshot, flaky), queue.sent)
  expect(report!.pending).toBe(1)
  expect(await rows('SELECT next_send_on FROM subscribers')).toEqual([{ next_send_on: '2026-11-22' }])
  await deliverAll(deps(snapshot, countingAdapter(outbox()), '2026-11-23T00:20:00Z'), queue.sent)
  expect(await rows('SELECT local_date, state FROM deliveries ORDER BY local_date')).toEqual([
    { local_date: '2026-11-22', state: 'sent' },
    { local_date: '2026-11-23', state: 'sent' },
  ])
  expect(await rows('SELECT next_send_on FROM subscribers')).toEqual([{ next_send_on: '2026-11-24' }])
})
