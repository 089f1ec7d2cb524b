import { Hono } from 'hono'
import type { Env } from '../env'
import { subscriberLanguage } from '../resident/language'
import { requireLinkSecret } from '../resident/link-tokens'
import { linkSegment, openLink } from '../shards/links'
import { ensureSettled } from '../shards/map'
import { findTenant } from '../snapshot/tenant'
import { residentHeaders, sameOriginForms } from '../web/guard'
import { publicOrigin } from '../web/origin'
import { readAs } from '../web/reader'
import { type Ctx, deadLink } from '../web/request'
import { findChange, undoChange } from './undo'
import { undonePage, undoPage } from './undo-page'

/** The open change a /u/ link names, in the shard its prefix names (TenantMoving while it moves). */
async function opened(c: Ctx, now: Date) {
  const link = await openLink(c.env, c.req.param('segment') ?? '')
  const change = link && (await findChange(link.db, link.token, now))
  const tenant = change && (await findTenant(c.env.DB, change.tenantSlug))
  if (!link || !change || !tenant) return null
  await ensureSettled(c.env, tenant.slug)
  readAs(await subscriberLanguage(link.db, change.subscriberId), tenant.languages.offered)
  return { link, change, tenant }
}

/** "This was not me" (/u/{shard}{token}, 14 days, once): the replaced address takes its messages back. */
export const undoRoutes = new Hono<{ Bindings: Env }>()
  .use(residentHeaders, sameOriginForms)
  .get('/:segment', async (c) => {
    if (!(await opened(c, new Date()))) return deadLink(c)
    return c.html(undoPage(c.req.param('segment')))
  })
  .post('/:segment', async (c) => {
    const now = new Date()
    const o = await opened(c, now)
    if (!o) return deadLink(c)
    const secret = requireLinkSecret(c.env.LINK_SECRET)
    const undone = await undoChange(o.link.db, o.tenant, secret, o.change, now)
    if (!undone.ok) return deadLink(c)
    const url = `${publicOrigin(c).replace(/\/$/, '')}/r/${linkSegment(o.link.shard, undone.manageToken)}`
    return c.html(undonePage(undone.replaced, url))
  })
