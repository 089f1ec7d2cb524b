// A Worker for the announcement-urgent bench only (never deployed): in workerd against wrangler's
// local D1, one town's residents are sent an urgent announcement from its publish (activation)
// to the last provider call — start, walk, claim, render, send, record — and the same residents
// their daily message (tick + consumer), each in one request, the queues drained in process.
import type { D1Database, Queue } from '@cloudflare/workers-types'
import { deliverAnnouncementBatch } from '../../edge/announcements/deliver'
import { startAnnouncements } from '../../edge/announcements/start'
import { walkAnnouncement } from '../../edge/announcements/walk'
import type { ChannelAdapter } from '../../edge/channels/adapter'
import { deliverBatch } from '../../edge/delivery/deliver'
import { runTick } from '../../edge/delivery/tick'
import type { Env } from '../../edge/env'
import type { AnnouncementBatch, DeliveryBatch, RescheduleMessage } from '../../edge/queues'
import { loadSnapshot } from '../../edge/snapshot/read'
import { storeSnapshot } from '../../edge/snapshot/store'
import { type Announcement, prepareSnapshot } from '../../shared/contract'
import { fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'

const tenant = fixtureTenantParts[0]!
const benchDay = '2026-11-23'
const origin = 'https://yorisoi.example.jp'
const linkSecret = 'bench-link-secret'

const flood: Announcement = {
  id: 'flood',
  version: 1,
  urgent: true,
  health: false,
  sendAt: `${benchDay}T03:00:00.000Z`,
  texts: [{ language: 'ja', title: '避難のお知らせ', body: '川の水位が上がっています。高いところへ。' }],
  target: { audiences: ['primary', 'partner'], languages: [], channels: ['email', 'sms', 'line'] },
  approval: { by: 'desk-1', at: `${benchDay}T02:59:00.000Z` },
}

/** A provider that takes everything at once; the time of its last call is what is measured. */
function timedAdapter(): ChannelAdapter & { calls: number; lastAt: number } {
  const adapter = {
    name: 'null',
    maxBatchSize: 100,
    idempotent: true,
    calls: 0,
    lastAt: 0,
    async send(messages: readonly { idempotencyKey: string }[]) {
      adapter.calls += messages.length
      adapter.lastAt = Date.now()
      return messages.map((m) => ({ idempotencyKey: m.idempotencyKey, outcome: 'sent' as const }))
    },
  }
  return adapter
}

function memoryQueue<T>(): Queue<T> & { sent: T[] } {
  const sent: T[] = []
  return {
    sent,
    async send(body: T) {
      sent.push(body)
    },
    async sendBatch(messages: Iterable<{ body: T }>) {
      for (const m of messages) sent.push(m.body)
    },
  } as unknown as Queue<T> & { sent: T[] }
}

/** Residents 0..count-1 of one town, each expecting (妊娠8か月 on the bench day); 5,000 a statement. */
async function seed(db: D1Database, count: number): Promise<void> {
  const at = '2026-10-01T00:00:00.000Z'
  for (let from = 0; from < count; from += 5000) {
    const ids = JSON.stringify(Array.from({ length: Math.min(5000, count - from) }, (_, i) => from + i))
    await db.batch([
      db
        .prepare(
          `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, next_send_on, created_at, updated_at)
           SELECT 's' || value, ?2, 'はな', 'primary', 'ja', 'email', 's' || value || '@example.jp', 'active', ?3, ?4, ?4
           FROM json_each(?1)`,
        )
        .bind(ids, tenant.tenant.slug, benchDay, at),
      db
        .prepare(
          `INSERT INTO timelines (id, tenant_slug, due_date, created_at, updated_at)
           SELECT 't' || value, ?2, '2027-02-15', ?3, ?3 FROM json_each(?1)`,
        )
        .bind(ids, tenant.tenant.slug, at),
      db
        .prepare(
          "INSERT INTO timeline_members (timeline_id, subscriber_id) SELECT 't' || value, 's' || value FROM json_each(?1)",
        )
        .bind(ids),
    ])
  }
  const base = await prepareSnapshot({
    id: 'bench-base',
    createdAt: '2026-11-20T00:00:00.000Z',
    parts: [fixtureNationalPart, ...fixtureTenantParts],
  })
  await storeSnapshot(db, base, new Date('2026-11-20T00:00:00Z'))
}

/** Publish → activation → start → walk → every batch sent; ms to the last provider call. */
async function announce(env: Env) {
  const now = new Date(`${benchDay}T03:00:00Z`)
  const start = Date.now()
  const parts = fixtureTenantParts.map((p) => (p === tenant ? { ...p, announcements: [flood] } : p))
  const prepared = await prepareSnapshot({
    id: 'bench-urgent',
    createdAt: now.toISOString(),
    parts: [fixtureNationalPart, ...parts],
  })
  await storeSnapshot(env.DB, prepared, now)
  const snapshot = (await loadSnapshot(env.DB, 'bench-urgent'))!
  const walks = memoryQueue<RescheduleMessage>()
  const deliveries = memoryQueue<AnnouncementBatch>()
  await startAnnouncements(env, snapshot, now, walks)
  for (let i = 0; i < walks.sent.length; i++) {
    const message = walks.sent[i]!
    if (message.kind === 'announcement-walk')
      await walkAnnouncement({ env, walks, deliveries, now: () => now }, message)
  }
  const walkedMs = Date.now() - start
  const adapter = timedAdapter()
  for (const batch of deliveries.sent) {
    const report = await deliverAnnouncementBatch(
      { db: env.DB, shard: 1, snapshot, adapterFor: async () => adapter, origin, linkSecret, now: () => now },
      batch,
    )
    if (report.pending > 0) throw new Error(`an announcement batch left ${report.pending} pending`)
  }
  const run = await env.DB.prepare(
    "SELECT state, recipients FROM announcement_runs WHERE announcement_id = 'flood'",
  ).first<{ state: string; recipients: number }>()
  return {
    ms: adapter.lastAt - start,
    walkedMs,
    sent: adapter.calls,
    batches: deliveries.sent.length,
    walkMessages: walks.sent.length,
    run,
  }
}

/** The same residents' day: the real tick, then every batch through the consumer. */
async function daily(env: Env) {
  const snapshot = (await loadSnapshot(env.DB, 'bench-base'))!
  const queue = memoryQueue<DeliveryBatch>()
  const start = Date.now()
  await runTick(
    { db: env.DB, queue, snapshot, now: new Date(`${benchDay}T03:00:00Z`) },
    { chunkSize: 2000, batchSize: 100, chunkBudget: 900, leaseSeconds: 600 },
  )
  const adapter = timedAdapter()
  for (const batch of queue.sent) {
    const report = await deliverBatch(
      {
        db: env.DB,
        snapshot,
        adapterFor: async () => adapter,
        origin,
        linkSecret,
        now: () => new Date(`${benchDay}T03:10:00Z`),
      },
      batch,
    )
    if (report.pending > 0) throw new Error(`a daily batch left ${report.pending} pending`)
  }
  return { ms: adapter.lastAt - start, sent: adapter.calls, batches: queue.sent.length }
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url)
    if (url.pathname === '/healthz') return new Response('ok')
    if (url.pathname === '/seed') {
      await seed(env.DB, Number(url.searchParams.get('count')))
      return Response.json({ ok: true })
    }
    if (url.pathname === '/announce') return Response.json(await announce(env))
    if (url.pathname === '/daily') return Response.json(await daily(env))
    return new Response('not found', { status: 404 })
  },
}
