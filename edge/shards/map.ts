import type { D1Database } from '@cloudflare/workers-types'
import type { Env } from '../env'
import { isBound, shardDatabase, shardNumbers } from './databases'

export interface Placement {
  shard: number
  /** Set while a move is under way: the shard the tenant's residents go to. */
  movingTo: number | null
}

/** The statement reading the tenant's placement (no row: shard 1, not moving), to run in a caller's batch. */
export const placementStatement = (main: D1Database, tenant: string) =>
  main.prepare('SELECT shard, moving_to AS movingTo FROM tenant_shards WHERE tenant_slug = ?1').bind(tenant)

/** Where the tenant's residents live (main database, one indexed read); shard 1 when unmapped. */
export async function placementOf(main: D1Database, tenant: string): Promise<Placement> {
  const row = await placementStatement(main, tenant).first<Placement>()
  return row ?? { shard: 1, movingTo: null }
}

/** Thrown while the tenant's residents are being moved: the caller answers "try again shortly". */
export class TenantMoving extends Error {
  constructor(readonly tenant: string) {
    super(`tenant ${tenant} is moving to another shard; try again in a minute`)
  }
}

/**
 * The shard holding the tenant's residents: its number (for the prefix of new links) and database.
 * Everything that touches a resident starts here. While the tenant moves, it throws TenantMoving:
 * nothing is read or written half-way.
 */
export async function residentShard(env: Env, tenant: string): Promise<{ shard: number; db: D1Database }> {
  const placement = await placementOf(env.DB, tenant)
  if (placement.movingTo !== null) throw new TenantMoving(tenant)
  return { shard: placement.shard, db: shardDatabase(env, placement.shard) }
}

/** The database holding the tenant's residents (see residentShard). */
export const residentDb = async (env: Env, tenant: string): Promise<D1Database> =>
  (await residentShard(env, tenant)).db

/** The tenants grouped by the shard that holds them (moving ones left out), for per-shard work. */
export async function tenantsByShard(
  env: Env,
  tenants: readonly string[],
): Promise<{ shard: number; db: D1Database; tenants: string[]; moving: string[] }[]> {
  const rows = await env.DB.prepare(
    `SELECT tenant_slug AS tenant, shard, moving_to AS movingTo FROM tenant_shards
       WHERE tenant_slug IN (SELECT value FROM json_each(?1))`,
  )
    .bind(JSON.stringify(tenants))
    .all<{ tenant: string; shard: number; movingTo: number | null }>()
  const known = new Map(rows.results.map((r) => [r.tenant, r]))
  const groups = new Map<number, { tenants: string[]; moving: string[] }>()
  for (const tenant of tenants) {
    const row = known.get(tenant)
    const shard = row?.shard ?? 1
    const group = groups.get(shard) ?? { tenants: [], moving: [] }
    if (row?.movingTo != null) group.moving.push(tenant)
    else group.tenants.push(tenant)
    groups.set(shard, group)
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .filter(([shard]) => isBound(env, shard))
    .map(([shard, group]) => ({ shard, db: shardDatabase(env, shard), ...group }))
}

/**
 * Places tenants seen for the first time (a manifest naming them is being activated) on the bound
 * shard with the fewest tenants, lowest number on a tie, in the order given. Tenants already placed
 * keep their shard: only this and the move command write the map.
 */
export async function placeNewTenants(env: Env, tenants: readonly string[], now: Date): Promise<void> {
  if (tenants.length === 0) return
  const [placed, counts] = await env.DB.batch<{ tenant: string } | { shard: number; n: number }>([
    env.DB.prepare(
      `SELECT tenant_slug AS tenant FROM tenant_shards WHERE tenant_slug IN (SELECT value FROM json_each(?1))`,
    ).bind(JSON.stringify(tenants)),
    env.DB.prepare('SELECT shard, COUNT(*) AS n FROM tenant_shards GROUP BY shard'),
  ])
  const already = new Set(((placed?.results ?? []) as { tenant: string }[]).map((r) => r.tenant))
  const load = new Map(shardNumbers(env).map((s) => [s, 0]))
  for (const row of (counts?.results ?? []) as { shard: number; n: number }[])
    if (load.has(row.shard)) load.set(row.shard, row.n)
  const rows: [string, number][] = []
  for (const tenant of new Set(tenants)) {
    if (already.has(tenant)) continue
    const [shard] = [...load.entries()].sort(([a, x], [b, y]) => x - y || a - b)[0] ?? [1]
    rows.push([tenant, shard])
    load.set(shard, (load.get(shard) ?? 0) + 1)
  }
  if (rows.length === 0) return
  await env.DB.prepare(
    `INSERT INTO tenant_shards (tenant_slug, shard, updated_at)
       SELECT value ->> 0, value ->> 1, ?2 FROM json_each(?1) WHERE true
       ON CONFLICT (tenant_slug) DO NOTHING`,
  )
    .bind(JSON.stringify(rows), now.toISOString())
    .run()
}

/** The tenants a recorded manifest names, in the order it lists them. */
export async function manifestTenants(main: D1Database, manifestId: string): Promise<string[]> {
  const text = await main
    .prepare('SELECT body FROM manifests WHERE id = ?1')
    .bind(manifestId)
    .first<string>('body')
  if (!text) return []
  const { parts } = JSON.parse(text) as { parts: { kind: string; tenant?: string }[] }
  return parts.flatMap((part) => (part.kind === 'tenant' && part.tenant ? [part.tenant] : []))
}

/** Before a manifest is activated: its tenants not yet placed get a shard. */
export async function placeManifestTenants(env: Env, manifestId: string, now: Date): Promise<void> {
  await placeNewTenants(env, await manifestTenants(env.DB, manifestId), now)
}

/** For a resident found through a link: throws TenantMoving while their tenant's move is under way. */
export async function ensureSettled(env: Env, tenant: string): Promise<void> {
  if ((await placementOf(env.DB, tenant)).movingTo !== null) throw new TenantMoving(tenant)
}
