import { Hono } from 'hono'
import { z } from 'zod'
import { tenantSlug } from '../../shared/contract'
import { flaggedQuery, listFlagged } from '../delivery/flagged'
import { resolveFlagged, resolveRequest } from '../delivery/resolve'
import type { Env } from '../env'
import { residentDb } from '../shards/map'
import { requireToken } from './bearer'
import { ingestFailure } from './failure'
import { ingestValid, jsonBody } from './request'

// A program delivery's id is its page token's hash (shared/links tokenHash: 64 hex, or 32 after
// an 11-character prefix); one flagged before its links were made (a dead-lettered day) has its
// key, a UUID.
const deliveryId = z
  .string()
  .regex(
    /^(?:[0-9a-f]{64}|[A-Za-z0-9_-]{11}[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
    {
      error: '配信 ID の形ではありません / Not a delivery id',
    },
  )
const tenantParam = z.object({ tenant: tenantSlug })
const decisionsToken = requireToken('DECISIONS_TOKEN')
const deliveryParam = z.object({ tenant: tenantSlug, id: deliveryId })

/**
 * The operator's side of flagged deliveries (`npx yorisoi flagged`), under /ingest, opened by
 * DECISIONS_TOKEN alone: the list (masked addresses only) and a person's decision on each.
 * Residents' data stays at the edge; the CMS sees only the daily counts. Both act in the tenant's
 * shard (503 while its residents are being moved).
 */
export const flaggedRoutes = new Hono<{ Bindings: Env }>()
  .get(
    '/:tenant/flagged',
    decisionsToken,
    ingestValid('param', tenantParam),
    ingestValid('query', flaggedQuery),
    async (c) => {
      const { tenant } = c.req.valid('param')
      const list = await listFlagged(await residentDb(c.env, tenant), {
        tenant,
        limit: c.req.valid('query').limit,
      })
      return c.json({ tenant, ...list })
    },
  )
  .post(
    '/:tenant/flagged/:id/resolve',
    decisionsToken,
    ingestValid('param', deliveryParam),
    jsonBody(resolveRequest),
    async (c) => {
      const { tenant, id } = c.req.valid('param')
      const { decision, actor } = c.req.valid('json')
      const resolution = await resolveFlagged(c.env, {
        tenant,
        id,
        decision,
        actor: actor ?? null,
        now: new Date(),
      })
      if (resolution.status !== 'resolved')
        return ingestFailure(
          c,
          resolution.status === 'unknown-delivery' ? 'unknown-delivery' : 'delivery-not-flagged',
        )
      console.info('ingest: flagged delivery resolved', tenant, id, resolution.decision, resolution.state)
      const { status: _status, ...answer } = resolution
      return c.json(answer)
    },
  )
