import type { Env } from '../env'
import { shardNumbers } from './databases'

export interface ShardPlacements {
  shard: number
  /** False for a shard the map names that wrangler.toml no longer binds: a deployment error. */
  bound: boolean
  /** The tenants whose residents live here, by slug. */
  tenants: string[]
  /** Tenants moving here right now (their residents are still in the shard they leave). */
  arriving: string[]
}

/** Every bound shard with the tenants placed on it: what an operator looks at before a move. */
export async function listPlacements(env: Env): Promise<ShardPlacements[]> {
  const { results } = await env.DB.prepare(
    'SELECT tenant_slug AS tenant, shard, moving_to AS movingTo FROM tenant_shards ORDER BY tenant_slug',
  ).all<{ tenant: string; shard: number; movingTo: number | null }>()
  const bound = new Set(shardNumbers(env))
  const numbers = new Set([...bound, ...results.map((r) => r.shard)])
  return [...numbers]
    .sort((a, b) => a - b)
    .map((shard) => ({
      shard,
      bound: bound.has(shard),
      tenants: results.filter((r) => r.shard === shard).map((r) => r.tenant),
      arriving: results.filter((r) => r.movingTo === shard).map((r) => r.tenant),
    }))
}
