import { env } from 'cloudflare:workers'
import type { D1Database } from '@cloudflare/workers-types'
import { placementOf } from '../../../edge/shards/map'

/** The shard database holding the tenant's residents, as the Worker resolves it. */
export async function shardOf(tenant: string): Promise<D1Database> {
  const { shard } = await placementOf(env.DB, tenant)
  const db = shard === 1 ? env.DB : env[`SHARD_${shard}`]
  if (!db) throw new Error(`shard ${shard} of ${tenant} is not bound in the tests`)
  return db
}

/** The shard number the tenant is placed on. */
export const shardNumberOf = async (tenant: string) => (await placementOf(env.DB, tenant)).shard
