import type { D1Database } from '@cloudflare/workers-types'
import type { Env } from '../env'
import { removeLeftovers } from './cleanup'
import { insertStatements, readChunk, subscriberChunk } from './copy'
import { isBound, shardDatabase } from './databases'
import { type CopyStep, copySteps, linkHashesOfSubscribers, linkHashesOfTenant } from './move-plan'
import type { MoveCursor, MoveProgress } from './move-progress'

// Moving a tenant's residents to another shard while everything runs (`npx yorisoi shard move`):
// 1. start: tenant_shards.moving_to is set. From then on residentShard throws TenantMoving: pages
//    answer 503, the queue's consumers retry, the cron passes the tenant by. Work that resolved the
//    shard just before gets `SHARD_MOVE_DRAIN_SECONDS` (default 120) to finish.
// 2. steps, each a bounded chunk: every table's rows of the tenant copied to the new shard, then a
//    forward (link_forwards) in the old shard for every resident link's token hash, then the flip:
//    `shard` becomes the new one and moving_to is cleared, in one statement.
// 3. cleanup steps delete what the tenant left in any other shard, forwards aside.
// Nothing of the tenant changes in its old shard while it moves, so a step repeated (a move resumed
// from the start) copies nothing twice.

interface MoveRow {
  shard: number
  movingTo: number | null
  startedAt: string | null
}

export type MoveStart =
  | { ok: true; from: number; to: number; moving: boolean }
  | {
      ok: false
      reason: 'tenant-not-placed' | 'shard-not-bound' | 'tenant-moving-elsewhere'
      movingTo?: number
    }

const readMove = (main: D1Database, tenant: string) =>
  main
    .prepare(
      `SELECT shard, moving_to AS movingTo, move_started_at AS startedAt FROM tenant_shards WHERE tenant_slug = ?1`,
    )
    .bind(tenant)
    .first<MoveRow>()

/** Starts moving the tenant to shard `to`, or finds the same move under way (to resume it). */
export async function startMove(env: Env, tenant: string, to: number, now: Date): Promise<MoveStart> {
  if (!isBound(env, to)) return { ok: false, reason: 'shard-not-bound' }
  const row = await readMove(env.DB, tenant)
  if (!row) return { ok: false, reason: 'tenant-not-placed' }
  if (row.movingTo !== null && row.movingTo !== to)
    return { ok: false, reason: 'tenant-moving-elsewhere', movingTo: row.movingTo }
  if (row.movingTo === null && row.shard === to) return { ok: true, from: to, to, moving: false }
  if (row.movingTo === null)
    await env.DB.prepare(
      `UPDATE tenant_shards SET moving_to = ?2, move_started_at = ?3, updated_at = ?3
       WHERE tenant_slug = ?1 AND moving_to IS NULL`,
    )
      .bind(tenant, to, now.toISOString())
      .run()
  return { ok: true, from: row.shard, to, moving: true }
}

/** The flip was asked before every resident was copied: nothing changed; step again from the start. */
export class MoveIncomplete extends Error {
  constructor(
    readonly tenant: string,
    readonly missing: number,
  ) {
    super(
      `${tenant} の住民 ${missing} 人がまだ移動先にありません。切り替えていません。最初から（cursor なしで）続けてください / ` +
        `${missing} residents of ${tenant} are not in the new shard yet: nothing was switched; step again from the start (no cursor)`,
    )
  }
}

const residentsIn = async (db: D1Database, tenant: string) =>
  (await db
    .prepare('SELECT COUNT(*) AS n FROM subscribers WHERE tenant_slug = ?1')
    .bind(tenant)
    .first<number>('n')) ?? 0

const drainMs = (env: Env) => {
  const seconds = Number(env.SHARD_MOVE_DRAIN_SECONDS ?? 120)
  return (Number.isFinite(seconds) && seconds >= 0 ? seconds : 120) * 1000
}

/** One bounded piece of the tenant's move (or of the cleanup after it); call again until `done`. */
export async function moveStep(
  env: Env,
  tenant: string,
  cursor: MoveCursor | null,
  now: Date,
): Promise<MoveProgress | null> {
  const row = await readMove(env.DB, tenant)
  if (!row) return null
  if (row.movingTo === null) return removeLeftovers(env, tenant, row.shard, row.startedAt !== null)
  const waitMs = Date.parse(row.startedAt ?? now.toISOString()) + drainMs(env) - now.getTime()
  if (waitMs > 0) return { phase: 'draining', waitMs }
  const from = shardDatabase(env, row.shard)
  const to = shardDatabase(env, row.movingTo)
  let { step, after } = cursor ?? { step: 0, after: 0 }
  // Empty chunks cost one read: run on through them to the next with rows.
  for (let empty = 0; empty < 40; empty++) {
    if (step < copySteps.length) {
      const progress = await copyChunk(from, to, copySteps[step]!, tenant, after)
      const next = progress.next === null ? { step: step + 1, after: 0 } : { step, after: progress.next }
      if (progress.rows > 0)
        return { phase: 'copy', table: copySteps[step]!.table, rows: progress.rows, cursor: next }
      ;({ step, after } = next)
      continue
    }
    if (step < copySteps.length + 2) {
      const progress = await forwardChunk(from, to, row.movingTo, tenant, step - copySteps.length, after)
      const next = progress.next === null ? { step: step + 1, after: 0 } : { step, after: progress.next }
      if (progress.links > 0) return { phase: 'forward', links: progress.links, cursor: next }
      ;({ step, after } = next)
      continue
    }
    // A cursor that skipped the copy (by hand, or a bug) must not send the town to an empty shard.
    const [left, arrived] = await Promise.all([from, to].map((db) => residentsIn(db, tenant)))
    if (arrived! < left!) throw new MoveIncomplete(tenant, left! - arrived!)
    await env.DB.prepare(
      `UPDATE tenant_shards SET shard = moving_to, moving_to = NULL, updated_at = ?2
       WHERE tenant_slug = ?1 AND moving_to = ?3`,
    )
      .bind(tenant, now.toISOString(), row.movingTo)
      .run()
    return { phase: 'moved', shard: row.movingTo }
  }
  return step < copySteps.length
    ? { phase: 'copy', table: copySteps[step]!.table, rows: 0, cursor: { step, after } }
    : { phase: 'forward', links: 0, cursor: { step, after } }
}

async function copyChunk(
  from: D1Database,
  to: D1Database,
  step: CopyStep,
  tenant: string,
  after: number,
): Promise<{ rows: number; next: number | null }> {
  const chunk = await readChunk(from, step, tenant, after)
  const rows =
    step.table === 'tenant_runs'
      ? await Promise.all(
          chunk.rows.map(async (run) =>
            run.state === 'enqueuing'
              ? { ...run, cursor: await runCursorIn(from, to, tenant, run.cursor as string | null) }
              : run,
          ),
        )
      : chunk.rows
  const statements = insertStatements(to, step, rows)
  if (statements.length > 0) await to.batch(statements)
  return { rows: rows.length, next: chunk.next }
}

/**
 * A run still enqueuing names the last subscriber it enqueued by rowid (`next_send_on|rowid`, or
 * the rowid alone), and rowids differ in the new shard. Subscribers were copied in rowid order, so
 * the tenant's last subscriber at or before the old rowid is where the run goes on from there. If
 * that cannot be said, the run starts its paging again: everyone already sent is found sent.
 */
async function runCursorIn(
  from: D1Database,
  to: D1Database,
  tenant: string,
  cursor: string | null,
): Promise<string | null> {
  if (!cursor) return cursor
  const bar = cursor.lastIndexOf('|')
  const row = Number(cursor.slice(bar + 1))
  if (!Number.isInteger(row)) return null
  const last = await from
    .prepare('SELECT id FROM subscribers WHERE tenant_slug = ?1 AND rowid <= ?2 ORDER BY rowid DESC LIMIT 1')
    .bind(tenant, row)
    .first<string>('id')
  const moved =
    last === null
      ? 0
      : await to.prepare('SELECT rowid AS row FROM subscribers WHERE id = ?1').bind(last).first<number>('row')
  return moved === null ? null : `${cursor.slice(0, bar + 1)}${moved}`
}

/**
 * Forwards in the old shard for one chunk of the tenant's link token hashes (kind 0: its residents'
 * links, kind 1: address proofs in nobody's name), and none left for them in the new shard (a
 * tenant coming back to a shard it once left).
 */
async function forwardChunk(
  from: D1Database,
  to: D1Database,
  shard: number,
  tenant: string,
  kind: number,
  after: number,
): Promise<{ links: number; next: number | null }> {
  let hashes: string[]
  let next: number | null
  if (kind === 0) {
    const parents = await subscriberChunk(from, tenant, after, 50)
    next = parents.next
    hashes =
      parents.ids.length === 0
        ? []
        : (
            await from
              .prepare(linkHashesOfSubscribers)
              .bind(JSON.stringify(parents.ids))
              .all<{ hash: string }>()
          ).results.map((r) => r.hash)
  } else {
    const { results } = await from
      .prepare(linkHashesOfTenant)
      .bind(tenant, after, 500)
      .all<{ row: number; hash: string }>()
    hashes = results.map((r) => r.hash)
    next = results.length < 500 ? null : results.at(-1)!.row
  }
  if (hashes.length === 0) return { links: 0, next }
  const json = JSON.stringify(hashes)
  await from
    .prepare(
      `INSERT INTO link_forwards (token_hash, shard) SELECT value, ?2 FROM json_each(?1) WHERE true
       ON CONFLICT (token_hash) DO UPDATE SET shard = excluded.shard`,
    )
    .bind(json, shard)
    .run()
  await to
    .prepare('DELETE FROM link_forwards WHERE token_hash IN (SELECT value FROM json_each(?1))')
    .bind(json)
    .run()
  return { links: hashes.length, next }
}
