import { createScheduledController } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import type { D1Database } from '@cloudflare/workers-types'
import { beforeAll, expect, it } from 'vitest'
import worker from '../../edge/index'
import { storeSnapshot } from '../../edge/snapshot/store'
import { fixtureSnapshot } from '../../shared/contract/fixture'
import { shardNumberOf, shardOf } from './support/shards'

// Placed as the ingest places them: sakura-city on shard 1 (main), minato-town on shard 2.
beforeAll(async () => {
  await storeSnapshot(env.DB, await fixtureSnapshot(), new Date(), env)
})

const DAY = 86_400_000

/** A proof that expired `daysAgo` days ago and a rate counter of that hour, in the given database. */
async function expiredProof(db: D1Database, tenant: string, id: string, daysAgo: number) {
  const at = new Date(Date.now() - daysAgo * DAY).toISOString()
  await db.batch([
    db
      .prepare(
        `INSERT INTO verifications (id, tenant_slug, purpose, channel, address, code_hash, expires_at, created_at)
         VALUES (?1, ?2, 'register', 'sms', '+819012345678', 'h', ?3, ?3)`,
      )
      .bind(id, tenant, at),
    db
      .prepare("INSERT INTO rate_counters (scope, key_hash, window, count) VALUES ('sms-code', ?1, ?2, 1)")
      .bind(id, at.slice(0, 13)),
  ])
}

const left = async (db: D1Database, id: string) =>
  (await db
    .prepare(
      'SELECT (SELECT COUNT(*) FROM verifications WHERE id = ?1) + (SELECT COUNT(*) FROM rate_counters WHERE key_hash = ?1) AS n',
    )
    .bind(id)
    .first<number>('n'))!

it('a town on shard 2: the cron tick forgets its expired proofs and old rate counters in shard 2, and keeps fresh ones', async () => {
  expect(await shardNumberOf('minato-town')).toBe(2)
  const shard = await shardOf('minato-town')
  await expiredProof(shard, 'minato-town', 'v-minato-old', 3)
  await expiredProof(shard, 'minato-town', 'v-minato-fresh', 0)
  await expiredProof(env.DB, 'sakura-city', 'v-sakura-old', 3)

  await worker.scheduled(createScheduledController({ cron: '*/5 * * * *', scheduledTime: Date.now() }), env)
  expect(await left(shard, 'v-minato-old')).toBe(0)
  expect(await left(shard, 'v-minato-fresh')).toBe(2)
  expect(await left(env.DB, 'v-sakura-old')).toBe(0)
})
