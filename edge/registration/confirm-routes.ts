import { Hono } from 'hono'
import type { Env } from '../env'
import { requireLinkSecret } from '../resident/link-tokens'
import { loadResident } from '../resident/resident'
import { findToken } from '../resident/tokens'
import { findTenant } from '../snapshot/tenant'
import { residentHeaders, sameOriginForms } from '../web/guard'
import { linkNotValidPage } from '../web/notice'
import { confirmSubscription } from './confirm'
import { confirmPage } from './confirm-page'

export const confirmRoutes = new Hono<{ Bindings: Env }>()
  .use(residentHeaders, sameOriginForms)
  .get('/:token', async (c) => {
    const grant = await findToken(c.env.DB, c.req.param('token'), ['confirm'], new Date())
    if (!grant) return c.html(linkNotValidPage(), 404)
    return c.html(confirmPage(c.req.param('token')))
  })
  .post('/:token', async (c) => {
    const now = new Date()
    const grant = await findToken(c.env.DB, c.req.param('token'), ['confirm'], now)
    const resident = grant && (await loadResident(c.env.DB, grant.subscriberId))
    const tenant = resident && (await findTenant(c.env.DB, resident.subscriber.tenantSlug))
    if (!grant || !resident || !tenant) return c.html(linkNotValidPage(), 404)
    const manage = await confirmSubscription(
      c.env.DB,
      tenant,
      resident,
      grant,
      requireLinkSecret(c.env.LINK_SECRET),
      now,
    )
    if (!manage) return c.html(linkNotValidPage(), 404)
    return c.redirect(`/r/${manage}?done=confirmed`, 303)
  })
