import type { D1Database } from '@cloudflare/workers-types'
import type { Env } from '../env'
import { allShards, shardDatabase } from './databases'
import { copySteps } from './move-plan'
import type { MoveProgress } from './move-progress'

const IDS = '(SELECT value FROM json_each(?1))'

/** A leftover the tenant's own shard does not hold: deleting it would lose it, so nothing is. */
export class LeftoverNotCopied extends Error {
  constructor(
    readonly tenant: string,
    readonly shard: number,
  ) {
    super(
      `シャード ${shard} に残る ${tenant} の住民が、移動先にありません。何も削除していません。移動をやり直してください / ` +
        `residents of ${tenant} left in shard ${shard} are missing from its shard: nothing was deleted; run the move again`,
    )
  }
}

/**
 * After a move: one chunk of what the tenant left in any shard other than its own (forwards
 * aside), or `done`. A tenant that never moved has left nothing anywhere.
 */
export async function removeLeftovers(
  env: Env,
  tenant: string,
  shard: number,
  moved: boolean,
): Promise<MoveProgress> {
  if (!moved) return { phase: 'done', shard }
  const home = shardDatabase(env, shard)
  for (const other of allShards(env)) {
    if (other.shard === shard) continue
    const removed = await removeChunk(other.db, home, tenant, other.shard)
    if (removed) return { phase: 'cleanup', shard: other.shard, ...removed }
  }
  return { phase: 'done', shard }
}

async function removeChunk(
  db: D1Database,
  home: D1Database,
  tenant: string,
  shard: number,
): Promise<{ table: string; removed: number } | null> {
  const { results } = await db
    .prepare('SELECT id FROM subscribers WHERE tenant_slug = ?1 LIMIT 50')
    .bind(tenant)
    .all<{ id: string }>()
  if (results.length > 0) {
    const ids = JSON.stringify(results.map((r) => r.id))
    const there = await home
      .prepare(`SELECT COUNT(*) AS n FROM subscribers WHERE id IN ${IDS}`)
      .bind(ids)
      .first<number>('n')
    if (there !== results.length) throw new LeftoverNotCopied(tenant, shard)
    // Their timelines nobody else here follows, then the residents with everything that cascades.
    await db.batch([
      db
        .prepare(
          `DELETE FROM timelines WHERE id IN (SELECT timeline_id FROM timeline_members WHERE subscriber_id IN ${IDS})
             AND NOT EXISTS (SELECT 1 FROM timeline_members o
                             WHERE o.timeline_id = timelines.id AND o.subscriber_id NOT IN ${IDS})`,
        )
        .bind(ids),
      db.prepare(`DELETE FROM subscribers WHERE id IN ${IDS}`).bind(ids),
    ])
    return { table: 'subscribers', removed: results.length }
  }
  for (const step of copySteps) {
    if (step.by !== 'tenant' || step.table === 'subscribers') continue
    const { meta } = await db
      .prepare(
        `DELETE FROM ${step.table} WHERE rowid IN (SELECT rowid FROM ${step.table}
           WHERE tenant_slug = ?1 ${step.where ? `AND ${step.where}` : ''} LIMIT 500)`,
      )
      .bind(tenant)
      .run()
    if (meta.changes > 0) return { table: step.table, removed: meta.changes }
  }
  const { meta } = await db
    .prepare(
      `DELETE FROM timelines WHERE rowid IN (SELECT rowid FROM timelines t WHERE tenant_slug = ?1
         AND NOT EXISTS (SELECT 1 FROM timeline_members m WHERE m.timeline_id = t.id) LIMIT 500)`,
    )
    .bind(tenant)
    .run()
  return meta.changes > 0 ? { table: 'timelines', removed: meta.changes } : null
}
