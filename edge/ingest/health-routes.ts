import { Hono } from 'hono'
import { contractVersion } from '../../shared/contract'
import type { Env } from '../env'
import { allShards } from '../shards/databases'
import { readActiveManifest } from '../snapshot/active'

/**
 * Answers 200 when the Worker can read D1 — the main database and every shard, each migrated (a
 * shard it cannot read leaves its towns' residents unreachable); says which snapshot it serves.
 */
export const healthRoutes = new Hono<{ Bindings: Env }>().get('/', async (c) => {
  let active: Awaited<ReturnType<typeof readActiveManifest>>
  try {
    active = await readActiveManifest(c.env.DB)
  } catch (error) {
    console.error('healthz: D1 unreadable', error)
    return c.json({ status: 'error', message: 'D1 を読めません / D1 is not readable' }, 503)
  }
  const shards = allShards(c.env)
  for (const { shard, db } of shards) {
    try {
      await db.prepare('SELECT 1 FROM subscribers LIMIT 1').first()
    } catch (error) {
      console.error(`healthz: shard ${shard} unreadable`, error)
      return c.json(
        {
          status: 'error',
          message: `シャード ${shard} を読めません（マイグレーション済みか確かめてください）/ Shard ${shard} is not readable (check that it is migrated)`,
        },
        503,
      )
    }
  }
  return c.json({
    status: 'ok',
    contractVersion,
    activeManifestId: active?.manifestId ?? null,
    shards: shards.map((s) => s.shard),
  })
})
