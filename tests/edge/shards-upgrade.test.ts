import { applyD1Migrations } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { expect, it } from 'vitest'
import { migratedUpTo } from './support/migrated-up-to'
import { rowCount, tablesOf } from './support/shard-rows'

// An existing deployment upgrades in place: its one database, migrated up to 0018 with towns and
// residents, becomes main and shard 1 when 0019 is applied — every town it knows mapped to shard
// 1, nothing copied anywhere. (This file's D1 is its own: it is emptied and migrated afresh.)

const beforeShards = env.TEST_MIGRATIONS.filter((m) => m.name < '0019')

it('maps every known town to shard 1 and copies nothing when 0019 is applied', async () => {
  expect(beforeShards.length).toBe(19)
  await migratedUpTo('0019')
  expect(await tablesOf(env.DB)).not.toContain('tenant_shards')

  const at = '2026-11-01T00:00:00.000Z'
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO snapshot_parts (hash, kind, tenant_slug, size, chunk_count, received_at, verified_at)
       VALUES ('n1', 'national', NULL, 1, 1, ?1, ?1), ('s1', 'tenant', 'sakura-city', 1, 1, ?1, ?1),
              ('s2', 'tenant', 'sakura-city', 1, 1, ?1, ?1), ('m1', 'tenant', 'minato-town', 1, 1, ?1, ?1)`,
    ).bind(at),
    env.DB.prepare(
      `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, next_send_on, created_at, updated_at)
       VALUES ('old-1', 'sakura-city', 'はな', 'primary', 'ja', 'email', 'old-1@example.jp', 'active', '2026-11-23', ?1, ?1),
              ('old-2', 'minato-town', 'はな', 'primary', 'ja', 'line', 'U0', 'active', '2026-11-23', ?1, ?1)`,
    ).bind(at),
  ])

  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)

  const { results } = await env.DB.prepare(
    'SELECT tenant_slug AS tenant, shard, moving_to AS movingTo FROM tenant_shards ORDER BY tenant_slug',
  ).all()
  expect(results).toEqual([
    { tenant: 'minato-town', shard: 1, movingTo: null },
    { tenant: 'sakura-city', shard: 1, movingTo: null },
  ])
  expect(await rowCount(env.DB, 'subscribers')).toBe(2)
  expect(await rowCount(env.SHARD_2!, 'subscribers')).toBe(0)
  expect(await rowCount(env.DB, 'link_forwards')).toBe(0)
})
