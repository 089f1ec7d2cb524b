import { env } from 'cloudflare:workers'
import type { MessageSendRequest, Queue } from '@cloudflare/workers-types'
import { adapterFor } from '../../../edge/channels/registry'
import { deliverBatch } from '../../../edge/delivery/deliver'
import type { Env } from '../../../edge/env'
import type { DeliveryBatch } from '../../../edge/queues'
import { allShards } from '../../../edge/shards/databases'
import { residentShard } from '../../../edge/shards/map'
import { type LoadedSnapshot, loadSnapshot } from '../../../edge/snapshot/read'
import { storeSnapshot } from '../../../edge/snapshot/store'
import { prepareSnapshot } from '../../../shared/contract'
import { fixtureNationalPart, fixtureSnapshot, fixtureTenantParts } from '../../../shared/contract/fixture'
import { shardOf } from './shards'

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

/**
 * The fixture's manifest, active. Towns not placed yet go to shard 1 (main), or with `shards` as a
 * first publish places them: sakura-city on shard 1, minato-town on shard 2. A town placed earlier
 * in the file keeps its shard.
 */
export async function storeFixture(options: { shards?: boolean } = {}): Promise<LoadedSnapshot> {
  await storeSnapshot(
    env.DB,
    await fixtureSnapshot(),
    new Date('2026-11-20T00:00:00Z'),
    options.shards ? env : undefined,
  )
  return (await loadSnapshot(env.DB, 'fixture-0001'))!
}

/** Publishes a second manifest whose pregnancy/196 message for the primary reads differently (received `at`). */
export async function publishRevision(
  id: string,
  line: string,
  at = new Date('2026-11-23T00:01:00Z'),
): Promise<void> {
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
  await storeSnapshot(env.DB, snapshot, at)
}

/**
 * An active subscriber with one pregnancy whose gestational day is 196 (28w0d) on 2026-11-23:
 * the fixture has a message for that slot. Stored in the shard of the tenant.
 */
export async function insertExpecting(
  id: string,
  options: { tenant?: string; channel?: 'email' | 'sms' | 'line'; nextSendOn?: string; due?: string } = {},
): Promise<string> {
  const at = '2026-10-01T00:00:00.000Z'
  const channel = options.channel ?? 'email'
  const address = channel === 'email' ? `${id}@example.jp` : channel === 'sms' ? '+819012345678' : `U${id}`
  const db = await shardOf(options.tenant ?? 'sakura-city')
  await db.batch([
    db
      .prepare(
        `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, next_send_on, created_at, updated_at)
       VALUES (?1, ?2, 'はな', 'primary', 'ja', ?3, ?4, 'active', ?5, ?6, ?6)`,
      )
      .bind(id, options.tenant ?? 'sakura-city', channel, address, options.nextSendOn ?? '2026-11-23', at),
    db
      .prepare(
        `INSERT INTO timelines (id, tenant_slug, due_date, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)`,
      )
      .bind(`t-${id}`, options.tenant ?? 'sakura-city', options.due ?? '2027-02-15', at),
    db
      .prepare('INSERT INTO timeline_members (timeline_id, subscriber_id) VALUES (?1, ?2)')
      .bind(`t-${id}`, id),
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

/**
 * This plugin keeps one D1 per test file, not per test: each delivery test starts empty, in every
 * shard. Tenants stay where the file first placed them (a placement never changes).
 */
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
  for (const { db } of allShards(env)) await db.batch(tables.map((t) => db.prepare(`DELETE FROM ${t}`)))
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
  const db = await shardOf(tenant)
  await db.batch([
    db
      .prepare(
        `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, next_send_on, created_at, updated_at)
       SELECT value, ?4, 'はな', 'primary', 'ja', ?2,
              CASE ?2 WHEN 'sms' THEN '+8190' || substr('0000000' || (key + 1), -8) ELSE value || '@example.jp' END,
              'active', '2026-11-23', ?3, ?3 FROM json_each(?1)`,
      )
      .bind(ids, channel, at, tenant),
    db
      .prepare(
        `INSERT INTO timelines (id, tenant_slug, due_date, created_at, updated_at)
       SELECT 't-' || value, ?3, '2027-02-15', ?2, ?2 FROM json_each(?1)`,
      )
      .bind(ids, at, tenant),
    db
      .prepare(
        `INSERT INTO timeline_members (timeline_id, subscriber_id) SELECT 't-' || value, value FROM json_each(?1)`,
      )
      .bind(ids),
  ])
}

/**
 * Hands every batch to the consumer, again (ten minutes later) while it reports work pending, as
 * the queue would, in the shard of the batch's tenant, sending through the providers
 * `providerEnv` names. `afterRound` sees the database after each round (its index from 0).
 * Returns what is still due.
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
      const { shard, db } = await residentShard(env, batch.tenant)
      const report = await deliverBatch(
        {
          db,
          shard,
          snapshot,
          adapterFor: (channel) => adapterFor(providerEnv, batch.tenant, channel, db),
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
