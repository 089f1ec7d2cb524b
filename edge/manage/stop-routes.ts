import { Hono } from 'hono'
import { stopReason } from '../../shared/contract'
import type { Env } from '../env'
import { openGrant, readAsGranted } from '../resident/access'
import { residentHeaders } from '../web/guard'
import { linkNotValidPage } from '../web/notice'
import { stopSubscription } from './actions'
import { stoppedPage } from './routes'
import { stopPage } from './stop-page'

// Stop links never expire and need no same-origin check: a mail provider's RFC 8058 one-click
// POST comes from its own servers, the token alone grants it, and stopping harms no one. A bare
// token (a link sent before shards) opens in shard 1 for good.
export const stopRoutes = new Hono<{ Bindings: Env }>()
  .use(residentHeaders)
  .get('/:token', async (c) => {
    const opened = await openGrant(c.env, c.req.param('token'), ['stop'], new Date())
    if (!opened) return c.html(linkNotValidPage(), 404)
    await readAsGranted(c.env, opened.grant)
    return c.html(stopPage(c.req.param('token')))
  })
  .post('/:token', async (c) => {
    const now = new Date()
    const opened = await openGrant(c.env, c.req.param('token'), ['stop'], now)
    if (!opened) return c.html(linkNotValidPage(), 404)
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
    const given = stopReason.safeParse(form.reason)
    const reason = given.success && given.data !== 'not-given' ? given.data : null
    await stopSubscription(opened.db, opened.grant.subscriberId, 'unsubscribed', now, reason)
    await readAsGranted(c.env, opened.grant)
    return c.html(stoppedPage())
  })
