import { Hono } from 'hono'
import { z } from 'zod'
import { parseContract, tenantSlug } from '../../shared/contract'
import { flaggedQuery, listFlagged } from '../delivery/flagged'
import { resolveFlagged, resolveRequest } from '../delivery/resolve'
import type { Env } from '../env'
import { ingestFailure } from './failure'

const deliveryId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
  error: '配信 ID の形ではありません / Not a delivery id',
})

/**
 * The operator's side of flagged deliveries (`npx yorisoi flagged`), under /ingest so the same
 * bearer token guards it: the list (masked addresses only) and a person's decision on each.
 * Residents' data stays at the edge; the CMS sees only the daily counts.
 */
export const flaggedRoutes = new Hono<{ Bindings: Env }>()
  .get('/:tenant/flagged', async (c) => {
    const tenant = parseContract(tenantSlug, c.req.param('tenant'))
    if (!tenant.ok) return ingestFailure(c, 'invalid-request', tenant.issues)
    const query = parseContract(flaggedQuery, c.req.query())
    if (!query.ok) return ingestFailure(c, 'invalid-request', query.issues)
    const list = await listFlagged(c.env.DB, { tenant: tenant.value, limit: query.value.limit })
    return c.json({ tenant: tenant.value, ...list })
  })
  .post('/:tenant/flagged/:id/resolve', async (c) => {
    const tenant = parseContract(tenantSlug, c.req.param('tenant'))
    if (!tenant.ok) return ingestFailure(c, 'invalid-request', tenant.issues)
    const id = parseContract(deliveryId, c.req.param('id'))
    if (!id.ok) return ingestFailure(c, 'invalid-request', id.issues)
    const body = parseContract(resolveRequest, await c.req.json().catch(() => null))
    if (!body.ok) return ingestFailure(c, 'invalid-request', body.issues)
    const resolution = await resolveFlagged(c.env, {
      tenant: tenant.value,
      id: id.value,
      decision: body.value.decision,
      actor: body.value.actor ?? null,
      now: new Date(),
    })
    if (resolution.status !== 'resolved')
      return ingestFailure(
        c,
        resolution.status === 'unknown-delivery' ? 'unknown-delivery' : 'delivery-not-flagged',
      )
    console.info(
      'ingest: flagged delivery resolved',
      tenant.value,
      id.value,
      resolution.decision,
      resolution.state,
    )
    const { status: _status, ...answer } = resolution
    return c.json(answer)
  })
