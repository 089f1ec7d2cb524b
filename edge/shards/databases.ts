import type { D1Database } from '@cloudflare/workers-types'
import type { Env } from '../env'

/**
 * Shard 1 is the main database (`DB`): a deployment from before shards keeps its one database as
 * main and first shard, nothing copied. Shard n > 1 is the D1 binding `SHARD_n` in wrangler.toml.
 */
export function shardNumbers(env: Env): number[] {
  const numbers = [1]
  for (const key of Object.keys(env)) {
    const n = /^SHARD_([1-9][0-9]{0,3})$/.exec(key)?.[1]
    if (n && Number(n) > 1 && isDatabase(env[key as `SHARD_${number}`])) numbers.push(Number(n))
  }
  return numbers.sort((a, b) => a - b)
}

export function isBound(env: Env, shard: number): boolean {
  return shard === 1 || (Number.isInteger(shard) && shard > 1 && isDatabase(env[`SHARD_${shard}`]))
}

/** The shard's database; an unbound shard is a deployment error, said plainly. */
export function shardDatabase(env: Env, shard: number): D1Database {
  if (shard === 1) return env.DB
  const db = env[`SHARD_${shard}`]
  if (!isDatabase(db))
    throw new Error(
      `shard ${shard} is not bound: add a [[d1_databases]] with binding = "SHARD_${shard}" to wrangler.toml`,
    )
  return db
}

/** Every shard's database, in shard order. */
export const allShards = (env: Env): { shard: number; db: D1Database }[] =>
  shardNumbers(env).map((shard) => ({ shard, db: shardDatabase(env, shard) }))

function isDatabase(value: unknown): value is D1Database {
  return typeof value === 'object' && value !== null && 'prepare' in value && 'batch' in value
}
