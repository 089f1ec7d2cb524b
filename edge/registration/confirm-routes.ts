import { Hono } from 'hono'
import type { Env } from '../env'
import { requireLinkSecret } from '../resident/link-tokens'
import { loadResident } from '../resident/resident'
import { findToken } from '../resident/tokens'
import { linkSegment, openLink } from '../shards/links'
import { ensureSettled } from '../shards/map'
import { findTenant } from '../snapshot/tenant'
import { residentHeaders, sameOriginForms } from '../web/guard'
import { clientIp, hashIp } from '../web/ip-hash'
import { linkNotValidPage } from '../web/notice'
import { readAs } from '../web/reader'
import { confirmSubscription } from './confirm'
import { confirmPage } from './confirm-page'
import { consentAwaited } from './counter-consent'
import { readAsResident } from './read-as-resident'

/** /c/{segment}: the segment names the shard (a bare token sent before shards is shard 1's). */
export const confirmRoutes = new Hono<{ Bindings: Env }>()
  .use(residentHeaders, sameOriginForms)
  .get('/:segment', async (c) => {
    const segment = c.req.param('segment')
    const link = await openLink(c.env, segment)
    const grant = link && (await findToken(link.db, link.token, ['confirm'], new Date()))
    if (!link || !grant) return c.html(linkNotValidPage(), 404)
    await readAsResident(c.env.DB, link.db, grant.subscriberId)
    // Started at the counter: the resident has not agreed yet, and does so here, on their own phone.
    const tenant = await consentAwaited(c.env.DB, link.db, grant.subscriberId)
    return c.html(confirmPage(segment, tenant ?? undefined))
  })
  .post('/:segment', async (c) => {
    const now = new Date()
    const link = await openLink(c.env, c.req.param('segment'))
    const grant = link && (await findToken(link.db, link.token, ['confirm'], now))
    const resident = link && grant && (await loadResident(link.db, grant.subscriberId))
    const tenant = resident && (await findTenant(c.env.DB, resident.subscriber.tenantSlug))
    if (!link || !grant || !resident || !tenant) return c.html(linkNotValidPage(), 404)
    readAs(resident.subscriber.language, tenant.languages.offered)
    await ensureSettled(c.env, tenant.slug)
    const secret = requireLinkSecret(c.env.LINK_SECRET)
    const ipHash = await hashIp(clientIp(c.req.raw.headers), c.env.IP_HASH_SALT)
    const manage = await confirmSubscription(link.db, tenant, resident, grant, secret, now, ipHash)
    if (!manage) return c.html(linkNotValidPage(), 404)
    return c.redirect(`/r/${linkSegment(link.shard, manage)}?done=confirmed`, 303)
  })
