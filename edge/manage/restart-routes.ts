import { Hono } from 'hono'
import type { Env } from '../env'
import { manageAccess } from '../resident/access'
import { residentHeaders, sameOriginForms } from '../web/guard'
import { clientIp, hashIp } from '../web/ip-hash'
import { deadLink, formText } from '../web/request'
import { problemText } from './form-problem'
import { mayRestart, restartSubscription } from './restart'
import { restartProblemPage } from './restart-page'

/** `/r/{token}/restart`: a stopped resident starts again from their manage link. */
export const restartRoutes = new Hono<{ Bindings: Env }>()
  .use(residentHeaders, sameOriginForms)
  .post('/:token/restart', async (c) => {
    const a = await manageAccess(c)
    if (!a) return deadLink(c)
    const { consent = '', noticeVersion = '' } = await formText(c)
    const ipHash = await hashIp(clientIp(c.req.raw.headers), c.env.IP_HASH_SALT)
    const result = await restartSubscription(
      a.db,
      a.tenant,
      a.resident,
      { consent, noticeVersion, ipHash },
      new Date(),
    )
    if (result.ok) return c.redirect(`/r/${a.token}?done=restarted`, 303)
    const message = problemText(result.problem)
    return c.html(restartProblemPage(a.tenant, a.token, message, mayRestart(a.resident)), 422)
  })
