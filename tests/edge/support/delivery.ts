import { env } from 'cloudflare:workers'
import type { MessageSendRequest, Queue } from '@cloudflare/workers-types'
import { adapterFor } from '../../../edge/channels/registry'
import { deliverBatch } from '../../../edge/delivery/deliver'
import type { Env } from '../../../edge/env'
import type { DeliveryBatch } from '../../../edge/queues'
import { type LoadedSnapshot, loadSnapshot } from '../../../edge/snapshot/read'
import { storeSnapshot } from '../../../edge/snapshot/store'
import { prepareSnapshot } from '../../../shared/contract'
import { fixtureNationalPart, fixtureSnapshot, fixtureTenantParts } from '../../../shared/contract/fixture'

/** A queue that keeps what is sent, so a test hands the batches to the consumer itself. */
export function capturingQueue(): Queue<DeliveryBatch> & { sent: DeliveryBatch[] } {
  const sent: DeliveryBatch[] = []
  return {
    sent,
    async send(body: DeliveryBatch) {
      sent.push(body)
    },
    async sendBatch(messages: Iterable<MessageSendRequest<DeliveryBatch>>) {
      for (const m of messages) sent.push(m.body)
    },
  } as unknown as Queue<DeliveryBatch> & { sent: DeliveryBatch[] }
}

export async function storeFixture(): Promise<LoadedSnapshot> {
  await storeSnapshot(env.DB, await fixtureSnapshot(), new Date('2026-11-20T00:00:00Z'))
  return (await loadSnapshot(env.DB, 'fixture-0001'))!
}

/** Publishes a second manifest whose pregnancy/196 message for the primary reads differently. */
export async function publishRevision(id: string, line: string): Promise<void> {
  const national = {
    ...fixtureNationalPart,
    messages: fixtureNationalPart.messages.map((m) =>
      m.id === 'msg-pregnancy-196-primary-ja'
        ? {
            ...m,
            version: m.version + 1,
            shortText: `${line}{{messageUrl}}`,
            body: { v: 1 as const, blocks: [{ t: 'p' as const, c: [{ t: 'text' as const, v: line }] }] },
          }
        : m,
    ),
  }
  const snapshot = await prepareSnapshot({
    id,
    createdAt: '2026-11-23T00:01:00.000Z',
    parts: [national, ...fixtureTenantParts],
  })
  await storeSnapshot(env.DB, snapshot, new Date('2026-11-23T00:01:00Z'))
}

/**
 * An active subscriber with one pregnancy whose gestational day is 196 (28w0d) on 2026-11-23:
 * the fixture has a message for that slot.
 */
export async function insertExpecting(
  id: string,
  options: { tenant?: string; channel?: 'email' | 'sms' | 'line'; nextSendOn?: string; due?: string } = {},
): Promise<string> {
  const at = '2026-10-01T00:00:00.000Z'
  const channel = options.channel ?? 'email'
  const address = channel === 'email' ? `${id}@example.jp` : channel === 'sms' ? '+819012345678' : `U${id}`
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, next_send_on, created_at, updated_at)
       VALUES (?1, ?2, 'はな', 'primary', 'ja', ?3, ?4, 'active', ?5, ?6, ?6)`,
    ).bind(id, options.tenant ?? 'sakura-city', channel, address, options.nextSendOn ?? '2026-11-23', at),
    env.DB.prepare(
      `INSERT INTO timelines (id, tenant_slug, due_date, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)`,
    ).bind(`t-${id}`, options.tenant ?? 'sakura-city', options.due ?? '2027-02-15', at),
    env.DB.prepare('INSERT INTO timeline_members (timeline_id, subscriber_id) VALUES (?1, ?2)').bind(
      `t-${id}`,
      id,
    ),
  ])
  return id
}

export async function rows<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  return (
    await env.DB.prepare(sql)
      .bind(...params)
      .all<T>()
  ).results
}

/** This plugin keeps one D1 per test file, not per test: each delivery test starts empty. */
export async function emptyDeliveryTables(): Promise<void> {
  const tables = [
    'outbox',
    'deliveries',
    'tenant_runs',
    'tenant_schedules',
    'delivery_failures',
    'dead_letters',
    'suppressions',
    'timeline_members',
    'timelines',
    'subscribers',
    'active_manifest',
    'manifest_parts',
    'manifests',
  ]
  await env.DB.batch(tables.map((t) => env.DB.prepare(`DELETE FROM ${t}`)))
}

/** Many subscribers like insertExpecting's, in three statements (json_each, one parameter each). */
export async function insertManyExpecting(
  count: number,
  prefix: string,
  channel: 'email' | 'sms' | 'line' = 'email',
  tenant = 'sakura-city',
) {
  const ids = JSON.stringify(
    Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(5, '0')}`),
  )
  const at = '2026-10-01T00:00:00.000Z'
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, next_send_on, created_at, updated_at)
       SELECT value, ?4, 'はな', 'primary', 'ja', ?2,
              CASE ?2 WHEN 'sms' THEN '+8190' || substr('0000000' || (key + 1), -8) ELSE value || '@example.jp' END,
              'active', '2026-11-23', ?3, ?3 FROM json_each(?1)`,
    ).bind(ids, channel, at, tenant),
    env.DB.prepare(
      `INSERT INTO timelines (id, tenant_slug, due_date, created_at, updated_at)
       SELECT 't-' || value, ?3, '2027-02-15', ?2, ?2 FROM json_each(?1)`,
    ).bind(ids, at, tenant),
    env.DB.prepare(
      `INSERT INTO timeline_members (timeline_id, subscriber_id) SELECT 't-' || value, value FROM json_each(?1)`,
    ).bind(ids),
  ])
}

/**
 * Hands every batch to the consumer, again (ten minutes later) while it reports work pending, as
 * the queue would, sending through the providers `providerEnv` names. `afterRound` sees the
 * database after each round (its index from 0). Returns what is still due.
 */
export async function consumeAsTheQueue(
  providerEnv: Env,
  snapshot: LoadedSnapshot,
  batches: DeliveryBatch[],
  startAt = '2026-11-23T00:10:00Z',
  afterRound?: (round: number) => Promise<void> | void,
): Promise<DeliveryBatch[]> {
  let due = batches
  for (let round = 0; due.length > 0 && round < 10; round++) {
    const again: DeliveryBatch[] = []
    const now = new Date(Date.parse(startAt) + round * 600_000)
    for (const batch of due) {
      const report = await deliverBatch(
        {
          db: env.DB,
          snapshot,
          adapterFor: (channel) => adapterFor(providerEnv, batch.tenant, channel),
          origin: 'https://yorisoi.example.jp',
          linkSecret: 'test-link-secret',
          now: () => now,
        },
        batch,
      )
      if (report.pending > 0) again.push(batch)
    }
    await afterRound?.(round)
    due = again
  }
  return due
}
