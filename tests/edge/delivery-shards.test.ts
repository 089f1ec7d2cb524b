import { createScheduledController } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import type { D1Database, D1PreparedStatement, MessageBatch, Queue } from '@cloudflare/workers-types'
import { beforeEach, describe, expect, inject, it } from 'vitest'
import { app } from '../../edge/app'
import { storeTenantSecret } from '../../edge/channels/secrets'
import { markRescheduleStarted, programHashOf, rescheduleChunk } from '../../edge/delivery/reschedule'
import { handleReschedule } from '../../edge/delivery/reschedule-queue'
import { runTick } from '../../edge/delivery/tick'
import type { Env } from '../../edge/env'
import worker from '../../edge/index'
import type { DeliveryBatch, RescheduleMessage } from '../../edge/queues'
import { storeSnapshot } from '../../edge/snapshot/store'
import { prepareSnapshot, type TenantPart } from '../../shared/contract'
import { fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'
import { nextSendOn, type Program, standardProgram } from '../../shared/program'
import { deliverInShards, keepingAdapter } from './support/consumer'
import {
  capturingQueue,
  emptyDeliveryTables,
  insertExpecting,
  insertManyExpecting,
  storeFixture,
} from './support/delivery'
import { shardNumberOf, shardOf } from './support/shards'

// The fixture published as a first publish places it: sakura-city on shard 1 (main), minato-town
// on shard 2. minato-town sends at 07:30 Asia/Tokyo (22:30 UTC the day before), sakura-city at 09:00.

const site = 'https://yorisoi.example.jp'
const minato = 'minato-town'

async function count(db: D1Database, sql: string, ...params: unknown[]): Promise<number> {
  const row = await db
    .prepare(`SELECT COUNT(*) AS n FROM (${sql})`)
    .bind(...params)
    .first<{ n: number }>()
  return row!.n
}

const rowsIn = async <T>(db: D1Database, sql: string, ...params: unknown[]) =>
  (
    await db
      .prepare(sql)
      .bind(...params)
      .all<T>()
  ).results

/** Hands the bodies to the Worker's queue handler as the queue would; what it acked and retried, with delays. */
async function toConsumer(queue: string, bodies: readonly unknown[], on: Env = env) {
  const acked: string[] = []
  const retried: { id: string; delaySeconds?: number }[] = []
  const messages = bodies.map((body, i) => ({
    id: `m${i}`,
    timestamp: new Date(),
    attempts: 1,
    body,
    ack: () => acked.push(`m${i}`),
    retry: (options?: { delaySeconds?: number }) => retried.push({ id: `m${i}`, ...options }),
  }))
  await worker.queue({ queue, messages } as unknown as MessageBatch<unknown>, on)
  return { acked, retried }
}

const moving = (tenant: string, to: number | null) =>
  env.DB.prepare('UPDATE tenant_shards SET moving_to = ?2 WHERE tenant_slug = ?1').bind(tenant, to).run()

beforeEach(async () => {
  await emptyDeliveryTables()
  await env.DB.prepare('UPDATE tenant_shards SET moving_to = NULL').run()
})

const [sakura, minatoPart] = fixtureTenantParts as [TenantPart, TenantPart]
/** Pregnancy messages weekly from day 30: no send on day 196. */
const weeklyProgram: Program = {
  ...standardProgram,
  pregnancy: { ...standardProgram.pregnancy, fromDay: 30, every: 7 },
}

/** The fixture with minato-town's program weekly, activated (its tenants stay where they are). */
async function publishWeekly(): Promise<void> {
  const weekly = await prepareSnapshot({
    id: 'minato-weekly',
    createdAt: '2026-11-21T00:00:00.000Z',
    parts: [
      fixtureNationalPart,
      sakura,
      {
        ...minatoPart,
        tenant: { ...minatoPart.tenant, program: { kind: 'custom', program: weeklyProgram } },
      },
    ],
  })
  await storeSnapshot(env.DB, weekly, new Date('2026-11-21T00:00:00Z'), env)
}

describe('a town on shard 2', () => {
  it('the cron runs its day in shard 2 and the queue’s consumer delivers it there: run, deliveries and next_send_on in shard 2, none in main', async () => {
    await storeFixture({ shards: true })
    expect(await shardNumberOf(minato)).toBe(2)
    const shard2 = await shardOf(minato)
    const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
    await storeTenantSecret(env.DB, secretsKey, {
      tenant: minato,
      name: 'line.channelAccessToken',
      value: 'line-token',
      now: new Date(),
    })
    await insertManyExpecting(3, 'minato', 'line', minato)
    await insertExpecting('sub-sakura')
    expect(await count(env.DB, "SELECT 1 FROM subscribers WHERE tenant_slug = 'minato-town'")).toBe(0)

    const queue = capturingQueue()
    await worker.scheduled(
      createScheduledController({ cron: '*/5 * * * *', scheduledTime: Date.parse('2026-11-22T22:45:00Z') }),
      { ...env, DELIVERY_QUEUE: queue },
    )
    expect(queue.sent).toEqual([
      {
        tenant: minato,
        localDate: '2026-11-23',
        manifestId: 'fixture-0001',
        subscriberIds: ['minato-00000', 'minato-00001', 'minato-00002'],
      },
    ])

    // The real consumer, with LINE's fake behind it; handed again while it asks for a retry.
    const withLine = {
      ...env,
      PUBLIC_ORIGIN: site,
      TENANT_SECRETS_KEY: secretsKey,
      LINE_API_BASE_URL: inject('fakeLineUrl'),
    }
    let acked: string[] = []
    for (let round = 0; round < 5 && acked.length === 0; round++)
      acked = (await toConsumer('yorisoi-delivery', queue.sent, withLine)).acked
    expect(acked).toEqual(['m0'])

    expect(
      await rowsIn(shard2, 'SELECT subscriber_id, state FROM deliveries ORDER BY subscriber_id'),
    ).toEqual([
      { subscriber_id: 'minato-00000', state: 'sent' },
      { subscriber_id: 'minato-00001', state: 'sent' },
      { subscriber_id: 'minato-00002', state: 'sent' },
    ])
    expect(
      await rowsIn(shard2, 'SELECT tenant_slug, local_date, state, enqueued, sent FROM tenant_runs'),
    ).toEqual([{ tenant_slug: minato, local_date: '2026-11-23', state: 'enqueued', enqueued: 3, sent: 3 }])
    expect(await rowsIn(shard2, 'SELECT DISTINCT next_send_on FROM subscribers')).toEqual([
      { next_send_on: '2026-11-24' },
    ])
    expect(await count(env.DB, 'SELECT 1 FROM deliveries')).toBe(0)
    expect(await count(env.DB, 'SELECT 1 FROM tenant_runs')).toBe(0)
    expect(await rowsIn(env.DB, 'SELECT id, next_send_on FROM subscribers')).toEqual([
      { id: 'sub-sakura', next_send_on: '2026-11-23' },
    ])
  })

  it('its message page and every link in the message carry the prefix 2 and open; an unprefixed /m/ link of a shard-1 town still opens', async () => {
    const snapshot = await storeFixture({ shards: true })
    await insertExpecting('sub-minato', { tenant: minato, channel: 'line' })
    await insertExpecting('sub-sakura')
    const queue = capturingQueue()
    await runTick({ env, queue, snapshot, now: new Date('2026-11-23T00:05:00Z') })
    const adapter = keepingAdapter()
    await deliverInShards(snapshot, adapter, queue.sent)
    const textOf = (to: string) => adapter.messages.find((m) => m.to === to)?.text ?? ''

    const minatoText = textOf('Usub-minato')
    const paths = (text: string, path: string) =>
      [...text.matchAll(new RegExp(`${site}/${path}/([A-Za-z0-9_-]+)`, 'g'))].map((m) => m[1]!)
    const [page] = paths(minatoText, 'm')
    expect(page).toMatch(/^2[A-Za-z0-9_-]{27}$/)
    const manage = paths(minatoText, 'r')
    expect(manage.length).toBeGreaterThan(0)
    for (const segment of manage) expect(segment).toMatch(/^2[A-Za-z0-9_-]{22}$/)

    const get = (path: string) => exports.default.fetch(`${site}${path}`, { redirect: 'manual' })
    const opened = await get(`/m/${page}`)
    expect(opened.status).toBe(200)
    const body = await opened.text()
    expect(body).toContain('<bdi>はな</bdi>さん、今日で妊娠28週0日です。')
    expect(body).toMatch(new RegExp(`${site}/r/2[A-Za-z0-9_-]{22}/consult`))
    expect(body).toMatch(new RegExp(`${site}/s/2[A-Za-z0-9_-]{22}`))
    expect(body).not.toMatch(new RegExp(`${site}/[rsq]/1`))
    const go = [...body.matchAll(/href="(\/m\/[^"]+\/go\/\d+)"/g)].map((m) => m[1]!)
    expect(go.length).toBeGreaterThan(0)
    expect(go.every((href) => href.startsWith(`/m/${page}/go/`))).toBe(true)
    expect((await get(go[0]!)).status).toBe(302)
    const shard2 = await shardOf(minato)
    expect(await rowsIn(shard2, 'SELECT open_count FROM deliveries')).toEqual([{ open_count: 1 }])
    expect(await count(shard2, 'SELECT 1 FROM delivery_clicks')).toBe(1)
    // The same token under another shard's prefix names nothing there.
    expect((await get(`/m/1${page!.slice(1)}`)).status).toBe(404)

    // sakura-city's link carries 1. Links sent before shards had 22-character tokens (message-links
    // opens such a page with and without the 1); a 27-character one never went out bare.
    const [sakuraPage] = paths(textOf('sub-sakura@example.jp'), 'm')
    expect(sakuraPage).toMatch(/^1[A-Za-z0-9_-]{27}$/)
    const answer = await get(`/m/${sakuraPage}`)
    expect(answer.status).toBe(200)
    expect(await answer.text()).toContain('<bdi>はな</bdi>さん、今日で妊娠28週0日です。')
    expect((await get(`/m/${sakuraPage!.slice(1)}`)).status).toBe(404)
    expect(await rowsIn(env.DB, 'SELECT open_count FROM deliveries')).toEqual([{ open_count: 1 }])

    // While minato-town's residents are being moved its page asks to come back in a minute.
    await moving(minato, 1)
    const waiting = await get(`/m/${page}`)
    expect(waiting.status).toBe(503)
    expect(waiting.headers.get('retry-after')).toBe('60')
    expect(await rowsIn(shard2, 'SELECT open_count FROM deliveries')).toEqual([{ open_count: 1 }])
    await moving(minato, null)
    expect((await get(`/m/${page}`)).status).toBe(200)
  })

  it('a batch that exhausted its retries is kept and flagged in shard 2, and a person’s decision acts there', async () => {
    const snapshot = await storeFixture({ shards: true })
    await insertExpecting('sub-dead', { tenant: minato, channel: 'line' })
    const queue = capturingQueue()
    await runTick({ env, queue, snapshot, now: new Date('2026-11-22T22:45:00Z') })
    expect(await toConsumer('yorisoi-delivery-dead', queue.sent)).toEqual({ acked: ['m0'], retried: [] })

    const shard2 = await shardOf(minato)
    expect(await rowsIn(shard2, 'SELECT tenant_slug, local_date FROM dead_letters')).toEqual([
      { tenant_slug: minato, local_date: '2026-11-23' },
    ])
    expect(await rowsIn(shard2, 'SELECT subscriber_id, state, attempts FROM deliveries')).toEqual([
      { subscriber_id: 'sub-dead', state: 'flagged', attempts: 0 },
    ])
    expect(await rowsIn(shard2, 'SELECT flagged FROM tenant_runs')).toEqual([{ flagged: 1 }])
    expect(await rowsIn(shard2, 'SELECT subscriber_id, days FROM delivery_failures')).toEqual([
      { subscriber_id: 'sub-dead', days: 1 },
    ])
    for (const table of ['dead_letters', 'deliveries', 'delivery_failures'])
      expect(await count(env.DB, `SELECT 1 FROM ${table}`), table).toBe(0)

    const ingest = (path: string, init: RequestInit = {}) =>
      app.request(
        `/ingest/tenants/${minato}/${path}`,
        {
          ...init,
          headers: { 'content-type': 'application/json', authorization: 'Bearer test-decisions-token' },
        },
        env,
      )
    const listed = (await (await ingest('flagged')).json()) as { flagged: { id: string; channel: string }[] }
    expect(listed.flagged).toEqual([expect.objectContaining({ channel: 'line', attempts: 0 })])
    const decided = await ingest(`flagged/${listed.flagged[0]!.id}/resolve`, {
      method: 'POST',
      body: JSON.stringify({ decision: 'was-sent', actor: '保健師 A' }),
    })
    expect(decided.status).toBe(200)
    expect(await rowsIn(shard2, 'SELECT state FROM deliveries')).toEqual([{ state: 'sent' }])
    expect(await rowsIn(shard2, 'SELECT decision, outcome, actor FROM delivery_resolutions')).toEqual([
      { decision: 'was-sent', outcome: 'sent', actor: '保健師 A' },
    ])
    expect(await rowsIn(shard2, 'SELECT sent, flagged FROM tenant_runs')).toEqual([{ sent: 1, flagged: 0 }])
    expect(await rowsIn(shard2, 'SELECT next_send_on FROM subscribers')).toEqual([
      { next_send_on: '2026-11-24' },
    ])
    expect(await count(env.DB, 'SELECT 1 FROM delivery_resolutions')).toBe(0)
  })

  it('a publish that changes its program reschedules its residents in shard 2', async () => {
    await storeFixture({ shards: true })
    await insertExpecting('sub-weekly', { tenant: minato, channel: 'line' })
    const weekly = await prepareSnapshot({
      id: 'minato-weekly',
      createdAt: '2026-11-21T00:00:00.000Z',
      parts: [
        fixtureNationalPart,
        sakura,
        {
          ...minatoPart,
          tenant: {
            ...minatoPart.tenant,
            program: {
              kind: 'custom',
              program: {
                ...standardProgram,
                pregnancy: { ...standardProgram.pregnancy, fromDay: 30, every: 7 },
              },
            },
          },
        },
      ],
    })
    await storeSnapshot(env.DB, weekly, new Date('2026-11-21T00:00:00Z'), env)
    const walks: RescheduleMessage[] = []
    const walkQueue = {
      async send(body: RescheduleMessage) {
        walks.push(body)
      },
      async sendBatch(messages: Iterable<{ body: RescheduleMessage }>) {
        for (const m of messages) walks.push(m.body)
      },
    } as unknown as Queue<RescheduleMessage>
    const on = { ...env, RESCHEDULE_QUEUE: walkQueue }
    const activation = { kind: 'activation', previousManifestId: 'fixture-0001', manifestId: 'minato-weekly' }
    expect((await toConsumer('yorisoi-reschedule', [activation], on)).acked).toEqual(['m0'])
    expect(walks).toEqual([{ kind: 'tenant', tenant: minato, after: 0, program: expect.any(String) }])
    const shard2 = await shardOf(minato)
    expect(await rowsIn(shard2, 'SELECT rescheduled_at FROM tenant_schedules')).toEqual([
      { rescheduled_at: null },
    ])

    // The walk, as its message's handler does it, at a known hour.
    const handled = await handleReschedule(
      { env, queue: walkQueue, now: () => new Date('2026-11-23T03:00:00Z') },
      walks[0]!,
    )
    expect(handled).toBe(1)
    const weeklyNext = nextSendOn([{ from: '2026-10-01', due: '2027-02-15' }], '2026-11-23', weeklyProgram)
    expect(weeklyNext).not.toBe('2026-11-23')
    expect(await rowsIn(shard2, 'SELECT next_send_on FROM subscribers')).toEqual([
      { next_send_on: weeklyNext },
    ])
    expect(await rowsIn(shard2, 'SELECT rescheduled_at IS NOT NULL AS ended FROM tenant_schedules')).toEqual([
      { ended: 1 },
    ])
    expect(await count(env.DB, 'SELECT 1 FROM tenant_schedules')).toBe(0)
  })

  it('a walk whose program is replaced while it computes a chunk writes nothing; the new program’s walk does', async () => {
    await storeFixture({ shards: true })
    // A date neither program would write: any write shows.
    await insertExpecting('sub-kept', { tenant: minato, channel: 'line', nextSendOn: '2026-12-31' })
    const shard2 = await shardOf(minato)
    const daily = await programHashOf(minatoPart.tenant)
    const weekly = await programHashOf({
      ...minatoPart.tenant,
      program: { kind: 'custom', program: weeklyProgram },
    })
    await markRescheduleStarted(shard2, minato, daily, new Date()).run()
    // Between the walk's read and its write: the weekly program is published, and its activation
    // marks it in the shard, as the activation message does.
    let published = false
    const racing = {
      prepare: (sql: string) => shard2.prepare(sql),
      batch: async (statements: D1PreparedStatement[]) => {
        if (!published) {
          published = true
          await publishWeekly()
          await markRescheduleStarted(shard2, minato, weekly, new Date()).run()
        }
        return shard2.batch(statements)
      },
    } as unknown as D1Database
    const now = new Date('2026-11-23T03:00:00Z')
    expect(await rescheduleChunk({ db: racing, main: env.DB }, minato, 0, now, 200, daily)).toEqual({
      kind: 'superseded',
    })
    expect(await rowsIn(shard2, 'SELECT next_send_on FROM subscribers')).toEqual([
      { next_send_on: '2026-12-31' },
    ])

    expect(await rescheduleChunk({ db: shard2, main: env.DB }, minato, 0, now, 200, weekly)).toMatchObject({
      kind: 'done',
      rescheduled: 1,
    })
    expect(await rowsIn(shard2, 'SELECT next_send_on FROM subscribers')).toEqual([
      { next_send_on: nextSendOn([{ from: '2026-10-01', due: '2027-02-15' }], '2026-11-23', weeklyProgram) },
    ])
  })
})

describe('a town whose residents are being moved', () => {
  it('is skipped by the cron and its run taken up after the move; its batches and dead letters wait, nothing sent or written', async () => {
    const snapshot = await storeFixture({ shards: true })
    await insertExpecting('sub-moving', { tenant: minato, channel: 'line' })
    const shard2 = await shardOf(minato)
    await moving(minato, 1)

    const queue = capturingQueue()
    const reports = await runTick({ env, queue, snapshot, now: new Date('2026-11-22T22:45:00Z') })
    expect(reports.find((r) => r.tenant === minato)).toMatchObject({ tenant: minato, outcome: 'moving' })
    expect(queue.sent).toEqual([])
    expect(await count(shard2, 'SELECT 1 FROM tenant_runs')).toBe(0)

    const batch: DeliveryBatch = {
      tenant: minato,
      localDate: '2026-11-23',
      manifestId: 'fixture-0001',
      subscriberIds: ['sub-moving'],
    }
    const withOrigin = { ...env, PUBLIC_ORIGIN: site }
    for (const name of ['yorisoi-delivery', 'yorisoi-delivery-dead']) {
      expect(await toConsumer(name, [batch], withOrigin), name).toEqual({
        acked: [],
        retried: [{ id: 'm0', delaySeconds: 60 }],
      })
    }
    for (const db of [env.DB, shard2]) {
      expect(await count(db, 'SELECT 1 FROM deliveries')).toBe(0)
      expect(await count(db, 'SELECT 1 FROM dead_letters')).toBe(0)
    }

    await moving(minato, null)
    await runTick({ env, queue, snapshot, now: new Date('2026-11-22T22:50:00Z') })
    expect(queue.sent).toEqual([batch])
  })
})

describe('a batch naming someone its tenant’s shard does not hold', () => {
  it('sends to those the shard holds and to no one else', async () => {
    const snapshot = await storeFixture({ shards: true })
    await insertExpecting('sub-here', { tenant: minato, channel: 'line' })
    // A row of minato-town left in main (as after a move): not the town's shard, never read.
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, next_send_on, created_at, updated_at)
         VALUES ('sub-left', 'minato-town', 'はな', 'primary', 'ja', 'line', 'Usub-left', 'active', '2026-11-23', '2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z')`,
      ),
      env.DB.prepare(
        "INSERT INTO timelines (id, tenant_slug, due_date, created_at, updated_at) VALUES ('t-sub-left', 'minato-town', '2027-02-15', '2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z')",
      ),
      env.DB.prepare(
        "INSERT INTO timeline_members (timeline_id, subscriber_id) VALUES ('t-sub-left', 'sub-left')",
      ),
    ])
    const adapter = keepingAdapter()
    await deliverInShards(snapshot, adapter, [
      {
        tenant: minato,
        localDate: '2026-11-23',
        manifestId: 'fixture-0001',
        subscriberIds: ['sub-here', 'sub-left'],
      },
    ])
    expect(adapter.messages.map((m) => m.to)).toEqual(['Usub-here'])
    expect(await rowsIn(await shardOf(minato), 'SELECT subscriber_id FROM deliveries')).toEqual([
      { subscriber_id: 'sub-here' },
    ])
    expect(await count(env.DB, 'SELECT 1 FROM deliveries')).toBe(0)
  })
})
