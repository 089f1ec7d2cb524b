import { Hono } from 'hono'
import { z } from 'zod'
import { bilingual, tenantSlug } from '../../shared/contract'
import type { Env } from '../env'
import { LeftoverNotCopied } from '../shards/cleanup'
import { MoveIncomplete, moveStep, startMove } from '../shards/move'
import { listPlacements } from '../shards/placements'
import { requireToken } from './bearer'
import { ingestFailure } from './failure'
import { ingestValid, jsonBody } from './request'

const operationsToken = requireToken('OPERATIONS_TOKEN')
const moveRequest = z.object({ tenant: tenantSlug, to: z.number().int().min(1).max(9999) })
const stepRequest = z.object({
  cursor: z
    .object({ step: z.number().int().min(0), after: z.number().int().min(0) })
    .nullable()
    .default(null),
})

const refusals = {
  'tenant-not-placed': {
    status: 404,
    message: bilingual(
      'その自治体はまだどのシャードにも置かれていません（最初の公開で置かれます）',
      'That tenant is on no shard yet (its first publish places it)',
    ),
  },
  'shard-not-bound': {
    status: 400,
    message: bilingual(
      'そのシャードは wrangler.toml にありません（binding = "SHARD_n" を加えてデプロイしてください）',
      'That shard is not bound: add binding = "SHARD_n" to wrangler.toml and deploy',
    ),
  },
  'tenant-moving-elsewhere': {
    status: 409,
    message: bilingual(
      'その自治体は別のシャードへ移動中です。その移動を先に終えてください',
      'That tenant is moving to another shard: finish that move first',
    ),
  },
} as const

/**
 * The shards, opened by OPERATIONS_TOKEN alone: which tenants each holds (`npx yorisoi shard list`), and
 * moving a tenant's residents between them (`npx yorisoi shard move`): start (or find the same
 * move under way), then steps until `done`. See shards/move.ts.
 */
export const shardRoutes = new Hono<{ Bindings: Env }>()
  .get('/', operationsToken, async (c) => c.json({ shards: await listPlacements(c.env) }))
  .post('/moves', operationsToken, jsonBody(moveRequest), async (c) => {
    const { tenant, to } = c.req.valid('json')
    const started = await startMove(c.env, tenant, to, new Date())
    if (!started.ok) {
      const { status, message } = refusals[started.reason]
      return c.json({ error: { code: started.reason, message } }, status)
    }
    console.info(
      'shards: move',
      tenant,
      started.from,
      '->',
      started.to,
      started.moving ? '' : '(already there)',
    )
    return c.json({ tenant, from: started.from, to: started.to, moving: started.moving })
  })
  .post(
    '/moves/:tenant/step',
    operationsToken,
    ingestValid('param', z.object({ tenant: tenantSlug })),
    jsonBody(stepRequest, {}),
    async (c) => {
      const { tenant } = c.req.valid('param')
      try {
        const progress = await moveStep(c.env, tenant, c.req.valid('json').cursor, new Date())
        if (!progress) return ingestFailure(c, 'unknown-tenant')
        if (progress.phase === 'moved') console.info('shards: moved', tenant, 'to', progress.shard)
        return c.json(progress)
      } catch (error) {
        const code =
          error instanceof LeftoverNotCopied
            ? 'leftover-not-copied'
            : error instanceof MoveIncomplete
              ? 'move-incomplete'
              : null
        if (!code) throw error
        return c.json({ error: { code, message: (error as Error).message } }, 409)
      }
    },
  )
