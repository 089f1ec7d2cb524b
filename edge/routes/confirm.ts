import { Hono } from 'hono'
import type { Env } from '../env'
import { confirmPage } from '../pages/confirm'
import { linkNotValidPage } from '../pages/notice'
import { confirmSubscription } from '../resident/actions'
import { requireLinkSecret } from '../resident/link-tokens'
import { loadResident } from '../resident/resident'
import { findTenant } from '../resident/tenant'
import { findToken } from '../resident/tokens'
import { residentHeaders, sameOriginForms } from './resident-guard'

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
    if (!grant || !tenant) return c.html(linkNotValidPage(), 404)
    const manage = await confirmSubscription(
      c.env.DB,
      tenant,
      grant,
      requireLinkSecret(c.env.LINK_SECRET),
      now,
    )
    if (!manage) return c.html(linkNotValidPage(), 404)
    return c.redirect(`/r/${manage}?done=confirmed`, 303)
  })
