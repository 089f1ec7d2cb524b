import { createMessageBatch } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { runTick } from '../../edge/delivery/tick'
import worker from '../../edge/index'
import { countingAdapter, deliverAll, deps, outbox } from './support/consumer'
import {
  capturingQueue,
  emptyDeliveryTables,
  insertExpecting,
  publishRevision,
  rows,
  storeFixture,
} from './support/delivery'

const at = (iso: string) => new Date(iso)
beforeEach(emptyDeliveryTables)
// sakura-city sends at 09:00 Asia/Tokyo (00:00 UTC); minato-town at 07:30 (22:30 UTC the day before).

describe('a cron tick', () => {
  it('gives a due subscriber exactly one message, then advances next_send_on to tomorrow', async () => {
    const snapshot = await storeFixture()
    await insertExpecting('sub-1')
    const queue = capturingQueue()
    await runTick({ db: env.DB, queue, snapshot, now: at('2026-11-23T00:05:00Z') })
    expect(queue.sent).toEqual([
      {
        tenant: 'sakura-city',
        localDate: '2026-11-23',
        manifestId: 'fixture-0001',
        subscriberIds: ['sub-1'],
      },
    ])
    const adapter = countingAdapter(outbox())
    await deliverAll(deps(snapshot, adapter), queue.sent)

    const mail = await rows<{ recipient: string; subject: string; text: string }>('SELECT * FROM outbox')
    expect(mail).toHaveLength(1)
    expect(mail[0]!.recipient).toBe('sub-1@example.jp')
    expect(mail[0]!.text).toContain('はなさん、今日で妊娠28週0日です。')
    expect(await rows('SELECT state, slots FROM deliveries')).toEqual([
      { state: 'sent', slots: '["pregnancy/196"]' },
    ])
    expect(await rows('SELECT next_send_on FROM subscribers')).toEqual([{ next_send_on: '2026-11-24' }])
    expect(
      await rows('SELECT state, enqueued, sent FROM tenant_runs WHERE tenant_slug = ?1', 'sakura-city'),
    ).toEqual([{ state: 'enqueued', enqueued: 1, sent: 1 }])
  })

  it('sends nothing twice when ticks overlap or repeat', async () => {
    const snapshot = await storeFixture()
    for (let i = 0; i < 100; i++) await insertExpecting(`sub-${String(i).padStart(3, '0')}`)
    const queue = capturingQueue()
    const now = at('2026-11-23T00:05:00Z')
    const options = { chunkSize: 40, batchSize: 20, chunkBudget: 100, leaseSeconds: 600 }
    await Promise.all([
      runTick({ db: env.DB, queue, snapshot, now }, options),
      runTick({ db: env.DB, queue, snapshot, now }, options),
    ])
    await runTick({ db: env.DB, queue, snapshot, now: at('2026-11-23T00:10:00Z') }, options)
    const ids = queue.sent.flatMap((b) => b.subscriberIds)
    expect(ids).toHaveLength(100)
    expect(new Set(ids).size).toBe(100)

    const adapter = countingAdapter(outbox())
    await deliverAll(deps(snapshot, adapter), [...queue.sent, ...queue.sent])
    expect(adapter.seen.size).toBe(100)
    expect([...adapter.seen.values()].every((n) => n === 1)).toBe(true)
    expect(await rows('SELECT COUNT(*) AS n FROM outbox')).toEqual([{ n: 100 }])
  })

  it('sends the rest of a batch whose first residents a redelivered part already had, each once', async () => {
    const snapshot = await storeFixture()
    for (let i = 0; i < 20; i++) await insertExpecting(`sub-${String(i).padStart(3, '0')}`)
    const queue = capturingQueue()
    await runTick(
      { db: env.DB, queue, snapshot, now: at('2026-11-23T00:05:00Z') },
      { chunkSize: 40, batchSize: 20, chunkBudget: 100, leaseSeconds: 600 },
    )
    const [batch] = queue.sent
    expect(batch?.subscriberIds).toHaveLength(20)
    const adapter = countingAdapter(outbox())
    const [first, whole] = await deliverAll(deps(snapshot, adapter), [
      { ...batch!, subscriberIds: batch!.subscriberIds.slice(0, 8) },
      batch!,
    ])
    // The whole batch finds 8 deliveries done and claims the other 12 itself: none waits for a retry.
    expect(first).toEqual({ pending: 0 })
    expect(whole).toEqual({ pending: 0 })
    expect(adapter.seen.size).toBe(20)
    expect([...adapter.seen.values()].every((n) => n === 1)).toBe(true)
    expect(await rows("SELECT COUNT(*) AS n FROM deliveries WHERE state = 'sent'")).toEqual([{ n: 20 }])
  })

  it('after a whole missed day sends today’s message, not yesterday’s as well', async () => {
    const snapshot = await storeFixture()
    await insertExpecting('sub-late', { nextSendOn: '2026-11-22' })
    const queue = capturingQueue()
    await runTick({ db: env.DB, queue, snapshot, now: at('2026-11-23T00:05:00Z') })
    const adapter = countingAdapter(outbox())
    await deliverAll(deps(snapshot, adapter), queue.sent)
    expect(await rows('SELECT local_date, slots FROM deliveries')).toEqual([
      { local_date: '2026-11-23', slots: '["pregnancy/196"]' },
    ])
    expect(adapter.seen.size).toBe(1)
  })
})

describe('the consumer', () => {
  it('composes from the manifest the run started with, even after a publish during the run', async () => {
    const snapshot = await storeFixture()
    await insertExpecting('sub-pub')
    const queue = capturingQueue()
    await runTick({ db: env.DB, queue, snapshot, now: at('2026-11-23T00:00:00Z') })
    await publishRevision('fixture-0002', '改訂版のお便りです。')
    await runTick({ db: env.DB, queue, snapshot, now: at('2026-11-23T00:05:00Z') })
    const { loadSnapshot } = await import('../../edge/snapshot/read')
    const runSnapshot = (await loadSnapshot(env.DB, queue.sent[0]!.manifestId))!
    await deliverAll(deps(runSnapshot, outbox()), queue.sent)
    const [mail] = await rows<{ text: string }>('SELECT text FROM outbox')
    expect(queue.sent).toHaveLength(1)
    expect(queue.sent[0]!.manifestId).toBe('fixture-0001')
    expect(mail!.text).not.toContain('改訂版')
    expect(await rows('SELECT manifest_id FROM deliveries')).toEqual([{ manifest_id: 'fixture-0001' }])
  })

  it('re-derives the day from the timelines: a stale next_send_on on a day without a slot sends nothing', async () => {
    const snapshot = await storeFixture()
    // Born 2025-11-01: on 2026-11-23 the child is in the weekly age1 phase, and this is not its day.
    await insertExpecting('sub-stale', { due: '2025-11-01', nextSendOn: '2026-11-23' })
    await env.DB.prepare("UPDATE timelines SET birth_date = '2025-11-01' WHERE id = 't-sub-stale'").run()
    const batch = {
      tenant: 'sakura-city',
      localDate: '2026-11-23',
      manifestId: 'fixture-0001',
      subscriberIds: ['sub-stale'],
    }
    const adapter = countingAdapter(outbox())
    await deliverAll(deps(snapshot, adapter), [batch])
    expect(adapter.seen.size).toBe(0)
    const [row] = await rows<{ next_send_on: string }>('SELECT next_send_on FROM subscribers')
    expect(row!.next_send_on > '2026-11-23').toBe(true)
  })

  it('never resends an SMS left in sending: it is flagged for a person', async () => {
    const snapshot = await storeFixture()
    await insertExpecting('sub-sms', { channel: 'sms' })
    const batch = {
      tenant: 'sakura-city',
      localDate: '2026-11-23',
      manifestId: 'fixture-0001',
      subscriberIds: ['sub-sms'],
    }
    const crashed = countingAdapter(outbox(), {
      idempotent: false,
      answer: () => {
        throw new Error('worker died mid-send')
      },
    })
    await expect(deliverAll(deps(snapshot, crashed), [batch])).rejects.toThrow('worker died')
    const [claimed] = await rows<{ state: string; sms_segments: number }>(
      'SELECT state, sms_segments FROM deliveries',
    )
    expect(claimed!.state).toBe('sending')
    expect(claimed!.sms_segments).toBeGreaterThan(0)

    const sms = countingAdapter(outbox(), { idempotent: false })
    await deliverAll(deps(snapshot, sms, '2026-11-23T00:30:00Z'), [batch])
    expect(sms.seen.size).toBe(0)
    const [row] = await rows<{ state: string; error: string }>('SELECT state, error FROM deliveries')
    expect(row).toMatchObject({ state: 'flagged' })
    expect(row!.error).toMatch(/^needs-review/)
  })

  it('resends with the same idempotency key where the provider honours it', async () => {
    const snapshot = await storeFixture()
    await insertExpecting('sub-mail')
    const batch = {
      tenant: 'sakura-city',
      localDate: '2026-11-23',
      manifestId: 'fixture-0001',
      subscriberIds: ['sub-mail'],
    }
    const flaky = countingAdapter(outbox(), {
      answer: (m) => ({
        idempotencyKey: m.idempotencyKey,
        outcome: 'failed-transient',
        retryAfterSeconds: 7,
      }),
    })
    const [report] = await deliverAll(deps(snapshot, flaky), [batch])
    expect(report).toEqual({ pending: 1, retryAfterSeconds: 7 })
    expect(await rows('SELECT next_send_on FROM subscribers')).toEqual([{ next_send_on: '2026-11-23' }])

    const healthy = countingAdapter(outbox())
    await deliverAll(deps(snapshot, healthy, '2026-11-23T00:15:00Z'), [batch])
    expect([...flaky.seen.keys()]).toEqual([...healthy.seen.keys()])
    expect(await rows('SELECT state, attempts FROM deliveries')).toEqual([{ state: 'sent', attempts: 2 }])
  })

  it('pauses a subscriber after failed days on three dates, counting one day once', async () => {
    const snapshot = await storeFixture()
    await insertExpecting('sub-bad')
    const refusing = countingAdapter(outbox(), {
      answer: (m) => ({
        idempotencyKey: m.idempotencyKey,
        outcome: 'failed-permanent',
        error: 'address rejected',
      }),
    })
    // Each date is 28w0d for the due date beside it, the one slot the fixture has a message for.
    const days = [
      ['2026-11-23', '2027-02-15'],
      ['2026-11-23', '2027-02-15'],
      ['2026-11-24', '2027-02-16'],
      ['2026-11-25', '2027-02-17'],
    ]
    for (const [date, due] of days) {
      await env.DB.prepare('DELETE FROM deliveries').run()
      await env.DB.prepare("UPDATE timelines SET due_date = ?1 WHERE id = 't-sub-bad'").bind(due).run()
      await deliverAll(deps(snapshot, refusing, `${date}T00:10:00Z`), [
        { tenant: 'sakura-city', localDate: date!, manifestId: 'fixture-0001', subscriberIds: ['sub-bad'] },
      ])
      if (date === '2026-11-24')
        expect(await rows('SELECT state FROM subscribers')).toEqual([{ state: 'active' }])
    }
    expect(await rows('SELECT days FROM delivery_failures')).toEqual([{ days: 3 }])
    const [sub] = await rows<{ state: string; state_reason: string }>(
      'SELECT state, state_reason FROM subscribers',
    )
    expect(sub!.state).toBe('paused')
    expect(sub!.state_reason).toMatch(/^delivery-failures/)
  })
})

describe('the dead-letter queue', () => {
  it('keeps a batch that exhausted its retries and flags its unfinished deliveries for a person', async () => {
    const snapshot = await storeFixture()
    await insertExpecting('sub-dead')
    const batch = {
      tenant: 'sakura-city',
      localDate: '2026-11-23',
      manifestId: 'fixture-0001',
      subscriberIds: ['sub-dead'],
    }
    const down = countingAdapter(outbox(), {
      answer: (m) => ({
        idempotencyKey: m.idempotencyKey,
        outcome: 'failed-transient',
        error: 'provider down',
      }),
    })
    await deliverAll(deps(snapshot, down), [batch])
    const messages = createMessageBatch('yorisoi-delivery-dead', [
      { id: 'dead-1', timestamp: Date.now(), attempts: 1, body: batch },
    ])
    await worker.queue(messages, env)

    expect(await rows('SELECT id, tenant_slug, local_date FROM dead_letters')).toEqual([
      { id: 'dead-1', tenant_slug: 'sakura-city', local_date: '2026-11-23' },
    ])
    const [delivery] = await rows<{ state: string; error: string }>('SELECT state, error FROM deliveries')
    expect(delivery!.state).toBe('flagged')
    expect(delivery!.error).toMatch(/dead letter/)
    expect(await rows('SELECT days FROM delivery_failures')).toEqual([{ days: 1 }])
  })
})
