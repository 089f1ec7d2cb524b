import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import type { MessageSendRequest, Queue } from '@cloudflare/workers-types'
import { beforeEach, expect, inject, it } from 'vitest'
import { cancelAnnouncement } from '../../edge/announcements/cancel'
import { deliverAnnouncementBatch } from '../../edge/announcements/deliver'
import { startAnnouncements } from '../../edge/announcements/start'
import type { ChannelAdapter } from '../../edge/channels/adapter'
import { adapterFor } from '../../edge/channels/registry'
import { storeTenantSecret } from '../../edge/channels/secrets'
import { onDeliveryBatch } from '../../edge/delivery/consume'
import { enqueueReschedule, handleReschedule } from '../../edge/delivery/reschedule-queue'
import type { Env } from '../../edge/env'
import type { AnnouncementBatch, RescheduleMessage } from '../../edge/queues'
import { deliveryCounts } from '../../edge/reports/delivery-counts'
import { allShards } from '../../edge/shards/databases'
import { residentShard } from '../../edge/shards/map'
import { activateManifest } from '../../edge/snapshot/active'
import { loadActiveSnapshot, loadSnapshot } from '../../edge/snapshot/read'
import { storeSnapshot } from '../../edge/snapshot/store'
import { type Announcement, prepareSnapshot } from '../../shared/contract'
import { fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'
import { emptyDeliveryTables, insertExpecting, storeFixture } from './support/delivery'
import { shardOf } from './support/shards'

// An announcement's send, driven as the queues would: the start (tick or activation), the walk on
// the reschedule queue, the batches on the delivery queue, counted at the fake providers.

const resend = inject('fakeResendUrl')
const twilio = inject('fakeTwilioUrl')
const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const providers = {
  ...env,
  TENANT_SECRETS_KEY: secretsKey,
  RESEND_BASE_URL: resend,
  TWILIO_API_BASE_URL: twilio,
} as Env
const origin = 'https://yorisoi.example.jp'
const accountSid = `AC${'0123456789abcdef'.repeat(2)}`

async function control(fake: string, path: string, body?: unknown) {
  const response = await fetch(`${fake}/__fake/${path}`, {
    method: 'POST',
    body: JSON.stringify(body ?? null),
  })
  return (await response.json()) as { deliveries: Record<string, number> }
}

function capturing<T>(): Queue<T> & { sent: T[] } {
  const sent: T[] = []
  return {
    sent,
    async send(body: T) {
      sent.push(body)
    },
    async sendBatch(messages: Iterable<MessageSendRequest<T>>) {
      for (const m of messages) sent.push(m.body)
    },
  } as unknown as Queue<T> & { sent: T[] }
}

const eighthMonth = (over: Partial<Announcement> = {}): Announcement => ({
  id: 'checkup-8m',
  version: 1,
  urgent: false,
  health: true,
  sendAt: '2026-11-23T00:30:00.000Z',
  texts: [
    {
      language: 'ja',
      title: '妊婦健診のご案内',
      body: '8か月の健診は予約制です。',
      shortText: '8か月の健診は予約制です。',
    },
  ],
  target: {
    window: { unit: 'pregnancy-month', from: 8, to: 8 },
    audiences: ['primary', 'partner'],
    languages: [],
    channels: ['email', 'sms', 'line'],
  },
  approval: { by: 'supervisor-1', at: '2026-11-22T00:00:00.000Z' },
  ...over,
})

/** A manifest carrying these announcements, activated (its towns keep their shards). */
async function publish(id: string, announcements: Record<string, Announcement[]>, at: string) {
  const parts = fixtureTenantParts.map((p) => ({ ...p, announcements: announcements[p.tenant.slug] ?? [] }))
  const snapshot = await prepareSnapshot({ id, createdAt: at, parts: [fixtureNationalPart, ...parts] })
  await storeSnapshot(env.DB, snapshot, new Date(at), env)
  return (await loadSnapshot(env.DB, id))!
}

/** The walk messages handled as the reschedule queue would, collecting the delivery batches. */
async function walk(messages: RescheduleMessage[], now: string): Promise<AnnouncementBatch[]> {
  const deliveries = capturing<AnnouncementBatch>()
  let due = messages
  while (due.length > 0) {
    const walks = capturing<RescheduleMessage>()
    for (const m of due)
      await handleReschedule(
        {
          env: { ...providers, DELIVERY_QUEUE: deliveries } as Env,
          queue: walks,
          now: () => new Date(now),
          chunkSize: 2,
        },
        m,
      )
    due = walks.sent
  }
  return deliveries.sent
}

/** Each batch handed to the consumer in its town's shard; returns the batches still pending. */
async function consume(
  batches: readonly AnnouncementBatch[],
  now: string,
  wrap: (a: ChannelAdapter) => ChannelAdapter = (a) => a,
): Promise<AnnouncementBatch[]> {
  const again: AnnouncementBatch[] = []
  for (const batch of batches) {
    const { db, shard } = await residentShard(env, batch.tenant)
    const report = await deliverAnnouncementBatch(
      {
        db,
        shard,
        snapshot: (await loadSnapshot(env.DB, batch.manifestId))!,
        adapterFor: async (channel) => wrap(await adapterFor(providers, batch.tenant, channel, db)),
        origin,
        linkSecret: 'test-link-secret',
        now: () => new Date(now),
      },
      batch,
    )
    if (report.pending > 0) again.push(batch)
  }
  return again
}

async function shardRows<T>(tenant: string, sql: string, ...params: unknown[]): Promise<T[]> {
  return (
    await (
      await shardOf(tenant)
    )
      .prepare(sql)
      .bind(...params)
      .all<T>()
  ).results
}

/** Residents of one town: three at 妊娠8か月, one at 5か月, and the ones who must get nothing. */
async function residents(tenant: string, channel: 'email' | 'sms') {
  const p = tenant.slice(0, 1)
  for (const n of [1, 2, 3]) await insertExpecting(`${p}-eight-${n}`, { tenant, channel })
  await insertExpecting(`${p}-five`, { tenant, channel, due: '2027-04-20' })
  for (const who of ['stopped', 'paused', 'bereaved', 'no-notices'])
    await insertExpecting(`${p}-${who}`, { tenant, channel })
  const db = await shardOf(tenant)
  await db.batch([
    // Each SMS resident their own number: the fake Twilio counts sends by number.
    db
      .prepare(
        "UPDATE subscribers SET address = '+8190' || substr('0000000' || rowid, -8) WHERE tenant_slug = ?1 AND channel = 'sms'",
      )
      .bind(tenant),
    db.prepare("UPDATE subscribers SET state = 'stopped' WHERE id = ?1").bind(`${p}-stopped`),
    db.prepare("UPDATE subscribers SET state = 'paused' WHERE id = ?1").bind(`${p}-paused`),
    db.prepare('UPDATE subscribers SET town_notices = 0 WHERE id = ?1').bind(`${p}-no-notices`),
    db
      .prepare("UPDATE timelines SET loss_date = '2026-11-10', loss_reported_on = '2026-11-12' WHERE id = ?1")
      .bind(`t-${p}-bereaved`),
  ])
}

const sentTo = (tenant: string, announcementId: string) =>
  shardRows<{ subscriber_id: string; state: string }>(
    tenant,
    'SELECT subscriber_id, state FROM deliveries WHERE announcement_id = ?1 ORDER BY subscriber_id',
    announcementId,
  )

beforeEach(async () => {
  await emptyDeliveryTables()
  for (const { db } of allShards(env)) await db.prepare('DELETE FROM announcement_runs').run()
  await env.DB.prepare('DELETE FROM tenant_secrets').run()
  await control(resend, 'reset')
  await control(twilio, 'reset')
  await storeFixture({ shards: true })
  const now = new Date()
  await storeTenantSecret(env.DB, secretsKey, {
    tenant: 'sakura-city',
    name: 'resend.apiKey',
    value: 're_test',
    now,
  })
  await storeTenantSecret(env.DB, secretsKey, {
    tenant: 'minato-town',
    name: 'twilio.credentials',
    value: JSON.stringify({ accountSid, authToken: 'token', from: 'MinatoTown' }),
    now,
  })
})

it('an announcement targeted at 妊娠8か月 reaches exactly those residents once, in both shards, across a crash, a doubt and a redelivery; the run ends sent', async () => {
  await residents('sakura-city', 'email')
  await residents('minato-town', 'sms')
  const stale = eighthMonth({ id: 'old-notice', sendAt: '2026-11-15T00:00:00.000Z' })
  const snapshot = await publish(
    'ann-0002',
    { 'sakura-city': [eighthMonth(), stale], 'minato-town': [eighthMonth()] },
    '2026-11-23T00:01:00.000Z',
  )
  // Before its time: nothing starts.
  const early = capturing<RescheduleMessage>()
  expect(
    (await startAnnouncements(providers, snapshot, new Date('2026-11-23T00:20:00Z'), early)).started,
  ).toEqual([])
  const tick = capturing<RescheduleMessage>()
  const started = await startAnnouncements(providers, snapshot, new Date('2026-11-23T00:35:00Z'), tick)
  expect(started.started.sort()).toEqual(['minato-town/checkup-8m', 'sakura-city/checkup-8m'])
  // Over a week late: not sent, and said so in the tick's log.
  expect(started.stale).toEqual(['sakura-city/old-notice'])
  // A second tick (or a concurrent one) finds the run rows: no second walk.
  const again = capturing<RescheduleMessage>()
  expect(
    (await startAnnouncements(providers, snapshot, new Date('2026-11-23T00:40:00Z'), again)).started,
  ).toEqual([])
  expect(again.sent).toEqual([])

  const batches = await walk(tick.sent, '2026-11-23T00:36:00Z')
  expect(batches.flatMap((b) => b.subscriberIds).sort()).toEqual([
    'm-eight-1',
    'm-eight-2',
    'm-eight-3',
    's-eight-1',
    's-eight-2',
    's-eight-3',
  ])

  // The consumer dies mid-send (after claiming, before any provider answered): 'sending' rows left.
  const dying = (a: ChannelAdapter): ChannelAdapter => ({
    ...a,
    send: async () => {
      throw new Error('consumer died')
    },
  })
  const sakura = batches.filter((b) => b.tenant === 'sakura-city')
  await expect(consume(sakura, '2026-11-23T00:36:10Z', dying)).rejects.toThrow('consumer died')
  expect((await sentTo('sakura-city', 'checkup-8m')).map((r) => r.state)).toEqual([
    'sending',
    'sending',
    'sending',
  ])
  // The queue redelivers the batch (twice) once those rows are stale; the first email call also
  // crashes after Resend accepted it, and the first SMS after Twilio accepted it.
  await control(resend, 'faults', ['crash-after-accept'])
  await control(twilio, 'faults', ['crash-after-accept'])
  let pending = await consume([...batches, ...batches], '2026-11-23T00:45:00Z')
  for (let round = 1; pending.length > 0 && round < 5; round++)
    pending = await consume(pending, `2026-11-23T0${round}:00:00Z`)
  expect(pending).toEqual([])

  // Email (Resend takes a key): each resident once, the doubt resent under the same key.
  const emails = (await control(resend, 'stats')).deliveries
  expect(Object.values(emails)).toEqual([1, 1, 1])
  expect((await sentTo('sakura-city', 'checkup-8m')).map((r) => r.state)).toEqual(['sent', 'sent', 'sent'])
  // SMS (no key): the one whose answer was lost went out once and is flagged for a person, never resent.
  const sms = (await control(twilio, 'stats')).deliveries
  expect(Object.values(sms)).toEqual([1, 1, 1])
  expect((await sentTo('minato-town', 'checkup-8m')).map((r) => r.state).sort()).toEqual([
    'flagged',
    'sent',
    'sent',
  ])
  for (const tenant of ['sakura-city', 'minato-town'])
    expect(
      await shardRows(
        tenant,
        'SELECT state, recipients, cursor FROM announcement_runs WHERE announcement_id = ?1',
        'checkup-8m',
      ),
    ).toEqual([{ state: 'sent', recipients: 3, cursor: null }])

  // A rollback to a manifest that still carries the sent announcement sends nothing again.
  const rolledBack = await publish(
    'ann-0003',
    { 'sakura-city': [eighthMonth()], 'minato-town': [eighthMonth()] },
    '2026-11-24T00:01:00.000Z',
  )
  const later = capturing<RescheduleMessage>()
  expect(
    (await startAnnouncements(providers, rolledBack, new Date('2026-11-24T00:05:00Z'), later)).started,
  ).toEqual([])
  expect(later.sent).toEqual([])
}, 60_000)

it('an urgent notice starts at its activation, ignores the send time, reaches bereaved and opted-out residents; a cancelled one sends nothing more', async () => {
  await residents('sakura-city', 'email')
  const urgent = (id: string) =>
    eighthMonth({
      id,
      urgent: true,
      health: false,
      // Tomorrow evening, and long after the town's 09:00: an urgent notice does not wait for either.
      sendAt: '2026-11-24T10:00:00.000Z',
      approval: { by: 'desk-1', at: '2026-11-23T03:00:00.000Z' },
      texts: [
        {
          language: 'ja',
          title: '避難のお知らせ',
          body: '川の水位が上がっています。',
          shortText: '川の水位が上がっています。',
        },
      ],
      target: { audiences: ['primary', 'partner'], languages: [], channels: ['email', 'sms', 'line'] },
    })
  await publish(
    'ann-urgent',
    { 'sakura-city': [urgent('flood'), urgent('flood-cancelled')] },
    '2026-11-23T03:00:10.000Z',
  )
  // The activation's message on the reschedule queue starts them, seconds after the publish.
  const batches = await walk(
    [{ kind: 'activation', previousManifestId: 'fixture-0001', manifestId: 'ann-urgent' }],
    '2026-11-23T03:00:20Z',
  )
  const reached = ['s-bereaved', 's-eight-1', 's-eight-2', 's-eight-3', 's-five', 's-no-notices']
  expect(
    batches
      .filter((b) => b.announcementId === 'flood')
      .flatMap((b) => b.subscriberIds)
      .sort(),
  ).toEqual(reached)

  // The desk cancels one after its walk: its batches, and its walk message again, send nothing.
  await (await shardOf('sakura-city'))
    .prepare(
      "UPDATE announcement_runs SET state = 'cancelled', cancelled_at = ?1, cancelled_by = 'desk-2' WHERE announcement_id = 'flood-cancelled'",
    )
    .bind('2026-11-23T03:00:25.000Z')
    .run()
  expect(
    await walk(
      [{ kind: 'announcement-walk', tenant: 'sakura-city', announcementId: 'flood-cancelled', after: 0 }],
      '2026-11-23T03:00:30Z',
    ),
  ).toEqual([])

  // Through the delivery queue's own consumer, which routes announcement batches to their send.
  const batch = createMessageBatch(
    'yorisoi-delivery',
    batches.map((body, i) => ({ id: `a${i}`, timestamp: new Date(), attempts: 1, body })),
  )
  await onDeliveryBatch(batch, {
    ...providers,
    PUBLIC_ORIGIN: origin,
    LINK_SECRET: 'test-link-secret',
  } as Env)
  const result = await getQueueResult(batch, createExecutionContext())
  expect(result.retryMessages).toEqual([])

  expect((await sentTo('sakura-city', 'flood')).map((r) => `${r.subscriber_id} ${r.state}`)).toEqual(
    reached.map((id) => `${id} sent`),
  )
  expect(await sentTo('sakura-city', 'flood-cancelled')).toEqual([])
  // What the resident reads: the town's sender, the notice, its own page link on shard 1.
  const [mail] = (await (
    await fetch(`${resend}/__fake/emails?to=s-bereaved@example.jp`, { method: 'POST' })
  ).json()) as { from: string; subject: string; text: string }[]
  expect(mail!.from).toBe('さくら市 子育て応援便 <yorisoi@sakura.example.jp>')
  expect(mail!.text).toContain('避難のお知らせ')
  expect(mail!.text).toMatch(/https:\/\/yorisoi\.example\.jp\/n\/1[A-Za-z0-9_-]{22}/)
  // Counted as announcements, apart from the day's messages.
  const counts = await deliveryCounts(await shardOf('sakura-city'), {
    tenant: 'sakura-city',
    from: '2026-11-01',
    to: '2026-12-31',
  })
  expect(counts.map((c) => [c.kind, c.slot, c.channel, c.outcome, c.count])).toEqual([
    ['announcement', null, 'email', 'sent', 6],
  ])
  expect(Object.values((await control(resend, 'stats')).deliveries)).toEqual([1, 1, 1, 1, 1, 1])
  expect(
    await shardRows(
      'sakura-city',
      'SELECT announcement_id, state, recipients FROM announcement_runs ORDER BY announcement_id',
    ),
  ).toEqual([
    { announcement_id: 'flood', state: 'sent', recipients: 6 },
    { announcement_id: 'flood-cancelled', state: 'cancelled', recipients: 6 },
  ])
  // Its own delivery, never the day's message: no program delivery was made for anyone.
  expect(
    await shardRows('sakura-city', "SELECT COUNT(*) AS n FROM deliveries WHERE kind <> 'announcement'"),
  ).toEqual([{ n: 0 }])
}, 60_000)

it('an announcement batch that exhausts its retries is kept in its town and flags each resident of it; the run can end', async () => {
  await residents('minato-town', 'sms')
  const snapshot = await publish('ann-dead', { 'minato-town': [eighthMonth()] }, '2026-11-23T00:01:00.000Z')
  const tick = capturing<RescheduleMessage>()
  await startAnnouncements(providers, snapshot, new Date('2026-11-23T00:35:00Z'), tick)
  const [batch, ...rest] = await walk(tick.sent, '2026-11-23T00:36:00Z')
  expect(rest).toEqual([])
  // One resident's send was left in doubt; the other two were never claimed before the batch died.
  const dying = (a: ChannelAdapter): ChannelAdapter => ({
    ...a,
    send: async () => {
      throw new Error('consumer died')
    },
  })
  await expect(
    consume([{ ...batch!, subscriberIds: ['m-eight-1'] }], '2026-11-23T00:36:10Z', dying),
  ).rejects.toThrow()

  const dead = createMessageBatch('yorisoi-delivery-dead', [
    { id: 'dead-ann', timestamp: new Date(), attempts: 1, body: batch },
  ])
  await onDeliveryBatch(dead, providers)
  expect((await getQueueResult(dead, createExecutionContext())).retryMessages).toEqual([])

  expect((await sentTo('minato-town', 'checkup-8m')).map((r) => `${r.subscriber_id} ${r.state}`)).toEqual([
    'm-eight-1 flagged',
    'm-eight-2 flagged',
    'm-eight-3 flagged',
  ])
  expect(
    await shardRows('minato-town', "SELECT tenant_slug, local_date FROM dead_letters WHERE id = 'dead-ann'"),
  ).toEqual([
    // The dead letter comes now: the town's date today.
    {
      tenant_slug: 'minato-town',
      local_date: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date()),
    },
  ])
  expect(
    await env.DB.prepare("SELECT COUNT(*) AS n FROM dead_letters WHERE id = 'dead-ann'").first('n'),
  ).toBe(0)
  expect(
    await shardRows(
      'minato-town',
      'SELECT state FROM announcement_runs WHERE announcement_id = ?1',
      'checkup-8m',
    ),
  ).toEqual([{ state: 'sent' }])
  // Nothing reached a phone after the batch died.
  expect(Object.values((await control(twilio, 'stats')).deliveries)).toEqual([])
}, 60_000)

it("an urgent notice in the edge's very first activation starts from it, not at the next tick", async () => {
  await residents('sakura-city', 'email')
  await publish(
    'ann-first',
    {
      'sakura-city': [
        eighthMonth({ id: 'first-urgent', urgent: true, health: false, sendAt: '2026-11-23T03:00:00.000Z' }),
      ],
    },
    '2026-11-23T03:00:10.000Z',
  )
  // The ingest switch's message when no manifest was active before.
  const activation = capturing<RescheduleMessage>()
  await enqueueReschedule(activation, { previousManifestId: null, manifestId: 'ann-first' })
  expect(activation.sent).toEqual([{ kind: 'activation', previousManifestId: null, manifestId: 'ann-first' }])
  const batches = await walk(activation.sent, '2026-11-23T03:00:20Z')
  // At 妊娠8か月 (its window), the one who turned notices off included: it is urgent.
  expect(batches.flatMap((b) => b.subscriberIds).sort()).toEqual([
    's-eight-1',
    's-eight-2',
    's-eight-3',
    's-no-notices',
  ])
}, 60_000)

it('without PUBLIC_ORIGIN an announcement batch flags its residents at once and sends nothing', async () => {
  await residents('sakura-city', 'email')
  const snapshot = await publish(
    'ann-no-origin',
    { 'sakura-city': [eighthMonth()] },
    '2026-11-23T00:01:00.000Z',
  )
  const tick = capturing<RescheduleMessage>()
  await startAnnouncements(providers, snapshot, new Date('2026-11-23T00:35:00Z'), tick)
  const [batch] = await walk(tick.sent, '2026-11-23T00:36:00Z')
  const { db, shard } = await residentShard(env, 'sakura-city')
  const report = await deliverAnnouncementBatch(
    {
      db,
      shard,
      snapshot,
      adapterFor: (channel) => adapterFor(providers, 'sakura-city', channel, db),
      origin: '',
      linkSecret: 'test-link-secret',
      now: () => new Date('2026-11-23T00:36:10Z'),
    },
    batch!,
  )
  expect(report).toEqual({ pending: 0, sent: 0 })
  const rows = await shardRows<{ state: string; error: string }>(
    'sakura-city',
    'SELECT state, error FROM deliveries WHERE announcement_id = ?1',
    'checkup-8m',
  )
  expect(rows).toHaveLength(3)
  for (const row of rows)
    expect(row).toEqual({ state: 'flagged', error: expect.stringContaining('PUBLIC_ORIGIN') })
  expect(Object.values((await control(resend, 'stats')).deliveries)).toEqual([])
}, 60_000)

it('a notice cancelled before its time is not revived by a rollback to a snapshot that still carries it', async () => {
  await residents('sakura-city', 'email')
  await publish('ann-before', { 'sakura-city': [eighthMonth()] }, '2026-11-23T00:01:00.000Z')
  expect(
    await cancelAnnouncement(await shardOf('sakura-city'), {
      tenant: 'sakura-city',
      id: 'checkup-8m',
      published: { version: 1, urgent: false },
      staffUser: 'desk-2',
      now: new Date('2026-11-23T00:10:00Z'),
    }),
  ).toBe('cancelled')
  await publish('ann-without', {}, '2026-11-23T00:20:00.000Z')
  // The rollback: the earlier manifest, announcement and all, is active again after its send time.
  const back = await activateManifest(env.DB, 'ann-before', new Date('2026-11-23T00:40:00Z'), undefined, {
    action: 'rollback',
  })
  expect(back.activated).toBe(true)
  const tick = capturing<RescheduleMessage>()
  const active = (await loadActiveSnapshot(env.DB))!
  expect(active.manifest.id).toBe('ann-before')
  expect(
    (await startAnnouncements(providers, active, new Date('2026-11-23T00:45:00Z'), tick)).started,
  ).toEqual([])
  expect(await walk(tick.sent, '2026-11-23T00:46:00Z')).toEqual([])
  expect(await sentTo('sakura-city', 'checkup-8m')).toEqual([])
  expect((await control(resend, 'stats')).deliveries).toEqual({})
})
